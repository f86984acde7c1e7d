"""The organisations of a scale run, their staff, and the employers, workplaces and recruiters their
cases name. Pure: built from the seed and the number of organisations.

Organisation names are composed from the demo's (the glossary's terms) and a province name from
data/geography.csv; the Khmer and Thai compositions have not been reviewed by a native speaker.
Employers are the demo's plus generated ones with invented names (no real company is meant).
"""

from __future__ import annotations

import csv
import itertools
import random
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path

from corridor.core.demo import names
from corridor.core.scale.plan import ScalePlan
from corridor.core.scale.tables import new_id, stamp

Row = tuple[object, ...]

_GEOGRAPHY = Path(__file__).resolve().parent.parent / "data" / "geography.csv"
EMAIL_DOMAIN = "example.org"
SECTORS = {
    "seafood": "C",
    "fishing": "A",
    "construction": "F",
    "agriculture": "A",
    "poultry": "C",
    "garment": "C",
    "domestic": "T",
    "scam": "",
}


@dataclass(frozen=True)
class OrgKind:
    name_en: str
    name_km: str
    name_th: str
    type: str
    country: str
    case_weight: int
    people_weight: int
    scenarios: dict[str, int]  # "border_crisis" joins these for cases opened after the July 2025 clashes
    border_crisis: int


_HELP = ("{en} Migrant Worker Help Centre", "មជ្ឈមណ្ឌលជំនួយពលករចំណាកស្រុក {km}", "ศูนย์ช่วยเหลือแรงงานข้ามชาติ{th}")
_LEGAL = (
    "{en} Legal Aid for Migrant Workers",
    "អង្គការជំនួយផ្នែកច្បាប់ដល់ពលករចំណាកស្រុក {km}",
    "องค์กรความช่วยเหลือทางกฎหมายแก่แรงงานข้ามชาติ {th}",
)
_FEDERATION = (
    "{en} Federation of Migrant Workers' Unions",
    "សហព័ន្ធសហជីពពលករចំណាកស្រុក {km}",
    "สหพันธ์สหภาพแรงงานข้ามชาติ{th}",
)
_UNION = ("{en} Migrant Workers' Union", "សហជីពពលករចំណាកស្រុក {km}", "สหภาพแรงงานข้ามชาติ {th}")
_DEMO_ORGS = {org["slug"]: org for org in names.ORGANISATIONS}


def _demo_names(slug: str) -> tuple[str, str, str]:
    org = _DEMO_ORGS[slug]
    return org["name_en"], org["name_km"], org["name_th"]


_MLVT, _DOE = _demo_names("mlvt"), _demo_names("doe-thailand")
_THAI_NGO = {"standard": 88, "forced_fishing": 4, "abuse": 4, "scam": 2}
_CAMBODIAN_NGO = {"standard": 82, "forced_fishing": 5, "abuse": 4, "scam": 8}
_GOVERNMENT = "CentralGovernmentOrganisation"

ORG_KINDS: dict[str, OrgKind] = {
    "th_ngo": OrgKind(*_HELP, "NGO", "TH", 14, 14, _THAI_NGO, 8),
    "th_legal": OrgKind(*_LEGAL, "LegalService", "TH", 10, 10, _THAI_NGO, 8),
    "th_union": OrgKind(*_FEDERATION, "TradeUnion", "TH", 9, 9, {"standard": 97, "abuse": 2}, 8),
    "kh_ngo": OrgKind(*_HELP, "NGO", "KH", 8, 12, _CAMBODIAN_NGO, 45),
    "kh_legal": OrgKind(*_LEGAL, "LegalService", "KH", 9, 10, _CAMBODIAN_NGO, 45),
    "kh_union": OrgKind(*_UNION, "TradeUnion", "KH", 4, 5, {"standard": 97, "abuse": 2}, 30),
    "mlvt": OrgKind(*_MLVT, _GOVERNMENT, "KH", 3, 6, {"standard": 70, "scam": 20, "forced_fishing": 10}, 40),
    "doe": OrgKind(*_DOE, _GOVERNMENT, "TH", 3, 6, {"standard": 88, "forced_fishing": 8}, 10),
}
# The first twelve organisations; more repeat the NGOs and unions in other provinces.
ORG_SEQUENCE: tuple[tuple[str, str | None], ...] = (
    ("th_ngo", "TH-74"),
    ("kh_legal", "KH-1"),
    ("th_union", "TH-20"),
    ("mlvt", None),
    ("doe", None),
    ("th_ngo", "TH-21"),
    ("kh_ngo", "KH-14"),
    ("th_legal", "TH-10"),
    ("kh_legal", "KH-2"),
    ("th_union", "TH-74"),
    ("th_ngo", "TH-27"),
    ("kh_union", "KH-3"),
)
_MORE_KINDS = ("th_ngo", "kh_ngo", "th_legal", "th_union", "kh_legal", "th_ngo", "kh_union")
_MORE_TH = ("TH-90", "TH-22", "TH-11", "TH-13", "TH-84", "TH-23", "TH-20", "TH-10", "TH-73", "TH-24")
_MORE_KH = ("KH-6", "KH-17", "KH-21", "KH-20", "KH-25", "KH-22", "KH-15", "KH-4", "KH-3", "KH-14")

