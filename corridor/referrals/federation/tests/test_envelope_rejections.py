"""Every way a message can be wrong is rejected with the reason the caller logs and answers with."""

from __future__ import annotations

import base64
import json
from collections.abc import Callable

import pytest
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey
from hypothesis import given, settings
from hypothesis import strategies as st

from corridor.referrals.federation.envelope import (
    MAX_ENVELOPE_BYTES,
    EnvelopeError,
    NodeKeys,
    Opened,
    PublicNodeKey,
    _gcm_nonce,
    _message_cipher,
    canonical,
    open_envelope,
    seal,
)

ALICE = NodeKeys.from_seed(b"A" * 32)
BOB = NodeKeys.from_seed(b"B" * 32)
CAROL = NodeKeys.from_seed(b"C" * 32)
MALLORY = NodeKeys.from_seed(b"M" * 32)
NOW = 1_760_000_000
PEERS = {keys.public.node_id: keys.public for keys in (ALICE, BOB, CAROL)}
BODY = {"worker": "សុខ ចាន់ធី", "employer": "บริษัท ประมงทะเล จำกัด"}


def sealed(*, by: NodeKeys = ALICE, to: NodeKeys = BOB, now: int = NOW) -> bytes:
    return seal(keys=by, recipient=to.public, message_id="ref-1", kind="referral.offer", body=BODY, now=now)


def opened_by(
    raw: bytes,
    keys: NodeKeys = BOB,
    *,
    now: int = NOW,
    sender_key: Callable[[str], PublicNodeKey | None] = PEERS.get,
) -> Opened:
    return open_envelope(raw, keys=keys, sender_key=sender_key, now=now)


def rejection(raw: bytes, keys: NodeKeys = BOB, **options) -> str:
    with pytest.raises(EnvelopeError) as caught:
        opened_by(raw, keys, **options)
    return caught.value.reason


def edited(raw: bytes, **changes) -> bytes:
    envelope = json.loads(raw)
    envelope.update(changes)
    return canonical(envelope)


def b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def flipped(text: str, index: int, mask: int = 0x01) -> str:
    data = bytearray(unb64(text))
    data[index % len(data)] ^= mask
    return b64(bytes(data))


def signed_by(keys: NodeKeys, envelope: dict) -> bytes:
    fields = {name: value for name, value in envelope.items() if name != "signature"}
    return canonical({**fields, "signature": b64(keys.signing.sign(canonical(fields)))})


def test_it_rejects_a_changed_ciphertext_byte_as_a_bad_signature():
    raw = sealed()
    envelope = json.loads(raw)

    assert rejection(edited(raw, ciphertext=flipped(envelope["ciphertext"], 0))) == "bad_signature"


def test_it_rejects_a_changed_kind_as_a_bad_signature():
    assert rejection(edited(sealed(), kind="referral.accept")) == "bad_signature"


def test_it_rejects_a_third_party_signing_in_the_senders_name():
    forged = signed_by(MALLORY, json.loads(sealed()))

    assert rejection(forged) == "bad_signature"


def test_it_rejects_messages_from_the_past_and_the_future():
    assert rejection(sealed(now=NOW - 301)) == "stale"
    assert rejection(sealed(now=NOW + 301)) == "stale"
    assert rejection(sealed(), now=NOW + 10_000) == "stale"


def test_it_rejects_a_message_addressed_to_another_node():
    assert rejection(sealed(to=CAROL)) == "wrong_recipient"


def test_it_rejects_a_message_sealed_for_bob_opened_by_carol():
    assert rejection(sealed(to=BOB), CAROL) == "wrong_recipient"


def test_it_rejects_a_readdressed_message_even_when_resigned():
    # Alice herself re-signs a message for Bob with Carol as recipient: Carol cannot decrypt it.
    readdressed = signed_by(ALICE, json.loads(edited(sealed(to=BOB), recipient=CAROL.public.node_id)))

    assert rejection(readdressed, CAROL) == "undecryptable"


def test_it_rejects_an_unknown_sender():
    assert rejection(sealed(by=MALLORY)) == "unknown_sender"


def test_it_rejects_a_registry_key_stored_under_another_nodes_id():
    assert rejection(sealed(), sender_key=lambda node_id: CAROL.public) == "unknown_sender"


def test_it_rejects_a_ciphertext_the_sender_corrupted_before_signing():
    envelope = json.loads(sealed())
    envelope["ciphertext"] = flipped(envelope["ciphertext"], -1)

    assert rejection(signed_by(ALICE, envelope)) == "undecryptable"


