"""`manage.py seed_demo` loads a believable corridor through the services, once, and all or nothing."""

import datetime as dt
import time
from io import StringIO

import pytest
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, hotp_value
from django.core.management import call_command
from django.db import connection

from corridor.accounts.models import Membership, Organisation, Role, User
from corridor.audit.models import AuditEntry
from corridor.audit.verify import audit_chain_verify
from corridor.cases.lifecycle import CLOSED_STATUSES, REASON_REQUIRED, TRANSITIONS
from corridor.cases.models import Case
from corridor.core.demo import names
from corridor.core.demo.plan import corridor_plan
from corridor.core.demo.writer import CorridorWriter
from corridor.people.models import PersonIdentifier

TODAY = dt.date(2026, 11, 24)


def _row_counts() -> tuple[int, ...]:
    return tuple(model.objects.count() for model in (Organisation, User, Case, AuditEntry))


@pytest.fixture
def seeded(db) -> str:
    out = StringIO()
    call_command("seed_demo", cases=20, stdout=out)
    return out.getvalue()


def test_it_creates_the_organisations_their_staff_and_admin_authenticators(seeded):
    assert Organisation.objects.count() == 5
    thai_ngo = Organisation.objects.get(case_prefix="RMH")
    assert set(thai_ngo.memberships.values_list("role", flat=True)) == set(Role.values)
    for organisation in Organisation.objects.all():
        assert {"org_admin", "caseworker"} <= set(organisation.memberships.values_list("role", flat=True))
    mfa_required = Organisation.objects.filter(require_mfa=True).values_list("case_prefix", flat=True)
    assert set(mfa_required) == {"MLVT", "DOE"}
    assert User.objects.get(email="caseworker@rayong-help.demo").check_password(names.DEMO_PASSWORD)
    assert names.DEMO_PASSWORD in seeded

    # Every administrator has TOTP and recovery codes; the printed secret gives codes that work.
    secrets = {org["case_prefix"]: org["totp_secret"] for org in names.ORGANISATIONS}
    admins = Membership.objects.filter(role="org_admin").select_related("user", "organisation")
    assert admins.count() == 5
    for membership in admins:
        kinds = set(Authenticator.objects.filter(user=membership.user).values_list("type", flat=True))
        assert kinds == {Authenticator.Type.TOTP, Authenticator.Type.RECOVERY_CODES}
        secret = secrets[membership.organisation.case_prefix]
        assert secret in seeded
        totp = Authenticator.objects.get(user=membership.user, type=Authenticator.Type.TOTP)
        assert TOTP(totp).validate_code(format_hotp_value(hotp_value(secret, int(time.time()) // 30)))
    assert not Authenticator.objects.exclude(user__memberships__role="org_admin").exists()


def test_it_opens_the_cases_through_the_services_and_only_once(seeded):
    cases = Case.objects.all()
    assert cases.count() == 20
    for case in cases:
        assert case.person_links.filter(role="worker").exists()
        assert 1 <= case.violations.count() <= 4
        assert case.party_links.filter(role="employer").exists()
        assert (case.closed_on is not None) == (case.status in CLOSED_STATUSES)

    # Identifiers are encrypted at rest: no stored column holds a number in clear.
    plain = [identifier.value.encode() for identifier in PersonIdentifier.objects.all()]
    assert plain
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM people_personidentifier")
        stored = [bytes(row[0]) for row in cursor.fetchall()]
    assert len(stored) == len(plain)
    assert not any(value in blob for blob in stored for value in plain)
    assert audit_chain_verify().ok

    before = _row_counts()
    out = StringIO()
    call_command("seed_demo", if_empty=True, stdout=out)
    assert _row_counts() == before
    assert "Demo data already loaded" in out.getvalue()
    assert "admin@rayong-help.demo" in out.getvalue()


@pytest.mark.django_db
def test_a_failure_part_way_leaves_nothing(monkeypatch):
    written = []

    def fail_on_the_third(self, plan):
        if len(written) == 2:
            raise RuntimeError("disk full")
        written.append(plan)
        real_case(self, plan)

    real_case = CorridorWriter._case
    monkeypatch.setattr(CorridorWriter, "_case", fail_on_the_third)
    with pytest.raises(RuntimeError):
        call_command("seed_demo", cases=5, stdout=StringIO())
    assert not Organisation.objects.exists()
    assert not User.objects.exists()
    assert not AuditEntry.objects.exists()


def test_the_same_seed_plans_the_same_corridor():
    assert corridor_plan(seed=7, cases=30, today=TODAY)[1] == corridor_plan(seed=7, cases=30, today=TODAY)[1]
    assert corridor_plan(seed=7, cases=30, today=TODAY)[1] != corridor_plan(seed=8, cases=30, today=TODAY)[1]


@pytest.mark.parametrize("seed", [1, 2026])
def test_every_planned_case_keeps_the_rules(seed):
    _, plans = corridor_plan(seed=seed, cases=400, today=TODAY)
    for plan in plans:
        status = "new"
        for new_status, reason in plan.transitions:
            assert new_status in TRANSITIONS[status]
            assert bool(reason.strip()) == (new_status in REASON_REQUIRED)
            status = new_status
        codes = [code for code, _ in plan.violations]
        assert 1 <= len(codes) <= 4 and len(set(codes)) == len(codes)
        if any(code.startswith("EXP-") for code in codes):
            assert plan.values["sensitivity"] == "sensitive"
        dates = [plan.values["opened_on"], *(e[1] for e in plan.events), *(o[1] for o in plan.outcomes)]
        assert max(dates) <= TODAY
        assert all(o[1] >= plan.values["opened_on"] for o in plan.outcomes)
        if plan.closed_on:
            assert plan.values["opened_on"] <= plan.closed_on <= TODAY
        for person in plan.people:
            if person.role == "worker":
                born = person.values.get("date_of_birth")
                age = person.values.get("estimated_age") or (TODAY - born).days // 365
                assert 18 <= age <= 50
    sensitive = sum(plan.values["sensitivity"] == "sensitive" for plan in plans) / len(plans)
    assert 0.08 <= sensitive <= 0.22


def test_admin_secrets_are_valid_base32():
    for org in names.ORGANISATIONS:
        secret = org["totp_secret"]
        assert len(secret) == 32 and set(secret) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567")