# Thai provinces where Cambodian workers live and work: weight, districts, kinds of work there.
TH_PROVINCES: dict[str, tuple[int, tuple[str, ...], tuple[str, ...]]] = {
    "TH-10": (
        16,
        ("Lat Krabang", "Bang Khun Thian", "Chatuchak", "Bang Na", "Min Buri"),
        ("construction", "garment", "domestic"),
    ),
    "TH-11": (6, ("Bang Phli", "Phra Pradaeng", "Mueang Samut Prakan"), ("garment", "seafood", "construction")),
    "TH-12": (3, ("Bang Bua Thong", "Pak Kret"), ("construction",)),
    "TH-13": (5, ("Khlong Luang", "Lam Luk Ka", "Thanyaburi"), ("construction", "poultry")),
    "TH-74": (14, ("Mueang Samut Sakhon", "Krathum Baen", "Ban Phaeo"), ("seafood", "fishing")),
    "TH-21": (
        10,
        ("Mueang Rayong", "Klaeng", "Ban Chang", "Pluak Daeng"),
        ("seafood", "agriculture", "construction", "fishing"),
    ),
    "TH-20": (
        12,
        ("Si Racha", "Phan Thong", "Bang Lamung", "Sattahip"),
        ("construction", "poultry", "domestic", "seafood"),
    ),
    "TH-24": (3, ("Bang Pakong", "Phanom Sarakham"), ("poultry", "agriculture")),
    "TH-73": (3, ("Sam Phran", "Nakhon Chai Si"), ("poultry", "garment")),
    "TH-19": (2, ("Nong Khae", "Kaeng Khoi"), ("poultry",)),
    "TH-27": (6, ("Aranyaprathet", "Wang Nam Yen", "Khok Sung", "Ta Phraya"), ("agriculture",)),
    "TH-22": (6, ("Tha Mai", "Pong Nam Ron", "Soi Dao", "Mueang Chanthaburi"), ("agriculture", "fishing")),
    "TH-23": (3, ("Khlong Yai", "Mueang Trat"), ("fishing", "agriculture")),
    "TH-31": (1, ("Ban Kruat", "Nang Rong"), ("agriculture",)),
    "TH-32": (1, ("Kap Choeng", "Prasat"), ("agriculture",)),
    "TH-33": (1, ("Kantharalak", "Khun Han"), ("agriculture",)),
    "TH-90": (4, ("Mueang Songkhla", "Hat Yai", "Singhanakhon"), ("seafood", "fishing", "domestic")),
    "TH-84": (3, ("Tha Chana", "Phunphin", "Chaiya"), ("agriculture", "fishing")),
    "TH-83": (2, ("Thalang", "Kathu"), ("construction", "domestic")),
    "TH-63": (1, ("Mae Sot",), ("agriculture",)),
}
KIND_WEIGHTS = {
    "seafood": 24,
    "fishing": 8,
    "construction": 22,
    "agriculture": 18,
    "poultry": 10,
    "garment": 10,
    "domestic": 8,
}
STEMS = (
    ("Chok Chai", "โชคชัย"),
    ("Rung Rueang", "รุ่งเรือง"),
    ("Charoen Phon", "เจริญผล"),
    ("Sombat", "สมบัติ"),
    ("Thanakit", "ธนกิจ"),
    ("Kasem", "เกษม"),
    ("Mongkhon", "มงคล"),
    ("Si Sawat", "ศรีสวัสดิ์"),
    ("Phatthana", "พัฒนา"),
    ("Watthana", "วัฒนา"),
    ("Samakkhi", "สามัคคี"),
    ("Saeng Thong", "แสงทอง"),
    ("Bun Rueang", "บุญเรือง"),
    ("Thong Kham", "ทองคำ"),
    ("Sin Charoen", "สินเจริญ"),
    ("Kaeo Mani", "แก้วมณี"),
)
# Per kind of work: (English, Thai, legal form, what the workplace is).
PRODUCTS: dict[str, tuple[tuple[str, str, str, str], ...]] = {
    "seafood": (
        ("Seafood", "ซีฟู้ด", "co", "processing plant"),
        ("Frozen Foods", "โฟรเซ่นฟู้ดส์", "co", "shrimp-peeling plant"),
        ("Marine Products", "มารีนโปรดักส์", "co", "cannery"),
        ("Dried Seafood", "อาหารทะเลแห้ง", "lp", "squid-drying yard"),
    ),
    "fishing": (("Fishery", "การประมง", "lp", "trawlers"), ("Marine Fishing", "การประมงทะเล", "co", "purse seiners")),
    "construction": (
        ("Construction", "ก่อสร้าง", "co", "condominium site and camp"),
        ("Engineering", "วิศวกรรม", "co", "industrial estate site"),
        ("Builder", "บิลเดอร์", "lp", "housing estate site"),
    ),
    "agriculture": (
        ("Durian Orchard", "สวนทุเรียน", "farm", "durian orchard"),
        ("Cassava Farm", "ไร่มันสำปะหลัง", "farm", "cassava farm"),
        ("Rubber Estate", "สวนยาง", "farm", "rubber estate"),
        ("Sugar Cane Farm", "ไร่อ้อย", "farm", "sugar-cane farm"),
        ("Fruit Orchard", "สวนผลไม้", "farm", "fruit orchard"),
    ),
    "poultry": (
        ("Poultry Processing", "แปรรูปสัตว์ปีก", "co", "chicken processing plant"),
        ("Chicken", "ชิคเก้น", "co", "poultry plant"),
    ),
    "garment": (("Garment", "การ์เมนต์", "co", "sewing factory"), ("Textile", "สิ่งทอ", "co", "knitting plant")),
    "domestic": (("Private household", "ครัวเรือนนายจ้าง", "household", "private house"),),
}
PLACES = {
    "seafood": "at a {p} seafood plant",
    "fishing": "on a {p} fishing boat",
    "construction": "on a {p} construction site",
    "agriculture": "on a {p} {noun}",
    "poultry": "at a {p} poultry plant",
    "garment": "at a {p} garment factory",
    "domestic": "in a {p} household",
}
KH_AGENCY_STEMS = ("Golden River", "Lotus Bridge", "New Dawn", "Bright Star", "Royal Path", "Green Field")
BROKER_TITLES = ("Pou", "Bong", "Yeay", "Ming", "Ta")
DEMO_EMPLOYERS_PER_ORG = 4
EMPLOYERS_PER_ORG = 20
_ALPHANUMERIC = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"


