"""Names and wording of the demo corridor: organisations and their staff, workers' names in three
scripts, employers, recruiters, and the phrases case records are written from.

Everything here is invented. Workers' names are generated combinations of common Khmer family and
given names; `KNOWN_PEOPLE` lists combinations that belong to public figures and are never produced.
Khmer is written in Khmer script with its usual Latin spellings (the first is the most common; the
others are variants seen on passports and Thai forms). The Thai renderings are phonetic spellings of
the kind Thai officials write for Khmer names; they have not been reviewed by a native speaker.
Organisation names follow the glossary where it has the term (អង្គការ, ក្រសួងការងារ និងបណ្ដុះបណ្ដាល
វិជ្ជាជីវៈ, នាយកដ្ឋានមុខរបរ, กรมการจัดหางาน, ความช่วยเหลือทางกฎหมาย); "migrant worker" is written
ពលករចំណាកស្រុក / แรงงานข้ามชาติ, which the glossary does not list yet.
"""

from __future__ import annotations

from typing import Any, NamedTuple

DEMO_PASSWORD = "corridor-demo-2026"
RMH, PLA, MWU = "rayong-help", "pp-legal-aid", "eastern-mwu"

# `staff` rows: (email local part, role, full name). `totp_secret`: the fixed base32 secret of the
# organisation's administrator (32 letters A-Z, easy to type into an authenticator app).
# `case_share`: the part of the demo cases the organisation owns.
ORGANISATIONS: tuple[dict[str, Any], ...] = (
    {
        "slug": RMH,
        "case_prefix": "RMH",
        "domain": "rayong-help.demo",
        "country": "TH",
        "type": "NGO",
        "name_en": "Rayong Migrant Worker Help Centre",
        "name_km": "មជ្ឈមណ្ឌលជំនួយពលករចំណាកស្រុក រ៉ាយ៉ុង",
        "name_th": "ศูนย์ช่วยเหลือแรงงานข้ามชาติระยอง",
        "require_mfa": False,
        "case_share": 0.65,
        "totp_secret": "RAYONGHELPDEMOADMINTOTPSECRETKEY",
        "staff": (
            ("admin", "org_admin", "Siriporn Chaiwong"),
            ("manager", "manager", "Kittipong Saengthong"),
            ("caseworker", "caseworker", "Nattaya Boonmee"),
            ("caseworker2", "caseworker", "Anucha Phromma"),
            ("caseworker3", "caseworker", "Chalida Sukjai"),
            ("intake", "intake_officer", "Wanida Thongdee"),
            ("analyst", "analyst", "Pongsakorn Rattanakul"),
            ("viewer", "viewer", "Jiraporn Meesuk"),
        ),
    },
    {
        "slug": PLA,
        "case_prefix": "PLA",
        "domain": "pp-legal-aid.demo",
        "country": "KH",
        "type": "LegalService",
        "name_en": "Phnom Penh Legal Aid for Migrant Workers",
        "name_km": "អង្គការជំនួយផ្នែកច្បាប់ដល់ពលករចំណាកស្រុក ភ្នំពេញ",
        "name_th": "องค์กรความช่วยเหลือทางกฎหมายแก่แรงงานข้ามชาติ พนมเปญ",
        "require_mfa": False,
        "case_share": 0.18,
        "totp_secret": "PPLEGALAIDDEMOADMINTOTPSECRETKEY",
        "staff": (
            ("admin", "org_admin", "Chea Sreyroth"),
            ("manager", "manager", "Touch Rathana"),
            ("caseworker", "caseworker", "Heng Vannak"),
            ("caseworker2", "caseworker", "Ly Sokunthea"),
        ),
    },
    {
        "slug": MWU,
        "case_prefix": "MWU",
        "domain": "eastern-mwu.demo",
        "country": "TH",
        "type": "TradeUnion",
        "name_en": "Eastern Seaboard Federation of Migrant Workers' Unions",
        "name_km": "សហព័ន្ធសហជីពពលករចំណាកស្រុក ភាគខាងកើតប្រទេសថៃ",
        "name_th": "สหพันธ์สหภาพแรงงานข้ามชาติภาคตะวันออก",
        "require_mfa": False,
        "case_share": 0.17,
        "totp_secret": "UNIONFEDERATIONDEMOADMINTOTPKEYS",
        "staff": (
            ("admin", "org_admin", "Prasert Kaewmanee"),
            ("caseworker", "caseworker", "Keo Sophal"),
            ("caseworker2", "caseworker", "Sumalee Thongkham"),
        ),
    },
    {
        "slug": "mlvt",
        "case_prefix": "MLVT",
        "domain": "mlvt.demo",
        "country": "KH",
        "type": "CentralGovernmentOrganisation",
        "name_en": "Ministry of Labour and Vocational Training",
        "name_km": "ក្រសួងការងារ និងបណ្ដុះបណ្ដាលវិជ្ជាជីវៈ",
        "name_th": "กระทรวงแรงงานและการฝึกอาชีพ (กัมพูชา)",
        "require_mfa": True,
        "case_share": 0.0,
        "totp_secret": "MLVTPHNOMPENHDEMOADMINTOTPSECRET",
        "staff": (("admin", "org_admin", "Im Sophanna"), ("caseworker", "caseworker", "Som Chanthy")),
    },
    {
        "slug": "doe-thailand",
        "case_prefix": "DOE",
        "domain": "doe.demo",
        "country": "TH",
        "type": "CentralGovernmentOrganisation",
        "name_en": "Department of Employment",
        "name_km": "នាយកដ្ឋានមុខរបរ ក្រសួងការងារថៃ",
        "name_th": "กรมการจัดหางาน",
        "require_mfa": True,
        "case_share": 0.0,
        "totp_secret": "DOEBANGKOKDEMOADMINTOTPSECRETKEY",
        "staff": (("admin", "org_admin", "Thanawat Srisuk"), ("caseworker", "caseworker", "Ratchanee Wongsa")),
    },
)

