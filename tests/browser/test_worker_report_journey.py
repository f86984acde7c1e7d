"""The worker's journey, end to end in a real browser on a phone-sized screen: a report sent in Khmer,
checked with the tracking code and PIN, triaged into a case by an intake officer, and the worker's
status page then showing the case stage, in Khmer."""

from __future__ import annotations

from typing import Any

import pytest
from django.utils.translation import gettext, override
from playwright.sync_api import Page

from conftest import make_member, make_organisation
from corridor.intake.models import Report, RoutingRule
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def context_options() -> dict[str, Any]:
    return {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def khmer(text: str) -> str:
    with override("km"):
        translated = gettext(text)
    assert translated != text, f"no Khmer translation for {text!r}"
    return translated


def test_it_takes_a_khmer_report_through_triage_to_a_case(page: Page, live_server: Any):
    organisation = make_organisation("rayong-help")
    RoutingRule.objects.create(organisation=organisation, language="km")
    officer = make_member(organisation, "intake_officer")
    base = live_server.url

    page.goto(f"{base}/report/")
    page.click(".language-choice button[lang=km]")
    assert page.locator("html").get_attribute("lang") == "km"
    page.check("input[name=concerns][value=documents_taken]")
    page.check("input[name=concerns][value=not_paid]")
    page.fill("textarea[name=details]", "ថៅកែយកលិខិតឆ្លងដែនរបស់ខ្ញុំ ហើយមិនបើកប្រាក់ខែពីរខែហើយ")
    page.click("button[value=next]")
    page.select_option("select[name=province]", "TH-21")
    page.fill("input[name=workplace_name]", "រោងចក្រអាហារសមុទ្ររយ៉ង")
    page.check("input[name=happened][value=ongoing]")
    page.click("button[value=next]")
    page.check("input[name=contact_method][value=none]")
    page.click("button[value=next]")
    assert khmer("Your answers") in page.content()
    page.click("button[value=send]")
    code = page.inner_text("#tracking-code").strip()
    pin = page.inner_text("#tracking-pin").strip()
    page.screenshot(path="test-artifacts/worker-report-received-km.png", full_page=True)

    page.goto(f"{base}/report/status")
    page.fill("input[name=code]", code)
    page.fill("input[name=pin]", pin)
    page.click("form[action='/report/status'] button[type=submit]")
    assert khmer("We received your report. A caseworker will read it soon.") in page.inner_text("#stage")

    officer_context = page.context.browser.new_context(viewport={"width": 1280, "height": 900})
    desk = officer_context.new_page()
    try:
        sign_in(desk, base, officer.email)
        desk.goto(f"{base}/intake/")
        desk.click(f"text={code}")
        desk.fill("input[name=title]", "Passport kept, wages unpaid")
        desk.click("form[action$='/open-case'] button[type=submit]")
        assert "/cases/" in desk.url
    finally:
        officer_context.close()
    report = Report.objects.get()
    assert report.status == "linked" and report.case.title == "Passport kept, wages unpaid"

    page.goto(f"{base}/report/status")
    page.fill("input[name=code]", code)
    page.fill("input[name=pin]", pin)
    page.click("form[action='/report/status'] button[type=submit]")
    stage = page.inner_text("#stage")
    assert khmer("A caseworker is working on it") in stage
    assert "Passport kept" not in page.content()
    assert page.evaluate("document.documentElement.scrollWidth") <= 360
    page.screenshot(path="test-artifacts/worker-status-case-km.png", full_page=True)
