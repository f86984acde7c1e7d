"""A caseworker opens a case with its worker, records what happened, and sees it in the history."""

import pytest
from django.urls import reverse

from corridor.audit.models import AuditEntry
from corridor.cases.models import Case

pytestmark = pytest.mark.django_db


def test_it_opens_a_case_with_its_worker(caseworker, client_of):
    client = client_of(caseworker)
    assert client.get(reverse("cases:open")).status_code == 200
    response = client.post(
        reverse("cases:open"),
        {
            "title": "Passport kept by employer",
            "summary": "",
            "sensitivity": "standard",
            "sector": "C",
            "work_province": "TH-21",
            "opened_on": "2026-11-01",
            "assigned_to": caseworker.pk,
            "worker_name_km": "សុខ ស្រីមុំ",
            "worker_name_latin": "Sok Sreymom",
            "worker_name_th": "",
            "worker_gender": "Feminine",
        },
    )
    case = Case.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("cases:detail", args=[case.pk])
    assert case.reference.startswith("RAYONG-2026-")
    assert case.person_links.get().person.name_km == "សុខ ស្រីមុំ"
    page = client.get(response["Location"])
    assert "សុខ ស្រីមុំ" in page.content.decode()
    assert AuditEntry.objects.filter(case_id=case.pk, action="view").count() == 1


def test_it_keeps_input_and_explains_errors_when_opening_fails(caseworker, client_of):
    response = client_of(caseworker).post(
        reverse("cases:open"),
        {
            "title": "",
            "sensitivity": "standard",
            "opened_on": "2999-01-01",
            "worker_gender": "Feminine",
            "worker_name_latin": "Chan Dara",
        },
    )
    assert response.status_code == 422
    body = response.content.decode()
    assert "Chan Dara" in body and "This field is required." in body
    assert not Case.objects.exists()


def test_it_adds_a_violation_and_a_task_and_shows_them_in_the_history(a_case, caseworker, client_of):
    client = client_of(caseworker)
    detail = reverse("cases:detail", args=[a_case.pk])
    response = client.post(
        reverse("cases:violation_add", args=[a_case.pk]),
        {"type": "LR-DOCUMENT-RETENTION", "notes": "Employer holds passport"},
    )
    assert response.status_code == 302
    response = client.post(
        reverse("cases:task_add", args=[a_case.pk]),
        {"title": "Ask the employer to return the passport", "due_on": "2026-12-01", "assignee": caseworker.pk},
    )
    assert response.status_code == 302
    body = client.get(detail).content.decode()
    assert "Ask the employer to return the passport" in body
    history = body[body.index('id="history"') :]
    assert "Employer holds passport" in history and "Ask the employer to return the passport" in history


def test_it_refuses_a_duplicate_violation_with_a_message(a_case, caseworker, client_of):
    client = client_of(caseworker)
    url = reverse("cases:violation_add", args=[a_case.pk])
    client.post(url, {"type": "LR-UNPAID-WAGES"})
    response = client.post(url, {"type": "LR-UNPAID-WAGES"})
    assert response.status_code == 422
    assert "already recorded" in response.content.decode()
    assert a_case.violations.count() == 1


def test_it_changes_status_through_htmx_and_returns_the_panel(a_case, caseworker, client_of):
    response = client_of(caseworker).post(
        reverse("cases:status", args=[a_case.pk]),
        {"status": "active", "reason": "", "version": 1},
        headers={"HX-Request": "true"},
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="case-panel"' in body and "<html" not in body
    a_case.refresh_from_db()
    assert a_case.status == "active"


def test_it_refuses_a_stale_status_change_with_a_clear_message(a_case, caseworker, client_of):
    client = client_of(caseworker)
    client.post(reverse("cases:status", args=[a_case.pk]), {"status": "active", "version": 1})
    response = client.post(
        reverse("cases:status", args=[a_case.pk]), {"status": "closed", "reason": "done", "version": 1}
    )
    assert response.status_code == 422
    assert "Someone else changed this case" in response.content.decode()
    a_case.refresh_from_db()
    assert a_case.status == "active"


def test_it_lists_and_filters_cases(a_case, caseworker, client_of):
    client = client_of(caseworker)
    assert a_case.reference in client.get(reverse("cases:list")).content.decode()
    assert a_case.reference not in client.get(reverse("cases:list") + "?status=closed").content.decode()
    empty = client.get(reverse("cases:list") + "?q=nobody-by-this-name").content.decode()
    assert "No cases match" in empty
