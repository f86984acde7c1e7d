"""The person page: names in their scripts, documents and who holds them, and the cases the viewer may see.
Each view is written to the audit log."""

import datetime as dt

import pytest
from django.urls import reverse

from conftest import actor_of
from corridor.audit.models import AuditEntry
from corridor.people.services import document_record
from corridor.people.tests.factories import a_case_with, a_person


@pytest.mark.django_db
def test_it_shows_each_name_in_its_own_language(client_of, caseworker):
    person = a_person(caseworker)
    html = client_of(caseworker).get(reverse("people:detail", args=[person.pk])).content.decode()
    assert '<span lang="km">សុខ ចាន់</span>' in html
    assert '<span lang="th">ซก จัน</span>' in html
    assert "Sok Chan" in html


@pytest.mark.django_db
def test_it_shows_age_home_and_channel(client_of, caseworker):
    person = a_person(
        caseworker,
        date_of_birth=dt.date(2000, 1, 15),
        home_province_id="KH-14",
        home_district="Peam Ro",
        current_province_id="TH-21",
        migration_channel="irregular",
    )
    html = client_of(caseworker).get(reverse("people:detail", args=[person.pk])).content.decode()
    assert "born 15 January 2000" in html
    assert "Peam Ro, Prey Veng" in html
    assert "Rayong" in html
    assert "Irregular entry" in html


@pytest.mark.django_db
def test_it_flags_documents_kept_by_someone_else(client_of, caseworker):
    person = a_person(caseworker)
    document_record(actor=actor_of(caseworker), person=person, kind="passport", held_by="employer")
    document_record(actor=actor_of(caseworker), person=person, kind="national_id", held_by="worker")
    html = client_of(caseworker).get(reverse("people:detail", args=[person.pk])).content.decode()
    assert html.count("Retained: not with the worker") == 1
    assert "The employer" in html


@pytest.mark.django_db
def test_it_lists_the_cases_the_person_appears_in_with_their_role(client_of, caseworker, member_factory):
    person = a_person(caseworker)
    a_case_with(caseworker, person, title="Open case")
    colleague = member_factory("caseworker")
    a_case_with(caseworker, person, title="Trafficking case", sensitivity="sensitive", assigned_to=colleague)
    a_case_with(caseworker, a_person(caseworker, name_latin="Someone else"), title="Unrelated case")
    response = client_of(colleague).get(reverse("people:detail", args=[person.pk]))
    assert sorted(case.title for case in response.context["cases"]) == ["Open case", "Trafficking case"]
    assert {case.person_role_label for case in response.context["cases"]} == {"Worker (affected person)"}


@pytest.mark.django_db
def test_it_records_each_view_in_the_audit_log(client_of, caseworker):
    person = a_person(caseworker)
    client_of(caseworker).get(reverse("people:detail", args=[person.pk]))
    entry = AuditEntry.objects.get(action="view", object_id=str(person.pk))
    assert entry.actor_user_id == caseworker.pk
    assert entry.changes == {"identifiers_shown": [None, True]}
