"""`manage.py seed_scale` loads corridor-scale synthetic data in bulk: deterministic, valid by the
services' own rules, searchable, audited once, and resumable without ever showing half a chunk."""

import datetime as dt
import random
import re
import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from corridor.accounts.models import Membership, Organisation
from corridor.accounts.scope import Actor
from corridor.accounts.selectors import assignable_users
from corridor.audit.models import AuditEntry
from corridor.audit.verify import audit_chain_verify
from corridor.cases import services as case_services
from corridor.cases.lifecycle import CLOSED_STATUSES
from corridor.cases.models import Case, CaseEvent, CaseParty, CasePerson, Note, Outcome, Task, Violation
from corridor.core.models import ScaleRun
from corridor.core.scale import loader
from corridor.core.scale.generator import ChunkGenerator
from corridor.core.scale.plan import ANCHOR, ScalePlan
from corridor.core.scale.tables import CHUNK_TABLES, COLUMNS, new_id
from corridor.core.scale.world import world_build
from corridor.people import services as people_services
from corridor.people.identifiers import phone_variants
from corridor.people.models import Person, PersonDocument, PersonIdentifier
from corridor.people.selectors import people_search

ARGS = {"people": 300, "cases": 60, "chunk": 100, "quiet": True}
PLAN = ScalePlan(seed=2026, people=300, cases=60, chunk_size=100)
MODELS = {
    "people.person": Person,
    "people.persondocument": PersonDocument,
    "people.personidentifier": PersonIdentifier,
    "cases.case": Case,
    "cases.caseperson": CasePerson,
    "cases.caseparty": CaseParty,
    "cases.violation": Violation,
    "cases.caseevent": CaseEvent,
    "cases.note": Note,
    "cases.task": Task,
    "cases.outcome": Outcome,
}


def seed_scale(**overrides) -> str:
    out = StringIO()
    call_command("seed_scale", **{**ARGS, **overrides}, stdout=out, stderr=StringIO())
    return out.getvalue()


def planned_rows(plan: ScalePlan = PLAN, user_ids: dict[str, int] | None = None) -> dict[str, list[tuple]]:
    """Every chunk generated in memory (with stand-in user ids unless given)."""
    world = world_build(plan)
    generator = ChunkGenerator(world, user_ids or {m.email: n for n, m in enumerate(world.members, start=1)})
    rows: dict[str, list[tuple]] = {label: [] for label in CHUNK_TABLES}
    for index in range(plan.chunks):
        for label, chunk in generator.generate(index).items():
            rows[label] += chunk
    return rows


def stored_rows(label: str) -> list[tuple]:
    """A table as the generator writes it: ids as hex, timestamps as naive UTC, dates in ISO form."""

    def plain(value):
        if isinstance(value, uuid.UUID):
            return value.hex
        if isinstance(value, dt.datetime):
            return value.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%S")
        if isinstance(value, dt.date):
            return value.isoformat()
        return value

    columns = COLUMNS[label]
    return sorted(tuple(plain(v) for v in row) for row in MODELS[label].objects.values_list(*columns))


@pytest.fixture
def loaded(db) -> str:
    return seed_scale()


def test_the_same_seed_generates_the_same_rows_ids_included():
    first, again = planned_rows(), planned_rows()
    assert first == again
    assert len(first["people.person"]) == 300
    assert len(first["cases.case"]) == 60
    assert planned_rows(ScalePlan(seed=7, people=300, cases=60, chunk_size=100)) != first
    for label, rows in first.items():
        assert all(len(row) == len(COLUMNS[label]) for row in rows), label
        assert len({row[0] for row in rows}) == len(rows), label
    # Ids are version-4 UUIDs drawn from the seeded generator.
    rng_a, rng_b = random.Random(1), random.Random(1)
    assert new_id(rng_a) == uuid.UUID(int=rng_b.getrandbits(128), version=4).hex


def test_every_column_of_the_written_tables_is_generated():
    from django.apps import apps

    for label, columns in COLUMNS.items():
        model = apps.get_model(label)
        assert set(columns) == {field.column for field in model._meta.concrete_fields}, label


