"""Organisation administrators add members, change roles and remove access; nobody else can."""

import pytest
from django.urls import reverse

from corridor.accounts.models import Membership, User
from corridor.audit.models import AuditEntry

pytestmark = pytest.mark.django_db


def test_it_adds_a_new_member_and_emails_them_a_password_link(org_admin, client_of, mailoutbox):
    response = client_of(org_admin).post(
        reverse("accounts:members"), {"email": "Dara@Example.org", "full_name": "Chan Dara", "role": "caseworker"}
    )
    assert response.status_code == 302
    user = User.objects.get(email="dara@example.org")
    assert not user.has_usable_password()
    assert Membership.objects.get(user=user).role == "caseworker"
    assert len(mailoutbox) == 1
    assert AuditEntry.objects.filter(action="create", object_type="accounts.membership").exists()


def test_it_refuses_to_add_an_existing_member_twice(org_admin, caseworker, client_of):
    response = client_of(org_admin).post(
        reverse("accounts:members"), {"email": caseworker.email, "full_name": "x", "role": "viewer"}
    )
    assert response.status_code == 422
    assert "already a member" in response.content.decode()


def test_it_changes_a_role_and_keeps_one_administrator(org_admin, caseworker, client_of):
    client = client_of(org_admin)
    membership = caseworker.memberships.get()
    client.post(reverse("accounts:member_role", args=[membership.pk]), {"role": "manager"})
    membership.refresh_from_db()
    assert membership.role == "manager"
    own = org_admin.memberships.get()
    response = client.post(reverse("accounts:member_role", args=[own.pk]), {"role": "viewer"}, follow=True)
    assert "at least one active administrator" in response.content.decode()
    own.refresh_from_db()
    assert own.role == "org_admin"


def test_it_removes_access(org_admin, caseworker, client_of):
    membership = caseworker.memberships.get()
    client_of(org_admin).post(reverse("accounts:member_deactivate", args=[membership.pk]))
    membership.refresh_from_db()
    assert not membership.is_active
    assert client_of(caseworker).get(reverse("cases:list")).status_code == 403


def test_it_forbids_the_members_page_to_caseworkers(caseworker, client_of):
    assert client_of(caseworker).get(reverse("accounts:members")).status_code == 403


def test_it_never_touches_another_organisations_members(org_admin, outsider, client_of):
    membership = outsider.memberships.get()
    response = client_of(org_admin).post(reverse("accounts:member_deactivate", args=[membership.pk]))
    assert response.status_code == 404
    membership.refresh_from_db()
    assert membership.is_active
