import datetime as dt

import pytest

from conftest import actor_of, make_member, make_organisation
from corridor.cases import services
from tests.browser.conftest import sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture
def context_options():
    return {"viewport": {"width": 360, "height": 740}, "device_scale_factor": 2, "is_mobile": True, "has_touch": True}


def test_explore(page, live_server):
    user = make_member(make_organisation("rayong-help"), "caseworker")
    actor = actor_of(user)
    case = services.case_open(actor=actor, title="Wages and passport withheld at a Rayong seafood plant for three months",
                              sector="C", work_province_id="TH-21", opened_on=dt.date(2026, 10, 1), assigned_to=user)
    services.violation_add(actor=actor, case=case, type_code="LR-DOCUMENT-RETENTION", notes="held since March")
    services.task_add(actor=actor, case=case, title="Call the employer", due_on=dt.date(2026, 1, 1), assignee=user)
    sign_in(page, live_server.url, user.email)
    page.goto(f"{live_server.url}/cases/{case.pk}/")
    print(page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth, getComputedStyle(document.documentElement).fontSize]"))
    for sel in ["main .button", "main button", "header button", "main summary", "header a", "nav a", "main a"]:
        for el in page.locator(sel).all():
            if el.is_visible():
                box = el.bounding_box()
                print(sel, repr(el.inner_text()[:40]), box["width"], box["height"])
    wide = page.evaluate("""[...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > 360).map(e => e.tagName + '.' + e.className + ' ' + e.getBoundingClientRect().right).slice(0, 20)""")
    print(wide)
