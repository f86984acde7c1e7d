"""The copy of a case's information a referral shares: built once, when the referral is sent, from
exactly the fields it names, and shown to the receiver from that copy only.

The receiver never reads the sender's case, on this server or across the border, so "exactly the
shared fields" holds by construction. Codes (provinces, violations, sectors) are kept as codes and
named in the reader's language; text the sender's server computes (a wage claim's lines, a screening's
headline) is kept in all three languages.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import get_language, override
from django.utils.translation import gettext as _

from corridor.cases.models import Case, EventKind, OutcomeKind, PartyRole, ViolationType
from corridor.cases.selectors import latest_assessments, latest_wage_claim
from corridor.core.models import Country, Province
from corridor.parties.models import Sector
from corridor.people.models import (
    DocumentHolder,
    DocumentKind,
    Gender,
    IdentifierKind,
    MigrationChannel,
    Person,
)
from corridor.referrals.catalogue import SharedField, ordered

LANGUAGES = ("en", "km", "th")
Builder = Callable[[Case, Person], Any]


def _in_every_language(render: Callable[[], str]) -> dict[str, str]:
    texts = {}
    for language in LANGUAGES:
        with override(language):
            texts[language] = render()
    return texts


def _names(case: Case, person: Person) -> dict[str, str]:
    return {"latin": person.name_latin, "km": person.name_km, "th": person.name_th}


def _gender_age(case: Case, person: Person) -> dict[str, Any]:
    born = person.date_of_birth
    return {
        "gender": person.gender,
        "date_of_birth": born.isoformat() if born else None,
        "estimated_age": person.estimated_age,
    }


def _home(case: Case, person: Person) -> dict[str, str]:
    return {
        "province": person.home_province_id or "",
        "district": person.home_district,
        "commune": person.home_commune,
        "village": person.home_village,
    }


def _whereabouts(case: Case, person: Person) -> dict[str, str]:
    return {"province": person.current_province_id or ""}


def _identifiers(person: Person, kinds: set[str]) -> list[dict[str, str]]:
    return [
        {"kind": identifier.kind, "value": identifier.value}
        for identifier in person.identifiers.all()
        if identifier.kind in kinds
    ]


def _contact(case: Case, person: Person) -> list[dict[str, str]]:
    return _identifiers(person, {IdentifierKind.PHONE})


def _id_numbers(case: Case, person: Person) -> list[dict[str, str]]:
    return _identifiers(person, set(IdentifierKind.values) - {IdentifierKind.PHONE})


def _documents(case: Case, person: Person) -> list[dict[str, str]]:
    return [{"kind": doc.kind, "held_by": doc.held_by, "notes": doc.notes} for doc in person.documents.all()]


def _migration(case: Case, person: Person) -> dict[str, str]:
    return {"channel": person.migration_channel, "citizenship": person.citizenship}


def _summary(case: Case, person: Person) -> dict[str, str]:
    return {"title": case.title, "summary": case.summary, "opened_on": case.opened_on.isoformat()}


def _party_names(case: Case, roles: set[str]) -> list[dict[str, str]]:
    return [
        {"role": link.role, "name": link.party.name if hasattr(link.party, "name") else str(link.party)}
        for link in case.party_links.select_related("employer", "workplace", "recruiter")
        if link.role in roles
    ]


def _work(case: Case, person: Person) -> dict[str, Any]:
    return {
        "sector": case.sector,
        "province": case.work_province_id or "",
        "parties": _party_names(case, {PartyRole.EMPLOYER, PartyRole.WORKPLACE}),
    }


def _recruiters(case: Case, person: Person) -> list[dict[str, str]]:
    return _party_names(case, {PartyRole.RECRUITER})


def _violations(case: Case, person: Person) -> list[dict[str, str]]:
    return [{"code": violation.type_id, "notes": violation.notes} for violation in case.violations.all()]


def _timeline(case: Case, person: Person) -> list[dict[str, str]]:
    return [
        {"kind": event.kind, "on": event.occurred_on.isoformat(), "place": event.place, "text": event.description}
        for event in case.events.all()
    ]


def _wage_claim(case: Case, person: Person) -> dict[str, Any] | None:
    from corridor.rights.explain import basis_text, describe_line
    from corridor.rights.storage import claim_from_json

    claim = latest_wage_claim(case=case)
    if claim is None:
        return None
    stored = claim_from_json(claim.result)
    return {
        "total": str(claim.total),
        "as_of": claim.as_of.isoformat(),
        "law_version": claim.law_version,
        "lines": [
            {
                "amount": str(line.amount),
                "text": _in_every_language(partial(describe_line, line)),
                "basis": {language: basis_text(line.basis, language) for language in LANGUAGES},
            }
            for line in stored.lines
        ],
    }


def _screening(case: Case, person: Person) -> list[dict[str, Any]]:
    from corridor.screening.explain import headline
    from corridor.screening.rules import Result

    results = []
    for assessment in latest_assessments(case=case):
        instrument = assessment.instrument
        if instrument is None:
            continue
        result = Result.from_dict(assessment.result)
        results.append(
            {
                "instrument": instrument.key,
                "on": timezone.localtime(assessment.created_at).date().isoformat(),
                "status": assessment.status,
                "title": _in_every_language(partial(str, instrument.title)),
                "headline": _in_every_language(partial(headline, instrument, result)),
            }
        )
    return results


def _outcomes(case: Case, person: Person) -> list[dict[str, Any]]:
    return [
        {
            "kind": outcome.kind,
            "on": outcome.achieved_on.isoformat(),
            "amount": str(outcome.amount) if outcome.amount is not None else None,
            "currency": outcome.currency,
            "notes": outcome.notes,
        }
        for outcome in case.outcomes.all()
    ]


BUILDERS: dict[str, Builder] = {
    SharedField.NAMES: _names,
    SharedField.GENDER_AGE: _gender_age,
    SharedField.HOME: _home,
    SharedField.WHEREABOUTS: _whereabouts,
    SharedField.CONTACT: _contact,
    SharedField.ID_NUMBERS: _id_numbers,
    SharedField.DOCUMENTS: _documents,
    SharedField.MIGRATION: _migration,
    SharedField.SUMMARY: _summary,
    SharedField.WORK: _work,
    SharedField.RECRUITERS: _recruiters,
    SharedField.VIOLATIONS: _violations,
    SharedField.TIMELINE: _timeline,
    SharedField.WAGE_CLAIM: _wage_claim,
    SharedField.SCREENING: _screening,
    SharedField.OUTCOMES: _outcomes,
}


def build_shared(*, case: Case, person: Person, fields: list[str]) -> dict[str, Any]:
    """The shared copy: one entry per field named, nothing else."""
    return {field: BUILDERS[field](case, person) for field in ordered(fields)}


def dump(shared: dict[str, Any]) -> str:
    return json.dumps(shared, ensure_ascii=False, sort_keys=True)


def load(text: str) -> dict[str, Any]:
    return json.loads(text) if text else {}


# ---- presentation: the shared copy as labelled rows, in the reader's language ----


@dataclass(frozen=True)
class Row:
    label: str
    value: str
    lang: str = ""  # set when the value is in one script whatever the page's language (names)


@dataclass(frozen=True)
class Section:
    field: str
    title: str
    rows: tuple[Row, ...]


def _date(text: str | None) -> str:
    """An ISO date of the shared copy, written the reader's way."""
    if not text:
        return ""
    try:
        return date_format(dt.date.fromisoformat(text), "j F Y")
    except ValueError:
        return text