def test_it_loads_rows_that_pass_the_same_validation_as_the_pages(loaded):
    assert "Scale data loaded" in loaded
    anchor = ANCHOR
    for person in Person.objects.all():
        people_services._validate(person)
        person.full_clean()
        assert person.search_names == people_services.search_names_for(
            person.name_latin, person.name_km, person.name_th
        )
        assert person.date_of_birth is None or person.date_of_birth <= anchor

    pattern = re.compile(r"^(S\d\d)-(\d{4})-(\d{5})$")
    counters: dict[str, int] = {}
    for case in Case.objects.select_related("organisation"):
        case_services._validate_case(case)
        case.full_clean()
        prefix, year, counter = pattern.match(case.reference).groups()
        assert prefix == case.organisation.case_prefix
        assert int(year) == case.opened_on.year
        counters[prefix] = max(counters.get(prefix, 0), int(counter))
        assert case.opened_on <= anchor
        assert (case.closed_on is not None) == (case.status in CLOSED_STATUSES)
        if case.closed_on:
            assert case.opened_on <= case.closed_on <= anchor
        if case.assigned_to_id:
            member = Membership.objects.get(organisation=case.organisation, user_id=case.assigned_to_id)
            actor = Actor(organisation=case.organisation, role=member.role, user=member.user)
            assert assignable_users(actor=actor).filter(pk=case.assigned_to_id).exists()
        links = list(case.person_links.select_related("person"))
        assert any(link.role == "worker" for link in links)
        assert all(link.person.organisation_id == case.organisation_id for link in links)
        assert 1 <= case.violations.count() <= 4
        assert 2 <= case.events.count() <= 4
        assert case.party_links.filter(role="employer", employer__organisation=case.organisation).exists()
    assert {o.case_prefix: o.case_counter for o in Organisation.objects.all() if o.case_counter} == counters

    for model in (PersonDocument, PersonIdentifier, CasePerson, CaseParty, Violation, CaseEvent, Note, Task, Outcome):
        for row in model.objects.all():
            row.full_clean()
    assert not CaseEvent.objects.filter(occurred_on__gt=anchor).exists()
    for outcome in Outcome.objects.select_related("case"):
        assert outcome.case.opened_on <= outcome.achieved_on <= anchor
        assert outcome.kind != "money_recovered" or outcome.amount > 0

    # 14% or so of cases are sensitive; the counters continue where the load left them.
    assert 0 < Case.objects.filter(sensitivity="sensitive").count() < Case.objects.count() / 3
    organisation = Organisation.objects.get(slug="scale-01")
    caseworker = Membership.objects.filter(organisation=organisation, role="caseworker").first().user
    case = case_services.case_open(
        actor=Actor(organisation=organisation, role="caseworker", user=caseworker),
        title="Opened after the load",
        opened_on=dt.date(2026, 11, 2),
    )
    assert case.reference == f"S01-2026-{counters['S01'] + 1:05d}"


def test_identifiers_are_encrypted_and_found_by_exact_search(loaded):
    identifiers = list(PersonIdentifier.objects.select_related("person__organisation"))
    people_with_numbers = {identifier.person_id for identifier in identifiers}
    assert 0.4 < len(people_with_numbers) / Person.objects.count() < 0.65
    assert {identifier.kind for identifier in identifiers} >= {"passport", "kh_national_id", "phone"}
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM people_personidentifier")
        stored = b"".join(bytes(row[0]) for row in cursor.fetchall())
    assert not any(identifier.value.encode() in stored for identifier in identifiers)

    for identifier in identifiers[::5]:
        organisation = identifier.person.organisation
        manager = Membership.objects.filter(organisation=organisation, role="manager").first().user
        actor = Actor(organisation=organisation, role="manager", user=manager)
        for form in phone_variants(identifier.value) if identifier.kind == "phone" else {identifier.value}:
            assert list(people_search(actor=actor, text=form)) == [identifier.person], form


def test_the_run_is_audited_once_and_the_chain_verifies(loaded):
    entries = AuditEntry.objects.filter(actor_label="seed_scale")
    assert entries.count() == 1
    entry = entries.get()
    assert entry.object_type == "core.scalerun"
    assert "300 people, 60 cases" in entry.summary
    assert entry.changes["synthetic"] == [None, True]
    assert audit_chain_verify().ok

    before = {label: model.objects.count() for label, model in MODELS.items()}
    assert "already loaded" in seed_scale()
    assert {label: model.objects.count() for label, model in MODELS.items()} == before
    assert AuditEntry.objects.filter(actor_label="seed_scale").count() == 1


def test_it_resumes_after_a_stop_and_a_crash_leaving_only_whole_chunks(db, monkeypatch):
    planned = planned_rows()
    world = world_build(PLAN)
    first_chunk = ChunkGenerator(world, {m.email: 1 for m in world.members}).generate(0)

    assert "Stopped after 1 chunks" in seed_scale(stop_after_chunks=1)
    assert ScaleRun.objects.get().chunks_done == 1
    for label, model in MODELS.items():
        assert model.objects.count() == len(first_chunk[label]), label

    # Killed in the middle of the second chunk, after its people were written.
    real_insert = loader.rows_insert

    def crash(label, rows):
        if label == "cases.case":
            raise RuntimeError("killed")
        real_insert(label, rows)

    monkeypatch.setattr(loader, "rows_insert", crash)
    with pytest.raises(RuntimeError):
        seed_scale()
    assert ScaleRun.objects.get().chunks_done == 1
    for label, model in MODELS.items():
        assert model.objects.count() == len(first_chunk[label]), label

    monkeypatch.setattr(loader, "rows_insert", real_insert)
    assert "2 of 3 chunks written by this run" in seed_scale()
    run = ScaleRun.objects.get()
    assert run.chunks_done == 3 and run.finished_at is not None
    # Exactly the rows of a clean run: none missing, none twice, the same values.
    for label, model in MODELS.items():
        stored = {pk.hex for pk in model.objects.values_list("pk", flat=True)}
        assert model.objects.count() == len(planned[label]) and stored == {row[0] for row in planned[label]}, label
    clean = planned_rows(user_ids=loader.user_ids(world))
    for label in ("people.person", "cases.case", "cases.caseevent", "cases.task"):
        assert stored_rows(label) == sorted(clean[label]), label
    assert AuditEntry.objects.filter(actor_label="seed_scale").count() == 1


def test_it_refuses_a_different_run_and_bad_arguments(loaded):
    with pytest.raises(CommandError, match="different scale run"):
        seed_scale(seed=7)
    with pytest.raises(CommandError, match="at least --cases"):
        seed_scale(people=10, cases=20)
    with pytest.raises(CommandError, match="after today"):
        seed_scale(anchor=dt.date(2999, 1, 1))