NameRow = tuple[str, tuple[str, ...], str]  # Khmer script, Latin spellings, Thai rendering

FAMILY_NAMES: tuple[NameRow, ...] = (
    ("សុខ", ("Sok", "Sokh"), "ซก"),
    ("ចាន់", ("Chan", "Chann"), "จัน"),
    ("ជា", ("Chea", "Chear"), "เจีย"),
    ("ហេង", ("Heng",), "เฮง"),
    ("កែវ", ("Keo", "Kaev", "Keov"), "แก้ว"),
    ("គីម", ("Kim",), "คิม"),
    ("លី", ("Ly", "Lee"), "ลี"),
    ("មាស", ("Meas", "Mes"), "เมียะ"),
    ("ង៉ែត", ("Nget", "Ngeth"), "แงด"),
    ("អ៊ុក", ("Ouk", "Uk"), "อุก"),
    ("ប៉ែន", ("Pen", "Penh"), "แปน"),
    ("ផាន់", ("Phan",), "พัน"),
    ("ប្រាក់", ("Prak",), "ปรัก"),
    ("សេង", ("Seng",), "เซง"),
    ("សោម", ("Som", "Saom"), "โสม"),
    ("សន", ("Sorn", "Son"), "ซอน"),
    ("ទេព", ("Tep", "Tieb"), "เทพ"),
    ("ទូច", ("Touch", "Toch"), "ทูจ"),
    ("យឹម", ("Yim", "Yem"), "ยึม"),
    ("ម៉ៅ", ("Mao",), "เหมา"),
    ("វង្ស", ("Vong", "Vorng"), "วง"),
    ("ឈុន", ("Chhun", "Chhoun"), "ชุน"),
    ("លឹម", ("Lim", "Lem"), "ลิม"),
    ("ញឹម", ("Nhem", "Nhim"), "ญึม"),
    ("ពេជ្រ", ("Pich", "Pech"), "เพ็ช"),
    ("រស់", ("Ros", "Ross"), "รส"),
    ("ហាក់", ("Hak",), "ฮัก"),
    ("ឡុង", ("Long",), "ลอง"),
    ("សួន", ("Suon", "Suong"), "สวน"),
    ("អ៊ឹម", ("Im", "Em"), "อิม"),
)

FEMALE_NAMES: tuple[NameRow, ...] = (
    ("សុខា", ("Sokha", "Sokhar", "Sokkha"), "สุขา"),
    ("ចន្ធី", ("Chanthy", "Chanthou", "Chanthi"), "จันธี"),
    ("ស្រីមុំ", ("Srey Mom", "Sreymom", "Srey Mum"), "สรีมม"),
    ("ស្រីនាង", ("Sreyneang", "Srey Neang", "Sreynang"), "สรีเนียง"),
    ("សោភា", ("Sophea", "Sophear", "Sophia"), "โสภา"),
    ("ពិសី", ("Pisey", "Pisei", "Pisy"), "พิสี"),
    ("បុប្ផា", ("Bopha", "Bophar", "Bopa"), "บุปผา"),
    ("ចិន្តា", ("Chenda", "Chinda", "Jenda"), "จินดา"),
    ("ស្រីល័ក្ខ", ("Sreyleak", "Srey Leak", "Sreylak"), "สรีเลียก"),
    ("ដាលីន", ("Dalin", "Daline"), "ดาลิน"),
    ("កញ្ញា", ("Kanha", "Kagna", "Kanya"), "กัญญา"),
    ("សុគន្ធា", ("Sokunthea", "Sokonthea", "Sokuntha"), "สุคันธา"),
    ("ផល្លា", ("Phalla", "Phala", "Phallar"), "ผัลลา"),
    ("រស្មី", ("Raksmey", "Reaksmey", "Rasmey"), "รัศมี"),
    ("ស្រីពៅ", ("Sreypov", "Srey Pov", "Sreypeou"), "สรีเปา"),
    ("ធីតា", ("Thida", "Theda", "Thidar"), "ธิดา"),
    ("នារី", ("Neary", "Nary", "Neari"), "นารี"),
    ("ចាន់ណារី", ("Channary", "Chan Nary", "Channeary"), "จันนารี"),
    ("សុភាព", ("Sopheap", "Sopheab", "Sophiep"), "โสภาพ"),
    ("លក្ខិណា", ("Leakhena", "Leakhina", "Lakhena"), "ลักขิณา"),
    ("វណ្ណា", ("Vanna", "Vana", "Wanna"), "วรรณา"),
    ("សុខលី", ("Sokly", "Sok Ly", "Sokli"), "สุขลี"),
    ("ម៉ាលី", ("Maly", "Mali", "Malee"), "มาลี"),
    ("ស្រីអូន", ("Sreyoun", "Srey Oun", "Sreyon"), "สรีอูน"),
)