@dataclass(frozen=True)
class Province:
    en: str
    km: str
    th: str


@cache
def provinces() -> dict[str, Province]:
    with _GEOGRAPHY.open(encoding="utf-8", newline="") as handle:
        return {
            row["code"]: Province(row["name_common_en"], row["name_km"], row["name_th"])
            for row in csv.DictReader(handle)
        }


@dataclass(frozen=True)
class Workplace:
    id: str
    name: str
    district: str


@dataclass(frozen=True)
class Employer:
    id: str
    kind: str
    sector: str
    province: str | None
    workplaces: tuple[Workplace, ...]
    place: str  # finishes a case title: "... at a Rayong seafood plant"
    weight: float


@dataclass(frozen=True)
class Recruiter:
    id: str
    name: str
    role: str  # mou_agency, pink_card_agent, broker, online


@dataclass(frozen=True)
class Member:
    membership_id: str
    email: str
    role: str
    full_name: str
    language: str


@dataclass
class Org:
    index: int
    id: str
    slug: str
    prefix: str
    kind: str
    province: str | None
    spec: OrgKind
    staff: list[Member] = field(default_factory=list)
    employers: list[Employer] = field(default_factory=list)
    recruiters: dict[str, list[Recruiter]] = field(default_factory=dict)

    @property
    def country(self) -> str:
        return self.spec.country


