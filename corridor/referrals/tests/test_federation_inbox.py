"""Messages from peers: a good one is applied once; a bad signature, an unknown sender, a stale
timestamp, a replayed nonce or a malformed body is rejected, logged and changes nothing."""

import json
import time

import pytest
from django.test import Client

from corridor.audit.models import AuditEntry
from corridor.referrals.federated import peer_add
from corridor.referrals.federation.envelope import NodeKeys, seal
from corridor.referrals.federation.node import public_key
from corridor.referrals.models import FederationMessage, Referral, ReferralUpdate

pytestmark = pytest.mark.django_db

PEER_KEYS = NodeKeys.from_seed(b"p" * 32)
STRANGER_KEYS = NodeKeys.from_seed(b"s" * 32)


@pytest.fixture
def peer(db):
    return peer_add(name="Phnom Penh node", url="http://127.0.0.1:9", key_text=PEER_KEYS.public.to_text(), by="test")


@pytest.fixture
def receiver(org):
    org.listed_for_peers = True
    org.save()
    return org


def offer(receiver, referral_id="7d5f4a8e-2f0b-4c39-9a43-0c1b2c3d4e5f", **changes):
    body = {
        "referral": {
            "id": referral_id,
            "type": "reintegration",
            "fields": ["person.names", "case.summary"],
            "message": "Returnee needs livelihood support in Prey Veng.",
            "case_reference": "KHL-2026-00007",
            "sent_by": "dara@legal.example.org",
            "respond_by": "2026-12-02",
            "sent_on": "2026-11-25",
        },
        "sender": {
            "id": "5e0c8b1a-1111-4222-8333-944455556666",
            "name_en": "Phnom Penh Legal Aid",
            "name_km": "ជំនួយផ្លូវច្បាប់",
            "name_th": "",
            "country": "KH",
            "type": "LegalService",
        },
        "receiver_id": str(receiver.pk),
        "shared": {
            "person.names": {"latin": "Sok Dara", "km": "សុខ ដារា", "th": ""},
            "case.summary": {"title": "Returned after unpaid wages", "summary": "", "opened_on": "2026-08-01"},
        },
    }
    body.update(changes)
    return body


def envelope(body, *, keys=PEER_KEYS, message_id="m-1", now=None):
    return seal(keys=keys, recipient=public_key(), message_id=message_id, kind="referral.offer", body=body, now=now)


def post(raw):
    return Client().post("/federation/inbox", raw, content_type="application/json")


def test_it_applies_an_offer_once(peer, receiver):
    response = post(envelope(offer(receiver)))
    assert response.status_code == 200, response.content
    assert response.json()["status"] == "processed"
    referral = Referral.objects.get()
    assert referral.receiver == receiver and referral.sender.remote.peer == peer
    assert referral.case is None and referral.person is None
    # A retry of the same message (fresh nonce, same id) changes nothing.
    again = post(envelope(offer(receiver)))
    assert again.json()["status"] == "duplicate"
    assert Referral.objects.count() == 1 and ReferralUpdate.objects.count() == 1
    assert FederationMessage.objects.filter(direction="in").count() == 1


def test_it_rejects_a_replayed_envelope(peer, receiver):
    raw = envelope(offer(receiver))
    assert post(raw).status_code == 200
    replay = post(raw)
    assert replay.status_code == 409 and replay.json()["reason"] == "replayed"


def test_it_rejects_a_tampered_envelope(peer, receiver):
    data = json.loads(envelope(offer(receiver)))
    data["kind"] = "referral.update"
    response = post(json.dumps(data))
    assert response.status_code == 401 and response.json()["reason"] == "bad_signature"
    assert not Referral.objects.exists()


def test_it_rejects_an_unknown_sender(peer, receiver):
    response = post(envelope(offer(receiver), keys=STRANGER_KEYS))
    assert response.json()["reason"] == "unknown_sender"
    assert not Referral.objects.exists()


