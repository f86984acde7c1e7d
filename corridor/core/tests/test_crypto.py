"""The key ring encrypts under the primary key, reads every key it holds, and refuses damage."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from corridor.core.crypto import DecryptionError, new_key, parse_key_ring


def test_it_decrypts_what_an_older_key_wrote():
    old, new = new_key(), new_key()
    before = parse_key_ring(f"k1:{old}")
    after = parse_key_ring(f"k2:{new},k1:{old}")
    blob = before.encrypt(b"N0123456", context="people.personidentifier.value")
    assert after.decrypt(blob, context="people.personidentifier.value") == b"N0123456"
    assert after.key_id_of(after.encrypt(b"x", context="c")) == "k2"


def test_it_refuses_tampered_or_moved_ciphertext():
    ring = parse_key_ring(f"k1:{new_key()}")
    blob = bytearray(ring.encrypt(b"secret", context="a"))
    with pytest.raises(DecryptionError):
        ring.decrypt(bytes(blob), context="b")
    blob[-1] ^= 1
    with pytest.raises(DecryptionError):
        ring.decrypt(bytes(blob), context="a")


@pytest.mark.parametrize("spec", ["", "k1", "k1:short", "bad id:" + "A" * 43, "k1:" + "A" * 43 + ",k1:" + "B" * 43])
def test_it_fails_loudly_on_a_bad_key_ring(spec):
    with pytest.raises(ImproperlyConfigured):
        parse_key_ring(spec)