@dataclass
class World:
    plan: ScalePlan
    orgs: list[Org]
    rows: dict[str, list[Row]]  # setup rows by model label, in tables.COLUMNS order (no memberships)
    password: str  # one unusable password hash, shared by every member
    created: str  # when the setup rows were made

    @property
    def members(self) -> list[Member]:
        return [member for org in self.orgs for member in org.staff]

    def membership_rows(self, user_ids: dict[str, int]) -> list[Row]:
        return [
            (m.membership_id, self.created, self.created, None, user_ids[m.email], org.id, m.role, True)
            for org in self.orgs
            for m in org.staff
        ]

    def case_counts(self, index: int) -> list[int]:
        """Cases of each organisation in chunk `index`, shared out by weight rather than drawn, so that
        the case counters before any chunk follow from the arguments alone."""
        return _apportion([org.spec.case_weight for org in self.orgs], self.plan.cases_in(index))

    def counters_before(self, index: int) -> list[int]:
        totals = [0] * len(self.orgs)
        for earlier in range(index):
            totals = [a + b for a, b in zip(totals, self.case_counts(earlier), strict=True)]
        return totals


def _apportion(weights: list[int], count: int) -> list[int]:
    """`count` split by weight, largest remainders first."""
    total = sum(weights)
    quotas = [count * weight / total for weight in weights]
    counts = [int(quota) for quota in quotas]
    for i in sorted(range(len(weights)), key=lambda i: counts[i] - quotas[i])[: count - sum(counts)]:
        counts[i] += 1
    return counts


def _org_layout(count: int) -> list[tuple[str, str | None]]:
    layout = list(ORG_SEQUENCE[:count])
    more_th, more_kh = itertools.cycle(_MORE_TH), itertools.cycle(_MORE_KH)
    for kind in itertools.islice(itertools.cycle(_MORE_KINDS), max(0, count - len(layout))):
        layout.append((kind, next(more_th) if ORG_KINDS[kind].country == "TH" else next(more_kh)))
    return layout


def world_build(plan: ScalePlan) -> World:
    return _Builder(plan).build()