MALE_NAMES: tuple[NameRow, ...] = (
    ("ដារ៉ា", ("Dara", "Darah", "Darra"), "ดารา"),
    ("រិទ្ធី", ("Rithy", "Rithi", "Ritthy"), "ฤทธี"),
    ("កុសល", ("Kosal", "Kusal", "Kosol"), "โกศล"),
    ("វុទ្ធី", ("Vuthy", "Vuthi", "Vutthy"), "วุทธี"),
    ("ពិសិដ្ឋ", ("Piseth", "Piset", "Pisith"), "พิเสฐ"),
    ("សម្បត្តិ", ("Sambath", "Sambat", "Sambatt"), "สัมบัต"),
    ("វាសនា", ("Veasna", "Veasana", "Visna"), "วาสนา"),
    ("ប៊ុនធឿន", ("Bunthoeun", "Bunthoeurn", "Bun Thoeun"), "บุนเทือน"),
    ("សុភ័ក្រ", ("Sopheak", "Sophak", "Sopheakt"), "โสภัก"),
    ("វិចិត្រ", ("Vichet", "Vichhet", "Vicheth"), "วิจิตร"),
    ("សំណាង", ("Samnang", "Somnang", "Samnag"), "สำนาง"),
    ("ចំរើន", ("Chamroeun", "Chamroeurn", "Chamrern"), "จำเริญ"),
    ("សុធា", ("Sothea", "Sothear", "Suthea"), "โสธา"),
    ("រដ្ឋា", ("Ratha", "Rattha", "Rotha"), "รัฐา"),
    ("មករា", ("Makara", "Makkara", "Makra"), "มกรา"),
    ("វិសាល", ("Visal", "Wisal", "Visall"), "วิศาล"),
    ("បូរី", ("Borey", "Bory", "Borei"), "บอรี"),
    ("ឆាយ", ("Chhay", "Chhai", "Chay"), "ฉาย"),
    ("គីមហុង", ("Kimhong", "Kim Hong", "Kimhorng"), "คิมฮง"),
    ("សុផល", ("Sophal", "Sophall", "Sophol"), "โสผล"),
    ("វណ្ណៈ", ("Vannak", "Vanak", "Vannakh"), "วรรณะ"),
    ("ភក្តី", ("Pheakdey", "Pheakdei", "Peakdey"), "ภักดี"),
    ("ឧត្តម", ("Oudom", "Udom", "Outdom"), "อุดม"),
    ("ចាន់ថា", ("Chantha", "Chanthar", "Chan Tha"), "จันทา"),
)

# Family + given name combinations that belong to well-known people; never generated.
KNOWN_PEOPLE = frozenset(
    {
        "Chea Sim",
        "Chea Vichea",
        "Chea Sophara",
        "Heng Samrin",
        "Kem Sokha",
        "Keo Remy",
        "Meas Soksophea",
        "Prak Sokhonn",
        "Sam Sokha",
        "Sok An",
        "Sok Pisey",
        "Tep Vanny",
        "Yim Sovann",
        "Chan Sarun",
    }
)

# Home provinces of Cambodian workers in Thailand, weighted like the corridor (IOM/ARCM 2019:
# Banteay Meanchey, Battambang, Prey Veng, Kampong Cham, Kampong Thom first), with districts.
HOME_PROVINCES: tuple[tuple[str, int, tuple[str, ...]], ...] = (
    ("KH-1", 18, ("Ou Chrov", "Mongkol Borei", "Serei Saophoan", "Preah Netr Preah", "Thma Puok")),
    ("KH-2", 14, ("Moung Ruessei", "Sangkae", "Bavel", "Thma Koul", "Ek Phnom")),
    ("KH-14", 14, ("Kamchay Mear", "Peam Ro", "Svay Antor", "Pea Reang", "Kanhchriech")),
    ("KH-3", 10, ("Chamkar Leu", "Kang Meas", "Prey Chhor", "Batheay")),
    ("KH-6", 9, ("Baray", "Santuk", "Stoung", "Prasat Balangk")),
    ("KH-17", 8, ("Kralanh", "Puok", "Chi Kraeng", "Srei Snam")),
    ("KH-21", 5, ("Bati", "Tram Kak", "Samraong", "Prey Kabbas")),
    ("KH-20", 4, ("Romeas Haek", "Svay Chrum", "Chantrea")),
    ("KH-25", 4, ("Ponhea Kraek", "Memot", "Dambae")),
    ("KH-22", 4, ("Samraong", "Anlong Veaeng", "Banteay Ampil")),
    ("KH-15", 3, ("Bakan", "Krakor")),
    ("KH-4", 3, ("Kampong Tralach", "Baribour")),
    ("KH-13", 2, ()),
    ("KH-24", 1, ()),
    ("KH-8", 1, ()),
)
BORDER_HOMES = ("KH-1", "KH-2", "KH-22", "KH-24")  # where border passes are issued


class EmployerSpec(NamedTuple):
    key: str
    name: str
    name_th: str
    sector: str  # ISIC section
    kind: str  # drives gender mix, violations and wording
    province: str | None
    district: str
    workplace: str
    place: str  # finishes a case title: "... at a Rayong seafood plant"
    weight: int  # a few heavy weights make repeat offenders
    orgs: tuple[str, ...]  # organisations whose workers meet this employer