def test_it_rejects_a_signed_body_that_is_not_an_object():
    envelope = json.loads(sealed())
    header = {name: value for name, value in envelope.items() if name not in ("ciphertext", "signature")}
    assert rejection(_resealed(header, b"[1, 2, 3]")) == "malformed"


def _resealed(header: dict, plaintext: bytes) -> bytes:
    """Encrypt arbitrary plaintext exactly as `seal` does, for a sender that does not use `seal`."""
    ephemeral = X25519PrivateKey.generate()
    header = {**header, "ephemeral": b64(ephemeral.public_key().public_bytes_raw())}
    shared = ephemeral.exchange(BOB.agreement.public_key())
    nonce = unb64(header["nonce"])
    cipher = _message_cipher(shared, nonce, sender=header["sender"], recipient=header["recipient"])
    ciphertext = cipher.encrypt(_gcm_nonce(nonce), plaintext, canonical(header))
    return signed_by(ALICE, {**header, "ciphertext": b64(ciphertext)})


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[:-10], id="truncated"),
        pytest.param(lambda raw: b"\xff" + raw, id="not-utf8"),
        pytest.param(lambda raw: b"[" + raw + b"]", id="not-an-object"),
        pytest.param(lambda raw: b"[" * 100_000, id="deeply-nested"),
        pytest.param(lambda raw: edited(raw, extra="field"), id="extra-field"),
        pytest.param(lambda raw: canonical({k: v for k, v in json.loads(raw).items() if k != "nonce"}), id="missing"),
        pytest.param(lambda raw: edited(raw, v=2), id="version"),
        pytest.param(lambda raw: edited(raw, v=True), id="version-bool"),
        pytest.param(lambda raw: edited(raw, sent_at="1760000000"), id="timestamp-string"),
        pytest.param(lambda raw: edited(raw, id="ref 1"), id="id-pattern"),
        pytest.param(lambda raw: edited(raw, id="x" * 65), id="id-length"),
        pytest.param(lambda raw: edited(raw, id="ref-1\n"), id="id-trailing-newline"),
        pytest.param(lambda raw: edited(raw, kind="Referral"), id="kind-pattern"),
        pytest.param(lambda raw: edited(raw, sender="ALICE"), id="sender-pattern"),
        pytest.param(lambda raw: edited(raw, nonce=b64(b"short")), id="nonce-length"),
        pytest.param(lambda raw: edited(raw, ephemeral="not base64!"), id="ephemeral-base64"),
        pytest.param(lambda raw: edited(raw, signature=json.loads(raw)["signature"] + "=="), id="padded"),
        pytest.param(lambda raw: edited(raw, ciphertext=b64(b"tiny")), id="ciphertext-length"),
        pytest.param(lambda raw: edited(raw, ciphertext=7), id="ciphertext-type"),
        pytest.param(lambda raw: raw[:-1] + b',"v":1}', id="duplicate-key"),
        pytest.param(lambda raw: raw[:-1] + b" " * MAX_ENVELOPE_BYTES + b"}", id="oversize"),
    ],
)
def test_it_rejects_malformed_envelopes(damage):
    assert rejection(damage(sealed())) == "malformed"


def test_it_rejects_malformed_input_before_consulting_the_registry():
    def registry(node_id: str) -> PublicNodeKey | None:
        raise AssertionError("the registry must not be consulted for a malformed message")

    assert rejection(b"{", sender_key=registry) == "malformed"


def test_it_rejects_a_non_canonical_base64_signature():
    raw = sealed()
    signature = json.loads(raw)["signature"]
    # 64 bytes leave four unused bits in the last character; setting one keeps the bytes but changes the text.
    alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    sloppy = signature[:-1] + alphabet[alphabet.index(signature[-1]) | 1]

    assert sloppy != signature
    assert unb64(sloppy) == unb64(signature)
    assert rejection(edited(raw, signature=sloppy)) == "malformed"


@settings(max_examples=200, deadline=None)
@given(field=st.sampled_from(["ciphertext", "signature"]), index=st.integers(0, 10_000), mask=st.integers(1, 255))
def test_it_rejects_any_single_flipped_byte_of_ciphertext_or_signature(field, index, mask):
    raw = sealed()

    assert rejection(edited(raw, **{field: flipped(json.loads(raw)[field], index, mask)})) == "bad_signature"


@settings(max_examples=300, deadline=None)
@given(data=st.data())
def test_it_rejects_any_single_changed_byte_of_the_wire_message(data):
    raw = sealed()
    index = data.draw(st.integers(0, len(raw) - 1))
    damaged = bytearray(raw)
    damaged[index] ^= data.draw(st.integers(1, 255))

    with pytest.raises(EnvelopeError):
        opened_by(bytes(damaged))
