"""People rows of a chunk: names in three scripts, ages, provinces, documents and identifiers.

The hot path of a run (a million people and more), so values are drawn with precomputed cumulative
weights and written straight into tuples. Identifier numbers are unique per kind across the run: each is
an affine scramble of the person's position in the run, so that exact search finds exactly one person.
"""

from __future__ import annotations

import itertools
import random
from collections.abc import Sequence

from corridor.core.crypto import blind_index
from corridor.core.demo import names
from corridor.core.demo.plan import FEMALE_SHARE, KH_MOBILE_PREFIXES, RETENTION_CODES
from corridor.core.scale.tables import iso_day, new_id
from corridor.core.scale.world import TH_PROVINCES
from corridor.people.identifiers import normalise_identifier
from corridor.people.services import search_names_for

Row = tuple[object, ...]
NameRow = names.NameRow


def _cumulative(weights: Sequence[float]) -> list[float]:
    return list(itertools.accumulate(weights))


HOMES = [(code, districts) for code, _, districts in names.HOME_PROVINCES]
HOME_WEIGHTS = _cumulative([weight for _, weight, _ in names.HOME_PROVINCES])
BORDER_HOMES = [(code, districts) for code, districts in HOMES if code in names.BORDER_HOMES]
BORDER_HOME_WEIGHTS = _cumulative([w for code, w, _ in names.HOME_PROVINCES if code in names.BORDER_HOMES])
CURRENT = list(TH_PROVINCES)
CURRENT_WEIGHTS = _cumulative([weight for weight, _, _ in TH_PROVINCES.values()])
RARE_GENDERS = ("NonSpecifiedUnknown", "NonSpecifiedUnknown", "TransgenderFeminine", "NonConforming")
RETAINED_NOTES = (
    "Kept by the supervisor since the first week.",
    "Held in the office 'for safekeeping'.",
    "Employer says it will be returned when the contract ends.",
)

# Affine scrambles (a * position + b) mod m with a coprime to m: distinct positions give distinct numbers.
PASSPORT = (7_654_321, 10**7)
NATIONAL_ID = (123_456_791, 290_000_000)  # 9 digits from 010000000, like the demo's
TH_MOBILE = (104_729_123, 3 * 10**8)  # 06/08/09 + 8 digits
KH_MOBILE = (9_876_543, len(KH_MOBILE_PREFIXES) * 10**6)
PINK_CARD = (73_939_133_3, 10**11)


class Spelling:
    """Latin spellings of one name part: the first is the most common, then the variants."""

    __slots__ = ("khmer", "latin", "thai", "thresholds")

    def __init__(self, row: NameRow) -> None:
        self.khmer, self.latin, self.thai = row[0], row[1], row[2]
        weights = (70, 20, 10)[: len(self.latin)]
        self.thresholds = [sum(weights[: i + 1]) / sum(weights) for i in range(len(weights))]

    def pick(self, r: float) -> str:
        for latin, threshold in zip(self.latin, self.thresholds, strict=True):
            if r < threshold:
                return latin
        return self.latin[-1]


FAMILIES = [Spelling(row) for row in names.FAMILY_NAMES]
FEMALE = [Spelling(row) for row in names.FEMALE_NAMES]
MALE = [Spelling(row) for row in names.MALE_NAMES]
ANY = FEMALE + MALE


