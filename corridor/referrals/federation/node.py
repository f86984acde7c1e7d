"""This server's identity among Corridor servers, and the peers it trusts."""

from __future__ import annotations

from functools import cache
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from corridor.core.crypto import decode_key
from corridor.referrals.federation.envelope import NodeKeys, PublicNodeKey
from corridor.referrals.models import Peer, PeerStatus


class FederationOff(ImproperlyConfigured):
    """No node key is configured: this server does not exchange referrals with others."""


def enabled() -> bool:
    return bool(settings.CORRIDOR_NODE_KEY)


@cache
def _keys_for(seed_text: str) -> NodeKeys:
    return NodeKeys.from_seed(decode_key(seed_text, name="CORRIDOR_NODE_KEY"))


def node_keys() -> NodeKeys:
    if not enabled():
        raise FederationOff("Set CORRIDOR_NODE_KEY to exchange referrals with other Corridor servers.")
    return _keys_for(settings.CORRIDOR_NODE_KEY)


def public_key() -> PublicNodeKey:
    return node_keys().public


def peer_key(node_id: str) -> PublicNodeKey | None:
    """The key of an active peer, for verifying what it sends. Suspended peers are not heard."""
    text = Peer.objects.filter(node_id=node_id, status=PeerStatus.ACTIVE).values_list("public_key", flat=True).first()
    return PublicNodeKey.from_text(text) if text else None


def check_peer_url(url: str) -> str:
    """HTTPS only, except plain HTTP to this machine when CORRIDOR_FEDERATION_LOOPBACK_HTTP is on."""
    parts = urlsplit(url.strip())
    loopback = parts.hostname in {"127.0.0.1", "localhost", "::1"}
    if parts.scheme == "https" and parts.hostname:
        return url.strip().rstrip("/")
    if parts.scheme == "http" and loopback and settings.CORRIDOR_FEDERATION_LOOPBACK_HTTP:
        return url.strip().rstrip("/")
    raise ValueError("A peer is reached over https:// (plain http only to this machine, when allowed).")
