"""The parties pages refuse anonymous visitors, and never show or accept another organisation's parties."""

import pytest
from django.urls import reverse

from conftest import assert_denied
from corridor.parties.models import Employer, Recruiter, Workplace
from corridor.parties.tests.factories import a_recruiter, an_employer

POSTS = {
    "parties:employer_add": {"employer-name": "New employer"},
    "parties:workplace_add": {"workplace-name": "New plant", "workplace-province": "TH-21"},
    "parties:recruiter_add": {
        "recruiter-name": "New broker",
        "recruiter-kind": "broker",
        "recruiter-country": "KH",
        "recruiter-licence_status": "unknown",
    },
}


@pytest.mark.django_db
def test_it_sends_anonymous_visitors_to_sign_in(client):
    assert_denied(client.get(reverse("parties:list")))
    for name, data in POSTS.items():
        assert_denied(client.post(reverse(name), data))
    assert not (Employer.objects.exists() or Workplace.objects.exists() or Recruiter.objects.exists())


@pytest.mark.django_db
def test_it_shows_an_outsider_only_their_own_organisations_parties(client_of, caseworker, outsider):
    an_employer(caseworker, name="Rayong Seafood Co.")
    a_recruiter(caseworker, name="Poipet Jobs")
    html = client_of(outsider).get(reverse("parties:list")).content.decode()
    assert "Rayong Seafood Co." not in html
    assert "Poipet Jobs" not in html


@pytest.mark.django_db
def test_it_refuses_a_workplace_under_another_organisations_employer(client_of, caseworker, outsider):
    theirs = an_employer(caseworker)
    response = client_of(outsider).post(
        reverse("parties:workplace_add"),
        {**POSTS["parties:workplace_add"], "workplace-employer": str(theirs.pk)},
    )
    assert response.status_code == 422
    assert not Workplace.objects.exists()


@pytest.mark.django_db
def test_it_refuses_roles_without_the_capability(client_of, analyst, member_factory):
    assert client_of(analyst).get(reverse("parties:list")).status_code == 403
    viewer = client_of(member_factory("viewer"))
    assert viewer.get(reverse("parties:list")).status_code == 200
    for name, data in POSTS.items():
        assert viewer.post(reverse(name), data).status_code == 403
    assert not Employer.objects.exists()


@pytest.mark.django_db
def test_it_only_accepts_posts_to_add(client_of, caseworker):
    for name in POSTS:
        assert client_of(caseworker).get(reverse(name)).status_code == 405