class PeopleWriter:
    """Appends people, their documents and identifiers to a chunk's rows."""

    def __init__(self, rng: random.Random, seed: int, rows: dict[str, list[Row]], position: int) -> None:
        self.rng = rng
        self.people = rows["people.person"]
        self.documents = rows["people.persondocument"]
        self.identifiers = rows["people.personidentifier"]
        self.position = position  # of the next person in the whole run
        offset = random.Random(f"{seed}:numbers")  # noqa: S311 - reproducible synthetic data, not secrets
        self.offsets = {name: offset.randrange(10**12) for name in ("passport", "id", "th", "kh", "pink")}

    def name(self, gender: str, family: Spelling | None = None) -> tuple[str, str, str, Spelling]:
        rng = self.rng
        pool = FEMALE if gender == "Feminine" else MALE if gender == "Masculine" else ANY
        while True:
            fam = family or FAMILIES[int(rng.random() * len(FAMILIES))]
            given = pool[int(rng.random() * len(pool))]
            if f"{fam.latin[0]} {given.latin[0]}" not in names.KNOWN_PEOPLE:
                break
        fam_latin, given_latin = fam.pick(rng.random()), given.pick(rng.random())
        style = rng.random()
        if style < 0.08:  # as printed in a passport
            latin = f"{fam_latin} {given_latin}".upper()
        elif style < 0.13:  # given name first, as on some Thai forms
            latin = f"{given_latin} {fam_latin}"
        else:
            latin = f"{fam_latin} {given_latin}"
        km = f"{fam.khmer} {given.khmer}" if rng.random() < 0.9 else ""
        th = f"{fam.thai} {given.thai}" if rng.random() < 0.25 else ""
        if km and rng.random() < 0.05:
            latin = ""
        return latin, km, th, fam

    def gender(self, kind: str) -> str:
        rng = self.rng
        if rng.random() < 0.025:
            return RARE_GENDERS[int(rng.random() * len(RARE_GENDERS))]
        return "Feminine" if rng.random() < FEMALE_SHARE.get(kind, 0.5) else "Masculine"

    def home(self, border: bool = False) -> tuple[str, tuple[str, ...]]:
        if border:
            return self.rng.choices(BORDER_HOMES, cum_weights=BORDER_HOME_WEIGHTS)[0]
        return self.rng.choices(HOMES, cum_weights=HOME_WEIGHTS)[0]

    def current(self) -> str:
        return self.rng.choices(CURRENT, cum_weights=CURRENT_WEIGHTS)[0]

    def add(
        self,
        *,
        org_id: str,
        created: str,
        created_by: int | None,
        day: int,
        gender: str,
        age: int,
        home: tuple[str, tuple[str, ...]],
        current: str | None,
        channel: str,
        languages: str,
        documents: list[tuple[str, str, str]],
        identifiers: float,
        family: Spelling | None = None,
    ) -> tuple[str, Spelling]:
        """One person; `identifiers` is the chance that their numbers were recorded."""
        rng = self.rng
        person_id = new_id(rng)
        latin, km, th, fam = self.name(gender, family)
        if rng.random() < 0.45:
            dob, estimated = iso_day(day - age * 365 - rng.randint(5, 360)), None
        else:
            dob, estimated = None, age
        code, districts = home
        district = districts[int(rng.random() * len(districts))] if districts and rng.random() < 0.7 else ""
        self.people.append(
            (
                person_id,
                created,
                created,
                created_by,
                org_id,
                latin,
                km,
                th,
                search_names_for(latin, km, th),
                gender,
                dob,
                estimated,
                "KH",
                languages,
                code,
                district,
                "",
                "",
                current,
                channel,
                1,
            )
        )
        base = (created, created, created_by, person_id)
        for kind, held_by, notes in documents:
            self.documents.append((new_id(rng), *base, kind, held_by, notes))
        if rng.random() < identifiers:
            for kind, raw in self._numbers(documents, current):
                normalised = normalise_identifier(kind, raw)
                self.identifiers.append((new_id(rng), *base, kind, normalised, blind_index(normalised, kind=kind)))
        self.position += 1
        return person_id, fam

    def documents_for(
        self, channel: str, codes: Sequence[str], recruiter: bool, scenario: str, retained_chance: float = 0.0
    ) -> list[tuple[str, str, str]]:
        """What the worker holds and who keeps it (the demo's rules)."""
        rng = self.rng
        if scenario == "scam":
            return [("passport", "other", "Taken by the compound guards on arrival.")]
        retained = any(code in RETENTION_CODES for code in codes) or rng.random() < retained_chance
        if retained:
            holder = "recruiter" if recruiter and rng.random() < 0.25 else "employer"
            kept = (holder, RETAINED_NOTES[int(rng.random() * 3)])
        else:
            kept = ("worker", "")
        docs: list[tuple[str, str, str]] = []
        if channel == "mou":
            docs += [("passport", *kept), ("work_permit", "employer" if retained else "worker", "")]
        elif channel == "pink_card":
            docs.append(("pink_card", *kept))
            if rng.random() < 0.5:
                docs.append(("national_id", "worker", ""))
        elif channel == "border_pass":
            docs += [("border_pass", "worker", ""), ("national_id", "worker", "")]
        elif retained:
            docs.append(("national_id", *kept))
        elif rng.random() < 0.6:
            docs.append(("national_id", "lost" if rng.random() < 0.33 else "worker", ""))
        if scenario == "forced_fishing":
            docs.append(("other", "employer", "Seafarer's book held by the skipper."))
        return docs

    def _scramble(self, name: str, spec: tuple[int, int]) -> int:
        factor, modulus = spec
        return (factor * self.position + self.offsets[name]) % modulus

    def _numbers(self, documents: list[tuple[str, str, str]], current: str | None) -> list[tuple[str, str]]:
        """Numbers as the worker gives them (spaces, dashes, local or international phone forms)."""
        rng = self.rng
        kinds = {kind for kind, _, _ in documents}
        found: list[tuple[str, str]] = []
        if "passport" in kinds:
            number = f"{self._scramble('passport', PASSPORT):07d}"
            found.append(("passport", f"N{number}" if rng.random() < 0.85 else f"N {number[:3]} {number[3:]}"))
        if "national_id" in kinds or rng.random() < 0.3:
            number = f"{10_000_000 + self._scramble('id', NATIONAL_ID):09d}"
            found.append(
                ("kh_national_id", number if rng.random() < 0.8 else f"{number[:3]} {number[3:6]} {number[6:]}")
            )
        if "pink_card" in kinds and rng.random() < 0.7:
            d = f"00{self._scramble('pink', PINK_CARD):011d}"  # Thailand's 13-digit number for non-Thais
            found.append(("pink_card", f"{d[0]}-{d[1:5]}-{d[5:10]}-{d[10:12]}-{d[12]}"))
        if not found or rng.random() < 0.8:
            if current:
                x = self._scramble("th", TH_MOBILE)
                number = f"{'689'[x // 10**8]}{x % 10**8:08d}"
                phone = (
                    f"0{number[:2]}-{number[2:5]}-{number[5:]}"
                    if rng.random() < 0.3
                    else f"+66 {number[:2]} {number[2:5]} {number[5:]}"
                )
            else:
                prefix, subscriber = divmod(self._scramble("kh", KH_MOBILE), 10**6)
                digits = f"{subscriber:06d}"
                phone = (
                    f"0{KH_MOBILE_PREFIXES[prefix]} {digits[:3]} {digits[3:]}"
                    if rng.random() < 0.3
                    else f"+855 {KH_MOBILE_PREFIXES[prefix]} {digits[:3]} {digits[3:]}"
                )
            found.append(("phone", phone))
        return found
