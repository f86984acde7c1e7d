"""Plan a demo corridor from a seed, then write it through the services.

Planning is pure: a seeded `random.Random` and the day it runs decide every name, date and amount,
so the same seed gives the same corridor. Writing goes through the service functions pages and the
API use, so every row has its audit entry and passed the same checks.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, TypeVar

from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
from allauth.mfa.totp.internal.auth import TOTP
from django.contrib.auth.hashers import make_password
from django.db import transaction
from django.utils import timezone

from corridor.accounts.models import Membership, Organisation, User
from corridor.accounts.scope import Actor
from corridor.accounts.services import organisation_create
from corridor.audit.models import AuditAction, AuditEntry
from corridor.audit.services import audit_record
from corridor.cases import services as case_services
from corridor.cases.models import Case
from corridor.core.demo import names
from corridor.parties import services as party_services
from corridor.parties.models import Employer, Recruiter, Workplace
from corridor.people import services as people_services

T = TypeVar("T")

BORDER_CLASHES = dt.date(2025, 7, 24)
RETURNEE_ORG = "pp-legal-aid"
AUDIT_LABEL = "seed_demo"
_GEOGRAPHY = Path(__file__).resolve().parent.parent / "data" / "geography.csv"

# Scenario mix per organisation. Scam compounds, forced labour at sea and abuse are always sensitive.
SCENARIOS: dict[str, dict[str, float]] = {
    "rayong-help": {
        "standard": 0.83,
        "border_crisis": 0.06,
        "forced_fishing": 0.05,
        "abuse": 0.04,
        "scam": 0.02,
    },
    "pp-legal-aid": {
        "standard": 0.48,
        "border_crisis": 0.35,
        "forced_fishing": 0.06,
        "abuse": 0.03,
        "scam": 0.08,
    },
    "eastern-mwu": {"standard": 0.90, "border_crisis": 0.08, "abuse": 0.02},
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
        "ILO11-08",
    }
)
RETENTION_CODES = frozenset({"LR-DOCUMENT-RETENTION", "ILO11-07", "MOC-WithholdsDocuments"})
BORDER_HOMES = ("KH-1", "KH-2", "KH-22", "KH-24")
NUMBER_WORDS = ("two", "three", "four")
CAMBODIAN_MOBILE_PREFIXES = (
    "10",
    "12",
    "15",
    "16",
    "17",
    "69",
    "70",
    "77",
    "78",
    "85",
    "89",
    "92",
    "96",
    "97",
)


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
    values: dict[str, Any]
    documents: list[tuple[str, str, str]] = field(default_factory=list)
    identifiers: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class CasePlan:
    organisation: str
    opener: str
    assignee: str | None
    editor: str
    values: dict[str, Any]
    people: list[PersonPlan]
    employer: str
    recruiter: str | None
    violations: list[tuple[str, str]]
    events: list[tuple[str, dt.date, str, str]]
    notes: list[str]
    tasks: list[tuple[str, dt.date | None, bool]]
    outcomes: list[tuple[str, dt.date, Decimal | None, str]]
    transitions: list[tuple[str, str]]
    closed_on: dt.date | None

    @property
    def status(self) -> str:
        return self.transitions[-1][0] if self.transitions else "new"


@dataclass
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


def _join(items: Sequence[str]) -> str:
    return items[0] if len(items) == 1 else ", ".join(items[:-1]) + " and " + items[-1]


class CorridorPlanner:
    """Decides everything about the demo cases; touches no database."""

    def __init__(self, *, seed: int, today: dt.date) -> None:
        # Reproducible demo data, not secrets: a seeded generator is the point.
        self.rng = random.Random(seed)  # noqa: S311
        self.today = today
        self.orgs = {org["slug"]: org for org in names.ORGANISATIONS}
        self.registrations = {e["key"]: self._registration(e) for e in names.EMPLOYERS}

    # -- small helpers ---------------------------------------------------------------------------

    def _pick(self, weighted: dict[T, float] | Sequence[tuple[T, float]]) -> T:
        pairs = list(weighted.items()) if isinstance(weighted, dict) else list(weighted)
        return self.rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]

    def _chance(self, p: float) -> bool:
        return self.rng.random() < p

    def _between(self, start: dt.date, end: dt.date) -> dt.date:
        end = max(start, end)
        return start + _days(self.rng.randint(0, (end - start).days))

    def _staff(self, slug: str, *roles: str) -> list[str]:
        org = self.orgs[slug]
        return [f"{local}@{org['domain']}" for local, role, _ in org["staff"] if role in roles]

    def _registration(self, employer: dict) -> str:
        """A 13-digit Thai juristic-person number (with its check digit) for companies and partnerships."""
        if "Co., Ltd." not in employer["name"] and "Partnership" not in employer["name"]:
            return ""
        kind = "5" if "Co., Ltd." in employer["name"] else "3"
        body = f"0{employer['province'][3:]:0>2}{kind}{self.rng.randint(45, 66)}{self.rng.randint(0, 999_999):06d}"
        check = (11 - sum(int(d) * (13 - i) for i, d in enumerate(body)) % 11) % 10
        return body + str(check)

    # -- the whole plan ----------------------------------------------------------------------------

    def plan(self, count: int) -> list[CasePlan]:
        return [self._case(slug) for slug in self._allot(count)]

    def _allot(self, count: int) -> list[str]:
        """Split the cases between organisations by their share (largest remainder), in random order."""
        owners = [org for org in names.ORGANISATIONS if org["case_share"] > 0]
        total = sum(org["case_share"] for org in owners)
        quotas = [count * org["case_share"] / total for org in owners]
        counts = [int(q) for q in quotas]
        by_remainder = sorted(range(len(owners)), key=lambda i: quotas[i] - counts[i], reverse=True)
        for i in by_remainder[: count - sum(counts)]:
            counts[i] += 1
        slugs = [org["slug"] for org, n in zip(owners, counts, strict=True) for _ in range(n)]
        self.rng.shuffle(slugs)
        return slugs

    def _case(self, slug: str) -> CasePlan:
        rng = self.rng
        scenario = self._pick(SCENARIOS[slug])
        employer = names.SCAM_EMPLOYER if scenario == "scam" else self._employer(slug, scenario)
        channel = self._channel(scenario, employer)
        recruiter = self._recruiter(scenario, channel, employer)
        home_code, _, home_districts = self._home(channel)
        ctx = self._context(employer, channel, recruiter, home_code)
        codes = self._violations(scenario, employer["kind"], channel)
        violations = [(code, self._violation_note(code, ctx)) for code in codes]
        sensitive = scenario in SENSITIVE_SCENARIOS or self._chance(0.05)
        mode = (
            "returned_before"
            if slug == RETURNEE_ORG or scenario == "border_crisis"
            else "returned_after"
            if scenario in {"scam", "forced_fishing"}
            else "in_thailand"
        )
        dates = self._dates(scenario, mode)
        opened_on = dates["opened"]
        transitions, closed_on, closure = self._lifecycle(opened_on, dates)
        status = transitions[-1][0] if transitions else "new"

        ctx["coworkers"] = rng.choice(NUMBER_WORDS)
        returned_now = mode == "returned_before" or (
            dates.get("return") is not None and dates["return"] <= self.today
        )
        # Rescued scam-compound workers wait in Tak (Mae Sot) for repatriation.
        current = None if returned_now else (employer["province"] or "TH-63")

        workers = 1 + (rng.choice((1, 2)) if scenario != "abuse" and self._chance(0.15) else 0)
        where = (employer, channel, codes, home_code, home_districts, current, recruiter, scenario)
        lead, family_name = self._worker(*where)
        people = [lead]
        for _ in range(workers - 1):
            # Co-workers often come from one village, and are often siblings or cousins.
            people.append(self._worker(*where, family=family_name if self._chance(0.5) else None)[0])
        if self._chance(0.6 if scenario == "scam" else 0.3 if slug == RETURNEE_ORG else 0.08):
            people.append(self._family_member(home_code))

        assignee, opener, editor = self._staffing(slug, sensitive, status)
        title = self._title(scenario, codes, employer, ctx, workers)
        summary = self._summary(lead, channel, codes, ctx, mode, returned_now, workers)
        values = {
            "title": title[:200],
            "summary": summary,
            "sector": employer["sector"],
            "work_province_id": employer["province"],
            "opened_on": opened_on,
            "sensitivity": "sensitive" if sensitive else "standard",
        }
        events = self._events(scenario, channel, employer, codes, ctx, dates, status)
        outcomes = self._outcomes(scenario, codes, ctx, status, closure, opened_on, closed_on, dates)
        notes = rng.sample(names.NOTES, k=rng.randint(0, 1) if status == "new" else rng.randint(0, 3))
        if len(transitions) >= 3 and transitions[-1][0] == "active" and transitions[-2][0] == "closed":
            notes.append(names.REOPEN_NOTE)
        tasks = self._tasks(slug, status, assignee, ctx, opened_on, closed_on)
        return CasePlan(
            organisation=slug,
            opener=opener,
            assignee=assignee,
            editor=editor,
            values=values,
            people=people,
            employer=employer["key"],
            recruiter=recruiter,
            violations=violations,
            events=events,
            notes=notes,
            tasks=tasks,
            outcomes=outcomes,
            transitions=transitions,
            closed_on=closed_on,
        )

    # -- who and where ---------------------------------------------------------------------------

    def _employer(self, slug: str, scenario: str) -> dict:
        kinds = {"forced_fishing": {"fishing"}, "abuse": {"domestic", "agriculture", "seafood"}}.get(scenario)
        candidates = [
            e for e in names.EMPLOYERS if slug in e["orgs"] and (kinds is None or e["kind"] in kinds)
        ]
        if not candidates:
            candidates = [e for e in names.EMPLOYERS if kinds is None or e["kind"] in kinds]
        return self._pick([(e, e["weight"]) for e in candidates])

    def _channel(self, scenario: str, employer: dict) -> str:
        if scenario == "scam":
            return "irregular"
        if employer["kind"] == "fishing":
            return self._pick({"pink_card": 50, "irregular": 35, "mou": 15})
        if employer["kind"] == "agriculture" and employer["province"] in {"TH-27", "TH-22", "TH-23"}:
            return self._pick({"border_pass": 40, "irregular": 40, "pink_card": 20})
        return self._pick({"irregular": 45, "pink_card": 27, "mou": 28})

    def _recruiter(self, scenario: str, channel: str, employer: dict) -> str | None:
        if scenario == "scam":
            return "online-recruiter"
        if channel == "mou":
            return self.rng.choice(names.AGENCIES)
        if channel == "border_pass":
            return "jae-noi" if employer["province"] == "TH-27" and self._chance(0.5) else None
        if self._chance(0.75 if channel == "irregular" else 0.3):
            return self.rng.choice(names.BROKERS)
        return None

    def _home(self, channel: str) -> tuple[str, tuple[str, ...], int]:
        homes = [h for h in names.HOME_PROVINCES if channel != "border_pass" or h[0] in BORDER_HOMES]
        return self._pick([(h, h[1]) for h in homes])

    def _context(self, employer: dict, channel: str, recruiter: str | None, home: str) -> dict[str, Any]:
        rng = self.rng
        provinces = province_names()
        min_wage = names.MINIMUM_WAGE.get(employer["province"] or "", 372)
        recruiters = {r["key"]: r["name"] for r in names.RECRUITERS}
        return {
            "home": provinces[home],
            "province": provinces.get(employer["province"] or "", "Myawaddy"),
            "workplace": employer["workplace"] or employer["name"],
            "min_wage": min_wage,
            "wage": min_wage - rng.choice((40, 50, 70, 80, 100, 120)),
            "promised": min_wage,
            "months": rng.randint(2, 6),
            "hours": rng.randint(11, 16),
            "deduction": rng.randrange(500, 2600, 100),
            "fee_thb": rng.randrange(8_000, 25_500, 500),
            "deposit": rng.randrange(1_000, 5_500, 500),
            "fee_usd": rng.randrange(400, 950, 50) if channel == "mou" else rng.randrange(30, 160, 10),
            "agency": recruiters.get(recruiter or "", "a licensed agency") if channel == "mou" else "",
            "broker": recruiters.get(recruiter or "", "a local broker"),
            "crossing": rng.choice(names.CROSSINGS[:1] if channel == "mou" else names.CROSSINGS),
            "irregular_crossing": rng.choice(names.IRREGULAR_CROSSINGS),
        }

    def _staffing(self, slug: str, sensitive: bool, status: str) -> tuple[str | None, str, str]:
        """(assignee, who opens the case, who records the rest)."""
        caseworkers = self._staff(slug, "caseworker")
        managers = self._staff(slug, "manager") or self._staff(slug, "org_admin")
        assignee = (
            self.rng.choice(managers)
            if self._chance(0.4 if sensitive else 0.15)
            else self.rng.choice(caseworkers)
        )
        intake = self._staff(slug, "intake_officer")
        opener = intake[0] if intake and self._chance(0.35) else assignee
        if opener != assignee and status == "new" and not sensitive and self._chance(0.5):
            return None, opener, managers[0]
        return assignee, opener, assignee

    # -- people ----------------------------------------------------------------------------------

    def _name(self, gender: str, family: tuple | None = None) -> tuple[dict[str, str], tuple]:
        rng = self.rng
        pool = {"Feminine": names.FEMALE_NAMES, "Masculine": names.MALE_NAMES}.get(
            gender, names.FEMALE_NAMES + names.MALE_NAMES
        )
        while True:
            fam = family or rng.choice(names.FAMILY_NAMES)
            given = rng.choice(pool)
            if f"{fam[1][0]} {given[1][0]}" not in names.KNOWN_PEOPLE:
                break
        fam_latin, given_latin = self._spelling(fam[1]), self._spelling(given[1])
        style = rng.random()
        latin = (
            f"{fam_latin} {given_latin}".upper()
            if style < 0.08  # as printed in a passport
            else f"{given_latin} {fam_latin}"
            if style < 0.13  # given name first, as on Thai forms
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

    def _age(self, person: dict[str, Any], low: int, high: int, mode: int) -> None:
        age = int(self.rng.triangular(low, high, mode))
        if self._chance(0.45):
            person["date_of_birth"] = self.today - _days(age * 365 + self.rng.randint(5, 360))
        else:
            person["estimated_age"] = age

    def _worker(
        self,
        employer: dict,
        channel: str,
        codes: list[str],
        home: str,
        districts: tuple[str, ...],
        current: str | None,
        recruiter: str | None,
        scenario: str,
        family: tuple | None = None,
    ) -> tuple[PersonPlan, tuple]:
        gender = self._gender(employer["kind"])
        values: dict[str, Any]
        values, family_name = self._name(gender, family)
        values |= {
            "gender": gender,
            "citizenship": "KH",
            "languages": "km, th" if self._chance(0.4) else "km",
            "home_province_id": home,
            "home_district": self.rng.choice(districts) if districts and self._chance(0.7) else "",
            "current_province_id": current,
            "migration_channel": channel,
        }
        self._age(values, 18, 50, 26)
        person = PersonPlan(role="worker", values=values)
        person.documents = self._documents(channel, codes, recruiter, scenario)
        if self._chance(0.6):
            person.identifiers = self._identifiers(channel, person.documents, current)
        return person, family_name

    def _family_member(self, home: str) -> PersonPlan:
        gender = self._gender("agriculture")
        values: dict[str, Any]
        values, _ = self._name(gender)
        values |= {"gender": gender, "citizenship": "KH", "languages": "km", "home_province_id": home}
        self._age(values, 38, 66, 50)
        person = PersonPlan(role="family", values=values)
        if self._chance(0.6):
            person.identifiers = [("phone", self._cambodian_phone())]
        return person

    def _documents(
        self, channel: str, codes: list[str], recruiter: str | None, scenario: str
    ) -> list[tuple[str, str, str]]:
        retained = any(code in RETENTION_CODES for code in codes)
        holder = "recruiter" if recruiter and self._chance(0.25) else "employer"
        note = self.rng.choice(
            (
                "Kept by the supervisor since the first week.",
                "Held in the office 'for safekeeping'.",
                "Employer says it will be returned when the contract ends.",
            )
        )
        if scenario == "scam":
            return [("passport", "other", "Taken by the compound guards on arrival.")]
        docs: list[tuple[str, str, str]] = []
        if channel == "mou":
            docs += [
                ("passport", holder if retained else "worker", note if retained else ""),
                ("work_permit", "employer" if retained else "worker", ""),
            ]
        elif channel == "pink_card":
            docs.append(("pink_card", holder if retained else "worker", note if retained else ""))
            if self._chance(0.5):
                docs.append(("national_id", "worker", ""))
        elif channel == "border_pass":
            docs += [("border_pass", "worker", ""), ("national_id", "worker", "")]
        elif retained:
            docs.append(("national_id", holder, note))
        elif self._chance(0.6):
            docs.append(("national_id", self.rng.choice(("worker", "worker", "lost")), ""))
        if scenario == "forced_fishing":
            docs.append(("other", "employer", "Seafarer's book held by the skipper."))
        return docs

    def _identifiers(
        self, channel: str, documents: list[tuple[str, str, str]], current: str | None
    ) -> list[tuple[str, str]]:
        rng = self.rng
        kinds = {kind for kind, _, _ in documents}
        found: list[tuple[str, str]] = []
        if "passport" in kinds:
            found.append(("passport", f"N{rng.randint(0, 9_999_999):07d}"))
        if "national_id" in kinds or self._chance(0.3):
            found.append(("kh_national_id", f"{rng.randint(10_000_000, 299_999_999):09d}"))
        if "pink_card" in kinds and self._chance(0.7):
            digits = f"00{rng.randint(0, 10**11 - 1):011d}"
            found.append(
                ("pink_card", f"{digits[0]}-{digits[1:5]}-{digits[5:10]}-{digits[10:12]}-{digits[12]}")
            )
        if self._chance(0.8) or not found:
            found.append(("phone", self._thai_phone() if current else self._cambodian_phone()))
        return found

    def _thai_phone(self) -> str:
        rng = self.rng
        number = f"{rng.choice('689')}{rng.randint(0, 9)}{rng.randint(0, 9_999_999):07d}"
        if self._chance(0.3):
            return f"0{number[:2]}-{number[2:5]}-{number[5:]}"
        return f"+66 {number[:2]} {number[2:5]} {number[5:]}"

    def _cambodian_phone(self) -> str:
        prefix = self.rng.choice(CAMBODIAN_MOBILE_PREFIXES)
        subscriber = f"{self.rng.randint(0, 999_999):06d}"
        if self._chance(0.3):
            return f"0{prefix} {subscriber[:3]} {subscriber[3:]}"
        return f"+855 {prefix} {subscriber[:3]} {subscriber[3:]}"

    # -- what happened -----------------------------------------------------------------------------

    def _violation_note(self, code: str, ctx: dict[str, Any]) -> str:
        phrase = names.VIOLATION_PHRASES.get(code)
        if phrase is None or not self._chance(0.35):
            return ""
        text = phrase.format(**ctx)
        return f"Worker reports {text}."

    def _violations(self, scenario: str, kind: str, channel: str) -> list[str]:
        rng = self.rng
        fixed: list[str] = {
            "scam": [
                "EXP-ForcedCriminality",
                "ILO11-02",
                "ILO11-03",
                rng.choice(("MOC-PhysicalAbuse", "MOC-PhysicalThreats")),
            ],
            "forced_fishing": ["EXP-ForcedLabour", "ILO11-09", "ILO11-04", "LR-UNPAID-WAGES"],
            "abuse": ["MOC-SexualAbuse", "LR-NO-REST-DAY"]
            if kind == "domestic"
            else ["ILO11-05", "LR-UNPAID-WAGES"],
            "border_crisis": ["LR-UNPAID-WAGES", "LR-DEPOSIT-WITHHELD"],
        }.get(scenario, [])
        if scenario == "border_crisis" and self._chance(0.4):
            fixed.append("LR-DOCUMENT-RETENTION")
        total = len(fixed) if len(fixed) >= 3 else len(fixed) + self._pick({1: 30, 2: 35, 3: 25, 4: 10})
        total = min(total, 4) if fixed else total
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
            code = self._pick({c: w for c, w in weights.items() if c not in codes})
            codes.append(code)
        return codes

    def _dates(self, scenario: str, mode: str) -> dict[str, dt.date]:
        rng, today = self.rng, self.today
        dates: dict[str, dt.date] = {}
        if scenario == "border_crisis":
            dates["exit"] = BORDER_CLASHES + _days(rng.randint(1, 20))
            dates["return"] = dates["exit"] + _days(rng.randint(0, 3))
            dates["opened"] = min(today, dates["return"] + _days(rng.randint(3, 110)))
            dates["incident"] = dates["exit"] - _days(rng.randint(0, 60))
            dates["start"] = dates["incident"] - _days(rng.randint(90, 800))
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
            dates["opened"] = today - _days(age)
            if mode == "returned_before":
                dates["return"] = dates["opened"] - _days(rng.randint(3, 60))
                dates["exit"] = dates["return"] - _days(rng.randint(0, 10))
                dates["incident"] = dates["exit"] - _days(rng.randint(0, 40))
            elif mode == "returned_after":
                dates["exit"] = dates["opened"] - _days(rng.randint(0, 10))
                dates["incident"] = dates["exit"] - _days(rng.randint(5, 60))
                dates["return"] = dates["opened"] + _days(rng.randint(10, 60))
            else:
                dates["incident"] = dates["opened"] - _days(rng.randint(2, 90))
                if self._chance(0.4):
                    dates["exit"] = self._between(dates["incident"], dates["opened"])
            dates["start"] = dates["incident"] - _days(rng.randint(30, 600))
        dates["journey"] = dates["start"] - _days(rng.randint(1, 5))
        dates["recruitment"] = dates["journey"] - _days(rng.randint(7, 60))
        return dates

    def _lifecycle(
        self, opened_on: dt.date, dates: dict[str, dt.date]
    ) -> tuple[list[tuple[str, str]], dt.date | None, str]:
        """Transitions from "new" (following lifecycle.TRANSITIONS), the closing date, and why it closed."""
        age = (self.today - opened_on).days
        if age <= 14:
            final = self._pick({"new": 70, "active": 30})
        elif age <= 60:
            final = self._pick({"new": 8, "active": 55, "follow_up": 17, "closed": 15, "closed_referred": 5})
        elif age <= 180:
            final = self._pick({"active": 35, "follow_up": 25, "closed": 30, "closed_referred": 10})
        else:
            final = self._pick({"active": 12, "follow_up": 15, "closed": 55, "closed_referred": 18})
        if final == "new":
            return [], None, ""
        if final == "active":
            return [("active", "")], None, ""
        if final == "follow_up":
            return [("active", ""), ("follow_up", "")], None, ""
        if final == "closed" and self._chance(0.1):
            closure = self._pick({"duplicate": 1, "no_contact": 2})
            closed_on = min(self.today, opened_on + _days(self.rng.randint(1, 10)))
            return [("closed", self.rng.choice(names.CLOSE_REASONS[closure]))], closed_on, closure
        latest_event = max(d for key, d in dates.items() if key != "opened" and d <= self.today)
        earliest = min(self.today, max(opened_on + _days(14), latest_event))
        closed_on = min(self.today, self._between(earliest, max(earliest, opened_on + _days(240))))
        path = [("active", "")] + ([("follow_up", "")] if self._chance(0.5) else [])
        if final == "closed_referred":
            return (
                [*path, ("closed_referred", self.rng.choice(names.CLOSE_REASONS["referred"]))],
                closed_on,
                "referred",
            )
        closure = "resolved" if self._chance(0.7) else "no_contact"
        path.append(("closed", self.rng.choice(names.CLOSE_REASONS[closure])))
        if age > 60 and self._chance(0.06):
            return [*path, ("active", "")], None, closure
        return path, closed_on, closure

    def _title(
        self, scenario: str, codes: list[str], employer: dict, ctx: dict[str, Any], workers: int
    ) -> str:
        template = names.TITLES.get(scenario) or names.TITLES.get(codes[0], "Labour-rights complaint")
        title = f"{template.format(**ctx)} {employer['place']}"
        return f"{title} (group of {workers})" if workers > 1 else title

    def _summary(
        self,
        lead: PersonPlan,
        channel: str,
        codes: list[str],
        ctx: dict[str, Any],
        mode: str,
        returned: bool,
        workers: int,
    ) -> str:
        values = lead.values
        age = values.get("estimated_age") or (self.today - values["date_of_birth"]).days // 365
        noun = {"Feminine": "woman", "Masculine": "man"}.get(values["gender"], "worker")
        who = f"A {age}-year-old {noun} from {ctx['home']}"
        channel_phrase = names.CHANNEL_PHRASES.get(channel, "").format(**ctx)
        first = f"{who} {channel_phrase}." if channel_phrase else f"{who}."
        if workers > 1:
            first += (
                f" {workers - 1} co-worker{'s' if workers > 2 else ''} from the same village report the same."
            )
        phrases = [
            names.VIOLATION_PHRASES[code].format(**ctx) for code in codes if code in names.VIOLATION_PHRASES
        ]
        second = f"Reports {_join(phrases)}." if phrases else ""
        third = (
            f"Now back home in {ctx['home']}."
            if returned
            else "Waiting for repatriation."
            if mode == "returned_after"
            else f"Still working at {ctx['workplace']}."
            if self._chance(0.6)
            else "Has left the job."
        )
        return " ".join(part for part in (first, second, third) if part)

    def _events(
        self,
        scenario: str,
        channel: str,
        employer: dict,
        codes: list[str],
        ctx: dict[str, Any],
        dates: dict[str, dt.date],
        status: str,
    ) -> list[tuple[str, dt.date, str, str]]:
        rng = self.rng
        route = "scam" if scenario == "scam" else channel
        workplace_place = ", ".join(p for p in (employer["district"], ctx["province"]) if p)
        incident_key = {
            "scam": "incident_scam",
            "forced_fishing": "incident_fishing",
            "abuse": "incident_sexual_abuse" if "MOC-SexualAbuse" in codes else "incident_violence",
        }.get(scenario)
        incident = (
            rng.choice(names.EVENTS[incident_key])
            if incident_key
            else names.INCIDENTS.get(codes[0], names.INCIDENT_DEFAULT)
        )
        employment_kind = "scam" if scenario == "scam" else employer["kind"]
        events = [
            (
                "recruitment",
                dates["recruitment"],
                ctx["home"],
                rng.choice(names.EVENTS[f"recruitment_{route}"]),
            ),
            (
                "journey",
                dates["journey"],
                ctx["crossing"] if route != "scam" else "Mae Sot",
                rng.choice(names.EVENTS[f"journey_{route}"]),
            ),
            (
                "employment",
                dates["start"],
                workplace_place,
                rng.choice(names.EVENTS[f"employment_{employment_kind}"]),
            ),
            ("incident", dates["incident"], workplace_place, incident),
        ]
        if status == "new":
            events = events[2:]
        if "exit" in dates:
            exit_key = {"scam": "exit_scam", "forced_fishing": "exit_forced"}.get(scenario, "exit")
            if scenario == "border_crisis":
                events.append(("exit", dates["exit"], workplace_place, names.EVENTS["return_crisis"][1]))
            else:
                events.append(("exit", dates["exit"], workplace_place, rng.choice(names.EVENTS[exit_key])))
        if "return" in dates and dates["return"] <= self.today:
            text = (
                names.EVENTS["return_crisis"][0]
                if scenario == "border_crisis"
                else rng.choice(names.EVENTS["return"])
            )
            events.append(("return", dates["return"], "Poipet, Banteay Meanchey", text))
        return [(kind, on, place, text.format(**ctx)) for kind, on, place, text in events]

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
    ) -> list[tuple[str, dt.date, Decimal | None, str]]:
        end = closed_on or self.today

        def on_or_after(start: dt.date) -> dt.date:
            return min(end, self._between(start, end))

        found: list[tuple[str, dt.date, Decimal | None, str]] = []
        wages = any(code in WAGE_CODES for code in codes)
        retained = any(code in RETENTION_CODES for code in codes)
        resolved = closure == "resolved"
        partial = status == "follow_up" and self._chance(0.4)
        if wages and (resolved or partial):
            share = self.rng.uniform(0.5, 1.0) if resolved else self.rng.uniform(0.2, 0.5)
            amount = round(ctx["months"] * 30 * ctx["min_wage"] * share, -1)
            if "LR-DEPOSIT-WITHHELD" in codes and resolved:
                amount += ctx["deposit"]
            how = self.rng.choice(
                (
                    "Paid in cash at the labour protection office.",
                    "Transferred to the worker's bank account after mediation.",
                    "Paid in two instalments through the Department of Employment.",
                )
            )
            found.append(("money_recovered", on_or_after(opened_on + _days(7)), Decimal(int(amount)), how))
        if retained and (resolved or partial):
            found.append(
                (
                    "documents_returned",
                    on_or_after(opened_on + _days(3)),
                    None,
                    "Passport handed back in the presence of the labour inspector.",
                )
            )
        if resolved and not found:
            found.append(
                (
                    "remediation",
                    on_or_after(opened_on),
                    None,
                    "Employer agreed to pay on time and stop the deductions; checked again a month later.",
                )
            )
        if resolved and self._chance(0.05):
            found.append(
                (
                    "compensation",
                    on_or_after(opened_on),
                    Decimal(self.rng.randrange(20_000, 150_000, 1_000)),
                    "Awarded by the labour court.",
                )
            )
        repatriated = dates.get("return")
        if scenario in {"scam", "forced_fishing"} and repatriated and opened_on <= repatriated <= end:
            found.append(
                ("repatriated", repatriated, None, "Handed over at Aranyaprathet–Poipet with MLVT and MoSVY.")
            )
            if status in {"closed", "closed_referred"} and self._chance(0.4):
                found.append(
                    (
                        "prosecution",
                        on_or_after(repatriated),
                        None,
                        "Complaint filed with the anti-trafficking police; investigation opened.",
                    )
                )
        return found

    def _tasks(
        self,
        slug: str,
        status: str,
        assignee: str | None,
        ctx: dict[str, Any],
        opened_on: dt.date,
        closed_on: dt.date | None,
    ) -> list[tuple[str, dt.date | None, bool]]:
        rng, today = self.rng, self.today
        if assignee is None:
            return [(names.TASK_UNASSIGNED, today + _days(rng.randint(0, 2)), False)]
        pool = names.TASKS_RETURNEE if slug == RETURNEE_ORG else names.TASKS_OPEN
        if closed_on is not None:
            titles = rng.sample(pool, k=rng.randint(1, 2))
            return [(t.format(**ctx), self._between(opened_on, closed_on), True) for t in titles]
        titles = rng.sample(pool, k=1 if status == "new" else rng.randint(1, 3))
        week_end = today + _days(6 - today.weekday())
        tasks: list[tuple[str, dt.date | None, bool]] = []
        for title in titles:
            when = self._pick({"overdue": 30, "this_week": 30, "later": 30, "none": 10})
            due = {
                "overdue": today - _days(rng.randint(1, 21)),
                "this_week": self._between(today, week_end),
                "later": today + _days(rng.randint(7, 45)),
                "none": None,
            }[when]
            tasks.append((title.format(**ctx), due, False))
        return tasks


class CorridorWriter:
    """Writes a plan through the services, creating organisations, staff and parties as needed."""

    def __init__(self, *, progress: Callable[[int, int], None] | None = None) -> None:
        self.progress = progress
        self.organisations: dict[str, Organisation] = {}
        self.users: dict[str, User] = {}
        self.actors: dict[str, Actor] = {}
        self.employers: dict[tuple[str, str], tuple[Employer, Workplace | None]] = {}
        self.recruiters: dict[tuple[str, str], Recruiter] = {}
        self.registrations: dict[str, str] = {}
        self.people = 0

    def organisations_and_staff(self) -> None:
        # One hash for the shared, published demo password: hashing it per user would cost most of the
        # run with the production hasher and protect nothing.
        password = make_password(names.DEMO_PASSWORD)
        for spec in names.ORGANISATIONS:
            org = organisation_create(
                slug=spec["slug"],
                name_en=spec["name_en"],
                name_km=spec["name_km"],
                name_th=spec["name_th"],
                country=spec["country"],
                type=spec["type"],
                case_prefix=spec["case_prefix"],
                require_mfa=spec["require_mfa"],
                contact_email=f"contact@{spec['domain']}",
            )
            self.organisations[spec["slug"]] = org
            for local, role, full_name in spec["staff"]:
                self._member(org, f"{local}@{spec['domain']}", role, full_name, password, spec["totp_secret"])

    def _member(
        self, org: Organisation, email: str, role: str, full_name: str, password: str, secret: str
    ) -> None:
        user = User.objects.create_user(email=email, password=None, full_name=full_name)
        user.password = password
        user.save(update_fields=["password"])
        membership = Membership.objects.create(user=user, organisation=org, role=role)
        audit_record(
            actor=None,
            action=AuditAction.CREATE,
            obj=membership,
            organisation_id=org.pk,
            label=AUDIT_LABEL,
            summary=f"member {email} added as {role}",
            changes={"role": [None, role]},
        )
        if role == "org_admin":
            totp = TOTP.activate(user, secret)
            RecoveryCodes.activate(user)
            audit_record(
                actor=None,
                action=AuditAction.CREATE,
                obj=totp.instance,
                organisation_id=org.pk,
                label=AUDIT_LABEL,
                summary=f"authenticator app and recovery codes set up for {email}",
            )
        self.users[email] = user
        self.actors[email] = Actor(organisation=org, role=role, user=user)

    def cases(self, plans: list[CasePlan]) -> None:
        for number, plan in enumerate(plans, start=1):
            self._case(plan)
            if self.progress and (number % 50 == 0 or number == len(plans)):
                self.progress(number, len(plans))

    def _employer(self, actor: Actor, slug: str, key: str) -> tuple[Employer, Workplace | None]:
        if (slug, key) not in self.employers:
            spec = next((e for e in names.EMPLOYERS if e["key"] == key), names.SCAM_EMPLOYER)
            name = (
                spec["name"].replace("Co., Ltd.", "Company Limited") if slug == RETURNEE_ORG else spec["name"]
            )
            address = ", ".join(
                p for p in (spec["district"], province_names().get(spec["province"] or "", "")) if p
            )
            employer = party_services.employer_create(
                actor=actor,
                name=name,
                name_th=spec["name_th"],
                registration_number=self.registrations.get(key, ""),
                sector=spec["sector"],
                province_id=spec["province"],
                address=address,
            )
            workplace = None
            if spec["workplace"] and spec["province"]:
                workplace = party_services.workplace_create(
                    actor=actor,
                    name=spec["workplace"],
                    employer=employer,
                    sector=spec["sector"],
                    province_id=spec["province"],
                    district=spec["district"],
                )
            self.employers[slug, key] = (employer, workplace)
        return self.employers[slug, key]

    def _recruiter(self, actor: Actor, slug: str, key: str) -> Recruiter:
        if (slug, key) not in self.recruiters:
            spec = next(r for r in names.RECRUITERS if r["key"] == key)
            self.recruiters[slug, key] = party_services.recruiter_create(
                actor=actor, **{k: v for k, v in spec.items() if k != "key"}
            )
        return self.recruiters[slug, key]

    def _case(self, plan: CasePlan) -> None:
        editor = self.actors[plan.editor]
        assignee = self.users[plan.assignee] if plan.assignee else None
        case = case_services.case_open(actor=self.actors[plan.opener], assigned_to=assignee, **plan.values)
        for person_plan in plan.people:
            person = people_services.person_create(actor=editor, **person_plan.values)
            self.people += 1
            case_services.case_person_add(actor=editor, case=case, person=person, role=person_plan.role)
            for kind, held_by, notes in person_plan.documents:
                people_services.document_record(
                    actor=editor, person=person, kind=kind, held_by=held_by, notes=notes
                )
            for kind, value in person_plan.identifiers:
                people_services.identifier_add(actor=editor, person=person, kind=kind, value=value)
        employer, workplace = self._employer(editor, plan.organisation, plan.employer)
        for party in (employer, workplace):
            if party is not None:
                case_services.case_party_add(actor=editor, case=case, party=party)
        if plan.recruiter:
            case_services.case_party_add(
                actor=editor, case=case, party=self._recruiter(editor, plan.organisation, plan.recruiter)
            )
        for code, notes in plan.violations:
            case_services.violation_add(actor=editor, case=case, type_code=code, notes=notes)
        for kind, occurred_on, place, description in plan.events:
            case_services.event_add(
                actor=editor,
                case=case,
                kind=kind,
                occurred_on=occurred_on,
                description=description,
                place=place,
            )
        for body in plan.notes:
            case_services.note_add(actor=editor, case=case, body=body)
        task_assignee = assignee or editor.user
        for title, due_on, done in plan.tasks:
            task = case_services.task_add(
                actor=editor, case=case, title=title, due_on=due_on, assignee=task_assignee
            )
            if done:
                case_services.task_complete(actor=editor, task=task)
        for kind, achieved_on, amount, notes in plan.outcomes:
            case_services.outcome_add(
                actor=editor,
                case=case,
                kind=kind,
                achieved_on=achieved_on,
                amount=amount,
                currency="THB" if amount is not None else "",
                notes=notes,
            )
        for status, reason in plan.transitions:
            case_services.case_change_status(
                actor=editor, case=case, version=case.version, status=status, reason=reason
            )
        if plan.closed_on is not None and case.closed_on is not None:
            # case_change_status stamps today's date; the demo's history needs the day it really closed.
            Case.objects.filter(pk=case.pk).update(closed_on=plan.closed_on)


def corridor_plan(*, seed: int, cases: int, today: dt.date) -> tuple[CorridorPlanner, list[CasePlan]]:
    planner = CorridorPlanner(seed=seed, today=today)
    return planner, planner.plan(cases)


def corridor_build(
    *, seed: int, cases: int, today: dt.date | None = None, progress: Callable[[int, int], None] | None = None
) -> BuildSummary:
    """Create the whole demo corridor in one transaction: a failure leaves nothing behind."""
    planner, plans = corridor_plan(seed=seed, cases=cases, today=today or timezone.localdate())
    writer = CorridorWriter(progress=progress)
    writer.registrations = planner.registrations
    before = AuditEntry.objects.count()
    with transaction.atomic():
        writer.organisations_and_staff()
        writer.cases(plans)
    return BuildSummary(
        organisations=len(writer.organisations),
        users=len(writer.users),
        cases=len(plans),
        people=writer.people,
        audit_entries=AuditEntry.objects.count() - before,
    )