class _Builder:
    def __init__(self, plan: ScalePlan) -> None:
        self.plan = plan
        self.rng = random.Random(f"{plan.seed}:world")  # noqa: S311 - reproducible synthetic data, not secrets
        self.created = stamp(plan.first_day - 1, 2 * 3600)
        self.rows: dict[str, list[Row]] = {
            label: []
            for label in ("accounts.organisation", "parties.employer", "parties.workplace", "parties.recruiter")
        }
        thai_staff = [
            full.split()
            for org in names.ORGANISATIONS
            if org["country"] == "TH"
            for *_, full in org["staff"]
            if len(full.split()) == 2
        ]
        self.thai_given = sorted({given for given, _ in thai_staff})
        self.thai_family = sorted({family for _, family in thai_staff})

    def build(self) -> World:
        orgs = []
        for index, (kind, province) in enumerate(_org_layout(self.plan.organisations)):
            org = Org(
                index=index,
                id=new_id(self.rng),
                slug=f"scale-{index + 1:02d}",
                prefix=f"S{index + 1:02d}",
                kind=kind,
                province=province,
                spec=ORG_KINDS[kind],
            )
            self._organisation(org)
            self._staff(org)
            self._employers(org)
            self._recruiters(org)
            orgs.append(org)
        # Django's unusable-password form ("!" and 40 characters), drawn from the seed so runs match.
        password = "!" + "".join(self.rng.choices(_ALPHANUMERIC, k=40))
        return World(plan=self.plan, orgs=orgs, rows=self.rows, password=password, created=self.created)

    def _base(self, id_: str) -> Row:
        return (id_, self.created, self.created, None)

    def _organisation(self, org: Org) -> None:
        spec, rng = org.spec, self.rng
        where = provinces()[org.province] if org.province else None
        values = {"en": where.en, "km": where.km, "th": where.th} if where else {}
        if spec.country == "KH":
            phone = f"+855 23 {rng.randrange(10**3):03d} {rng.randrange(10**3):03d}"
        else:
            phone = f"+66 2 {rng.randrange(10**3):03d} {rng.randrange(10**4):04d}"
        self.rows["accounts.organisation"].append(
            (
                *self._base(org.id),
                spec.name_en.format(**values),
                spec.name_km.format(**values),
                spec.name_th.format(**values),
                org.slug,
                spec.country,
                spec.type,
                f"contact@{org.slug}.{EMAIL_DOMAIN}",
                phone,
                False,
                org.prefix,
                0,
                False,
            )
        )

    def _staff_name(self, country: str) -> str:
        rng = self.rng
        if country == "TH":
            return f"{rng.choice(self.thai_given)} {rng.choice(self.thai_family)}"
        family, given = rng.choice(names.FAMILY_NAMES), rng.choice(names.FEMALE_NAMES + names.MALE_NAMES)
        return f"{family[1][0]} {given[1][0]}"

    def _staff(self, org: Org) -> None:
        weight = org.spec.case_weight
        roles = [("admin", "org_admin"), ("manager", "manager")]
        if weight >= 9:
            roles.append(("manager2", "manager"))
        roles += [(f"caseworker{n if n > 1 else ''}", "caseworker") for n in range(1, max(2, round(weight / 2.5)) + 1)]
        roles.append(("intake", "intake_officer"))
        own_language = "th" if org.country == "TH" else "km"
        for local, role in roles:
            language = own_language if self.rng.random() < 0.6 else "en"
            email = f"{local}@{org.slug}.{EMAIL_DOMAIN}"
            org.staff.append(Member(new_id(self.rng), email, role, self._staff_name(org.country), language))

    # Employers and workplaces.

    def _employers(self, org: Org) -> None:
        rng = self.rng
        demo = sorted(
            {rng.choices(names.EMPLOYERS, weights=[e.weight for e in names.EMPLOYERS])[0] for _ in range(6)},
            key=lambda e: e.key,
        )[:DEMO_EMPLOYERS_PER_ORG]
        employers = [self._demo_employer(org, spec) for spec in demo]
        # One employer of every kind first, so that every scenario finds one; then the usual mix.
        kinds = [kind for kind in PRODUCTS if all(e.kind != kind for e in employers)]
        kinds += rng.choices(list(KIND_WEIGHTS), weights=list(KIND_WEIGHTS.values()), k=EMPLOYERS_PER_ORG)
        taken = {e.id for e in employers}
        for kind in kinds[: EMPLOYERS_PER_ORG - len(employers)]:
            employers.append(self._generated_employer(org, kind, taken))
        rng.shuffle(employers)
        # A few employers get most of the cases: the repeat offenders.
        org.employers = [
            replace(employer, weight=round(rng.uniform(0.7, 1.3) / (rank + 1) ** 1.1, 5))
            for rank, employer in enumerate(employers)
        ]
        scam = names.SCAM_EMPLOYER
        scam_id = new_id(rng)
        self.rows["parties.employer"].append((*self._base(scam_id), org.id, scam.name, scam.name_th, "", "", None, ""))
        org.employers.append(Employer(scam_id, "scam", "", None, (), scam.place, 0.0))

    def _employer_row(
        self, org: Org, name: str, name_th: str, form: str, kind: str, province: str, district: str
    ) -> str:
        employer_id = new_id(self.rng)
        address = f"{district}, {provinces()[province].en}"
        registration = self._registration(form, province)
        row = (*self._base(employer_id), org.id, name, name_th, registration, SECTORS[kind], province, address)
        self.rows["parties.employer"].append(row)
        return employer_id

    def _workplace(self, org: Org, employer_id: str, name: str, kind: str, province: str, district: str) -> Workplace:
        workplace = Workplace(new_id(self.rng), name, district)
        row = (*self._base(workplace.id), org.id, employer_id, name, SECTORS[kind], province, district)
        self.rows["parties.workplace"].append(row)
        return workplace

    def _demo_employer(self, org: Org, spec: names.EmployerSpec) -> Employer:
        form = "co" if "Co., Ltd." in spec.name else "lp" if "Partnership" in spec.name else ""
        province = spec.province or "TH-10"
        employer_id = self._employer_row(org, spec.name, spec.name_th, form, spec.kind, province, spec.district)
        workplace = self._workplace(org, employer_id, spec.workplace, spec.kind, province, spec.district)
        return Employer(employer_id, spec.kind, spec.sector, province, (workplace,), spec.place, 1.0)

    def _generated_employer(self, org: Org, kind: str, taken: set[str]) -> Employer:
        rng = self.rng
        where = [code for code, (_, _, kinds) in TH_PROVINCES.items() if kind in kinds]
        if org.country == "TH" and org.province in where and rng.random() < 0.5:
            province = org.province
        else:
            province = rng.choices(where, weights=[TH_PROVINCES[code][0] for code in where])[0]
        districts = TH_PROVINCES[province][1]
        district = rng.choice(districts)
        while True:
            (stem, stem_th), (product, product_th, form, noun) = rng.choice(STEMS), rng.choice(PRODUCTS[kind])
            key = f"{stem}|{product}|{province}"
            if key not in taken or form == "household":
                taken.add(key)
                break
        p_en, p_th = provinces()[province].en, provinces()[province].th
        if form == "co":
            name, name_th = f"{stem} {product} Co., Ltd.", f"บริษัท {stem_th}{product_th} จำกัด"
        elif form == "lp":
            name, name_th = f"{stem} {product} Limited Partnership", f"ห้างหุ้นส่วนจำกัด {stem_th}{product_th}"
        elif form == "farm":
            name, name_th = f"{stem} {product}", f"{product_th}{stem_th}"
        else:
            soi = rng.randint(1, 120)
            name, name_th = f"Private household, Soi {soi}, {district}", f"{product_th} ซอย {soi} {p_th}"
        employer_id = self._employer_row(org, name, name_th, form, kind, province, district)
        sites = [district] + ([rng.choice(districts)] if rng.random() < 0.25 and len(districts) > 1 else [])
        workplaces = tuple(
            self._workplace(
                org,
                employer_id,
                f"{noun.capitalize()}, {site}" if form in {"farm", "household"} else f"{stem} {noun}, {site}",
                kind,
                province,
                site,
            )
            for site in dict.fromkeys(sites)
        )
        place = PLACES[kind].format(p=p_en, noun=noun)
        return Employer(employer_id, kind, SECTORS[kind], province, workplaces, place, 1.0)

    def _registration(self, form: str, province: str) -> str:
        """A 13-digit Thai juristic-person number with its check digit, for companies and partnerships."""
        if form not in {"co", "lp"}:
            return ""
        year, running = self.rng.randint(45, 68), self.rng.randrange(10**6)  # Buddhist-era year, 25xx
        body = f"0{province[3:]:0>2}{'5' if form == 'co' else '3'}{year}{running:06d}"
        return body + str((11 - sum(int(d) * (13 - i) for i, d in enumerate(body)) % 11) % 10)

    # Recruiters and agencies.

    def _recruiters(self, org: Org) -> None:
        rng = self.rng
        roles: dict[str, list[Recruiter]] = {"mou_agency": [], "pink_card_agent": [], "broker": [], "online": []}

        def add(role: str, name: str, kind: str, country: str, status: str, licence: str) -> None:
            recruiter = Recruiter(new_id(rng), name, role)
            roles[role].append(recruiter)
            row = (*self._base(recruiter.id), org.id, name, kind, country, status, licence)
            self.rows["parties.recruiter"].append(row)

        for spec in names.RECRUITERS:
            role = (
                "mou_agency"
                if spec.key in names.MOU_AGENCIES
                else "online"
                if spec.key == "online-recruiter"
                else "pink_card_agent"
                if spec.kind == "agency"
                else "broker"
            )
            add(role, spec.name, spec.kind, spec.country, spec.licence_status, spec.licence_number)
        for stem in rng.sample(KH_AGENCY_STEMS, 2):
            add(
                "mou_agency",
                f"{stem} Manpower Co., Ltd.",
                "agency",
                "KH",
                "licensed",
                f"MLVT-PRA-{rng.randrange(300, 999):04d}",
            )
        stem = rng.choice(STEMS)[0]
        add(
            "pink_card_agent",
            f"{stem} Job Placement Co., Ltd.",
            "agency",
            "TH",
            "licensed",
            f"DOE {rng.randrange(100, 999):04d}/25{rng.randint(60, 68)}",
        )
        homes = [(code, districts) for code, _, districts in names.HOME_PROVINCES if districts]
        for _ in range(4):
            _, districts = rng.choice(homes)
            given = rng.choice(names.FEMALE_NAMES + names.MALE_NAMES)[1][0]
            add(
                "broker",
                f"{rng.choice(BROKER_TITLES)} {given}, broker in {rng.choice(districts)}",
                "broker",
                "KH",
                "unlicensed",
                "",
            )
        org.recruiters = roles
