"""Two Corridor servers, each its own process and database, exchange a referral over HTTP on 127.0.0.1:
a Thai NGO on node A refers a worker to a Cambodian legal-aid NGO on node B; B accepts and records the
outcome; A sees it. With B stopped, A's next referral waits in the outbox and arrives once B is back.
A replayed message and a tampered one are rejected by B."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from bench.twonodes import Node, migrate_all
from corridor.referrals.federation.envelope import seal

pytestmark = [pytest.mark.django_db(transaction=True, serialized_rollback=True), pytest.mark.own_servers]

SETUP_B = """
import json
from corridor.accounts.models import Organisation
from corridor.accounts.services import api_token_create
from conftest import actor_of, make_member
org = Organisation.objects.create(slug="phnom-legal", name_en="Phnom Penh Legal Aid", name_km="ជំនួយផ្លូវច្បាប់",
    country="KH", type="LegalService", case_prefix="PPL", require_mfa=False, listed_for_peers=True)
admin = make_member(org, "org_admin")
_, token = api_token_create(actor=actor_of(admin), name="test", role="caseworker")
print(json.dumps({"token": token, "org": str(org.pk)}))
"""

SETUP_A = """
import datetime as dt, json
from corridor.accounts.models import Organisation
from corridor.accounts.services import api_token_create
from corridor.cases.services import case_open, case_person_add
from corridor.people.models import INFORMED_CONSENT_CHECKS
from corridor.people.services import consent_record, person_create
from conftest import actor_of, make_member
org = Organisation.objects.create(slug="rayong-help", name_en="Rayong Migrant Help", country="TH", type="NGO",
    case_prefix="RMH", require_mfa=False)
worker = make_member(org, "caseworker")
actor = actor_of(worker)
case = case_open(actor=actor, title="Unpaid wages at a Rayong plant", opened_on=dt.date(2026, 10, 1))
people = []
for name in ("Sok Dara", "Chan Sophea"):
    person = person_create(actor=actor, name_latin=name, home_province_id="KH-14")
    case_person_add(actor=actor, case=case, person=person, role="worker")
    checks = [n for n, _ in INFORMED_CONSENT_CHECKS]
    given = dict(method="spoken", given_on=dt.date(2026, 10, 2), checks=checks)
    consent_record(actor=actor, person=person, purpose="services", **given)
    consent_record(actor=actor, person=person, purpose="sharing", countries=["KH"], **given)
    people.append(str(person.pk))
admin = make_member(org, "org_admin")
_, token = api_token_create(actor=actor_of(admin), name="test", role="caseworker")
print(json.dumps({"token": token, "case": str(case.pk), "people": people, "org": str(org.pk)}))
"""

RECEIVER_ON_A = """
from corridor.referrals.models import RemoteOrganisation
print(RemoteOrganisation.objects.get(organisation__name_en="Phnom Penh Legal Aid").organisation_id)
"""

OUTBOX_ON_A = """
import json
from corridor.referrals.models import FederationMessage
out = FederationMessage.objects.filter(direction="out")
print(json.dumps([[m.status, m.attempts, m.last_error[:40]] for m in out]))
"""


def test_two_nodes_exchange_a_referral_and_survive_an_outage(tmp_path: Path):
    a, b = Node(tmp_path, "a"), Node(tmp_path, "b")
    try:
        migrate_all(a, b)
        b_data = json.loads(b.shell(SETUP_B))
        a_data = json.loads(a.shell(SETUP_A))
        a.start()
        b.start()
        b.manage("peers", "add", "Node A", a.url, a.keys.public.to_text())
        added = a.manage("peers", "add", "Node B", b.url, b.keys.public.to_text())
        assert "lists 1 organisations" in added
        receiver = a.shell(RECEIVER_ON_A)

        # A refers the first worker to B's legal-aid NGO.
        status, sent = a.api(
            a_data["token"],
            "POST",
            f"cases/{a_data['case']}/referrals",
            {
                "person_id": a_data["people"][0],
                "receiver_id": receiver,
                "type": "legal_aid",
                "fields": ["person.names", "case.summary"],
                "message": "Needs a lawyer in Phnom Penh.",
            },
        )
        assert status == 201, sent
        a.manage("deliver_outbox")

        # B received exactly the shared fields; it accepts and records the outcome.
        status, listed = b.api(b_data["token"], "GET", "referrals")
        assert [item["id"] for item in listed["items"]] == [sent["id"]]
        status, accepted = b.api(b_data["token"], "POST", f"referrals/{sent['id']}/updates", {"kind": "accepted"})
        assert status == 201 and set(accepted["shared"]) == {"person.names", "case.summary"}
        status, _ = b.api(
            b_data["token"],
            "POST",
            f"referrals/{sent['id']}/updates",
            {"kind": "completed", "outcome": "provided", "text": "Complaint filed with the labour court."},
        )
        assert status == 201
        b.manage("deliver_outbox")

        # A sees the outcome.
        status, seen = a.api(a_data["token"], "GET", f"referrals/{sent['id']}")
        assert seen["status"] == "completed"
        assert seen["updates"][-1]["text"] == "Complaint filed with the labour court."

        # B is down: A's second referral waits in the outbox, then arrives once B is back, exactly once.
        b.stop()
        status, second = a.api(
            a_data["token"],
            "POST",
            f"cases/{a_data['case']}/referrals",
            {
                "person_id": a_data["people"][1],
                "receiver_id": receiver,
                "type": "legal_aid",
                "fields": ["person.names"],
                "message": "Second worker, same employer.",
            },
        )
        assert status == 201
        a.manage("deliver_outbox")
        waiting = json.loads(a.shell(OUTBOX_ON_A))
        assert waiting[-1][0] == "pending" and waiting[-1][1] == 1 and "unreachable" in waiting[-1][2]
        b.start()
        a.manage("deliver_outbox", "--now")
        a.manage("deliver_outbox", "--now")
        status, listed = b.api(b_data["token"], "GET", "referrals")
        assert sorted(item["id"] for item in listed["items"]) == sorted([sent["id"], second["id"]])

        # A message captured on the wire and sent again is rejected; so is a tampered one.
        offer = {
            "referral": {
                "id": "0f0e0d0c-0b0a-4909-8807-060504030201",
                "type": "family_tracing",
                "fields": ["person.names"],
                "message": "Trace the family in Prey Veng.",
                "case_reference": "RMH-2026-00001",
                "sent_by": "a test",
                "respond_by": "2026-12-30",
                "sent_on": "2026-11-25",
            },
            "sender": {"id": a_data["org"], "name_en": "Rayong Migrant Help", "country": "TH", "type": "NGO"},
            "receiver_id": b_data["org"],
            "shared": {"person.names": {"latin": "Sok Dara", "km": "", "th": ""}},
        }
        envelope = seal(keys=a.keys, recipient=b.keys.public, message_id="wire-1", kind="referral.offer", body=offer)
        assert b.post_raw("/federation/inbox", envelope)[0] == 200
        replayed = b.post_raw("/federation/inbox", envelope)
        assert replayed[0] == 409 and replayed[1]["reason"] == "replayed"
        tampered = json.loads(
            seal(keys=a.keys, recipient=b.keys.public, message_id="wire-2", kind="referral.offer", body=offer)
        )
        tampered["kind"] = "referral.update"
        refused = b.post_raw("/federation/inbox", json.dumps(tampered).encode())
        assert refused[0] == 401 and refused[1]["reason"] == "bad_signature"
        status, listed = b.api(b_data["token"], "GET", "referrals")
        assert len(listed["items"]) == 3
    finally:
        a.stop()
        b.stop()
