"""The cross-border referral journey in a real browser: a Thai NGO's caseworker refers a worker who gave
informed consent to a Cambodian legal-aid NGO from the case page; the Cambodian caseworker, working in
Khmer, finds the referral, sees no personal details until she accepts it, then sees exactly the shared
fields (and not the passport number, which was not shared), and records the outcome in Khmer; the
sender finds the service completed and the Khmer message in the referral's history.

The receiver's page is found by names, values, ids and hrefs, never by English text, so the journey runs
in Khmer whatever the state of the Khmer catalogue. Only data (names, the message) is asserted as text
there; the sender works in English and her page is read through the labels of the models."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse
from django.utils import timezone, translation
from playwright.sync_api import Page, expect

from conftest import actor_of, make_member, make_organisation
from corridor.cases.services import case_open, case_person_add
from corridor.people.models import INFORMED_CONSENT_CHECKS
from corridor.people.services import consent_record, identifier_add, person_create
from corridor.referrals.catalogue import ReferralType, SharedField
from corridor.referrals.models import Referral, ReferralStatus, ServiceOutcome, UpdateKind
from tests.browser.conftest import TIMEOUT_MS, artifacts_dir, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

WORKER_LATIN = "Sok Dara"
WORKER_KM = "សុខ ដារា"
PASSPORT = "N1234567"
CASE_TITLE = "Wages withheld at a Rayong seafood plant"
MESSAGE = "Needs a lawyer for three months of unpaid wages; call after 6 pm."
OUTCOME_KM = "បានដាក់ពាក្យបណ្តឹងនៅតុលាការការងារ"
REFERRAL_URL = re.compile(r"/referrals/[0-9a-f-]{36}/$")


def in_english(text: object) -> str:
    with translation.override("en"):
        return str(text)


def test_it_refers_a_worker_across_the_border_and_hears_back_in_khmer(page: Page, live_server, request):
    sender_org = make_organisation("rayong-help")
    receiver_org = make_organisation("phnom-legal", country="KH")
    caseworker = make_member(sender_org, "caseworker", email="dara@rayong-help.example.org")
    lawyer = make_member(receiver_org, "caseworker", email="sophea@phnom-legal.example.org")
    lawyer.preferred_language = "km"
    lawyer.save(update_fields=["preferred_language"])
    actor = actor_of(caseworker)
    case = case_open(actor=actor, title=CASE_TITLE, sector="C", work_province_id="TH-21")
    worker = person_create(actor=actor, name_latin=WORKER_LATIN, name_km=WORKER_KM, estimated_age=24)
    case_person_add(actor=actor, case=case, person=worker, role="worker")
    identifier_add(actor=actor, person=worker, kind="passport", value=PASSPORT)
    for purpose, organisations in (("services", []), ("sharing", [receiver_org])):
        consent_record(
            actor=actor,
            person=worker,
            purpose=purpose,
            method="spoken",
            given_on=timezone.localdate(),
            checks=[name for name, _label in INFORMED_CONSENT_CHECKS],
            organisations=organisations,
        )
    base = live_server.url

    # 1. The Thai caseworker refers the worker from the case page.
    sign_in(page, base, caseworker.email)
    page.goto(f"{base}{reverse('cases:detail', args=[case.pk])}")
    refer = page.locator(f"a[href='{reverse('referral_new', args=[case.pk])}']")
    expect(refer).to_have_text("Refer to another organisation")
    with page.expect_navigation():
        refer.click()
    page.select_option("select[name=person]", str(worker.pk))
    page.select_option("select[name=receiver]", str(receiver_org.pk))
    # Choosing a type redraws its fields over htmx: wait for that answer before going on.
    with page.expect_response(lambda response: response.request.method == "POST" and "/referrals/new" in response.url):
        page.select_option("select[name=referral_type]", ReferralType.LEGAL_AID.value)
    expect(page.locator("select[name=referral_type] option:checked")).to_have_text(
        in_english(ReferralType.LEGAL_AID.label)
    )
    # The type's defaults are checked; the passport number is offered but not shared unless chosen.
    for field in (SharedField.NAMES, SharedField.CONTACT, SharedField.SUMMARY):
        expect(page.locator(f"input[type=checkbox][value='{field.value}']")).to_be_checked()
    expect(page.locator(f"input[type=checkbox][value='{SharedField.ID_NUMBERS.value}']")).not_to_be_checked()
    page.fill("textarea[name=message]", MESSAGE)
    send = page.locator("button[name=action][value=send]")
    expect(send).to_have_text("Send referral")
    with page.expect_navigation(url=REFERRAL_URL):
        send.click()
    referral = Referral.objects.get()
    assert page.url == f"{base}{reverse('referrals:detail', args=[referral.pk])}"
    assert (referral.sender_id, referral.receiver_id, referral.person_id) == (sender_org.pk, receiver_org.pk, worker.pk)
    assert referral.type == ReferralType.LEGAL_AID and SharedField.ID_NUMBERS not in referral.fields
    expect(page.locator(".page-header .badge")).to_have_text(in_english(ReferralStatus.PENDING.label))
    referral_path = reverse("referrals:detail", args=[referral.pk])

    # 2. The Cambodian caseworker, in Khmer, finds it and sees no personal details before accepting.
    desk_context = page.context.browser.new_context(
        locale="en-GB", timezone_id="Asia/Phnom_Penh", viewport={"width": 1280, "height": 900}
    )
    desk_context.set_default_timeout(TIMEOUT_MS)
    desk = desk_context.new_page()
    try:
        sign_in(desk, base, lawyer.email)
        expect(desk.locator("html")).to_have_attribute("lang", "km")
        expect(desk.locator(f"main a[href='{reverse('referrals:list')}?status=open']")).to_be_visible()
        with desk.expect_navigation():
            desk.click(f"nav a[href='{reverse('referrals:list')}']")
        with desk.expect_navigation(url=REFERRAL_URL):
            desk.click(f"main table a[href='{referral_path}']")
        expect(desk.locator("html")).to_have_attribute("lang", "km")
        expect(desk.locator("section[aria-labelledby=about-title] p.prewrap")).to_have_text(MESSAGE)
        expect(desk.locator("#shared")).to_be_visible()
        expect(desk.locator("#shared dd")).to_have_count(0)
        expect(desk.locator("body")).not_to_contain_text(WORKER_LATIN)
        expect(desk.locator("body")).not_to_contain_text(WORKER_KM)
        assert PASSPORT not in desk.content()

        # 3. She accepts: the shared fields appear, the passport number (not shared) nowhere.
        accept = desk.locator("#respond details").filter(has=desk.locator("input[name=kind][value=accepted]"))
        accept.locator("summary").click()
        with desk.expect_navigation(url=REFERRAL_URL):
            accept.locator("form button[type=submit]").click()
        expect(desk.locator("html")).to_have_attribute("lang", "km")
        expect(desk.locator(".page-header .badge--accepted")).to_be_visible()
        shared = desk.locator("#shared")
        expect(shared).to_contain_text(WORKER_LATIN)
        expect(shared).to_contain_text(CASE_TITLE)
        # Marked as Khmer, so the browser shapes it with a Khmer font.
        expect(shared.locator("dd[lang=km]")).to_have_text(WORKER_KM)
        expect(desk.locator("body")).not_to_contain_text(PASSPORT)
        assert PASSPORT not in desk.content()
        desk.screenshot(path=artifacts_dir(request.config) / "referral-accepted-km.png", full_page=True)

        # 4. She records the outcome, writing in Khmer.
        complete = desk.locator("#respond details").filter(has=desk.locator("input[name=kind][value=completed]"))
        complete.locator("summary").click()
        complete.locator("select[name=outcome]").select_option(ServiceOutcome.PROVIDED.value)
        complete.locator("textarea[name=text]").fill(OUTCOME_KM)
        with desk.expect_navigation(url=REFERRAL_URL):
            complete.locator("form button[type=submit]").click()
        expect(desk.locator(".page-header .badge--completed")).to_be_visible()
        expect(desk.locator("#updates li").filter(has_text=OUTCOME_KM)).to_have_count(1)
        expect(desk.locator("#respond")).to_have_count(0)
    finally:
        desk_context.close()
    referral.refresh_from_db()
    assert referral.status == ReferralStatus.COMPLETED
    last = referral.updates.order_by("-created_at").first()
    assert (last.kind, last.outcome, last.text) == (UpdateKind.COMPLETED, ServiceOutcome.PROVIDED, OUTCOME_KM)

    # 5. The Thai caseworker sees the service completed and the Khmer message in the history.
    page.reload()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator(".page-header .badge")).to_have_text(in_english(ReferralStatus.COMPLETED.label))
    done = page.locator("#updates li").filter(has_text=OUTCOME_KM)
    expect(done).to_have_count(1)
    expect(done).to_contain_text(in_english(UpdateKind.COMPLETED.label))
    expect(done.locator(f".badge--{ServiceOutcome.PROVIDED.value}")).to_have_text(
        in_english(ServiceOutcome.PROVIDED.label)
    )
