"""Linking people and parties to a case from the case page."""

import pytest
from django.template.loader import render_to_string
from django.urls import reverse

from conftest import actor_of, assert_denied
from corridor.accounts.capabilities import ROLE_CAPABILITIES
from corridor.audit.models import AuditEntry
from corridor.cases.models import CaseParty, CasePerson
from corridor.cases.selectors import case_detail_parts
from corridor.cases.services import case_person_add
from corridor.parties.forms import PartyLinkForm, party_link_forms
from corridor.parties.tests.factories import a_recruiter, a_workplace, an_employer
from corridor.people.forms import CasePersonLinkForm
from corridor.people.models import Person
from corridor.people.tests.factories import a_case_with, a_person

pytestmark = pytest.mark.django_db


def _url(name, case):
    return reverse(f"cases:{name}", args=[case.pk])


def test_it_sends_anonymous_visitors_to_sign_in(client, a_case, caseworker):
    person = a_person(caseworker)
    assert_denied(client.post(_url("case_person_add", a_case), {"person": person.pk, "role": "worker"}))
    assert_denied(client.get(_url("case_person_search", a_case), {"q": "sok"}))
    assert_denied(
        client.post(_url("case_party_add", a_case), {"kind": "employer", "party": an_employer(caseworker).pk})
    )
    assert not CasePerson.objects.exists()
    assert not CaseParty.objects.exists()


def test_it_hides_another_organisations_case_behind_404(client_of, a_case, caseworker, outsider):
    theirs = a_person(outsider, name_latin="Their worker")
    browser = client_of(outsider)
    assert browser.post(_url("case_person_add", a_case), {"person": theirs.pk, "role": "worker"}).status_code == 404
    assert browser.post(_url("case_person_add", a_case), {"name_latin": "New", "role": "worker"}).status_code == 404
    assert browser.get(_url("case_person_search", a_case), {"q": "their"}).status_code == 404
    employer = an_employer(outsider)
    assert browser.post(_url("case_party_add", a_case), {"kind": "employer", "party": employer.pk}).status_code == 404
    assert not CasePerson.objects.exists()
    assert not CaseParty.objects.exists()
    assert Person.objects.filter(name_latin="New").count() == 0


def test_it_refuses_members_who_cannot_edit_cases(client_of, a_case, caseworker, member_factory):
    viewer = client_of(member_factory("viewer"))
    person = a_person(caseworker)
    assert viewer.post(_url("case_person_add", a_case), {"person": person.pk, "role": "worker"}).status_code == 403
    assert viewer.get(_url("case_person_search", a_case), {"q": "sok"}).status_code == 403
    assert not CasePerson.objects.exists()


def test_it_links_an_existing_person_with_a_role(client_of, a_case, caseworker):
    person = a_person(caseworker)
    response = client_of(caseworker).post(_url("case_person_add", a_case), {"person": person.pk, "role": "family"})
    assert response.status_code == 302
    assert response["Location"].endswith("#people")
    assert CasePerson.objects.get(case=a_case).person == person
    assert CasePerson.objects.get(case=a_case).role == "family"


def test_it_creates_and_links_a_new_person(client_of, a_case, caseworker, org):
    response = client_of(caseworker).post(
        _url("case_person_add", a_case),
        {"name_latin": "", "name_km": "ស្រី ពៅ", "name_th": "", "gender": "Feminine", "role": "worker"},
    )
    assert response.status_code == 302
    link = CasePerson.objects.select_related("person").get(case=a_case)
    assert (link.person.name_km, link.person.gender, link.person.organisation) == ("ស្រី ពៅ", "Feminine", org)


def test_it_needs_a_person_or_a_name(client_of, a_case, caseworker):
    response = client_of(caseworker).post(_url("case_person_add", a_case), {"role": "worker"})
    assert response.status_code == 422
    assert not Person.objects.exists()


def test_it_refuses_a_person_from_another_organisation(client_of, a_case, caseworker, outsider):
    theirs = a_person(outsider, name_latin="Their worker")
    response = client_of(caseworker).post(_url("case_person_add", a_case), {"person": theirs.pk, "role": "worker"})
    assert response.status_code == 404
    assert not CasePerson.objects.exists()
    assert AuditEntry.objects.filter(action="denied", actor_user_id=caseworker.pk).exists()


def test_it_refuses_a_person_hidden_by_a_sensitive_case(client_of, a_case, caseworker, manager):
    hidden = a_person(manager, name_latin="Srey Pov")
    a_case_with(manager, hidden, sensitivity="sensitive", assigned_to=manager)
    response = client_of(caseworker).post(_url("case_person_add", a_case), {"person": hidden.pk, "role": "witness"})
    assert response.status_code == 404
    assert not CasePerson.objects.filter(case=a_case).exists()


