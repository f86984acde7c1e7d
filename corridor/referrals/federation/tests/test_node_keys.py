"""Node keys: one seed gives the same keys every time, and the public key text survives being pasted around."""

from __future__ import annotations

import base64
import re

import pytest

from corridor.referrals.federation.envelope import KeyFormatError, NodeKeys, PublicNodeKey, generate_seed

SEED = bytes(range(32))


def text_of(raw: bytes, prefix: str = "corridor-node-v1:") -> str:
    return prefix + base64.urlsafe_b64encode(raw).rstrip(b"=").decode()


def test_it_derives_the_same_keys_from_the_same_seed():
    assert NodeKeys.from_seed(SEED).public == NodeKeys.from_seed(bytes(range(32))).public


def test_it_derives_different_keys_from_different_seeds():
    first, second = NodeKeys.from_seed(SEED).public, NodeKeys.from_seed(generate_seed()).public

    assert first.signing != second.signing
    assert first.agreement != second.agreement
    assert first.node_id != second.node_id


def test_it_derives_unrelated_signing_and_agreement_keys():
    public = NodeKeys.from_seed(SEED).public

    assert public.signing != public.agreement


@pytest.mark.parametrize("length", [0, 16, 31, 33, 64])
def test_it_refuses_a_seed_of_the_wrong_length(length):
    with pytest.raises(ValueError, match="32 bytes"):
        NodeKeys.from_seed(b"s" * length)


def test_it_generates_random_32_byte_seeds():
    assert len(generate_seed()) == 32
    assert generate_seed() != generate_seed()


def test_it_round_trips_the_public_key_text():
    public = NodeKeys.from_seed(SEED).public
    text = public.to_text()

    assert text.startswith("corridor-node-v1:")
    assert "=" not in text
    assert PublicNodeKey.from_text(text) == public
    assert PublicNodeKey.from_text(f"  {text}\n") == public


def test_it_derives_node_id_and_fingerprint_from_both_halves():
    public = NodeKeys.from_seed(SEED).public

    assert re.fullmatch(r"[0-9a-f]{32}", public.node_id)
    assert re.fullmatch(r"^([0-9A-F]{4} ){7}[0-9A-F]{4}$", public.fingerprint)
    assert public.fingerprint.replace(" ", "").lower() == public.node_id
    other_agreement = NodeKeys.from_seed(generate_seed()).public.agreement
    assert PublicNodeKey(signing=public.signing, agreement=other_agreement).node_id != public.node_id


@pytest.mark.parametrize(
    ("text", "message"),
    [
        pytest.param(text_of(bytes(range(1, 65)), prefix="corridor-node-v2:"), "starts with", id="wrong-prefix"),
        pytest.param(text_of(bytes(range(1, 65)), prefix=""), "starts with", id="no-prefix"),
        pytest.param(text_of(bytes(range(1, 64))), "64 bytes", id="too-short"),
        pytest.param(text_of(bytes(range(1, 66))), "64 bytes", id="too-long"),
        pytest.param("corridor-node-v1:not base64 at all!", "base64url", id="garbage"),
        pytest.param("corridor-node-v1:" + "A" * 85, "base64url", id="impossible-length"),
        pytest.param("", "starts with", id="empty"),
        pytest.param(text_of(bytes(range(1, 33)) + bytes(32)), "X25519", id="low-order-agreement-key"),
    ],
)
def test_it_rejects_unparseable_key_text(text, message):
    with pytest.raises(KeyFormatError, match=message):
        PublicNodeKey.from_text(text)


def test_it_reports_key_format_errors_as_value_errors():
    # Form code can catch ValueError without knowing this module.
    assert issubclass(KeyFormatError, ValueError)


def test_it_refuses_to_build_a_key_from_halves_of_the_wrong_size():
    with pytest.raises(KeyFormatError):
        PublicNodeKey(signing=b"x" * 31, agreement=b"y" * 32)