EMPLOYERS: tuple[EmployerSpec, ...] = (
    EmployerSpec(
        "mahachai-frozen",
        "Mahachai Ocean Frozen Foods Co., Ltd.",
        "บริษัท มหาชัยโอเชี่ยนโฟรเซ่นฟู้ดส์ จำกัด",
        "C",
        "seafood",
        "TH-74",
        "Mueang Samut Sakhon",
        "Mahachai Ocean shrimp-peeling plant",
        "at a Samut Sakhon shrimp-peeling plant",
        10,
        (RMH, PLA),
    ),
    EmployerSpec(
        "siam-sea-pearl",
        "Siam Sea Pearl Seafood Co., Ltd.",
        "บริษัท สยามซีเพิร์ลซีฟู้ด จำกัด",
        "C",
        "seafood",
        "TH-74",
        "Krathum Baen",
        "Siam Sea Pearl cannery, Krathum Baen",
        "at a Samut Sakhon seafood cannery",
        5,
        (RMH, MWU),
    ),
    EmployerSpec(
        "rayong-marine",
        "Rayong Marine Products Co., Ltd.",
        "บริษัท ระยองมารีนโปรดักส์ จำกัด",
        "C",
        "seafood",
        "TH-21",
        "Mueang Rayong",
        "Rayong Marine surimi and fish-ball plant",
        "at a Rayong seafood plant",
        9,
        (RMH, MWU, PLA),
    ),
    EmployerSpec(
        "ban-phe-dried",
        "Ban Phe Dried Seafood Limited Partnership",
        "ห้างหุ้นส่วนจำกัด บ้านเพอาหารทะเลแห้ง",
        "C",
        "seafood",
        "TH-21",
        "Mueang Rayong",
        "Ban Phe squid-drying yard",
        "at a Rayong squid-drying yard",
        3,
        (RMH,),
    ),
    EmployerSpec(
        "songkhla-canning",
        "Songkhla Coastal Canning Co., Ltd.",
        "บริษัท สงขลาโคสตัลแคนนิ่ง จำกัด",
        "C",
        "seafood",
        "TH-90",
        "Mueang Songkhla",
        "Songkhla Coastal Canning tuna line",
        "at a Songkhla tuna cannery",
        3,
        (RMH, PLA),
    ),
    EmployerSpec(
        "chok-charoen",
        "Chok Charoen Fishery Limited Partnership",
        "ห้างหุ้นส่วนจำกัด โชคเจริญการประมง",
        "A",
        "fishing",
        "TH-74",
        "Mueang Samut Sakhon",
        "Trawler Chok Charoen 8",
        "on a Samut Sakhon trawler",
        4,
        (RMH, PLA),
    ),
    EmployerSpec(
        "sri-ampai",
        "Sri Ampai Marine Fishing Co., Ltd.",
        "บริษัท ศรีอำไพการประมงทะเล จำกัด",
        "A",
        "fishing",
        "TH-90",
        "Mueang Songkhla",
        "Trawlers Sri Ampai 3 and 5",
        "on a Songkhla fishing boat",
        3,
        (RMH, PLA),
    ),
    EmployerSpec(
        "khlong-yai-fishing",
        "Khlong Yai Sea Fishing Limited Partnership",
        "ห้างหุ้นส่วนจำกัด คลองใหญ่ประมงทะเล",
        "A",
        "fishing",
        "TH-23",
        "Khlong Yai",
        "Purse seiners at Khlong Yai pier",
        "on a Trat fishing boat",
        2,
        (RMH,),
    ),
    EmployerSpec(
        "thanakorn",
        "Thanakorn Construction and Engineering Co., Ltd.",
        "บริษัท ธนกรก่อสร้างและวิศวกรรม จำกัด",
        "F",
        "construction",
        "TH-10",
        "Lat Krabang",
        "Condominium site and camp, Lat Krabang",
        "on a Bangkok construction site",
        5,
        (RMH, MWU, PLA),
    ),
    EmployerSpec(
        "eastern-civil",
        "Eastern Seaboard Civil Works Co., Ltd.",
        "บริษัท อีสเทิร์นซีบอร์ดซีวิลเวิร์คส์ จำกัด",
        "F",
        "construction",
        "TH-20",
        "Si Racha",
        "Industrial estate site, Si Racha",
        "on a Chon Buri construction site",
        6,
        (RMH, MWU),
    ),
    EmployerSpec(
        "rungroj-builder",
        "Rungroj Builder Limited Partnership",
        "ห้างหุ้นส่วนจำกัด รุ่งโรจน์บิลเดอร์",
        "F",
        "construction",
        "TH-13",
        "Khlong Luang",
        "Housing estate site, Khlong Luang",
        "on a Pathum Thani building site",
        3,
        (RMH, MWU, PLA),
    ),
    EmployerSpec(
        "siam-modern-tower",
        "Siam Modern Tower Co., Ltd.",
        "บริษัท สยามโมเดิร์นทาวเวอร์ จำกัด",
        "F",
        "construction",
        "TH-10",
        "Chatuchak",
        "Office tower site, Chatuchak",
        "on a Bangkok high-rise site",
        3,
        (MWU, PLA),
    ),
    EmployerSpec(
        "thong-chan-durian",
        "Thong Chan Durian Orchard",
        "สวนทุเรียนทองจันท์",
        "A",
        "agriculture",
        "TH-22",
        "Tha Mai",
        "Durian orchard, Tha Mai",
        "on a Chanthaburi durian orchard",
        4,
        (RMH, PLA),
    ),
    EmployerSpec(
        "wang-nam-yen-cassava",
        "Wang Nam Yen Cassava Farm",
        "ไร่มันสำปะหลังวังน้ำเย็น",
        "A",
        "agriculture",
        "TH-27",
        "Wang Nam Yen",
        "Cassava farm, Wang Nam Yen",
        "on a Sa Kaeo cassava farm",
        3,
        (RMH, PLA),
    ),
    EmployerSpec(
        "aran-sugar",
        "Aran Sugar Cane Farm",
        "ไร่อ้อยอรัญ",
        "A",
        "agriculture",
        "TH-27",
        "Aranyaprathet",
        "Sugar-cane fields, Aranyaprathet",
        "in Sa Kaeo sugar-cane fields",
        3,
        (RMH, PLA),
    ),
    EmployerSpec(
        "tha-chana-palm",
        "Tha Chana Palm Oil Plantation Co., Ltd.",
        "บริษัท ท่าชนะปาล์มออยล์ จำกัด",
        "A",
        "agriculture",
        "TH-84",
        "Tha Chana",
        "Oil-palm plantation, Tha Chana",
        "on a Surat Thani oil-palm plantation",
        3,
        (RMH, PLA),
    ),
    EmployerSpec(
        "klaeng-rubber",
        "Klaeng Rubber Estate",
        "สวนยางแกลง",
        "A",
        "agriculture",
        "TH-21",
        "Klaeng",
        "Rubber estate, Klaeng",
        "on a Rayong rubber estate",
        3,
        (RMH,),
    ),
    EmployerSpec(
        "phan-thong-poultry",
        "Phan Thong Poultry Processing Co., Ltd.",
        "บริษัท พานทองแปรรูปสัตว์ปีก จำกัด",
        "C",
        "poultry",
        "TH-20",
        "Phan Thong",
        "Chicken processing plant, Phan Thong",
        "at a Chon Buri poultry plant",
        6,
        (RMH, MWU),
    ),
    EmployerSpec(
        "saraburi-chicken",
        "Saraburi Golden Chicken Co., Ltd.",
        "บริษัท สระบุรีโกลเด้นชิคเก้น จำกัด",
        "C",
        "poultry",
        "TH-19",
        "Nong Khae",
        "Poultry plant, Nong Khae",
        "at a Saraburi poultry plant",
        2,
        (MWU,),
    ),
    EmployerSpec(
        "bkt-garment",
        "Bang Khun Thian Garment Co., Ltd.",
        "บริษัท บางขุนเทียนการ์เมนต์ จำกัด",
        "C",
        "garment",
        "TH-10",
        "Bang Khun Thian",
        "Sewing factory, Bang Khun Thian",
        "at a Bangkok garment factory",
        3,
        (RMH, MWU),
    ),
    EmployerSpec(
        "prakan-textile",
        "Prakan Textile and Sewing Co., Ltd.",
        "บริษัท ปราการสิ่งทอและตัดเย็บ จำกัด",
        "C",
        "garment",
        "TH-11",
        "Bang Phli",
        "Knitting and sewing plant, Bang Phli",
        "at a Samut Prakan garment factory",
        2,
        (MWU,),
    ),
    EmployerSpec(
        "household-bang-na",
        "Private household, Bang Na",
        "ครัวเรือนนายจ้าง เขตบางนา",
        "T",
        "domestic",
        "TH-10",
        "Bang Na",
        "Private house, Bang Na",
        "in a Bangkok household",
        2,
        (RMH, PLA),
    ),
    EmployerSpec(
        "household-hat-yai",
        "Private household, Hat Yai",
        "ครัวเรือนนายจ้าง อำเภอหาดใหญ่",
        "T",
        "domestic",
        "TH-90",
        "Hat Yai",
        "Private house, Hat Yai",
        "in a Songkhla household",
        1,
        (RMH,),
    ),
    EmployerSpec(
        "household-bang-lamung",
        "Private household, Bang Lamung",
        "ครัวเรือนนายจ้าง อำเภอบางละมุง",
        "T",
        "domestic",
        "TH-20",
        "Bang Lamung",
        "Private villa, Bang Lamung",
        "in a Chon Buri household",
        1,
        (RMH,),
    ),
)
# The "employer" of forced-criminality cases is outside Thailand: no Thai province, no workplace.
SCAM_EMPLOYER = EmployerSpec(
    "scam-compound",
    "Unnamed online-gambling company (compound near Myawaddy, Myanmar)",
    "",
    "",
    "scam",
    None,
    "",
    "",
    "across the Moei river",
    0,
    (RMH, PLA),
)


