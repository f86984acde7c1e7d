"""Every URL pattern of the project, requested by an anonymous visitor and by a member of another
organisation, with ids of the owner organisation's records: all must be denied.

A new URL fails this test until it is either covered (its ids known below) or listed as public
with a reason."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver

from conftest import actor_of

# Reachable without signing in, on purpose.
PUBLIC_PREFIXES = (
    "accounts/",  # django-allauth: sign-in, password reset, MFA steps (they guard themselves)
    "healthz",
    "language",
    "api/v1/",  # the API answers 401 itself; covered by corridor/api/tests
    "report/",  # workers' public report form and status page (corridor/intake/tests)
    "rights/",  # workers' rights pages
    "channels/",  # messaging webhooks, verified by the provider's secret (corridor/intake/tests)
    "federation/",  # peer servers: signed envelopes and a signed directory (corridor/referrals/tests)
)


def _patterns(resolver: URLResolver, prefix: str = "") -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            yield from _patterns(entry, route)
        else:
            yield route, entry


def _all_routes() -> list[str]:
    return sorted({route for route, _ in _patterns(get_resolver()) if not route.startswith(PUBLIC_PREFIXES)})


@pytest.fixture
def owner_records(a_case, caseworker, org_admin):
    """One record of every kind the URLs take an id for, all owned by `org`."""
    from corridor.accounts.services import api_token_create
    from corridor.cases import services as cases
    from corridor.intake.services import ReportDraft, Upload, report_submit, routing_rule_add
    from corridor.parties import services as parties
    from corridor.people import services as people

    actor = actor_of(caseworker)
    person = people.person_create(actor=actor, name_latin="Chan Dara", name_km="ចាន់ ដារា")
    employer = parties.employer_create(actor=actor, name="Siam Seafood Co.", sector="C", province_id="TH-21")
    workplace = parties.workplace_create(actor=actor, name="Plant 2", province_id="TH-21", employer=employer)
    recruiter = parties.recruiter_create(actor=actor, name="Broker Vanna", kind="broker")
    violation = cases.violation_add(actor=actor, case=a_case, type_code="LR-UNPAID-WAGES")
    task = cases.task_add(actor=actor, case=a_case, title="Call the labour office")
    attachment = cases.attachment_add(actor=actor, case=a_case, filename="a.pdf", content=b"%PDF-1.4 test")
    token, _secret = api_token_create(actor=actor_of(org_admin), name="sheet", role="viewer")
    identifier = people.identifier_add(actor=actor, person=person, kind="passport", value="N7654321")
    consent = people.consent_record(
        actor=actor, person=person, purpose="services", method="spoken", given_on=a_case.opened_on, checks=()
    )
    rule = routing_rule_add(actor=actor_of(org_admin), province_id=None, language="")
    submission = report_submit(
        draft=ReportDraft(
            submission_key="matrix-report-0001",
            language="km",
            concerns=["documents_taken"],
            uploads=[Upload(name="photo.pdf", content=b"%PDF-1.4 report")],
        )
    )
    report_file = submission.report.attachments.get()
    from corridor.screening.instruments import latest
    from corridor.screening.services import assessment_save

    assessment = assessment_save(actor=actor, case=a_case, instrument=latest("ilo-11"), responses={})
    from corridor.rights.services import wage_claim_save
    from corridor.rights.tests import facts, month

    claim = wage_claim_save(actor=actor, case=a_case, facts=facts(month(2025, 7, wages_paid=9000)))
    from conftest import make_organisation
    from corridor.accounts.models import Notification
    from corridor.accounts.services import notify
    from corridor.referrals.services import referral_send

    notify(users=[caseworker], organisation=a_case.organisation, text=lambda: "A note", url="/")
    cases.case_person_add(actor=actor, case=a_case, person=person, role="worker")
    referral = referral_send(
        actor=actor_of(org_admin),
        case=a_case,
        person=person,
        receiver=make_organisation("bangkok-shelter"),  # a third organisation: the outsider is not party to it
        referral_type="repatriation",
        fields=["person.names"],
        message="Return home.",
        override_reason="Permission matrix: a referral sent on a written override for the test.",
    )
    return {
        "case_id": a_case.pk,
        "person_id": person.pk,
        "employer_id": employer.pk,
        "workplace_id": workplace.pk,
        "recruiter_id": recruiter.pk,
        "violation_id": violation.pk,
        "task_id": task.pk,
        "attachment_id": attachment.pk,
        "token_id": token.pk,
        "identifier_id": identifier.pk,
        "consent_id": consent.pk,
        "membership_id": caseworker.memberships.get().pk,
        "party_id": employer.pk,
        "report_id": submission.report.pk,
        "rule_id": rule.pk,
        "report_attachment_id": report_file.pk,
        "assessment_id": assessment.pk,
        "code": "ilo-11",
        "claim_id": claim.pk,
        "referral_id": referral.pk,
        "notification_id": Notification.objects.filter(user=caseworker).first().pk,
        "step": "identification",
    }


def _fill(route: str, records: dict) -> str:
    def value(match: re.Match) -> str:
        name = match.group(2)
        if name not in records:
            raise AssertionError(f"The permission matrix does not know how to fill <{name}> in {route!r}")
        return str(records[name])

    return "/" + re.sub(r"<(?:(\w+):)?(\w+)>", value, route)


def _anonymous_denied(response) -> bool:
    return response.status_code in {401, 403, 404, 405} or (
        response.status_code == 302 and "/accounts/login/" in response["Location"]
    )


def _outsider_denied(response, records) -> bool:
    """Refused outright, or (pages that list "my organisation's" things) shown without any of ours."""
    if response.status_code in {403, 404, 405}:
        return True
    body = response.content.decode(errors="ignore")
    return response.status_code in {200, 302, 422} and not any(str(value) in body for value in records.values())


@pytest.mark.django_db
def test_it_denies_every_page_to_anonymous_visitors_and_other_organisations(owner_records, outsider, outsider_admin):
    routes = _all_routes()
    assert len(routes) >= 20, routes
    outsiders = {"outsider caseworker": Client(), "outsider admin": Client()}
    outsiders["outsider caseworker"].force_login(outsider)
    outsiders["outsider admin"].force_login(outsider_admin)
    failures = []
    for route in routes:
        url = _fill(route, owner_records)
        for method in ("get", "post"):
            if not _anonymous_denied(getattr(Client(), method)(url)):
                failures.append(("anonymous", method, url))
            for who, client in outsiders.items():
                response = getattr(client, method)(url)
                if not _outsider_denied(response, owner_records):
                    failures.append((who, method, url, response.status_code))
    assert not failures, failures
