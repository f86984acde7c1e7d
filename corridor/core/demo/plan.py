"""Plan a demo corridor from a seed: pure, no database.

A seeded `random.Random` and the day it runs decide every name, date and amount, so the same seed
gives the same corridor. `writer.py` then writes the plan through the services.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from corridor.core.demo import names
from corridor.core.demo.names import PLA, EmployerSpec, NameRow
from corridor.core.demo.prose import NUMBER_WORDS, case_summary

T = TypeVar("T")

BORDER_CLASHES = dt.date(2025, 7, 24)
AUDIT_LABEL = "seed_demo"
_GEOGRAPHY = Path(__file__).resolve().parent.parent / "data" / "geography.csv"

# Scenario mix per organisation. Scam compounds, forced labour at sea and abuse are always sensitive.
SCENARIOS: dict[str, dict[str, float]] = {
    names.RMH: {"standard": 85, "border_crisis": 6, "forced_fishing": 3, "abuse": 4, "scam": 2},
    names.PLA: {"standard": 51, "border_crisis": 35, "forced_fishing": 4, "abuse": 4, "scam": 6},
    names.MWU: {"standard": 90, "border_crisis": 8, "abuse": 2},
}
SENSITIVE_SCENARIOS = frozenset({"scam", "forced_fishing", "abuse"})
FEMALE_SHARE = {
    "seafood": 0.6,
    "fishing": 0.05,
    "construction": 0.35,
    "agriculture": 0.5,
    "poultry": 0.55,
    "garment": 0.8,
    "domestic": 0.92,
    "scam": 0.35,
}
WAGE_CODES = frozenset(
    {
        "LR-UNPAID-WAGES",
        "LR-BELOW-MINIMUM-WAGE",
        "LR-ILLEGAL-DEDUCTIONS",
        "LR-UNPAID-OVERTIME",
        "LR-DEPOSIT-WITHHELD",
        "LR-RECRUITMENT-FEES",
    }
)
RETENTION_CODES = frozenset({"LR-DOCUMENT-RETENTION", "MOC-WithholdsDocuments"})

KH_MOBILE_PREFIXES = ("10", "12", "15", "16", "17", "69", "70", "77", "78", "85", "89", "92", "96", "97")

Event = tuple[str, dt.date, str, str]  # kind, date, place, description
OutcomePlan = tuple[str, dt.date, Decimal | None, str]  # kind, date, amount in THB, notes


@dataclass(frozen=True)
class DemoLogin:
    organisation: str
    email: str
    role: str
    full_name: str
    totp_secret: str = ""


def demo_logins() -> list[DemoLogin]:
    return [
        DemoLogin(
            org["name_en"],
            f"{local}@{org['domain']}",
            role,
            full_name,
            org["totp_secret"] if role == "org_admin" else "",
        )
        for org in names.ORGANISATIONS
        for local, role, full_name in org["staff"]
    ]


@dataclass
class PersonPlan:
    role: str
    values: dict[str, Any]  # person_create's keyword arguments
    documents: list[tuple[str, str, str]] = field(default_factory=list)  # kind, held by, notes
    identifiers: list[tuple[str, str]] = field(default_factory=list)  # kind, number as a worker gives it


@dataclass
class CasePlan:
    organisation: str  # slug
    opener: str  # emails of staff
    assignee: str | None
    editor: str
    values: dict[str, Any]  # case_open's keyword arguments
    people: list[PersonPlan]
    employer: str  # keys into names.EMPLOYERS and names.RECRUITERS
    recruiter: str | None
    violations: list[tuple[str, str]]
    events: list[Event]
    notes: list[str]
    tasks: list[tuple[str, dt.date | None, bool]]  # title, due, done
    outcomes: list[OutcomePlan]
    transitions: list[tuple[str, str]]  # status, reason; from "new"
    closed_on: dt.date | None


@dataclass(frozen=True)
class BuildSummary:
    organisations: int
    users: int
    cases: int
    people: int
    audit_entries: int


@functools.cache
def province_names() -> dict[str, str]:
    with _GEOGRAPHY.open(encoding="utf-8", newline="") as handle:
        return {row["code"]: row["name_common_en"] for row in csv.DictReader(handle)}


def _days(n: int) -> dt.timedelta:
    return dt.timedelta(days=n)


def _apportion(weights: dict[str, float], count: int) -> dict[str, int]:
    """`count` split by weight, largest remainder first."""
    total = sum(weights.values())
    quotas = {key: count * weight / total for key, weight in weights.items()}
    counts = {key: int(quota) for key, quota in quotas.items()}
    for key in sorted(quotas, key=lambda k: counts[k] - quotas[k])[: count - sum(counts.values())]:
        counts[key] += 1
    return counts


def employer_spec(key: str) -> EmployerSpec:
    return next((e for e in names.EMPLOYERS if e.key == key), names.SCAM_EMPLOYER)


class CorridorPlanner:
    """Decides everything about the demo cases; touches no database."""

    def __init__(self, *, seed: int, today: dt.date) -> None:
        self.rng = random.Random(seed)  # noqa: S311 - reproducible demo data, not secrets
        self.today = today
        self.orgs = {org["slug"]: org for org in names.ORGANISATIONS}
        self.registrations = {e.key: self._registration(e) for e in names.EMPLOYERS}

    def _pick(self, weighted: dict[T, float] | Sequence[tuple[T, float]]) -> T:
        pairs = list(weighted.items()) if isinstance(weighted, dict) else list(weighted)
        return self.rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]

    def _chance(self, p: float) -> bool:
        return self.rng.random() < p

    def _between(self, start: dt.date, end: dt.date) -> dt.date:
        return start + _days(self.rng.randint(0, max(0, (end - start).days)))

    def _staff(self, slug: str, *roles: str) -> list[str]:
        org = self.orgs[slug]
        return [f"{local}@{org['domain']}" for local, role, _ in org["staff"] if role in roles]

    def _registration(self, employer: EmployerSpec) -> str:
        """A 13-digit Thai juristic-person number with its check digit, for companies and partnerships."""
        if "Co., Ltd." not in employer.name and "Partnership" not in employer.name:
            return ""
        kind = "5" if "Co., Ltd." in employer.name else "3"
        year, running = self.rng.randint(45, 66), self.rng.randrange(10**6)  # Buddhist-era year, 25xx
        body = f"0{(employer.province or 'TH-10')[3:]}{kind}{year}{running:06d}"
        return body + str((11 - sum(int(d) * (13 - i) for i, d in enumerate(body)) % 11) % 10)

    def plan(self, count: int) -> list[CasePlan]:
        """Cases are shared out by quota rather than drawn, so that even the default 200 show the
        intended mix of organisations and of rare scenarios; their order is random."""
        shares = {org["slug"]: org["case_share"] for org in names.ORGANISATIONS if org["case_share"] > 0}
        cases = [
            (slug, scenario)
            for slug, n in _apportion(shares, count).items()
            for scenario, m in _apportion(SCENARIOS[slug], n).items()
            for _ in range(m)
        ]
        self.rng.shuffle(cases)
        return [self._case(slug, scenario) for slug, scenario in cases]

    def _case(self, slug: str, scenario: str) -> CasePlan:
        rng = self.rng
        employer = names.SCAM_EMPLOYER if scenario == "scam" else self._employer(slug, scenario)
        channel = self._channel(scenario, employer)
        recruiter = self._recruiter(scenario, channel, employer)
        home, _, districts = self._pick(
            [(h, h[1]) for h in names.HOME_PROVINCES if channel != "border_pass" or h[0] in names.BORDER_HOMES]
        )
        ctx = self._context(employer, channel, recruiter, home)
        codes = self._violations(scenario, employer.kind, channel)
        violations = [(code, self._violation_note(code, ctx)) for code in codes]
        sensitive = scenario in SENSITIVE_SCENARIOS or self._chance(0.05)
        mode = (
            "returned_before"
            if slug == PLA or scenario == "border_crisis"
            else "returned_after"
            if scenario in {"scam", "forced_fishing"}
            else "in_thailand"
        )
        dates = self._dates(scenario, mode)
        opened_on = dates["opened"]
        transitions, closed_on, closure = self._lifecycle(slug, opened_on, dates)
        status = transitions[-1][0] if transitions else "new"
        returned = "return" in dates and dates["return"] <= self.today
        # Rescued scam-compound workers wait in Tak (Mae Sot) until they are handed over.
        current = None if returned else (employer.province or "TH-63")

        workers = 1 + (rng.choice((1, 2)) if scenario != "abuse" and self._chance(0.15) else 0)
        where = (employer, channel, codes, home, districts, current, recruiter, scenario)
        lead, family_name = self._worker(*where)
        people = [lead]
        for _ in range(workers - 1):
            # Co-workers often come from one village, and are often siblings or cousins.
            people.append(self._worker(*where, family=family_name if self._chance(0.5) else None)[0])
        if self._chance(0.6 if scenario == "scam" else 0.3 if slug == PLA else 0.08):
            people.append(self._family_member(home))

        assignee, opener, editor = self._staffing(slug, sensitive, status)
        values = {
            "title": self._title(scenario, codes, employer, ctx, workers)[:200],
            "summary": self._summary(scenario, lead, channel, recruiter, codes, ctx, dates, workers),
            "sector": employer.sector,
            "work_province_id": employer.province,
            "opened_on": opened_on,
            "sensitivity": "sensitive" if sensitive else "standard",
        }
        notes = rng.sample(names.NOTES, k=rng.randint(0, 1) if status == "new" else rng.randint(0, 3))
        if [s for s, _ in transitions[-2:]] == ["closed", "active"]:
            notes.append(names.REOPEN_NOTE)
        needs = self._needs(slug, codes, channel, sensitive, returned)
        return CasePlan(
            organisation=slug,
            opener=opener,
            assignee=assignee,
            editor=editor,
            values=values,
            people=people,
            employer=employer.key,
            recruiter=recruiter,
            violations=violations,
            events=self._events(scenario, channel, employer, codes, ctx, dates, status),
            notes=notes,
            tasks=self._tasks(needs, status, assignee, ctx, opened_on, closed_on),
            outcomes=self._outcomes(scenario, codes, ctx, status, closure, opened_on, closed_on, dates),
            transitions=transitions,
            closed_on=closed_on,
        )

    # Who and where.

    def _employer(self, slug: str, scenario: str) -> EmployerSpec:
        kinds = {"forced_fishing": {"fishing"}, "abuse": {"domestic", "agriculture", "seafood"}}.get(scenario)
        fits = [e for e in names.EMPLOYERS if kinds is None or e.kind in kinds]
        return self._pick([(e, e.weight) for e in ([e for e in fits if slug in e.orgs] or fits)])

    def _channel(self, scenario: str, employer: EmployerSpec) -> str:
        if scenario == "scam":
            return "irregular"
        if employer.kind == "fishing":
            return self._pick({"pink_card": 50, "irregular": 35, "mou": 15})
        if employer.kind == "agriculture" and employer.province in {"TH-27", "TH-22", "TH-23"}:
            return self._pick({"border_pass": 40, "irregular": 40, "pink_card": 20})
        return self._pick({"irregular": 45, "pink_card": 27, "mou": 28})

    def _recruiter(self, scenario: str, channel: str, employer: EmployerSpec) -> str | None:
        if scenario == "scam":
            return "online-recruiter"
        if channel == "mou":
            return self.rng.choice(names.MOU_AGENCIES)
        if channel == "border_pass":
            return "jae-noi" if employer.province == "TH-27" and self._chance(0.5) else None
        if channel == "pink_card":
            return self.rng.choice(names.PINK_CARD_AGENTS) if self._chance(0.3) else None
        return self.rng.choice(names.BROKERS) if self._chance(0.75) else None

    def _context(self, employer: EmployerSpec, channel: str, recruiter: str | None, home: str) -> dict[str, Any]:
        """The numbers and names the case's texts are written from."""
        rng = self.rng
        provinces = province_names()
        min_wage = names.MINIMUM_WAGE.get(employer.province or "", 372)
        recruiters = {r.key: r.name for r in names.RECRUITERS}
        checkpoints, paths = names.CROSSINGS.get(employer.province or "", names.CROSSINGS[""])
        return {
            "home": provinces[home],
            "province": provinces.get(employer.province or "", "Myawaddy"),
            "workplace": employer.workplace or employer.name,
            "min_wage": min_wage,
            "promised": min_wage,
            "wage": min_wage - rng.choice((40, 50, 70, 80, 100, 120)),
            "months": rng.randint(2, 6),
            "hours": rng.randint(11, 16),
            "deduction": rng.randrange(500, 2600, 100),
            "fee_thb": rng.randrange(8_000, 25_500, 500),
            "deposit": rng.randrange(1_000, 5_500, 500),
            "fee_usd": rng.randrange(400, 950, 50) if channel == "mou" else rng.randrange(30, 160, 10),
            "agency": recruiters.get(recruiter or "", "a licensed agency"),
            "broker": recruiters.get(recruiter or "", "a local broker"),
            "crossing": rng.choice(checkpoints),
            "irregular_crossing": rng.choice(paths),
            "coworkers": rng.choice(NUMBER_WORDS),
        }

    def _staffing(self, slug: str, sensitive: bool, status: str) -> tuple[str | None, str, str]:
        """(assignee, who opens the case, who records the rest). Intake officers open cases but
        cannot edit them; a new case they opened may wait for a manager to assign it."""
        managers = self._staff(slug, "manager") or self._staff(slug, "org_admin")
        caseworkers = self._staff(slug, "caseworker")
        assignee = self.rng.choice(managers if self._chance(0.4 if sensitive else 0.12) else caseworkers)
        intake = self._staff(slug, "intake_officer")
        opener = intake[0] if intake and self._chance(0.35) else assignee
        if opener != assignee and status == "new" and not sensitive and self._chance(0.5):
            return None, opener, managers[0]
        return assignee, opener, assignee

    # People.

    def _name(self, gender: str, family: NameRow | None = None) -> tuple[dict[str, Any], NameRow]:
        pool = {"Feminine": names.FEMALE_NAMES, "Masculine": names.MALE_NAMES}.get(
            gender, names.FEMALE_NAMES + names.MALE_NAMES
        )
        while True:
            fam, given = family or self.rng.choice(names.FAMILY_NAMES), self.rng.choice(pool)
            if f"{fam[1][0]} {given[1][0]}" not in names.KNOWN_PEOPLE:
                break
        fam_latin, given_latin = self._spelling(fam[1]), self._spelling(given[1])
        style = self.rng.random()
        latin = (
            f"{fam_latin} {given_latin}".upper()
            if style < 0.08  # as printed in a passport
            else f"{given_latin} {fam_latin}"
            if style < 0.13  # given name first, as on some Thai forms
            else f"{fam_latin} {given_latin}"
        )
        km = f"{fam[0]} {given[0]}" if self._chance(0.9) else ""
        th = f"{fam[2]} {given[2]}" if self._chance(0.25) else ""
        if km and not self._chance(0.95):
            latin = ""
        return {"name_latin": latin, "name_km": km, "name_th": th}, fam

    def _spelling(self, variants: tuple[str, ...]) -> str:
        return self.rng.choices(variants, weights=(70, 20, 10)[: len(variants)])[0]

    def _gender(self, kind: str) -> str:
        if self._chance(0.02):
            return "NonSpecifiedUnknown"
        return "Feminine" if self._chance(FEMALE_SHARE.get(kind, 0.5)) else "Masculine"

    def _age(self, values: dict[str, Any], low: int, high: int, mode: int) -> None:
        age = int(self.rng.triangular(low, high, mode))
        if self._chance(0.45):
            values["date_of_birth"] = self.today - _days(age * 365 + self.rng.randint(5, 360))
        else:
            values["estimated_age"] = age

    def _worker(
        self,
        employer: EmployerSpec,
        channel: str,
        codes: list[str],
        home: str,
        districts: tuple[str, ...],
        current: str | None,
        recruiter: str | None,
        scenario: str,
        family: NameRow | None = None,
    ) -> tuple[PersonPlan, NameRow]:
        gender = self._gender(employer.kind)
        values, family_name = self._name(gender, family)
        values |= {
            "gender": gender,
            "citizenship": "KH",
            "languages": "km, th" if self._chance(0.4) else "km",
            "home_province_id": home,
            "current_province_id": current,
            "migration_channel": channel,
            "home_district": self.rng.choice(districts) if districts and self._chance(0.7) else "",
        }
        self._age(values, 18, 50, 26)
        person = PersonPlan("worker", values, self._documents(channel, codes, recruiter, scenario))
        if self._chance(0.6):
            person.identifiers = self._identifiers(person.documents, current)
        return person, family_name

    def _family_member(self, home: str) -> PersonPlan:
        gender = self._gender("agriculture")
        values, _ = self._name(gender)
        values |= {"gender": gender, "citizenship": "KH", "languages": "km", "home_province_id": home}
        self._age(values, 38, 66, 50)
        phone = [("phone", self._kh_phone())] if self._chance(0.6) else []
        return PersonPlan("family", values, identifiers=phone)

    def _documents(
        self, channel: str, codes: list[str], recruiter: str | None, scenario: str
    ) -> list[tuple[str, str, str]]:
        if scenario == "scam":
            return [("passport", "other", "Taken by the compound guards on arrival.")]
        retained = any(code in RETENTION_CODES for code in codes)
        holder = "recruiter" if recruiter and self._chance(0.25) else "employer"
        note = self.rng.choice(
            (
                "Kept by the supervisor since the first week.",
                "Held in the office 'for safekeeping'.",
                "Employer says it will be returned when the contract ends.",
            )
        )
        kept = (holder, note) if retained else ("worker", "")
        docs: list[tuple[str, str, str]] = []
        if channel == "mou":
            docs += [("passport", *kept), ("work_permit", "employer" if retained else "worker", "")]
        elif channel == "pink_card":
            docs.append(("pink_card", *kept))
            if self._chance(0.5):
                docs.append(("national_id", "worker", ""))
        elif channel == "border_pass":
            docs += [("border_pass", "worker", ""), ("national_id", "worker", "")]
        elif retained:
            docs.append(("national_id", *kept))
        elif self._chance(0.6):
            docs.append(("national_id", self.rng.choice(("worker", "worker", "lost")), ""))
        if scenario == "forced_fishing":
            docs.append(("other", "employer", "Seafarer's book held by the skipper."))
        return docs

    def _identifiers(self, documents: list[tuple[str, str, str]], current: str | None) -> list[tuple[str, str]]:
        rng = self.rng
        kinds = {kind for kind, _, _ in documents}
        found: list[tuple[str, str]] = []
        if "passport" in kinds:
            found.append(("passport", f"N{rng.randrange(10**7):07d}"))
        if "national_id" in kinds or self._chance(0.3):
            found.append(("kh_national_id", f"{rng.randint(10_000_000, 299_999_999):09d}"))
        if "pink_card" in kinds and self._chance(0.7):
            d = f"00{rng.randrange(10**11):011d}"  # Thailand's 13-digit number for non-Thais, as printed
            found.append(("pink_card", f"{d[0]}-{d[1:5]}-{d[5:10]}-{d[10:12]}-{d[12]}"))
        if self._chance(0.8) or not found:
            found.append(("phone", self._th_phone() if current else self._kh_phone()))
        return found

    def _th_phone(self) -> str:
        number = f"{self.rng.choice('689')}{self.rng.randrange(10**8):08d}"
        if self._chance(0.3):
            return f"0{number[:2]}-{number[2:5]}-{number[5:]}"
        return f"+66 {number[:2]} {number[2:5]} {number[5:]}"

    def _kh_phone(self) -> str:
        prefix, subscriber = self.rng.choice(KH_MOBILE_PREFIXES), f"{self.rng.randrange(10**6):06d}"
        if self._chance(0.3):
            return f"0{prefix} {subscriber[:3]} {subscriber[3:]}"
        return f"+855 {prefix} {subscriber[:3]} {subscriber[3:]}"

    # What happened.

    def _violations(self, scenario: str, kind: str, channel: str) -> list[str]:
        """One to four codes; the scenario's defining ones first, then the labour-rights mix."""
        fixed = {
            "scam": [
                "EXP-ForcedCriminality",
                "ILO11-02",
                "ILO11-03",
                self.rng.choice(("MOC-PhysicalAbuse", "MOC-PhysicalThreats")),
            ],
            "forced_fishing": ["EXP-ForcedLabour", "ILO11-09", "ILO11-04", "LR-UNPAID-WAGES"],
            "abuse": (["MOC-SexualAbuse", "LR-NO-REST-DAY"] if kind == "domestic" else ["ILO11-05", "LR-UNPAID-WAGES"]),
            "border_crisis": ["LR-UNPAID-WAGES", "LR-DEPOSIT-WITHHELD"]
            + (["LR-DOCUMENT-RETENTION"] if self._chance(0.4) else []),
        }.get(scenario, [])
        extra = self._pick({1: 30, 2: 35, 3: 25, 4: 10})
        total = len(fixed) if len(fixed) >= 3 else min(4, len(fixed) + extra)
        weights = dict(names.VIOLATION_WEIGHTS)
        for code, extra in names.SECTOR_VIOLATIONS.get(kind, {}).items():
            weights[code] = weights.get(code, 0) + extra
        if channel == "mou":
            weights["LR-RECRUITMENT-FEES"] += 10
            weights["LR-DOCUMENT-RETENTION"] += 8
        elif channel == "irregular":
            weights["LR-RECRUITMENT-FEES"] += 6
            weights["MOC-ThreatsLawEnforcement"] += 4
        codes = list(fixed)
        while len(codes) < total:
            codes.append(self._pick({c: w for c, w in weights.items() if c not in codes}))
        # The worker's main complaint (which titles the case) is a labour-rights one when there is one.
        return sorted(codes, key=lambda c: not c.startswith("LR-")) if not fixed else codes

    def _violation_note(self, code: str, ctx: dict[str, Any]) -> str:
        phrase = names.VIOLATION_PHRASES.get(code)
        return f"Worker reports {phrase.format(**ctx)}." if phrase and self._chance(0.35) else ""

    def _dates(self, scenario: str, mode: str) -> dict[str, dt.date]:
        rng, today = self.rng, self.today
        if scenario == "border_crisis":
            exit_on = BORDER_CLASHES + _days(rng.randint(1, 20))
            dates = {
                "exit": exit_on,
                "return": exit_on + _days(rng.randint(0, 3)),
                "incident": exit_on - _days(rng.randint(0, 60)),
            }
            dates["opened"] = min(today, dates["return"] + _days(rng.randint(3, 110)))
        else:
            r = rng.random()
            age = (
                rng.randint(0, 14)
                if r < 0.12
                else rng.randint(15, 90)
                if r < 0.40
                else rng.randint(91, 300)
                if r < 0.70
                else rng.randint(301, 700)
            )
            dates = {"opened": today - _days(age)}
            if mode == "returned_before":  # the worker came to a Cambodian organisation after going home
                dates["return"] = dates["opened"] - _days(rng.randint(3, 60))
                dates["exit"] = dates["return"] - _days(rng.randint(0, 10))
                dates["incident"] = dates["exit"] - _days(rng.randint(0, 40))
            elif mode == "returned_after":  # rescued in Thailand, handed over later
                dates["exit"] = dates["opened"] - _days(rng.randint(0, 10))
                dates["incident"] = dates["exit"] - _days(rng.randint(5, 60))
                dates["return"] = dates["opened"] + _days(rng.randint(10, 60))
            else:
                dates["incident"] = dates["opened"] - _days(rng.randint(2, 90))
                if self._chance(0.4):
                    dates["exit"] = self._between(dates["incident"], dates["opened"])
        dates["start"] = dates["incident"] - _days(rng.randint(30, 240 if scenario == "scam" else 600))
        dates["journey"] = dates["start"] - _days(rng.randint(1, 5))
        dates["recruitment"] = dates["journey"] - _days(rng.randint(7, 60))
        return dates

    def _lifecycle(
        self, slug: str, opened_on: dt.date, dates: dict[str, dt.date]
    ) -> tuple[list[tuple[str, str]], dt.date | None, str]:
        """Transitions from "new" along lifecycle.TRANSITIONS, the closing date, and why it closed."""
        rng, age = self.rng, (self.today - opened_on).days
        if age <= 14:
            final = self._pick({"new": 70, "active": 30})
        elif age <= 60:
            final = self._pick({"new": 8, "active": 55, "follow_up": 17, "closed": 17, "closed_referred": 3})
        elif age <= 180:
            final = self._pick({"active": 35, "follow_up": 25, "closed": 33, "closed_referred": 7})
        else:
            final = self._pick({"active": 12, "follow_up": 15, "closed": 60, "closed_referred": 13})
        if final in {"new", "active", "follow_up"}:
            open_paths = {"new": [], "active": ["active"], "follow_up": ["active", "follow_up"]}
            return [(status, "") for status in open_paths[final]], None, ""
        if final == "closed" and self._chance(0.1):  # closed at triage
            closure = self._pick({"duplicate": 1, "no_contact": 2})
            closed_on = min(self.today, opened_on + _days(rng.randint(1, 10)))
            return [("closed", rng.choice(names.CLOSE_REASONS[closure]))], closed_on, closure
        happened = [d for d in dates.values() if d <= self.today]
        earliest = min(self.today, max([opened_on + _days(14), *happened]))
        closed_on = self._between(earliest, min(self.today, opened_on + _days(240)))
        path = [("active", "")] + ([("follow_up", "")] if self._chance(0.5) else [])
        if final == "closed_referred":
            reasons = names.CLOSE_REASONS["referred_from_cambodia" if slug == PLA else "referred"]
            return [*path, ("closed_referred", rng.choice(reasons))], closed_on, "referred"
        closure = "resolved" if self._chance(0.7) else "no_contact"
        path.append(("closed", rng.choice(names.CLOSE_REASONS[closure])))
        if age > 60 and self._chance(0.06):
            return [*path, ("active", "")], None, closure
        return path, closed_on, closure

    def _title(self, scenario: str, codes: list[str], employer: EmployerSpec, ctx: dict[str, Any], workers: int) -> str:
        if scenario == "abuse":
            scenario = "abuse_sexual" if "MOC-SexualAbuse" in codes else "abuse_violence"
        template = names.TITLES.get(scenario) or names.TITLES.get(codes[0], "Labour-rights complaint")
        title = f"{template.format(**ctx)} {employer.place}"
        return f"{title} (group of {workers})" if workers > 1 else title

    def _summary(
        self,
        scenario: str,
        lead: PersonPlan,
        channel: str,
        recruiter: str | None,
        codes: list[str],
        ctx: dict[str, Any],
        dates: dict[str, dt.date],
        workers: int,
    ) -> str:
        values = lead.values
        returned = None if "return" not in dates else dates["return"] <= self.today
        return case_summary(
            age=values.get("estimated_age") or (self.today - values["date_of_birth"]).days // 365,
            gender=values["gender"],
            scenario=scenario,
            channel=channel,
            with_broker=bool(recruiter),
            codes=codes,
            text=ctx,
            workers=workers,
            returned=returned,
            exited="exit" in dates,
        )

    def _events(
        self,
        scenario: str,
        channel: str,
        employer: EmployerSpec,
        codes: list[str],
        ctx: dict[str, Any],
        dates: dict[str, dt.date],
        status: str,
    ) -> list[Event]:
        pick, events = self.rng.choice, names.EVENTS
        route = "scam" if scenario == "scam" else channel
        workplace = ", ".join(p for p in (employer.district, ctx["province"]) if p)
        special = {
            "scam": "incident_scam",
            "forced_fishing": "incident_fishing",
            "abuse": "incident_sexual_abuse" if "MOC-SexualAbuse" in codes else "incident_violence",
        }
        incident = (
            pick(events[special[scenario]])
            if scenario in special
            else names.INCIDENTS.get(codes[0], names.INCIDENT_DEFAULT)
        )
        timeline: list[Event] = [
            ("recruitment", dates["recruitment"], ctx["home"], pick(events[f"recruitment_{route}"])),
            (
                "journey",
                dates["journey"],
                "Mae Sot" if route == "scam" else ctx["crossing"],
                pick(events[f"journey_{route}"]),
            ),
            ("employment", dates["start"], workplace, pick(events[f"employment_{employer.kind}"])),
            ("incident", dates["incident"], workplace, incident),
        ]
        if status == "new":  # an intake interview records the job and the problem, not yet the whole story
            timeline = timeline[2:]
        if "exit" in dates:
            exit_texts = events.get(f"exit_{scenario}", events["exit"])
            timeline.append(("exit", dates["exit"], workplace, pick(exit_texts)))
        if "return" in dates and dates["return"] <= self.today:
            timeline.append(
                (
                    "return",
                    dates["return"],
                    "Poipet, Banteay Meanchey",
                    pick(events.get(f"return_{scenario}", events["return"])),
                )
            )
        return [(kind, on, place, text.format(**ctx)) for kind, on, place, text in timeline]

    def _outcomes(
        self,
        scenario: str,
        codes: list[str],
        ctx: dict[str, Any],
        status: str,
        closure: str,
        opened_on: dt.date,
        closed_on: dt.date | None,
        dates: dict[str, dt.date],
    ) -> list[OutcomePlan]:
        rng, end = self.rng, closed_on or self.today

        def after(start: dt.date) -> dt.date:
            return min(end, self._between(start, end))

        found: list[OutcomePlan] = []
        resolved, partial = closure == "resolved", status == "follow_up" and self._chance(0.4)
        if any(c in WAGE_CODES for c in codes) and (resolved or partial):
            share = rng.uniform(0.5, 1.0) if resolved else rng.uniform(0.2, 0.5)
            amount = round(ctx["months"] * 30 * ctx["min_wage"] * share, -1)
            amount += ctx["deposit"] if resolved and "LR-DEPOSIT-WITHHELD" in codes else 0
            how = rng.choice(
                (
                    "Paid in cash at the labour protection office.",
                    "Transferred to the worker's bank account after mediation.",
                    "Paid in two instalments through the Department of Employment.",
                )
            )
            found.append(("money_recovered", after(opened_on + _days(7)), Decimal(int(amount)), how))
        if any(c in RETENTION_CODES for c in codes) and (resolved or partial):
            found.append(
                (
                    "documents_returned",
                    after(opened_on + _days(3)),
                    None,
                    "Documents handed back in the presence of the labour inspector.",
                )
            )
        if resolved and not found:
            found.append(
                (
                    "remediation",
                    after(opened_on),
                    None,
                    "Employer agreed to pay on time and stop the deductions; checked a month later.",
                )
            )
        if resolved and self._chance(0.05):
            found.append(
                (
                    "compensation",
                    after(opened_on),
                    Decimal(rng.randrange(20_000, 150_000, 1_000)),
                    "Awarded by the labour court.",
                )
            )
        handed_over = dates.get("return")
        if scenario in {"scam", "forced_fishing"} and handed_over and opened_on <= handed_over <= end:
            found.append(("repatriated", handed_over, None, "Handed over at Aranyaprathet–Poipet to MLVT and MoSVY."))
            if closed_on and self._chance(0.4):
                found.append(
                    (
                        "prosecution",
                        after(handed_over),
                        None,
                        "Complaint filed with the anti-trafficking police; investigation opened.",
                    )
                )
        return found

    def _needs(self, slug: str, codes: list[str], channel: str, sensitive: bool, returned: bool) -> list[str]:
        if returned:
            return [*names.TASKS["returnee"], *(names.TASKS["sensitive"][:1] if sensitive else ())]
        needs = list(names.TASKS["general"])
        if any(c in WAGE_CODES for c in codes):
            needs += names.TASKS["wages"]
        if any(c in RETENTION_CODES for c in codes):
            needs += names.TASKS["retention"]
        if channel == "pink_card":
            needs += names.TASKS["pink_card"]
        if sensitive:
            needs += names.TASKS["sensitive"]
        if slug == names.MWU:
            needs += names.TASKS["union"]
        return needs

    def _tasks(
        self,
        needs: list[str],
        status: str,
        assignee: str | None,
        ctx: dict[str, Any],
        opened_on: dt.date,
        closed_on: dt.date | None,
    ) -> list[tuple[str, dt.date | None, bool]]:
        rng, today = self.rng, self.today
        if assignee is None:
            return [(names.TASK_UNASSIGNED, today + _days(rng.randint(0, 2)), False)]
        if closed_on is not None:
            return [
                (title.format(**ctx), self._between(opened_on, closed_on), True)
                for title in rng.sample(needs, k=min(len(needs), rng.randint(1, 2)))
            ]
        week_end = today + _days(6 - today.weekday())
        tasks: list[tuple[str, dt.date | None, bool]] = []
        for title in rng.sample(needs, k=min(len(needs), 1 if status == "new" else rng.randint(1, 3))):
            when = self._pick({"overdue": 30, "this_week": 30, "later": 30, "none": 10})
            due = {
                "overdue": today - _days(rng.randint(1, 21)),
                "this_week": self._between(today, week_end),
                "later": today + _days(rng.randint(7, 45)),
                "none": None,
            }[when]
            tasks.append((title.format(**ctx), due, False))
        return tasks


def corridor_plan(*, seed: int, cases: int, today: dt.date) -> tuple[CorridorPlanner, list[CasePlan]]:
    planner = CorridorPlanner(seed=seed, today=today)
    return planner, planner.plan(cases)