class RecruiterSpec(NamedTuple):
    key: str
    name: str
    kind: str
    country: str
    licence_status: str
    licence_number: str


RECRUITERS: tuple[RecruiterSpec, ...] = (
    RecruiterSpec("tonle-sap-manpower", "Tonle Sap Manpower Co., Ltd.", "agency", "KH", "licensed", "MLVT-PRA-0147"),
    RecruiterSpec(
        "mekong-bridge-hr", "Mekong Bridge Human Resources Co., Ltd.", "agency", "KH", "licensed", "MLVT-PRA-0212"
    ),
    RecruiterSpec(
        "golden-lotus", "Golden Lotus Overseas Recruitment Co., Ltd.", "agency", "KH", "licensed", "MLVT-PRA-0089"
    ),
    RecruiterSpec("siam-link", "Siam Link Job Placement Co., Ltd.", "agency", "TH", "licensed", "DOE 0273/2563"),
    RecruiterSpec("pou-heng", "Pou Heng, broker in Poipet", "broker", "KH", "unlicensed", ""),
    RecruiterSpec("bong-rin", "Bong Rin, broker in Moung Ruessei", "broker", "KH", "unlicensed", ""),
    RecruiterSpec("yeay-sophy", "Yeay Sophy, broker in Kamchay Mear", "broker", "KH", "unlicensed", ""),
    RecruiterSpec("ming-srey", "Ming Srey, broker in Ou Chrov", "broker", "KH", "unlicensed", ""),
    RecruiterSpec(
        "jae-noi", "'Jae Noi', Thai broker at Rong Kluea market, Aranyaprathet", "broker", "TH", "unlicensed", ""
    ),
    RecruiterSpec(
        "online-recruiter", "Online recruiter 'Easy Job Thailand' (Facebook, Telegram)", "broker", "KH", "unknown", ""
    ),
)
MOU_AGENCIES = ("tonle-sap-manpower", "mekong-bridge-hr", "golden-lotus")  # licensed Cambodian agencies
BROKERS = ("pou-heng", "bong-rin", "yeay-sophy", "ming-srey", "jae-noi")
PINK_CARD_AGENTS = ("siam-link", "pou-heng", "jae-noi")  # who arranged the registration for a fee

