"""Status changes follow the transition table, closing needs a reason, and HTCDS status maps."""

import pytest
from django.core.exceptions import ValidationError

from conftest import actor_of
from corridor.audit.models import AuditEntry
from corridor.cases.lifecycle import HTCDS_STATUS, TRANSITIONS, CaseStatus
from corridor.cases.services import case_change_status

pytestmark = pytest.mark.django_db


def test_it_maps_every_status_to_an_htcds_value():
    assert set(HTCDS_STATUS) == set(CaseStatus.values) == set(TRANSITIONS)
    assert set(HTCDS_STATUS.values()) <= {"Active", "FollowUp", "Closed", "ClosedReferred"}


def test_it_moves_a_new_case_to_active_and_records_old_and_new(a_case, caseworker):
    case = case_change_status(actor=actor_of(caseworker), case=a_case, version=a_case.version, status="active")
    assert case.status == "active" and case.version == 2
    entry = AuditEntry.objects.filter(case_id=a_case.pk, action="update").first()
    assert entry.changes["status"] == ["new", "active"]


def test_it_refuses_a_transition_not_in_the_table(a_case, caseworker):
    with pytest.raises(ValidationError) as error:
        case_change_status(actor=actor_of(caseworker), case=a_case, version=1, status="follow_up")
    assert "status" in error.value.message_dict
    a_case.refresh_from_db()
    assert a_case.status == "new" and a_case.version == 1


def test_it_needs_a_reason_to_close_and_sets_the_closing_date(a_case, caseworker):
    actor = actor_of(caseworker)
    with pytest.raises(ValidationError):
        case_change_status(actor=actor, case=a_case, version=1, status="closed", reason="  ")
    case = case_change_status(actor=actor, case=a_case, version=1, status="closed", reason="Worker unreachable")
    assert case.closed_on is not None
    case = case_change_status(actor=actor, case=case, version=case.version, status="active")
    case.refresh_from_db()
    assert case.closed_on is None and case.status == "active"
