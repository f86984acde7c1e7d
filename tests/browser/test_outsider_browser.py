"""A member of another organisation, signed in with a real browser, cannot reach a case that is not
theirs: the direct address answers with the ordinary "page not found" page (nothing confirms that
the case exists), and neither the case list nor its search shows the case."""

from __future__ import annotations

import datetime as dt

import pytest
from django.utils.translation import gettext
from playwright.sync_api import Page, expect

from conftest import actor_of, make_member, make_organisation
from corridor.cases.services import case_open, case_person_add
from corridor.people.services import person_create
from tests.browser.conftest import give_totp, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

THEIR_TITLE = "Passport kept by a Rayong seafood plant"
THEIR_WORKER = "Sok Sreymom"
OWN_TITLE = "Unpaid overtime at a Chonburi garment factory"


def open_case(user, title: str, province: str):
    actor = actor_of(user)
    return case_open(
        actor=actor,
        title=title,
        sector="C",
        work_province_id=province,
        opened_on=dt.date(2026, 10, 1),
        assigned_to=user,
    )


def test_it_shows_an_outsider_not_found_and_lists_nothing_of_another_organisation(page: Page, live_server):
    owner = make_member(make_organisation("rayong-help", require_mfa=True), "caseworker")
    give_totp(owner)
    theirs = open_case(owner, THEIR_TITLE, "TH-21")
    worker = person_create(actor=actor_of(owner), name_latin=THEIR_WORKER, name_km="សុខ ស្រីមុំ")
    case_person_add(actor=actor_of(owner), case=theirs, person=worker, role="worker")
    outsider = make_member(make_organisation("phnom-legal", country="KH"), "caseworker")
    own = open_case(outsider, OWN_TITLE, "TH-20")
    base = live_server.url

    sign_in(page, base, outsider.email)

    response = page.goto(f"{base}/cases/{theirs.pk}/")
    assert response is not None and response.status == 404
    expect(page.locator("h1")).to_have_text(gettext("Page not found"))
    content = page.content()
    for secret in (THEIR_TITLE, theirs.reference, THEIR_WORKER, "សុខ ស្រីមុំ"):
        assert secret not in content

    page.goto(f"{base}/cases/")
    expect(page.locator(f"a[href='/cases/{own.pk}/']")).to_have_count(1)  # the list does show cases
    expect(page.locator(f"a[href='/cases/{theirs.pk}/']")).to_have_count(0)
    assert THEIR_TITLE not in page.content()

    page.goto(f"{base}/cases/?q={THEIR_WORKER}")
    expect(page.locator("input[name=q]")).to_have_value(THEIR_WORKER)
    expect(page.locator(f"a[href='/cases/{theirs.pk}/']")).to_have_count(0)
    assert THEIR_TITLE not in page.content()