# Daily minimum wage (THB) from 1 July 2025, Wage Committee Notification No. 14
# (reference/thai_minimum_wage.csv; the general rate where a province has district rates).
MINIMUM_WAGE: dict[str, int] = {
    "TH-10": 400,
    "TH-11": 372,
    "TH-13": 372,
    "TH-19": 357,
    "TH-20": 400,
    "TH-21": 400,
    "TH-22": 352,
    "TH-23": 354,
    "TH-27": 352,
    "TH-74": 372,
    "TH-84": 352,
    "TH-90": 352,
}

# Border crossings by Thai province (official checkpoint, then irregular paths nearby).
CROSSINGS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "TH-22": (
        ("Ban Laem–Daung", "Ban Pakard–Phsar Prum"),
        ("a rubber plantation near Ban Laem", "a jungle path near Ban Pakard"),
    ),
    "TH-23": (("Ban Hat Lek–Cham Yeam",), ("a mangrove creek near Ban Hat Lek",)),
    "": (("Aranyaprathet–Poipet",), ("a rice field near Ban Khlong Luek", "the forest near Ban Nong Ian")),
}

# How often each violation is the worker's complaint (relative weights), then sector adjustments.
VIOLATION_WEIGHTS: dict[str, int] = {
    "LR-UNPAID-WAGES": 30,
    "LR-BELOW-MINIMUM-WAGE": 18,
    "LR-DOCUMENT-RETENTION": 18,
    "LR-ILLEGAL-DEDUCTIONS": 14,
    "LR-RECRUITMENT-FEES": 12,
    "LR-EXCESSIVE-HOURS": 12,
    "LR-UNPAID-OVERTIME": 7,
    "LR-NO-REST-DAY": 5,
    "LR-UNSAFE-WORK": 4,
    "LR-UNFAIR-DISMISSAL": 5,
    "LR-DEPOSIT-WITHHELD": 5,
    "LR-NO-SOCIAL-SECURITY": 4,
    "ILO11-02": 3,
    "ILO11-06": 3,
    "ILO11-10": 2,
    "MOC-ThreatsLawEnforcement": 3,
    "MOC-WithholdsDocuments": 2,
    "MOC-FalsePromises": 2,
}
SECTOR_VIOLATIONS: dict[str, dict[str, int]] = {
    "fishing": {"ILO11-04": 6, "ILO11-09": 4, "LR-EXCESSIVE-HOURS": 10, "ILO11-03": 3},
    "domestic": {"LR-NO-REST-DAY": 15, "ILO11-03": 5, "MOC-RestrictsMovement": 3, "LR-EXCESSIVE-HOURS": 8},
    "construction": {"LR-UNSAFE-WORK": 8, "LR-UNPAID-WAGES": 15},
    "agriculture": {"LR-BELOW-MINIMUM-WAGE": 12, "ILO11-10": 3},
    "seafood": {"LR-ILLEGAL-DEDUCTIONS": 8, "LR-EXCESSIVE-HOURS": 6},
    "poultry": {"LR-UNPAID-OVERTIME": 8, "LR-UNSAFE-WORK": 4},
    "garment": {"LR-UNPAID-OVERTIME": 10, "LR-BELOW-MINIMUM-WAGE": 6},
}

# What a summary (and a violation's details) says about each violation.
VIOLATION_PHRASES: dict[str, str] = {
    "LR-UNPAID-WAGES": "wages unpaid for {months} months",
    "LR-BELOW-MINIMUM-WAGE": "a daily wage of {wage} baht against the {min_wage}-baht minimum",
    "LR-DOCUMENT-RETENTION": "the employer keeping the worker's identity documents",
    "LR-ILLEGAL-DEDUCTIONS": "deductions of about {deduction:,} baht a month for documents and housing",
    "LR-RECRUITMENT-FEES": "a recruitment debt of {fee_thb:,} baht taken from wages",
    "LR-EXCESSIVE-HOURS": "{hours}-hour working days",
    "LR-UNPAID-OVERTIME": "overtime that is never paid",
    "LR-NO-REST-DAY": "no weekly day off",
    "LR-UNSAFE-WORK": "an injury at work without treatment or compensation",
    "LR-UNFAIR-DISMISSAL": "dismissal without notice or severance",
    "LR-DEPOSIT-WITHHELD": "a {deposit:,}-baht guarantee deposit kept by the employer",
    "LR-NO-SOCIAL-SECURITY": "no social-security registration",
    "ILO11-02": "a job that was not the one promised",
    "ILO11-03": "not being allowed to leave the premises",
    "ILO11-04": "being cut off from family for months at sea",
    "ILO11-05": "being beaten by a supervisor",
    "ILO11-06": "threats when asking for pay",
    "ILO11-09": "a debt that grows faster than it can be repaid",
    "ILO11-10": "crowded, unsafe housing",
    "MOC-ThreatsLawEnforcement": "threats to call the police or immigration",
    "MOC-WithholdsDocuments": "documents held to stop the worker leaving",
    "MOC-FalsePromises": "false promises about pay",
    "MOC-RestrictsMovement": "being locked in at night",
    "MOC-SexualAbuse": "sexual abuse by a member of the household",
    "MOC-PhysicalThreats": "threats of violence",
    "MOC-PhysicalAbuse": "beatings for missing targets",
    "EXP-ForcedLabour": "indicators of forced labour",
    "EXP-ForcedCriminality": "being forced to run online scams",
}

