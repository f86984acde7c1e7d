"""audit_verify detects entries changed or removed behind the application's back."""

import pytest
from django.core.management import CommandError, call_command
from django.db import DatabaseError, connection, transaction

from conftest import actor_of
from corridor.audit.models import AppendOnlyError, AuditEntry
from corridor.audit.services import audit_record
from corridor.audit.verify import audit_chain_verify


def _write_three(user):
    actor = actor_of(user)
    return [audit_record(actor=actor, action="view", summary=f"entry {n}") for n in range(3)]


def _drop_guard():
    """What someone with the database owner's password could do."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DROP TRIGGER audit_entry_no_update")
        else:
            cursor.execute("DROP TRIGGER audit_entry_no_change ON audit_auditentry")


@pytest.mark.django_db
def test_it_passes_on_an_untouched_chain(caseworker, capsys):
    _write_three(caseworker)
    call_command("audit_verify")
    assert "intact" in capsys.readouterr().out


@pytest.mark.django_db
def test_it_refuses_updates_in_the_application_and_the_database(caseworker):
    entry = _write_three(caseworker)[1]
    entry.summary = "rewritten"
    with pytest.raises(AppendOnlyError):
        entry.save()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET summary = 'rewritten' WHERE id = %s", [entry.pk])


@pytest.mark.django_db
def test_it_fails_after_a_row_is_modified_by_hand(caseworker):
    entry = _write_three(caseworker)[1]
    _drop_guard()
    with connection.cursor() as cursor:
        cursor.execute("UPDATE audit_auditentry SET summary = 'nothing to see' WHERE id = %s", [entry.pk])
    result = audit_chain_verify()
    assert not result.ok and result.entry_id == entry.pk
    with pytest.raises(CommandError, match="NOT intact"):
        call_command("audit_verify")


@pytest.mark.django_db
def test_it_fails_after_a_row_is_deleted_by_hand(caseworker):
    entries = _write_three(caseworker)
    _drop_guard()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM audit_auditentry WHERE id = %s", [entries[1].pk])
    result = audit_chain_verify()
    assert not result.ok and result.entry_id == entries[2].pk
    assert AuditEntry.objects.count() >= 2
