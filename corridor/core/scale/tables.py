"""Column order of every table seed_scale writes, and the plain values rows are made of.

Values are already in the form both databases accept without adaptation: UUIDs as 32 hex digits (what
Django stores on SQLite, and what PostgreSQL's uuid input accepts), dates as "YYYY-MM-DD", timestamps as
naive UTC "YYYY-MM-DD HH:MM:SS" (Django's SQLite format; PostgreSQL reads it in the session's UTC zone),
decimals as strings, ciphertext as bytes.
"""

from __future__ import annotations

import datetime as dt
import random
from functools import cache

BASE = ("id", "created_at", "updated_at", "created_by_id")

COLUMNS: dict[str, tuple[str, ...]] = {
    "accounts.organisation": (
        *BASE,
        "name_en",
        "name_km",
        "name_th",
        "slug",
        "country",
        "type",
        "contact_email",
        "contact_phone",
        "require_mfa",
        "case_prefix",
        "case_counter",
        "listed_for_peers",
    ),
    "accounts.membership": (*BASE, "user_id", "organisation_id", "role", "is_active"),
    "parties.employer": (
        *BASE,
        "organisation_id",
        "name",
        "name_th",
        "registration_number",
        "sector",
        "province_id",
        "address",
    ),
    "parties.workplace": (*BASE, "organisation_id", "employer_id", "name", "sector", "province_id", "district"),
    "parties.recruiter": (
        *BASE,
        "organisation_id",
        "name",
        "kind",
        "country",
        "licence_status",
        "licence_number",
    ),
    "people.person": (
        *BASE,
        "organisation_id",
        "name_latin",
        "name_km",
        "name_th",
        "search_names",
        "gender",
        "date_of_birth",
        "estimated_age",
        "citizenship",
        "languages",
        "home_province_id",
        "home_district",
        "home_commune",
        "home_village",
        "current_province_id",
        "migration_channel",
        "version",
    ),
    "people.persondocument": (*BASE, "person_id", "kind", "held_by", "notes"),
    "people.personidentifier": (*BASE, "person_id", "kind", "value", "blind_index"),
    "cases.case": (
        *BASE,
        "organisation_id",
        "reference",
        "title",
        "summary",
        "status",
        "sensitivity",
        "assigned_to_id",
        "sector",
        "work_province_id",
        "opened_on",
        "closed_on",
        "version",
    ),
    "cases.caseperson": (*BASE, "case_id", "person_id", "role", "trafficking_status"),
    "cases.caseparty": (*BASE, "case_id", "role", "employer_id", "workplace_id", "recruiter_id"),
    "cases.violation": (*BASE, "case_id", "type_id", "notes"),
    "cases.caseevent": (*BASE, "case_id", "kind", "occurred_on", "place", "description"),
    "cases.note": (*BASE, "case_id", "body"),
    "cases.task": (*BASE, "case_id", "title", "due_on", "assignee_id", "done_at"),
    "cases.outcome": (*BASE, "case_id", "kind", "amount", "currency", "achieved_on", "notes"),
}

# Parents before children, so that SQLite's immediate checks and PostgreSQL's deferred ones both pass.
SETUP_TABLES = (
    "accounts.organisation",
    "accounts.membership",
    "parties.employer",
    "parties.workplace",
    "parties.recruiter",
)
CHUNK_TABLES = (
    "people.person",
    "people.persondocument",
    "people.personidentifier",
    "cases.case",
    "cases.caseperson",
    "cases.caseparty",
    "cases.violation",
    "cases.caseevent",
    "cases.note",
    "cases.task",
    "cases.outcome",
)
# Where the clear identifier number sits in a people.personidentifier row until the loader seals it.
IDENTIFIER_VALUE = COLUMNS["people.personidentifier"].index("value")

_V4_CLEAR = ~((0xF000 << 64) | (0xC000 << 48))
_V4_SET = (0x4000 << 64) | (0x8000 << 48)


def new_id(rng: random.Random) -> str:
    """A version-4 UUID drawn from the seeded generator, as 32 hex digits.

    The same as uuid.UUID(int=rng.getrandbits(128), version=4).hex, without building the object.
    """
    return f"{(rng.getrandbits(128) & _V4_CLEAR) | _V4_SET:032x}"


@cache
def _iso_days() -> tuple[int, tuple[str, ...]]:
    first = dt.date(1930, 1, 1).toordinal()
    last = dt.date(2040, 1, 1).toordinal()
    return first, tuple(dt.date.fromordinal(day).isoformat() for day in range(first, last))


def iso_day(day: int) -> str:
    """The ISO date of a proleptic Gregorian ordinal (date.toordinal()); cached for the common range."""
    first, table = _iso_days()
    index = day - first
    return table[index] if 0 <= index < len(table) else dt.date.fromordinal(day).isoformat()


def stamp(day: int, second: int) -> str:
    """A naive UTC timestamp: `second` seconds into the ordinal `day`."""
    hours, rest = divmod(second, 3600)
    return f"{iso_day(day)} {hours:02d}:{rest // 60:02d}:{rest % 60:02d}"


def work_second(rng: random.Random) -> int:
    """A moment of the Bangkok working day (08:00-18:00, UTC+7), in seconds after UTC midnight."""
    return rng.randrange(1 * 3600, 11 * 3600)
