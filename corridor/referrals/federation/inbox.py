"""Messages from peers: verified, checked against replay, applied exactly once, or rejected with
nothing changed. Every message in is audited, the rejected ones too."""

from __future__ import annotations

import json
import logging
import uuid
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record
from corridor.referrals.federation.envelope import EnvelopeError, Opened, open_envelope
from corridor.referrals.federation.node import node_keys, peer_key
from corridor.referrals.models import Direction, FederationMessage, MessageStatus, Peer, PeerStatus, SeenNonce

logger = logging.getLogger(__name__)

STATUS_FOR_REASON = {
    "malformed": 400,
    "undecryptable": 400,
    "unknown_sender": 401,
    "wrong_recipient": 401,
    "bad_signature": 401,
    "stale": 401,
    "replayed": 409,
    "rejected": 422,
}


class Rejected(Exception):
    """A verified message whose content this server refuses. Retrying it cannot help (HTTP 422)."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail


@dataclass(frozen=True)
class Outcome:
    status: int
    body: dict[str, str]


Handler = Callable[[Peer, Opened], None]
HANDLERS: dict[str, Handler] = {}


def handles(kind: str) -> Callable[[Handler], Handler]:
    def register(handler: Handler) -> Handler:
        HANDLERS[kind] = handler
        return handler

    return register


def receive(raw: bytes) -> Outcome:
    try:
        opened = open_envelope(
            raw, keys=node_keys(), sender_key=peer_key, window=settings.CORRIDOR_FEDERATION_WINDOW_SECONDS
        )
    except EnvelopeError as error:
        return _reject(error.reason, str(error), sender=_claimed_sender(raw))
    peer = Peer.objects.get(node_id=opened.sender, status=PeerStatus.ACTIVE)
    try:
        with transaction.atomic():
            return _process(peer, opened)
    except Rejected as error:
        return _reject("rejected", error.detail, sender=peer.node_id, opened=opened)
    except (ValidationError, PermissionDenied) as error:
        return _reject("rejected", _plain(error), sender=peer.node_id, opened=opened)
    except _Replayed:
        return _reject("replayed", "nonce already seen", sender=peer.node_id, opened=opened)


class _Replayed(Exception):
    pass


def _process(peer: Peer, opened: Opened) -> Outcome:
    try:
        with transaction.atomic():
            SeenNonce.objects.create(peer=peer, nonce=opened.nonce, seen_at=timezone.now())
    except IntegrityError:
        raise _Replayed from None
    if FederationMessage.objects.filter(peer=peer, direction=Direction.IN, message_id=opened.message_id).exists():
        # A retry of a message already applied (the answer to the first try was lost): say so, change nothing.
        return Outcome(200, {"status": "duplicate", "id": opened.message_id})
    handler = HANDLERS.get(opened.kind)
    if handler is None:
        raise Rejected(f"unknown kind {opened.kind}")
    handler(peer, opened)
    message = FederationMessage.objects.create(
        peer=peer,
        direction=Direction.IN,
        message_id=opened.message_id,
        kind=opened.kind,
        referral_id=_referral_id(opened.body),
        status=MessageStatus.PROCESSED,
        attempts=1,
        delivered_at=timezone.now(),
    )
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        obj=message,
        label=f"federation:{peer.node_id}",
        summary=f"federation message from {peer.name} processed: {opened.kind}",
        changes={"peer": [None, str(peer.pk)], "kind": [None, opened.kind], "message": [None, opened.message_id]},
    )
    return Outcome(200, {"status": "processed", "id": opened.message_id})


def _reject(reason: str, detail: str, *, sender: str, opened: Opened | None = None) -> Outcome:
    logger.warning("federation message rejected (%s) from %s: %s", reason, sender or "unknown", detail)
    with transaction.atomic():
        audit_record(
            actor=None,
            action=AuditAction.DENIED,
            label=f"federation:{sender or 'unknown'}",
            summary=f"federation message rejected: {reason}",
            changes={
                "reason": [None, reason],
                "detail": [None, detail[:200]],
                "message": [None, opened.message_id if opened else ""],
                "kind": [None, opened.kind if opened else ""],
            },
        )
    return Outcome(STATUS_FOR_REASON[reason], {"status": "rejected", "reason": reason, "detail": detail[:200]})


def _claimed_sender(raw: bytes) -> str:
    """The sender an envelope names, for the log only: nothing about it is trusted."""
    try:
        value = json.loads(raw[:4096] if len(raw) <= 4096 else raw)
    except ValueError:
        return ""
    sender = value.get("sender") if isinstance(value, dict) else None
    return sender[:32] if isinstance(sender, str) else ""


def _referral_id(body: dict[str, Any]) -> uuid.UUID | None:
    raw = body.get("referral_id") or (body.get("referral") or {}).get("id")
    try:
        return uuid.UUID(str(raw)) if raw else None
    except ValueError:
        return None


def _plain(error: Exception) -> str:
    if isinstance(error, ValidationError):
        return "; ".join(str(message) for message in error.messages)
    return str(error) or error.__class__.__name__