# Case titles by scenario, else by the worker's main labour-rights complaint.
TITLES: dict[str, str] = {
    "LR-UNPAID-WAGES": "{months} months' wages unpaid",
    "LR-BELOW-MINIMUM-WAGE": "Paid {wage} baht a day, below the minimum wage",
    "LR-DOCUMENT-RETENTION": "Identity documents kept by the employer",
    "LR-ILLEGAL-DEDUCTIONS": "Unlawful deductions from wages",
    "LR-RECRUITMENT-FEES": "Broker debt deducted from wages",
    "LR-EXCESSIVE-HOURS": "{hours}-hour days without rest",
    "LR-UNPAID-OVERTIME": "Overtime not paid",
    "LR-NO-REST-DAY": "No day off in {months} months",
    "LR-UNSAFE-WORK": "Injured at work, no compensation",
    "LR-UNFAIR-DISMISSAL": "Dismissed without severance pay",
    "LR-DEPOSIT-WITHHELD": "Guarantee deposit not returned",
    "LR-NO-SOCIAL-SECURITY": "Not registered for social security",
    "forced_fishing": "Debt bondage and unpaid wages",
    "scam": "Fake job offer, held in a scam compound",
    "abuse_sexual": "Sexual abuse and no day off",
    "abuse_violence": "Beaten by the supervisor, wages unpaid",
    "border_crisis": "Wages and deposit left behind after the July 2025 returns",
}

CHANNEL_PHRASES: dict[str, str] = {
    "irregular": "who crossed into Thailand irregularly",
    "pink_card": "who holds a pink card registered through the employer",
    "mou": "who came to Thailand under the MOU through {agency}",
    "border_pass": "who works across the border on a border pass",
    "scam": "who answered an online job advert and was taken across the border into Myanmar",
}

EVENTS: dict[str, tuple[str, ...]] = {
    "recruitment_mou": (
        "Recruited in {home} by {agency}; paid US${fee_usd} in fees and signed a contract in Thai only.",
        "Signed an MOU contract at {agency}'s office in Phnom Penh; promised {promised} baht a day.",
    ),
    "recruitment_irregular": (
        "A broker ({broker}) offered work in Thailand for {fee_thb:,} baht, to be deducted from wages.",
        "Heard about the job from a neighbour in {home}; paid a broker US${fee_usd} to arrange transport.",
    ),
    "recruitment_pink_card": (
        "Came to Thailand with relatives from {home}; the employer registered the worker for a pink card.",
        "Found the job through a cousin already at {workplace}; the pink card fee is deducted from wages.",
    ),
    "recruitment_border_pass": (
        "Got a border pass in {home} for seasonal work across the border.",
        "Recruited at the border market by the farm's foreman for the harvest season.",
    ),
    "recruitment_scam": (
        "Answered a Facebook advert for a 'customer service' job in Bangkok paying US$1,000 a month.",
        "A friend from {home} sent a Telegram link to a 'hotel reception' job in Thailand; travel was free.",
    ),
    "journey_mou": ("By bus with 40 other workers from Phnom Penh, across at {crossing}, on to {province}.",),
    "journey_irregular": (
        "Crossed on foot at night through {irregular_crossing} with the broker; picked up by a pickup truck.",
        "Hid in the back of a van from the border to {province}; the driver paid at two checkpoints.",
    ),
    "journey_pink_card": ("Travelled from {home} to {province} by bus through {crossing}.",),
    "journey_border_pass": ("Crosses each morning at the {crossing} checkpoint.",),
    "journey_scam": ("Crossed at Poipet as a tourist; driven to Mae Sot and over the Moei river at night.",),
    "employment_seafood": (
        "Started peeling shrimp at {workplace}; paid by the kilo, {wage} baht a day.",
        "Started on the processing line at {workplace}; 12-hour shifts in the cold room.",
    ),
    "employment_fishing": ("Went to sea on {workplace}; trips of three to six weeks.",),
    "employment_construction": ("Started as a labourer at {workplace}; living in the workers' camp.",),
    "employment_agriculture": ("Started work at {workplace}; housing in a shed on the farm.",),
    "employment_poultry": ("Started on the deboning line at {workplace}; night shift.",),
    "employment_garment": ("Started as a sewing operator at {workplace}; piece rate.",),
    "employment_domestic": (
        "Started as a live-in domestic worker at {workplace}; cooking, cleaning and caring for two children.",
    ),
    "employment_scam": (
        "Taken to a guarded compound and told to run romance and investment scams in Khmer and Thai; phone taken away.",
    ),
    "incident_scam": ("Beaten for missing the daily target; told the debt for the journey is US$3,000.",),
    "incident_fishing": ("Kept at sea for four months; the skipper says the broker's debt is not repaid.",),
    "incident_sexual_abuse": (
        "A member of the employer's family came into the worker's room at night; the worker was afraid to tell anyone.",
    ),
    "incident_violence": ("Hit by the supervisor for working too slowly; bruises photographed by a friend.",),
    "exit": (
        "Left the workplace with {coworkers} co-workers and went to stay with a cousin in {province}.",
        "Contacted the centre through a friend on Facebook; left the job after the first visit.",
        "Dismissed and told to leave the housing the same day.",
    ),
    "exit_scam": (
        "Released after the family paid US$1,500; walked to the river and crossed back to Mae Sot.",
        "Rescued in a raid and handed to the Thai police in Mae Sot.",
    ),
    "exit_forced_fishing": (
        "Escaped when the boat came back to port and asked a Khmer-speaking fish-market worker for help.",
    ),
    "exit_border_crisis": (
        "Employer told all Cambodian workers to leave after the border clashes of 24 July "
        "2025; wages for {months} months not paid.",
    ),
    "return": (
        "Returned home to {home} through Poipet.",
        "Handed over at the Aranyaprathet–Poipet border and received at the Poipet transit centre.",
    ),
    "return_border_crisis": ("Crossed at Poipet in the rush of returns after 24 July 2025, with one bag.",),
}

