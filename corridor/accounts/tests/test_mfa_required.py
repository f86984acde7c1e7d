"""An organisation that requires a second factor sends its staff to enrol before any page."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from conftest import make_member, make_organisation

pytestmark = pytest.mark.django_db


def test_it_sends_staff_without_an_authenticator_to_enrol(client_of):
    ministry = make_organisation("ministry", require_mfa=True)
    user = make_member(ministry, "caseworker")
    response = client_of(user).get(reverse("cases:list"))
    assert response.status_code == 302 and response["Location"] == reverse("mfa_activate_totp")


def test_it_lets_enrolled_staff_work(client_of):
    ministry = make_organisation("ministry", require_mfa=True)
    user = make_member(ministry, "caseworker")
    Authenticator.objects.create(user=user, type=Authenticator.Type.TOTP, data={"secret": "x"})
    assert client_of(user).get(reverse("cases:list")).status_code == 200


def test_it_does_not_ask_staff_of_organisations_without_the_requirement(caseworker, client_of):
    assert client_of(caseworker).get(reverse("cases:list")).status_code == 200
