"""One chunk of a scale run as plain rows, from the seed and the chunk index alone. Pure: no database.

`ChunkGenerator(world, user_ids).generate(index)` returns {model label: [row tuples in
tables.COLUMNS order]}. The same world, user ids and index always give the same rows, ids included.
Identifier rows carry the normalised number in clear (and its blind index); the loader encrypts it.

Cases follow the demo's rules (corridor.core.demo.plan) and wording (names.py), in a leaner form:
scenario, employer and channel decide violations, documents and the timeline; the opening date decides
how far along the lifecycle a case is.
"""

from __future__ import annotations

import datetime as dt
import itertools
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, cast

from corridor.core.demo import names
from corridor.core.demo.plan import BORDER_CLASHES, RETENTION_CODES, SENSITIVE_SCENARIOS, WAGE_CODES
from corridor.core.demo.prose import NUMBER_WORDS, case_summary
from corridor.core.scale.persons import PeopleWriter, Spelling
from corridor.core.scale.tables import CHUNK_TABLES, iso_day, new_id, stamp, work_second
from corridor.core.scale.world import Employer, Org, Recruiter, World, provinces

Row = tuple[object, ...]

CLASHES = BORDER_CLASHES.toordinal()
EXTRA_SENSITIVE = 0.035  # trafficking suspected, or a child, in an otherwise standard case
CHILD_WORKER = 0.012
UNLINKED_IDENTIFIERS = 0.48  # people met through outreach and hotlines, not (yet) in a case
UNLINKED_DOCUMENTS = 0.5
STATUS_BY_AGE = (  # (days since opening up to, {final status: weight})
    (14, {"new": 70, "active": 30}),
    (60, {"new": 8, "active": 55, "follow_up": 17, "closed": 17, "closed_referred": 3}),
    (180, {"active": 35, "follow_up": 25, "closed": 33, "closed_referred": 7}),
    (700, {"active": 12, "follow_up": 15, "closed": 60, "closed_referred": 13}),
    (10**6, {"active": 3, "follow_up": 4, "closed": 76, "closed_referred": 17}),
)
CHANNELS = {
    "fishing": {"pink_card": 50, "irregular": 35, "mou": 15},
    "border": {"border_pass": 40, "irregular": 40, "pink_card": 20},
    "other": {"irregular": 45, "pink_card": 27, "mou": 28},
}
MONEY_HOW = (
    "Paid in cash at the labour protection office.",
    "Transferred to the worker's bank account after mediation.",
    "Paid in two instalments through the Department of Employment.",
)


def _day(event: tuple[str, int, str, str]) -> int:
    return event[1]


def _weighted(weights: Mapping[str, float]) -> tuple[list[str], list[float]]:
    return list(weights), list(itertools.accumulate(weights.values()))


@dataclass
class OrgContext:
    """What cases of one organisation draw from, with the members' user ids bound."""

    org: Org
    managers: list[int]
    caseworkers: list[int]
    intake: list[int]
    scenarios: tuple[list[str], list[float]]
    scenarios_after_clashes: tuple[list[str], list[float]]
    pools: dict[str, tuple[list[Employer], list[float]]]
    scam: Employer


def _org_context(org: Org, user_ids: Mapping[str, int]) -> OrgContext:
    def staff(*roles: str) -> list[int]:
        return [user_ids[m.email] for m in org.staff if m.role in roles]

    employers = [e for e in org.employers if e.kind != "scam"]
    fits = {
        "standard": employers,
        "forced_fishing": [e for e in employers if e.kind == "fishing"],
        "abuse": [e for e in employers if e.kind in {"domestic", "agriculture", "seafood"}],
    }
    pools = {key: (pool, list(itertools.accumulate(e.weight for e in pool))) for key, pool in fits.items()}
    return OrgContext(
        org=org,
        managers=staff("manager") or staff("org_admin"),
        caseworkers=staff("caseworker"),
        intake=staff("intake_officer"),
        scenarios=_weighted(org.spec.scenarios),
        scenarios_after_clashes=_weighted({**org.spec.scenarios, "border_crisis": org.spec.border_crisis}),
        pools=pools,
        scam=next(e for e in org.employers if e.kind == "scam"),
    )


