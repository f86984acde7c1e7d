import pytest
from django.db import connection

from corridor.audit.models import AuditEntry
from corridor.intake.models import Report, RoutingRule
from corridor.intake.tests.flow import code_and_pin, submit_report


@pytest.fixture
def routed(org):
    RoutingRule.objects.create(organisation=org, province=None, language="")
    return org


def test_it_walks_four_steps_and_shows_a_code_and_pin_once(client, routed):
    response = submit_report(
        client,
        language="km",
        concerns=["documents_taken", "not_paid"],
        details="ថៅកែយកលិខិតឆ្លងដែនខ្ញុំ",
        province="TH-21",
        workplace_name="Rayong Seafood",
        happened="ongoing",
        workers_affected="6-20",
        contact_method="phone",
        contact_value="081 234 5678",
        reporter_name="ស្រីមុំ",
    )
    assert response.status_code == 200
    code, pin = code_and_pin(response.content.decode())
    report = Report.objects.get()
    assert report.display_code == code and len(pin) == 6
    assert pin not in report.pin_digest
    assert report.organisation == routed and report.language == "km"
    assert report.concerns == ["documents_taken", "not_paid"]
    assert report.contact_value == "0812345678" and report.province_id == "TH-21"
    assert "no-store" in response["Cache-Control"]


def test_it_keeps_free_text_and_contact_encrypted_at_rest(client, routed):
    submit_report(
        client, concerns=["other"], details="secret words here", contact_method="line", contact_value="mom.line"
    )
    with connection.cursor() as cursor:
        cursor.execute("SELECT details, contact_value FROM intake_report")
        details, contact = cursor.fetchone()
    assert b"secret words" not in bytes(details) and b"mom.line" not in bytes(contact)


def test_it_writes_no_client_address_into_the_audit_log(client, routed):
    submit_report(client, concerns=["threats"])
    entry = AuditEntry.objects.get(object_type="intake.report")
    assert entry.ip_address == "" and entry.actor_label == "public:web"