# The timeline's incident, by the worker's main labour-rights complaint.
INCIDENTS: dict[str, str] = {
    "LR-UNPAID-WAGES": "Wages for {months} months not paid; the supervisor keeps promising 'next month'.",
    "LR-BELOW-MINIMUM-WAGE": "Paid {wage} baht a day; the minimum wage in {province} is {min_wage} baht.",
    "LR-DOCUMENT-RETENTION": "The employer took the workers' documents 'for safekeeping' and keeps them.",
    "LR-ILLEGAL-DEDUCTIONS": "{deduction:,} baht taken from each pay for the work permit, room and broker.",
    "LR-RECRUITMENT-FEES": "{deduction:,} baht a month taken for the broker; {fee_thb:,} baht still owed.",
    "LR-EXCESSIVE-HOURS": "Working {hours} hours a day, seven days a week during the peak season.",
    "LR-UNPAID-OVERTIME": "Asked for overtime pay; was shouted at and told to leave if unhappy.",
    "LR-NO-REST-DAY": "No day off since starting work; not allowed to go to the temple on holy days.",
    "LR-UNSAFE-WORK": "Injured a hand at work; no first aid and no social-security card for the hospital.",
    "LR-UNFAIR-DISMISSAL": "Dismissed after asking for the minimum wage; told to leave the housing that day.",
    "LR-DEPOSIT-WITHHELD": "The employer refuses to return the {deposit:,}-baht guarantee deposit.",
    "LR-NO-SOCIAL-SECURITY": "Learnt at the hospital that the employer never registered the worker for "
    "social security.",
}
INCIDENT_DEFAULT = "Complained to the supervisor with co-workers; nothing changed."

NOTES: tuple[str, ...] = (
    "Called the worker on LINE with a Khmer interpreter; confirms the details above.",
    "Worker is afraid to be seen at our office; next meeting at the temple on Sunday.",
    "Employer refused to meet us; we will go through the provincial labour protection office.",
    "Photos of two payslips received; they show deductions with no explanation.",
    "Co-workers say the same supervisor keeps everyone's documents in a locked drawer.",
    "Worker's phone was taken by the supervisor for two days; use the cousin's number until further notice.",
    "Explained the wage-claim process (complaint form at the labour protection office) in Khmer.",
    "Family in Cambodia says the broker came to the house asking for repayment.",
    "Worker agreed that we share the case with a partner in Cambodia if the worker returns home.",
    "Employer's HR officer promised to pay the arrears in two instalments.",
)
REOPEN_NOTE = "Reopened: the employer missed the second instalment of the agreed payment."

# Tasks by what the case needs; {province} is the province of work, {home} the home province.
TASKS: dict[str, tuple[str, ...]] = {
    "general": (
        "Call the worker to confirm the details of the complaint",
        "Arrange a Khmer interpreter for the labour inspector's visit",
    ),
    "wages": (
        "Request payslips and time records from the employer",
        "File the wage complaint at the {province} labour protection office",
        "Calculate the wage claim (minimum wage, overtime, deductions)",
    ),
    "retention": (
        "Ask the employer in writing to return the worker's documents",
        "Follow up with the Department of Employment on the document-retention complaint",
    ),
    "pink_card": ("Check the pink card and work-permit expiry dates",),
    "sensitive": (
        "Screen the worker for trafficking indicators",
        "Agree the handover date with MLVT for repatriation through Poipet",
    ),
    "union": ("Visit the workers' camp with the union organiser",),
    "returnee": (
        "Trace the employer's registration through the Department of Employment",
        "Help the worker file a complaint under Prakas 249 at the provincial labour department",
        "Collect the worker's evidence of unpaid wages (photos, chat messages)",
        "Call the worker's family in {home} to confirm the address",
    ),
}
TASK_UNASSIGNED = "Assign a caseworker and call the worker back"

CLOSE_REASONS: dict[str, tuple[str, ...]] = {
    "resolved": (
        "Wages recovered; the worker is satisfied and wants no further action.",
        "Documents returned and deductions stopped; agreed with the worker to close.",
        "Settled through mediation at the labour protection office.",
    ),
    "no_contact": (
        "Could not reach the worker after several attempts over six weeks.",
        "The worker chose not to pursue the claim.",
    ),
    "duplicate": ("Duplicate of a report already handled by a colleague.",),
    "referred": (
        "Referred to Phnom Penh Legal Aid after the worker returned to Cambodia.",
        "Referred to the Department of Employment (1694 complaint) for the retention of documents.",
        "Referred to the Ministry of Labour and Vocational Training for repatriation support.",
    ),
    "referred_from_cambodia": (
        "Referred to the Ministry of Labour and Vocational Training (Prakas 249 complaint).",
        "Referred to the labour attaché in Bangkok to pursue the employer in Thailand.",
    ),
}
