"""`manage.py peers`: the administrator's tool for trusting other servers."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from corridor.audit.models import AuditEntry
from corridor.referrals.federation.envelope import NodeKeys
from corridor.referrals.models import Peer

pytestmark = pytest.mark.django_db

PEER = NodeKeys.from_seed(b"q" * 32).public
NEW = NodeKeys.from_seed(b"r" * 32).public


def run(*args: str) -> str:
    out = StringIO()
    call_command("peers", *args, stdout=out, stderr=StringIO())
    return out.getvalue()


def test_it_shows_this_servers_key_and_fingerprint():
    shown = run("key")
    assert "corridor-node-v1:" in shown and "Fingerprint:" in shown


def test_it_adds_lists_suspends_and_rekeys_a_peer():
    added = run("add", "Phnom Penh", "http://127.0.0.1:9", PEER.to_text())
    assert PEER.fingerprint in added
    assert "Phnom Penh" in run("list")
    run("suspend", "Phnom Penh")
    assert Peer.objects.get().status == "suspended"
    run("rekey", "Phnom Penh", NEW.to_text())
    assert Peer.objects.get().node_id == NEW.node_id
    assert AuditEntry.objects.filter(object_type="referrals.peer").count() == 3


def test_it_refuses_a_bad_key_an_http_address_and_an_unknown_peer():
    with pytest.raises(CommandError):
        run("add", "X", "http://127.0.0.1:9", "not-a-key")
    with pytest.raises(CommandError):
        run("add", "X", "http://corridor.example.org", PEER.to_text())
    with pytest.raises(CommandError):
        run("suspend", "nobody")
    assert not Peer.objects.exists()
