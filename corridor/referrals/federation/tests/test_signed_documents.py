"""Signed documents: anyone can read them, and only the named node could have written them recently."""

from __future__ import annotations

import base64
import json

import pytest

from corridor.referrals.federation.envelope import EnvelopeError, NodeKeys, canonical, sign_document, verify_document

ALICE = NodeKeys.from_seed(b"A" * 32)
MALLORY = NodeKeys.from_seed(b"M" * 32)
NOW = 1_760_000_000
DIRECTORY = {"organisation": "ศูนย์ช่วยเหลือแรงงาน", "services": ["legal", "shelter"], "city": "ភ្នំពេញ"}


def signed_directory(*, keys: NodeKeys = ALICE, now: int = NOW) -> bytes:
    return sign_document(keys=keys, kind="directory", body=DIRECTORY, now=now)


def rejection(raw: bytes, *, kind: str = "directory", now: int = NOW) -> str:
    with pytest.raises(EnvelopeError) as caught:
        verify_document(raw, key=ALICE.public, kind=kind, now=now)
    return caught.value.reason


def edited(raw: bytes, **changes) -> bytes:
    return canonical({**json.loads(raw), **changes})


def test_it_returns_the_body_of_a_valid_document():
    raw = signed_directory()

    assert verify_document(raw, key=ALICE.public, kind="directory", now=NOW + 300) == DIRECTORY
    assert json.loads(raw)["signer"] == ALICE.public.node_id
    assert "ศูนย์".encode() in raw  # documents are public: signed, not encrypted


def test_it_rejects_a_tampered_body():
    assert rejection(edited(signed_directory(), body={**DIRECTORY, "city": "Rayong"})) == "bad_signature"


def test_it_rejects_a_document_checked_against_the_wrong_key():
    assert rejection(signed_directory(keys=MALLORY)) == "unknown_sender"


def test_it_rejects_another_key_signing_in_the_signers_name():
    forged = json.loads(signed_directory())
    del forged["signature"]
    signature = base64.urlsafe_b64encode(MALLORY.signing.sign(canonical(forged))).rstrip(b"=").decode()

    assert rejection(canonical({**forged, "signature": signature})) == "bad_signature"


def test_it_rejects_stale_documents_in_both_directions():
    assert rejection(signed_directory(now=NOW - 301)) == "stale"
    assert rejection(signed_directory(now=NOW + 301)) == "stale"


def test_it_rejects_a_document_of_another_kind():
    assert rejection(signed_directory(), kind="catalogue") == "malformed"


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[:-1], id="truncated"),
        pytest.param(lambda raw: edited(raw, extra=1), id="extra-field"),
        pytest.param(lambda raw: edited(raw, body=["not", "an", "object"]), id="body-not-object"),
        pytest.param(lambda raw: edited(raw, signed_at=1.5), id="timestamp-float"),
        pytest.param(lambda raw: edited(raw, signature="AAAA"), id="signature-length"),
        pytest.param(lambda raw: raw.replace(b'"city":"', b'"city":"\\ud800'), id="unpaired-surrogate"),
        pytest.param(lambda raw: raw.replace(b'"v":1', b'"v":NaN'), id="nan"),
    ],
)
def test_it_rejects_malformed_documents(damage):
    assert rejection(damage(signed_directory())) == "malformed"


def test_it_refuses_to_sign_an_invalid_kind():
    with pytest.raises(ValueError, match="kind"):
        sign_document(keys=ALICE, kind="Directory!", body={}, now=NOW)
