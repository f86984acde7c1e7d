"""The screening and claim journey in a real browser, in Thai: a caseworker runs the ILO–EC assessment,
watches the result change as she answers, saves it, and finds the result with its explanation on the
case; then prints the wage claim, whose PDF carries Thai and Khmer text in the Noto fonts.

Elements are found by names, values and hrefs; expected texts come from the instrument data and the
catalogues, so the test reads whatever the Thai wording is today."""

from __future__ import annotations

import datetime as dt
import io

import pytest
from django.urls import reverse
from django.utils import translation
from playwright.sync_api import Page, expect
from pypdf import PdfReader

from conftest import actor_of, make_member, make_organisation
from corridor.cases.services import case_open, case_person_add
from corridor.people.services import person_create
from corridor.rights.services import wage_claim_save
from corridor.rights.tests import RAYONG, facts, month
from corridor.screening.instruments import latest
from corridor.screening.models import Assessment
from tests.browser.conftest import artifacts_dir, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

DECEPTIVE_TRAFFICKING = [
    "DELPHI-AL-DR-01",
    "DELPHI-AL-DR-08",
    "DELPHI-AL-EX-01",
    "DELPHI-AL-EX-04",
    "DELPHI-AL-CD-01",
    "DELPHI-AL-CD-14",
]


def in_thai(text: object) -> str:
    with translation.override("th"):
        return str(text)


def test_it_screens_a_case_in_thai_and_prints_the_claim(page: Page, live_server, request):
    organisation = make_organisation("rayong-help")
    caseworker = make_member(organisation, "caseworker", email="dara@rayong-help.example.org")
    caseworker.preferred_language = "th"
    caseworker.save(update_fields=["preferred_language"])
    actor = actor_of(caseworker)
    case = case_open(
        actor=actor,
        title="Passport kept at a Rayong seafood plant",
        sector="C",
        work_province_id=RAYONG,
        opened_on=dt.date(2026, 11, 2),
    )
    worker = person_create(actor=actor, name_latin="Sok Sreymom", name_km="សុខ ស្រីមុំ", estimated_age=27)
    case_person_add(actor=actor, case=case, person=worker, role="worker")
    delphi = latest("ilo-ec-adult-labour")
    base = live_server.url

    sign_in(page, base, caseworker.email)
    page.goto(f"{base}{reverse('cases:detail', args=[case.pk])}")
    expect(page.locator("html")).to_have_attribute("lang", "th")
    with page.expect_navigation():
        page.click(f"a[href='{reverse('screening:list', args=[case.pk])}']")
    with page.expect_navigation():
        page.click(f"a[href='{reverse('screening:new', args=[case.pk, delphi.code])}']")

    expect(page.get_by_text(delphi.by_id["DELPHI-AL-CD-01"].question.th)).to_be_visible()
    # The worker's estimated age (27) answers "was the person a child" before anyone asks.
    expect(page.locator("input[name=answer_child][value=no]")).to_be_checked()
    page.check("input[name=answer_act][value=yes]")
    for indicator_id in DECEPTIVE_TRAFFICKING:
        page.check(f"input[name='answer_{indicator_id}'][value=yes]")
    # The live panel follows the answers without a page load.
    expect(page.locator("#live-result .result--positive")).to_be_visible()
    expect(page.locator("#live-result")).to_contain_text(delphi.by_id["DELPHI-AL-CD-01"].label.th)
    page.fill("input[name='note_DELPHI-AL-CD-01']", "หัวหน้างานเก็บพาสปอร์ตไว้")

    with page.expect_navigation():
        page.click("button[name=action][value=save]")
    assessment = Assessment.objects.get(case=case)
    assert assessment.status == "positive"
    assert assessment.answers["DELPHI-AL-CD-01"] == {"answer": "yes", "note": "หัวหน้างานเก็บพาสปอร์ตไว้"}
    expect(page.locator(".result--positive .result__lines")).to_contain_text(delphi.dimension("DR").label.th)
    expect(page.locator(".result--positive")).to_contain_text(delphi.finding.th)

    page.goto(f"{base}{reverse('cases:detail', args=[case.pk])}")
    section = page.locator("#screening")
    expect(section.locator(f"a[href='{reverse('screening:detail', args=[case.pk, assessment.pk])}']")).to_have_text(
        delphi.title.th
    )
    expect(section.locator(".badge--positive")).to_be_visible()
    page.screenshot(path=str(artifacts_dir(request.config) / "screening-case-th.png"), full_page=True)

    claim = wage_claim_save(actor=actor, case=case, facts=facts(month(2025, 7, wages_paid=7800), province=RAYONG))
    for language, word, font in (("th", "ค่าจ้าง", "Noto-Sans-Thai"), ("km", "ប្រាក់ឈ្នួល", "Noto-Sans-Khmer")):
        response = page.request.get(f"{base}{reverse('rights:pdf', args=[case.pk, claim.pk])}?language={language}")
        assert response.status == 200
        reader = PdfReader(io.BytesIO(response.body()))
        text = "".join(pdf_page.extract_text() for pdf_page in reader.pages)
        assert word in text, language
        embedded = {str(f.get_object()["/BaseFont"]) for p in reader.pages for f in p["/Resources"]["/Font"].values()}
        assert any(font in name for name in embedded), embedded
