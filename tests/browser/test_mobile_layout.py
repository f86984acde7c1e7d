"""On a small phone (360 × 740 CSS pixels, touch) the pages a caseworker uses in the field fit the
screen without sideways scrolling, in English and in Khmer (which needs more room), and every button
is big enough for a thumb (44 px, the --tap size of the stylesheet)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from playwright.sync_api import Page

from conftest import actor_of, make_member, make_organisation
from corridor.accounts.models import User
from corridor.cases import services
from corridor.people.services import person_create
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WIDTH = 360
TAP = 44


@pytest.fixture
def context_options() -> dict[str, Any]:
    return {"viewport": {"width": WIDTH, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def a_full_case(user: User):
    """A case with something in most sections, with long Khmer and Thai text (Thai has no spaces)."""
    actor = actor_of(user)
    case = services.case_open(
        actor=actor,
        title="Wages unpaid for three months and passports kept at a Rayong seafood plant",
        summary="ដាក់ពាក្យបណ្តឹងអំពីប្រាក់ឈ្នួលដែលមិនបានទូទាត់ និងលិខិតឆ្លងដែនដែលនិយោជកយកទុក",
        sector="C",
        work_province_id="TH-21",
        opened_on=dt.date(2026, 10, 1),
        assigned_to=user,
    )
    worker = person_create(actor=actor, name_latin="Sok Sreymom", name_km="សុខ ស្រីមុំ", name_th="สุข สรีมม")
    services.case_person_add(actor=actor, case=case, person=worker, role="worker")
    services.violation_add(
        actor=actor,
        case=case,
        type_code="LR-DOCUMENT-RETENTION",
        notes="นายจ้างยึดหนังสือเดินทางของคนงานทั้งหมดตั้งแต่เดือนมีนาคมและไม่ยอมคืน",
    )
    services.task_add(
        actor=actor, case=case, title="Call the employer about the passports", due_on=dt.date(2026, 1, 1), assignee=user
    )
    services.note_add(actor=actor, case=case, body="คนงานแจ้งว่าได้รับค่าจ้างต่ำกว่าค่าจ้างขั้นต่ำและถูกหักค่าที่พักโดยไม่มีสลิปเงินเดือน")
    return case


def overflowing(page: Page) -> list[str]:
    """The elements that stick out of the screen on the right, to name them when the page scrolls."""
    return page.evaluate(
        """width => [...document.body.querySelectorAll('*')]
            .filter(e => e.getBoundingClientRect().right > width + 0.5)
            .slice(0, 10)
            .map(e => `${e.tagName.toLowerCase()}.${e.className} → ${e.getBoundingClientRect().right}`)""",
        WIDTH,
    )


def small_targets(page: Page, selector: str) -> list[str]:
    small = []
    for element in page.locator(selector).all():
        box = element.bounding_box() if element.is_visible() else None
        if box is not None and box["height"] < TAP:
            small.append(f"{element.evaluate('e => e.outerHTML.slice(0, 80)')}: {box['height']:.1f} px")
    return small


@pytest.mark.parametrize("language", ["en", "km"])
def test_it_fits_a_small_phone_without_sideways_scrolling(page: Page, live_server, language: str):
    user = make_member(make_organisation("rayong-help"), "caseworker")
    case = a_full_case(user)
    base = live_server.url
    sign_in(page, base, user.email)
    User.objects.filter(pk=user.pk).update(preferred_language=language)

    for path in ("/", "/cases/", "/cases/new", f"/cases/{case.pk}/"):
        page.goto(f"{base}{path}")
        assert page.locator("html").get_attribute("lang") == language
        scroll_width = page.evaluate("document.documentElement.scrollWidth")
        assert scroll_width <= WIDTH, f"{path} scrolls sideways ({scroll_width} px): {overflowing(page)}"

    assert small_targets(page, "button, .button") == []


def test_it_gives_the_add_toggles_of_a_case_a_thumb_sized_target(page: Page, live_server):
    user = make_member(make_organisation("rayong-help"), "caseworker")
    case = a_full_case(user)
    sign_in(page, live_server.url, user.email)

    page.goto(f"{live_server.url}/cases/{case.pk}/")

    assert small_targets(page, "main details > summary") == []