def _label(choices: Any, value: str) -> str:
    try:
        return str(choices(value).label)
    except ValueError:
        return value


def _province(code: str) -> str:
    if not code:
        return _("Not known")
    province = Province.objects.filter(code=code).first()
    return province.name if province else code


def _pick(texts: dict[str, str]) -> str:
    language = (get_language() or "en")[:2]
    return texts.get(language) or texts.get("en", "")


def _rows_names(value: Any) -> Iterator[Row]:
    for key, label, lang in (
        ("latin", _("Latin letters"), ""),
        ("km", _("Khmer script"), "km"),
        ("th", _("Thai script"), "th"),
    ):
        if value.get(key):
            yield Row(label, value[key], lang)


def _rows_gender_age(value: Any) -> Iterator[Row]:
    yield Row(_("Gender"), _label(Gender, value["gender"]))
    if value.get("date_of_birth"):
        yield Row(_("Date of birth"), _date(value["date_of_birth"]))
    elif value.get("estimated_age") is not None:
        yield Row(_("Estimated age"), str(value["estimated_age"]))


def _rows_home(value: Any) -> Iterator[Row]:
    parts = [value.get("village"), value.get("commune"), value.get("district")]
    yield Row(_("Province"), _province(value.get("province", "")))
    yield Row(_("Village, commune, district"), ", ".join(p for p in parts if p) or _("Not known"))