class ChunkGenerator:
    def __init__(self, world: World, user_ids: Mapping[str, int]) -> None:
        self.world = world
        self.plan = world.plan
        self.orgs = [_org_context(org, user_ids) for org in world.orgs]
        self.org_people = list(itertools.accumulate(org.spec.people_weight for org in world.orgs))
        self.anchor = self.plan.last_day
        self.province_en = {code: p.en for code, p in provinces().items()}
        self.violation_pools: dict[tuple[str, str], tuple[list[str], list[float]]] = {}

    def generate(self, index: int) -> dict[str, list[Row]]:
        plan = self.plan
        rng = random.Random(f"{plan.seed}:{index}")  # noqa: S311 - reproducible synthetic data, not secrets
        rows: dict[str, list[Row]] = {label: [] for label in CHUNK_TABLES}
        people = PeopleWriter(rng, plan.seed, rows, plan.people_start(index))
        case_orgs = [i for i, count in enumerate(self.world.case_counts(index)) for _ in range(count)]
        rng.shuffle(case_orgs)
        days = sorted(plan.day_at(index, rng.random()) for _ in case_orgs)
        counters = self.world.counters_before(index)
        spare = plan.people_in(index) - len(case_orgs)  # people beyond one worker per case
        for org_index, day in zip(case_orgs, days, strict=True):
            counters[org_index] += 1
            case = _Case(self, rng, people, rows, self.orgs[org_index], day, counters[org_index], spare)
            spare -= case.write()
        for _ in range(plan.people_in(index) - len(rows["people.person"])):
            self._unlinked_person(rng, people, plan.day_at(index, rng.random()))
        return rows

    def _unlinked_person(self, rng: random.Random, people: PeopleWriter, day: int) -> None:
        """Someone an organisation registered through outreach, a hotline or at the border."""
        ctx = self.orgs[rng.choices(range(len(self.orgs)), cum_weights=self.org_people)[0]]
        pool, weights = ctx.pools["standard"]
        employer = rng.choices(pool, cum_weights=weights)[0]
        channel = self.channel(rng, "standard", employer)
        returned = rng.random() < (0.7 if ctx.org.country == "KH" else 0.1) + (0.15 if day >= CLASHES else 0)
        staff = ctx.caseworkers + ctx.intake
        documents = (
            people.documents_for(channel, (), False, "standard", retained_chance=0.12)
            if rng.random() < UNLINKED_DOCUMENTS
            else []
        )
        people.add(
            org_id=ctx.org.id,
            created=stamp(day, work_second(rng)),
            created_by=staff[int(rng.random() * len(staff))],
            day=day,
            gender=people.gender(employer.kind),
            age=int(rng.triangular(18, 50, 26)),
            home=people.home(channel == "border_pass"),
            current=None if returned else (employer.province if rng.random() < 0.6 else people.current()),
            channel=channel,
            languages="km, th" if rng.random() < 0.4 else "km",
            documents=documents,
            identifiers=UNLINKED_IDENTIFIERS,
        )

    def channel(self, rng: random.Random, scenario: str, employer: Employer) -> str:
        if scenario == "scam":
            return "irregular"
        if employer.kind == "fishing":
            mix = CHANNELS["fishing"]
        elif employer.kind == "agriculture" and employer.province in {"TH-27", "TH-22", "TH-23"}:
            mix = CHANNELS["border"]
        else:
            mix = CHANNELS["other"]
        return rng.choices(list(mix), weights=list(mix.values()))[0]

    def violation_pool(self, kind: str, channel: str) -> tuple[list[str], list[float]]:
        key = (kind, channel)
        if key not in self.violation_pools:
            weights = dict(names.VIOLATION_WEIGHTS)
            for code, extra in names.SECTOR_VIOLATIONS.get(kind, {}).items():
                weights[code] = weights.get(code, 0) + extra
            if channel == "mou":
                weights["LR-RECRUITMENT-FEES"] += 10
                weights["LR-DOCUMENT-RETENTION"] += 8
            elif channel == "irregular":
                weights["LR-RECRUITMENT-FEES"] += 6
                weights["MOC-ThreatsLawEnforcement"] += 4
            self.violation_pools[key] = _weighted(weights)
        return self.violation_pools[key]