def test_it_rejects_a_stale_envelope(peer, receiver):
    response = post(envelope(offer(receiver), now=int(time.time()) - 3600))
    assert response.json()["reason"] == "stale"


def test_it_rejects_malformed_bodies_and_logs_them(peer, receiver):
    assert post(b"{not json").json()["reason"] == "malformed"
    widened = offer(receiver)
    widened["referral"]["type"] = "shelter"
    widened["referral"]["fields"] = ["person.id_numbers"]
    widened["shared"] = {"person.id_numbers": [{"kind": "passport", "value": "N1"}]}
    response = post(envelope(widened, message_id="m-2"))
    assert response.status_code == 422 and response.json()["reason"] == "rejected"
    assert not Referral.objects.exists()
    assert AuditEntry.objects.filter(action="denied", summary__startswith="federation message rejected").count() == 2


def test_it_refuses_an_organisation_that_is_not_listed(peer, org):
    response = post(envelope(offer(org)))
    assert response.status_code == 422
    assert not Referral.objects.exists()


def test_it_does_not_hear_a_suspended_peer(peer, receiver):
    from corridor.referrals.federated import peer_set_status

    peer_set_status(peer=peer, status="suspended", by="test")
    assert post(envelope(offer(receiver))).json()["reason"] == "unknown_sender"


def test_it_applies_a_return_plan_step_from_the_peer(peer, receiver):
    repatriation = offer(receiver)
    repatriation["referral"]["type"] = "repatriation"
    assert post(envelope(repatriation)).status_code == 200
    referral = Referral.objects.get()
    assert referral.steps.count() == 11
    step = {
        "referral_id": str(referral.pk),
        "code": "nationality",
        "status": "done",
        "responsible": "Cambodian embassy, Bangkok",
        "due_on": "2026-12-15",
        "done_on": "2026-11-24",
        "evidence": "Certificate of identity CI-1182",
    }
    raw = seal(keys=PEER_KEYS, recipient=public_key(), message_id="m-step", kind="repatriation.step", body=step)
    assert post(raw).status_code == 200
    saved = referral.steps.get(code="nationality")
    assert saved.status == "done" and saved.evidence == "Certificate of identity CI-1182"


def test_it_tells_the_sender_whether_the_peer_has_the_referral(peer, org, other_org, client_of, db):
    import datetime as dt

    from conftest import actor_of, make_member
    from corridor.cases.services import case_open, case_person_add
    from corridor.people.services import consent_record, person_create
    from corridor.referrals.federation.directory import mirror
    from corridor.referrals.federation.outbox import deliver_peer
    from corridor.referrals.services import referral_send
    from corridor.referrals.tests.conftest import ALL_CHECKS

    receiver = mirror(
        peer, {"id": "5e0c8b1a-1111-4222-8333-944455556666", "name_en": "Phnom Penh Legal Aid", "country": "KH"}
    )
    user = make_member(org, "caseworker")
    actor = actor_of(user)
    case = case_open(actor=actor, title="Unpaid wages", opened_on=dt.date(2026, 10, 1))
    person = person_create(actor=actor, name_latin="Sok Dara")
    case_person_add(actor=actor, case=case, person=person, role="worker")
    for purpose, countries in (("services", []), ("sharing", ["KH"])):
        consent_record(
            actor=actor,
            person=person,
            purpose=purpose,
            method="spoken",
            given_on=dt.date(2026, 10, 2),
            checks=ALL_CHECKS,
            countries=countries,
        )
    referral = referral_send(
        actor=actor,
        case=case,
        person=person,
        receiver=receiver,
        referral_type="legal_aid",
        fields=["person.names"],
        message="Needs a lawyer.",
    )
    page = client_of(user).get(f"/referrals/{referral.pk}/").content.decode()
    assert "Waiting to be sent to Phnom Penh node." in page
    deliver_peer(str(peer.pk))  # the peer's address (port 9) answers nothing
    page = client_of(user).get(f"/referrals/{referral.pk}/").content.decode()
    assert "Not yet received by Phnom Penh node: tried once" in page