def _rows_whereabouts(value: Any) -> Iterator[Row]:
    yield Row(_("Province now"), _province(value.get("province", "")))


def _rows_identifiers(value: Any) -> Iterator[Row]:
    for item in value:
        yield Row(_label(IdentifierKind, item["kind"]), item["value"])


def _rows_documents(value: Any) -> Iterator[Row]:
    for item in value:
        yield Row(_label(DocumentKind, item["kind"]), _label(DocumentHolder, item["held_by"]))


def _rows_migration(value: Any) -> Iterator[Row]:
    yield Row(_("Migration channel"), _label(MigrationChannel, value["channel"]))
    yield Row(_("Citizenship"), _label(Country, value["citizenship"]))


def _rows_summary(value: Any) -> Iterator[Row]:
    yield Row(_("Title"), value["title"])
    if value.get("summary"):
        yield Row(_("Summary"), value["summary"])
    yield Row(_("Opened on"), _date(value["opened_on"]))


def _rows_parties(value: Any) -> Iterator[Row]:
    for party in value:
        yield Row(_label(PartyRole, party["role"]), party["name"])


def _rows_work(value: Any) -> Iterator[Row]:
    yield Row(_("Sector"), _label(Sector, value["sector"]) if value.get("sector") else _("Not known"))
    yield Row(_("Province of work"), _province(value.get("province", "")))
    yield from _rows_parties(value.get("parties", []))


def _rows_violations(value: Any) -> Iterator[Row]:
    names = {vt.code: vt.name for vt in ViolationType.objects.filter(code__in=[item["code"] for item in value])}
    for item in value:
        yield Row(names.get(item["code"], item["code"]), item.get("notes", ""))


def _rows_timeline(value: Any) -> Iterator[Row]:
    for item in value:
        text = " — ".join(part for part in (item.get("place", ""), item["text"]) if part)
        yield Row(f"{_date(item['on'])} · {_label(EventKind, item['kind'])}", text)


def _rows_wage_claim(value: Any) -> Iterator[Row]:
    total = _("%(amount)s baht (as of %(date)s)") % {"amount": value["total"], "date": _date(value["as_of"])}
    yield Row(_("Total owed"), total)
    for line in value["lines"]:
        yield Row(_pick(line["basis"]), _pick(line["text"]))


def _rows_screening(value: Any) -> Iterator[Row]:
    for item in value:
        yield Row(f"{_pick(item['title'])} ({_date(item['on'])})", _pick(item["headline"]))


def _rows_outcomes(value: Any) -> Iterator[Row]:
    for item in value:
        amount = f"{item['amount']} {item['currency']} " if item.get("amount") else ""
        yield Row(
            f"{_date(item['on'])} · {_label(OutcomeKind, item['kind'])}", f"{amount}{item.get('notes', '')}".strip()
        )


ROWS: dict[str, Callable[[Any], Iterator[Row]]] = {
    SharedField.NAMES: _rows_names,
    SharedField.GENDER_AGE: _rows_gender_age,
    SharedField.HOME: _rows_home,
    SharedField.WHEREABOUTS: _rows_whereabouts,
    SharedField.CONTACT: _rows_identifiers,
    SharedField.ID_NUMBERS: _rows_identifiers,
    SharedField.DOCUMENTS: _rows_documents,
    SharedField.MIGRATION: _rows_migration,
    SharedField.SUMMARY: _rows_summary,
    SharedField.WORK: _rows_work,
    SharedField.RECRUITERS: _rows_parties,
    SharedField.VIOLATIONS: _rows_violations,
    SharedField.TIMELINE: _rows_timeline,
    SharedField.WAGE_CLAIM: _rows_wage_claim,
    SharedField.SCREENING: _rows_screening,
    SharedField.OUTCOMES: _rows_outcomes,
}


def _rows(field: str, value: Any) -> tuple[Row, ...]:
    if value in (None, [], {}):
        return (Row(_("Recorded"), _("Nothing recorded")),)
    return tuple(ROWS[field](value))


def present(shared: dict[str, Any]) -> list[Section]:
    """The shared copy as sections of labelled rows, in the catalogue's order."""
    return [
        Section(field=field, title=_label(SharedField, field), rows=_rows(field, shared[field]))
        for field in ordered(list(shared))
        if field in SharedField.values
    ]