class _Case:
    """Writes one case, the people in it and everything recorded inside it."""

    def __init__(
        self,
        gen: ChunkGenerator,
        rng: random.Random,
        people: PeopleWriter,
        rows: dict[str, list[Row]],
        ctx: OrgContext,
        day: int,
        counter: int,
        spare: int,
    ) -> None:
        self.gen, self.rng, self.people, self.rows, self.ctx = gen, rng, people, rows, ctx
        self.day, self.counter, self.spare = day, counter, spare
        self.anchor = gen.anchor

    def pick(self, weighted: tuple[Sequence[Any], list[float]]) -> Any:
        return self.rng.choices(weighted[0], cum_weights=weighted[1])[0]

    def between(self, start: int, end: int) -> int:
        return start + self.rng.randint(0, max(0, end - start))

    def write(self) -> int:
        """Returns how many people beyond the first worker it took from the chunk's spare people."""
        rng, ctx, org, day = self.rng, self.ctx, self.ctx.org, self.day
        scenario = self.pick(ctx.scenarios_after_clashes if day >= CLASHES + 10 else ctx.scenarios)
        employer = ctx.scam if scenario == "scam" else self.pick(ctx.pools.get(scenario, ctx.pools["standard"]))
        workplace = rng.choice(employer.workplaces) if employer.workplaces else None
        channel = self.gen.channel(rng, scenario, employer)
        recruiter = self._recruiter(scenario, channel, employer)
        home = self.people.home(channel == "border_pass")
        text = self._context(employer, workplace.name if workplace else "", channel, recruiter, home[0])
        codes = self._violations(scenario, employer.kind, channel)
        lead_age = rng.randint(15, 17) if rng.random() < CHILD_WORKER else int(rng.triangular(18, 50, 26))
        sensitive = scenario in SENSITIVE_SCENARIOS or lead_age < 18 or rng.random() < EXTRA_SENSITIVE
        mode = (
            "returned_before"
            if org.country == "KH" or scenario == "border_crisis"
            else "returned_after"
            if scenario in {"scam", "forced_fishing"}
            else "in_thailand"
        )
        dates = self._dates(scenario, mode)
        status, closed_on, closure = self._lifecycle(dates)
        returned = "return" in dates and dates["return"] <= self.anchor
        current = None if returned else (employer.province or "TH-63")
        assignee, opener, editor = self._staffing(sensitive, status)

        case_id = new_id(rng)
        created = stamp(day, work_second(rng))
        self.last_day = closed_on or day
        links = self.rows["cases.caseperson"]
        coworkers = rng.choice((1, 2)) if scenario != "abuse" and rng.random() < 0.15 else 0
        family = rng.random() < (0.6 if scenario == "scam" else 0.3 if org.country == "KH" else 0.08)
        extra = min(self.spare, coworkers + family)  # the chunk's people are counted out exactly
        coworkers = min(coworkers, extra)
        family = extra > coworkers
        workers = 1 + coworkers
        documents = self.people.documents_for(channel, codes, recruiter is not None, scenario)
        family_name: Spelling | None = None
        lead_at = len(self.rows["people.person"])
        for n in range(workers):
            person_id, fam = self.people.add(
                org_id=org.id,
                created=created,
                created_by=editor,
                day=day,
                gender=self.people.gender(employer.kind),
                age=lead_age if n == 0 else int(rng.triangular(18, 50, 26)),
                home=home,
                current=current,
                channel=channel,
                languages="km, th" if rng.random() < 0.4 else "km",
                documents=documents if n == 0 else self.people.documents_for(channel, codes, bool(recruiter), scenario),
                identifiers=0.6,
                # Co-workers often come from one village, and are often siblings or cousins.
                family=family_name if n and rng.random() < 0.5 else None,
            )
            family_name = family_name or fam
            # Sensitive cases are the trafficking ones: their workers carry the HTCDS status a screening suggests.
            status_of_victim = "PossibleVictimOfTrafficking" if sensitive else ""
            links.append((new_id(rng), created, created, editor, case_id, person_id, "worker", status_of_victim))
        if family:
            gender = self.people.gender("agriculture")
            person_id, _ = self.people.add(
                org_id=org.id,
                created=created,
                created_by=editor,
                day=day,
                gender=gender,
                age=int(rng.triangular(38, 66, 50)),
                home=(home[0], ()),
                current=None,
                channel="unknown",
                languages="km",
                documents=[],
                identifiers=0.6,
            )
            links.append((new_id(rng), created, created, editor, case_id, person_id, "family", ""))

        base = (created, created, editor, case_id)
        parties = self.rows["cases.caseparty"]
        parties.append((new_id(rng), *base, "employer", employer.id, None, None))
        if workplace is not None:
            parties.append((new_id(rng), *base, "workplace", None, workplace.id, None))
        if recruiter is not None:
            parties.append((new_id(rng), *base, "recruiter", None, None, recruiter.id))
        for code in codes:
            phrase = names.VIOLATION_PHRASES.get(code)
            note = f"Worker reports {phrase.format(**text)}." if phrase and rng.random() < 0.35 else ""
            self.rows["cases.violation"].append((new_id(rng), *base, code, note))
        for kind, on, place, description in self._events(
            scenario, channel, employer, workplace, codes, text, dates, status
        ):
            self.rows["cases.caseevent"].append((new_id(rng), *base, kind, iso_day(on), place, description))
        self._notes(status, closure, editor, case_id)
        self._tasks(codes, channel, sensitive, returned, status, assignee, editor, case_id, text, closed_on)
        self._outcomes(scenario, codes, text, status, closure, closed_on, dates, editor, case_id)

        workers_word = "" if workers == 1 else f" (group of {workers})"
        title = f"{self._title(scenario, codes, text)} {employer.place}{workers_word}"[:200]
        summary = self._summary(
            scenario, self.rows["people.person"][lead_at], channel, recruiter, codes, text, dates, workers
        )
        updated = stamp(self.last_day, work_second(rng)) if self.last_day > day else created
        self.rows["cases.case"].append(
            (
                case_id,
                created,
                max(created, updated),
                opener,
                org.id,
                f"{org.prefix}-{dt.date.fromordinal(day).year}-{self.counter:05d}",
                title,
                summary,
                status,
                "sensitive" if sensitive else "standard",
                assignee,
                employer.sector,
                employer.province,
                iso_day(day),
                iso_day(closed_on) if closed_on else None,
                1,
            )
        )
        return extra

    # Who, where and what.

    def _recruiter(self, scenario: str, channel: str, employer: Employer) -> Recruiter | None:
        rng, roles = self.rng, self.ctx.org.recruiters
        if scenario == "scam":
            return roles["online"][0]
        if channel == "mou":
            return rng.choice(roles["mou_agency"])
        if channel == "border_pass":
            return rng.choice(roles["broker"]) if employer.province == "TH-27" and rng.random() < 0.5 else None
        if channel == "pink_card":
            return rng.choice(roles["pink_card_agent"] + roles["broker"]) if rng.random() < 0.3 else None
        return rng.choice(roles["broker"]) if rng.random() < 0.75 else None

    def _context(
        self, employer: Employer, workplace: str, channel: str, recruiter: Recruiter | None, home: str
    ) -> dict[str, Any]:
        """The numbers and names the case's texts are written from (the demo's)."""
        rng = self.rng
        min_wage = names.MINIMUM_WAGE.get(employer.province or "", 372)
        checkpoints, paths = names.CROSSINGS.get(employer.province or "", names.CROSSINGS[""])
        who = recruiter.name if recruiter else ""
        return {
            "home": self.gen.province_en[home],
            "province": self.gen.province_en.get(employer.province or "", "Myawaddy"),
            "workplace": workplace or "the workplace",
            "min_wage": min_wage,
            "promised": min_wage,
            "wage": min_wage - rng.choice((40, 50, 70, 80, 100, 120)),
            "months": rng.randint(2, 6),
            "hours": rng.randint(11, 16),
            "deduction": rng.randrange(500, 2600, 100),
            "fee_thb": rng.randrange(8_000, 25_500, 500),
            "deposit": rng.randrange(1_000, 5_500, 500),
            "fee_usd": rng.randrange(400, 950, 50) if channel == "mou" else rng.randrange(30, 160, 10),
            "agency": who or "a licensed agency",
            "broker": who or "a local broker",
            "crossing": rng.choice(checkpoints),
            "irregular_crossing": rng.choice(paths),
            "coworkers": rng.choice(NUMBER_WORDS),
        }

    def _violations(self, scenario: str, kind: str, channel: str) -> list[str]:
        """One to four codes: the scenario's defining ones, then the labour-rights mix (the demo's)."""
        rng = self.rng
        fixed = {
            "scam": [
                "EXP-ForcedCriminality",
                "ILO11-02",
                "ILO11-03",
                rng.choice(("MOC-PhysicalAbuse", "MOC-PhysicalThreats")),
            ],
            "forced_fishing": ["EXP-ForcedLabour", "ILO11-09", "ILO11-04", "LR-UNPAID-WAGES"],
            "abuse": ["MOC-SexualAbuse", "LR-NO-REST-DAY"] if kind == "domestic" else ["ILO11-05", "LR-UNPAID-WAGES"],
            "border_crisis": ["LR-UNPAID-WAGES", "LR-DEPOSIT-WITHHELD"]
            + (["LR-DOCUMENT-RETENTION"] if rng.random() < 0.4 else []),
        }.get(scenario, [])
        total = (
            len(fixed)
            if len(fixed) >= 3
            else min(4, len(fixed) + rng.choices((1, 2, 3, 4), cum_weights=(30, 65, 90, 100))[0])
        )
        codes = list(fixed)
        pool = self.gen.violation_pool(kind, channel)
        while len(codes) < total:
            code = self.pick(pool)
            if code not in codes:
                codes.append(code)
        # The worker's main complaint (which titles the case) is a labour-rights one when there is one.
        return codes if fixed else sorted(codes, key=lambda c: not c.startswith("LR-"))

    def _dates(self, scenario: str, mode: str) -> dict[str, int]:
        rng, opened = self.rng, self.day
        if scenario == "border_crisis":
            exit_on = CLASHES + rng.randint(1, min(20, opened - CLASHES - 5))
            dates = {"exit": exit_on, "return": min(opened - 3, exit_on + rng.randint(0, 3))}
            dates["incident"] = exit_on - rng.randint(0, 60)
        elif mode == "returned_before":  # came to the organisation after going home
            dates = {"return": opened - rng.randint(3, 60)}
            dates["exit"] = dates["return"] - rng.randint(0, 10)
            dates["incident"] = dates["exit"] - rng.randint(0, 40)
        elif mode == "returned_after":  # rescued in Thailand, handed over later
            dates = {"exit": opened - rng.randint(0, 10)}
            dates["incident"] = dates["exit"] - rng.randint(5, 60)
            dates["return"] = opened + rng.randint(10, 60)
        else:
            dates = {"incident": opened - rng.randint(2, 90)}
            if rng.random() < 0.4:
                dates["exit"] = self.between(dates["incident"], opened)
        dates["start"] = dates["incident"] - rng.randint(30, 240 if scenario == "scam" else 600)
        dates["journey"] = dates["start"] - rng.randint(1, 5)
        dates["recruitment"] = dates["journey"] - rng.randint(7, 60)
        return dates

    def _lifecycle(self, dates: dict[str, int]) -> tuple[str, int | None, str]:
        """The status now, the closing day, and why it closed. Reopened cases are active again."""
        rng, opened, anchor = self.rng, self.day, self.anchor
        age = anchor - opened
        weights = next(w for limit, w in STATUS_BY_AGE if age <= limit)
        final = rng.choices(list(weights), weights=list(weights.values()))[0]
        if final in {"new", "active", "follow_up"}:
            return final, None, ""
        if final == "closed" and rng.random() < 0.1:  # closed at triage: a duplicate, or no contact
            return "closed", min(anchor, opened + rng.randint(1, 10)), "triage"
        happened = [d for d in dates.values() if d <= anchor]
        earliest = min(anchor, max([opened + 14, *happened]))
        closed_on = self.between(earliest, max(earliest, min(anchor, opened + 240)))
        if final == "closed_referred":
            return "closed_referred", closed_on, "referred"
        closure = "resolved" if rng.random() < 0.7 else "no_contact"
        if age > 60 and rng.random() < 0.06:
            return "active", None, "reopened"
        return "closed", closed_on, closure

    def _staffing(self, sensitive: bool, status: str) -> tuple[int | None, int, int]:
        """(assignee, who opened the case, who recorded the rest), as the demo decides them."""
        rng, ctx = self.rng, self.ctx
        pool = ctx.managers if rng.random() < (0.4 if sensitive else 0.12) or not ctx.caseworkers else ctx.caseworkers
        assignee = pool[int(rng.random() * len(pool))]
        opener = ctx.intake[0] if ctx.intake and rng.random() < 0.35 else assignee
        if opener != assignee and status == "new" and not sensitive and rng.random() < 0.5:
            return None, opener, ctx.managers[0]
        return assignee, opener, assignee

    # What is written in the case.

    def _title(self, scenario: str, codes: list[str], text: dict[str, Any]) -> str:
        if scenario == "abuse":
            scenario = "abuse_sexual" if "MOC-SexualAbuse" in codes else "abuse_violence"
        template = names.TITLES.get(scenario) or names.TITLES.get(codes[0], "Labour-rights complaint")
        return template.format(**text)

    def _summary(
        self,
        scenario: str,
        lead: Row,
        channel: str,
        recruiter: Recruiter | None,
        codes: list[str],
        text: dict[str, Any],
        dates: dict[str, int],
        workers: int,
    ) -> str:
        gender, dob, estimated = lead[9], lead[10], lead[11]
        returned = None if "return" not in dates else dates["return"] <= self.anchor
        if estimated is not None:
            age = cast(int, estimated)
        else:
            age = (self.day - dt.date.fromisoformat(str(dob)).toordinal()) // 365
        return case_summary(
            age=age,
            gender=str(gender),
            scenario=scenario,
            channel=channel,
            with_broker=bool(recruiter),
            codes=codes,
            text=text,
            workers=workers,
            returned=returned,
            exited="exit" in dates,
        )

    def _events(
        self,
        scenario: str,
        channel: str,
        employer: Employer,
        workplace: Any,
        codes: list[str],
        text: dict[str, Any],
        dates: dict[str, int],
        status: str,
    ) -> list[tuple[str, int, str, str]]:
        """Two to four timeline events: the incident and the way out always, then the job and the journey."""
        rng, events = self.rng, names.EVENTS
        route = "scam" if scenario == "scam" else channel
        site = f"{workplace.district}, {text['province']}" if workplace else text["province"]
        special = {
            "scam": "incident_scam",
            "forced_fishing": "incident_fishing",
            "abuse": "incident_sexual_abuse" if "MOC-SexualAbuse" in codes else "incident_violence",
        }
        incident = (
            rng.choice(events[special[scenario]])
            if scenario in special
            else names.INCIDENTS.get(codes[0], names.INCIDENT_DEFAULT)
        )
        essential = [("incident", dates["incident"], site, incident)]
        if "exit" in dates:
            essential.append(("exit", dates["exit"], site, rng.choice(events.get(f"exit_{scenario}", events["exit"]))))
        if "return" in dates and dates["return"] <= self.anchor:
            back = rng.choice(events.get(f"return_{scenario}", events["return"]))
            essential.append(("return", dates["return"], "Poipet, Banteay Meanchey", back))
        optional = [("employment", dates["start"], site, rng.choice(events[f"employment_{employer.kind}"]))]
        if status != "new":  # an intake interview records the job and the problem, not yet the whole story
            crossing = "Mae Sot" if route == "scam" else text["crossing"]
            optional.append(("journey", dates["journey"], crossing, rng.choice(events[f"journey_{route}"])))
            optional.append(
                ("recruitment", dates["recruitment"], text["home"], rng.choice(events[f"recruitment_{route}"]))
            )
        wanted = max(len(essential), rng.randint(2, 4))
        chosen = essential + optional[: wanted - len(essential)]
        return [(kind, on, place, words.format(**text)) for kind, on, place, words in sorted(chosen, key=_day)]

    def _notes(self, status: str, closure: str, editor: int, case_id: str) -> None:
        rng = self.rng
        count = rng.choice((0, 1)) if status == "new" else rng.choice((0, 0, 1, 1, 2))
        bodies = rng.sample(names.NOTES, k=count)
        if closure == "reopened":
            bodies.append(names.REOPEN_NOTE)
        for body in bodies:
            on = self.between(self.day, min(self.anchor, self.day + 90))
            self.last_day = max(self.last_day, on)
            when = stamp(on, work_second(rng))
            self.rows["cases.note"].append((new_id(rng), when, when, editor, case_id, body))

    def _tasks(
        self,
        codes: list[str],
        channel: str,
        sensitive: bool,
        returned: bool,
        status: str,
        assignee: int | None,
        editor: int,
        case_id: str,
        text: dict[str, Any],
        closed_on: int | None,
    ) -> None:
        rng, anchor, tasks = self.rng, self.anchor, names.TASKS
        created = stamp(self.day, work_second(rng))
        base = (created, created, editor, case_id)
        if assignee is None:  # waiting for a manager to assign it
            self.rows["cases.task"].append(
                (new_id(rng), *base, names.TASK_UNASSIGNED, iso_day(anchor + rng.randint(0, 2)), editor, None)
            )
            return
        if returned:
            needs = [*tasks["returnee"], *(tasks["sensitive"][:1] if sensitive else ())]
        else:
            needs = list(tasks["general"])
            needs += tasks["wages"] if any(c in WAGE_CODES for c in codes) else ()
            needs += tasks["retention"] if any(c in RETENTION_CODES for c in codes) else ()
            needs += tasks["pink_card"] if channel == "pink_card" else ()
            needs += tasks["sensitive"] if sensitive else ()
            needs += tasks["union"] if self.ctx.org.kind.endswith("union") else ()
        if closed_on is not None:
            for title in rng.sample(needs, k=1):
                done = self.between(self.day, closed_on)
                done_at = stamp(done, work_second(rng))
                row = (
                    new_id(rng),
                    created,
                    done_at,
                    editor,
                    case_id,
                    title.format(**text),
                    iso_day(done),
                    assignee,
                    done_at,
                )
                self.rows["cases.task"].append(row)
            return
        for title in rng.sample(needs, k=min(len(needs), rng.choice((0, 1, 1, 2)))):
            when = rng.random()
            due = (
                anchor - rng.randint(1, 21)
                if when < 0.3
                else anchor + rng.randint(0, 6)
                if when < 0.6
                else anchor + rng.randint(7, 45)
                if when < 0.9
                else None
            )
            due_on = iso_day(due) if due is not None else None
            self.rows["cases.task"].append((new_id(rng), *base, title.format(**text), due_on, assignee, None))

    def _outcomes(
        self,
        scenario: str,
        codes: list[str],
        text: dict[str, Any],
        status: str,
        closure: str,
        closed_on: int | None,
        dates: dict[str, int],
        editor: int,
        case_id: str,
    ) -> None:
        rng, opened = self.rng, self.day
        end = closed_on or self.anchor
        found: list[tuple[str, int, str, str]] = []  # kind, day, amount, notes
        resolved, partial = closure == "resolved", status == "follow_up" and rng.random() < 0.4
        if (resolved or partial) and any(c in WAGE_CODES for c in codes):
            share = rng.uniform(0.5, 1.0) if resolved else rng.uniform(0.2, 0.5)
            amount = round(text["months"] * 30 * text["min_wage"] * share, -1)
            amount += text["deposit"] if resolved and "LR-DEPOSIT-WITHHELD" in codes else 0
            found.append(
                ("money_recovered", self.between(min(end, opened + 7), end), f"{int(amount)}.00", rng.choice(MONEY_HOW))
            )
        if (resolved or partial) and any(c in RETENTION_CODES for c in codes):
            note = "Documents handed back in the presence of the labour inspector."
            found.append(("documents_returned", self.between(min(end, opened + 3), end), "", note))
        if resolved and not found:
            note = "Employer agreed to pay on time and stop the deductions; checked a month later."
            found.append(("remediation", self.between(opened, end), "", note))
        if resolved and rng.random() < 0.05:
            amount = rng.randrange(20_000, 150_000, 1_000)
            found.append(("compensation", self.between(opened, end), f"{amount}.00", "Awarded by the labour court."))
        handed_over = dates.get("return")
        if scenario in {"scam", "forced_fishing"} and handed_over and opened <= handed_over <= end:
            found.append(("repatriated", handed_over, "", "Handed over at Aranyaprathet–Poipet to MLVT and MoSVY."))
            if closed_on and rng.random() < 0.4:
                note = "Complaint filed with the anti-trafficking police; investigation opened."
                found.append(("prosecution", self.between(handed_over, end), "", note))
        for kind, on, amount, notes in found:
            self.last_day = max(self.last_day, on)
            when = stamp(on, work_second(rng))
            currency = "THB" if amount else ""
            self.rows["cases.outcome"].append(
                (new_id(rng), when, when, editor, case_id, kind, amount or None, currency, iso_day(on), notes)
            )
