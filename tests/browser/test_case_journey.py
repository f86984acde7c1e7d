"""The acceptance journey in a real browser: a caseworker of an organisation that requires a second
factor signs in with password and TOTP, switches to Khmer, opens a case for a worker named in Khmer
script, records a violation and a task, moves the case to active without leaving the page, and finds
all of it in the case history.

Elements are found by names, ids, values and hrefs, never by English text, so the journey runs in
Khmer whatever the state of the Khmer catalogue."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy
from playwright.sync_api import Page, expect

from conftest import make_member, make_organisation
from corridor.accounts.models import User
from corridor.cases.lifecycle import CaseStatus
from corridor.cases.models import Case, ViolationType
from tests.browser.conftest import artifacts_dir, give_totp, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORKER_KM = "សុខ ស្រីមុំ"
WORKER_LATIN = "Sok Sreymom"
CASE_TITLE = "Passport kept by a Rayong seafood plant"
TASK_TITLE = "Call the employer about the passport"
VIOLATION = "LR-DOCUMENT-RETENTION"
CASE_URL = re.compile(r"/cases/[0-9a-f-]{36}/(#.*)?$")


def in_khmer(text: object) -> str:
    with translation.override("km"):
        return str(text)


def exactly(text: str) -> re.Pattern[str]:
    return re.compile(rf"^\s*{re.escape(text)}\s*$")


def test_it_takes_a_caseworker_from_sign_in_to_a_recorded_case_in_khmer(page: Page, live_server, request):
    organisation = make_organisation("rayong-help", require_mfa=True)
    caseworker = make_member(organisation, "caseworker", email="dara@rayong-help.example.org")
    colleague = make_member(organisation, "caseworker", email="vanna@rayong-help.example.org")
    secret = give_totp(caseworker)
    base = live_server.url

    sign_in(page, base, caseworker.email, totp_secret=secret)

    with page.expect_navigation():
        page.click(".lang-switch button[value=km]")
    expect(page.locator("html")).to_have_attribute("lang", "km")
    expect(page.locator(".lang-switch button[value=km]")).to_have_attribute("aria-current", "true")
    expect(page.locator(".lang-switch button[value=en]")).not_to_have_attribute("aria-current", "true")
    # Whatever the Khmer catalogue holds today: the heading is what it says for "My work".
    expect(page.locator("h1")).to_have_text(in_khmer(gettext_lazy("My work")))
    assert User.objects.get(pk=caseworker.pk).preferred_language == "km"

    with page.expect_navigation():
        page.click("a[href='/cases/new']")
    page.fill("input[name=title]", CASE_TITLE)
    page.select_option("select[name=work_province]", "TH-21")  # Rayong
    page.fill("input[name=worker_name_km]", WORKER_KM)
    page.fill("input[name=worker_name_latin]", WORKER_LATIN)
    with page.expect_navigation(url=CASE_URL):
        page.click("main form[method=post] .form-actions button[type=submit]")
    expect(page.locator("html")).to_have_attribute("lang", "km")
    case = Case.objects.get(title=CASE_TITLE)
    assert case.organisation_id == organisation.pk
    assert case.work_province_id == "TH-21"
    expect(page.locator("h1")).to_have_text(CASE_TITLE)

    violations = page.locator("#violations")
    violations.locator("details > summary").click()
    violation_form = violations.locator("form[action$='/violations']")
    violation_form.locator("select[name=type]").select_option(VIOLATION)
    violation_form.locator("textarea[name=notes]").fill("Employer has held her passport since March.")
    with page.expect_navigation(url=CASE_URL):
        violation_form.locator("button[type=submit]").click()
    violation_name = in_khmer(ViolationType.objects.get(code=VIOLATION))
    expect(page.locator("#violations li").filter(has_text=violation_name)).to_have_count(1)

    due_on = timezone.localdate() + dt.timedelta(days=7)
    tasks = page.locator("#tasks")
    tasks.locator("details > summary").click()
    task_form = tasks.locator("form[action$='/tasks']")
    task_form.locator("input[name=title]").fill(TASK_TITLE)
    task_form.locator("input[name=due_on]").fill(due_on.isoformat())
    task_form.locator("select[name=assignee]").select_option(str(colleague.pk))
    with page.expect_navigation(url=CASE_URL):
        task_form.locator("button[type=submit]").click()
    expect(page.locator("#tasks li").filter(has_text=TASK_TITLE)).to_have_count(1)
    task = case.tasks.get()
    assert (task.title, task.due_on, task.assignee_id) == (TASK_TITLE, due_on, colleague.pk)

    # htmx swaps #case-panel in place: a mark left on `window` survives only if no page load happened.
    panel = page.locator("#case-panel")
    expect(panel.locator(".badge--new")).to_be_visible()
    page.evaluate("window.corridorStillHere = true")
    panel.locator("select[name=status]").select_option(CaseStatus.ACTIVE.value)
    with page.expect_response(lambda r: r.url.endswith("/status") and r.request.method == "POST") as answer:
        panel.locator("form[action$='/status'] button[type=submit]").click()
    assert answer.value.request.headers.get("hx-request") == "true"
    expect(panel.locator(".badge--active")).to_have_text(in_khmer(CaseStatus.ACTIVE.label))
    expect(panel.locator(".badge--new")).to_have_count(0)
    assert page.evaluate("window.corridorStillHere") is True
    assert Case.objects.get(pk=case.pk).status == CaseStatus.ACTIVE

    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "km")
    rows = page.locator("#history ol.timeline > li")
    expect(rows.filter(has_text=violation_name)).to_have_count(1)
    expect(rows.filter(has_text=TASK_TITLE)).to_have_count(1)
    old = page.locator("del", has_text=exactly(in_khmer(CaseStatus.NEW.label)))
    new = page.locator("ins", has_text=exactly(in_khmer(CaseStatus.ACTIVE.label)))
    expect(rows.locator("li").filter(has=old).filter(has=new)).to_have_count(1)

    # Marked as Khmer, so the browser shapes it with a Khmer font.
    expect(page.locator("#people li span[lang=km]")).to_have_text(WORKER_KM)
    page.screenshot(path=artifacts_dir(request.config) / "case-khmer.png", full_page=True)
