"""Sealing and opening: the recipient gets back exactly what was sent, and the wire shows none of it."""

from __future__ import annotations

import base64
import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from corridor.referrals.federation.envelope import NodeKeys, Opened, open_envelope, seal

ALICE = NodeKeys.from_seed(b"A" * 32)
BOB = NodeKeys.from_seed(b"B" * 32)
NOW = 1_760_000_000
PEERS = {keys.public.node_id: keys.public for keys in (ALICE, BOB)}

JSON_BODIES = st.dictionaries(
    st.text(),
    st.recursive(
        st.none() | st.booleans() | st.integers() | st.text(),
        lambda children: st.lists(children) | st.dictionaries(st.text(), children),
        max_leaves=20,
    ),
)


def alice_to_bob(body: dict, *, message_id: str = "ref-2025-0001", kind: str = "referral.offer") -> bytes:
    return seal(keys=ALICE, recipient=BOB.public, message_id=message_id, kind=kind, body=body, now=NOW)


def bob_opens(raw: bytes) -> Opened:
    return open_envelope(raw, keys=BOB, sender_key=PEERS.get, now=NOW)


def test_it_delivers_the_body_and_metadata_to_the_recipient():
    body = {"worker": "សុខ ចាន់ធី", "employer": "บริษัท ประมงทะเล จำกัด", "wages_owed": 18500, "tags": ["fishing"]}

    opened = bob_opens(alice_to_bob(body))

    assert opened.body == body
    assert opened.sender == ALICE.public.node_id
    assert opened.message_id == "ref-2025-0001"
    assert opened.kind == "referral.offer"
    assert opened.sent_at == NOW
    assert len(base64.urlsafe_b64decode(opened.nonce + "==")) == 16


def test_it_keeps_the_plaintext_off_the_wire():
    raw = alice_to_bob({"worker": "សុខ ចាន់ធី", "passport": "N1234567"})

    assert "សុខ".encode() not in raw
    assert b"N1234567" not in raw
    assert b"passport" not in raw


def test_it_uses_a_fresh_nonce_and_ephemeral_key_for_every_seal():
    first, second = (json.loads(alice_to_bob({"same": "body"})) for _ in range(2))

    assert first["nonce"] != second["nonce"]
    assert first["ephemeral"] != second["ephemeral"]
    assert first["ciphertext"] != second["ciphertext"]


def test_it_writes_the_documented_fields():
    envelope = json.loads(alice_to_bob({}))

    assert set(envelope) == {
        "v", "sender", "recipient", "id", "kind", "sent_at", "nonce", "ephemeral", "ciphertext", "signature"
    }  # fmt: skip
    assert envelope["v"] == 1
    assert envelope["recipient"] == BOB.public.node_id
    assert "=" not in envelope["signature"]


def test_it_accepts_a_message_within_the_window():
    raw = alice_to_bob({"n": 1})

    assert open_envelope(raw, keys=BOB, sender_key=PEERS.get, now=NOW + 300).body == {"n": 1}
    assert open_envelope(raw, keys=BOB, sender_key=PEERS.get, now=NOW - 300).body == {"n": 1}


@settings(max_examples=150, deadline=None)
@given(JSON_BODIES)
def test_it_round_trips_any_json_object(body):
    assert bob_opens(alice_to_bob(body)).body == body


@pytest.mark.parametrize(("message_id", "kind"), [("", "referral.offer"), ("ref 1", "referral.offer"), ("r", "Offer")])
def test_it_refuses_to_seal_an_invalid_id_or_kind(message_id, kind):
    with pytest.raises(ValueError):
        alice_to_bob({}, message_id=message_id, kind=kind)