def test_it_refuses_linking_the_same_person_twice(client_of, a_case, caseworker):
    person = a_person(caseworker)
    case_person_add(actor=actor_of(caseworker), case=a_case, person=person, role="worker")
    response = client_of(caseworker).post(_url("case_person_add", a_case), {"person": person.pk, "role": "witness"})
    assert response.status_code == 422
    assert CasePerson.objects.filter(case=a_case).count() == 1


def test_it_searches_people_to_link_as_a_page_and_as_an_htmx_partial(client_of, a_case, caseworker, outsider):
    ours = a_person(caseworker, name_latin="Sok Chan")
    already = a_person(caseworker, name_latin="Sok Already")
    case_person_add(actor=actor_of(caseworker), case=a_case, person=already, role="worker")
    a_person(outsider, name_latin="Sok Theirs")
    browser = client_of(caseworker)
    page = browser.get(_url("case_person_search", a_case), {"q": "sok"})
    assert [p.pk for p in page.context["results"]] == [ours.pk]
    assert "<html" in page.content.decode()
    partial = browser.get(_url("case_person_search", a_case), {"q": "sok"}, headers={"HX-Request": "true"})
    html = partial.content.decode()
    assert "<html" not in html
    assert "Sok Chan" in html and "Sok Already" not in html and "Sok Theirs" not in html
    assert f'value="{ours.pk}"' in html
    assert _url("case_person_add", a_case) in html


def test_it_links_a_party_of_each_kind(client_of, a_case, caseworker):
    parties = {
        "employer": an_employer(caseworker),
        "workplace": a_workplace(caseworker),
        "recruiter": a_recruiter(caseworker),
    }
    browser = client_of(caseworker)
    for kind, party in parties.items():
        response = browser.post(_url("case_party_add", a_case), {"kind": kind, "party": party.pk})
        assert response.status_code == 302
        assert response["Location"].endswith("#parties")
    assert {link.role: link.party for link in CaseParty.objects.filter(case=a_case)} == parties


def test_it_refuses_a_party_of_another_organisation_or_of_another_kind(client_of, a_case, caseworker, outsider):
    browser = client_of(caseworker)
    theirs = an_employer(outsider)
    assert browser.post(_url("case_party_add", a_case), {"kind": "employer", "party": theirs.pk}).status_code == 404
    ours = an_employer(caseworker)
    assert browser.post(_url("case_party_add", a_case), {"kind": "recruiter", "party": ours.pk}).status_code == 404
    assert browser.post(_url("case_party_add", a_case), {"kind": "employer", "party": "nonsense"}).status_code == 422
    assert not CaseParty.objects.exists()


def test_it_renders_both_sections_with_their_forms_and_errors(caseworker, a_case):
    person = a_person(caseworker)
    case_person_add(actor=actor_of(caseworker), case=a_case, person=person, role="worker")
    an_employer(caseworker, "Rayong Seafood Co.")
    failed = CasePersonLinkForm({"role": "worker"})
    failed.is_valid()
    html = render_to_string(
        "cases/_links.html",
        {
            **case_detail_parts(case=a_case),
            "case": a_case,
            "caps": ROLE_CAPABILITIES["caseworker"],
            "person_link_form": failed,
            "party_link_forms": party_link_forms(actor_of(caseworker)),
            "open_section": "person_link_form",
        },
    )
    assert 'id="people"' in html and 'id="parties"' in html
    assert reverse("people:detail", args=[person.pk]) in html
    assert "Choose a person from the search results, or enter a name for a new person." in html
    assert "Rayong Seafood Co." in html
    assert html.count(f'action="{_url("case_party_add", a_case)}"') == 3
    assert 'id="id_link_employer_party"' in html and 'id="id_link_recruiter_party"' in html


def test_it_keeps_a_failed_party_form_in_place_of_its_kind(caseworker):
    failed = PartyLinkForm({"kind": "workplace", "party": "nonsense"})
    assert not failed.is_valid()
    forms = party_link_forms(actor_of(caseworker), failed)
    assert forms["workplace"] is failed
    assert forms["employer"] is not failed


def test_it_shows_the_sections_on_the_case_page(client_of, a_case, caseworker):
    person = a_person(caseworker, name_latin="Sok Chan")
    case_person_add(actor=actor_of(caseworker), case=a_case, person=person, role="worker")
    response = client_of(caseworker).get(reverse("cases:detail", args=[a_case.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Sok Chan" in html
    assert _url("case_person_search", a_case) in html
