"""The federation outbox: a message for a peer is a row written in the same transaction as the change
it carries, and sent by a task after that commits. A peer that is down, or a sender that restarts,
delays a message and never loses it; retries back off up to a day apart.

Messages to one peer go in the order they were written (a referral's offer before its withdrawal). A
message is claimed with a short lease, not a lock held across the HTTP call, so a slow peer never keeps
a write transaction open on this server's database."""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from typing import Any

from django.db import transaction
from django.db.models import Q
from django.tasks import task
from django.utils import timezone

from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record
from corridor.referrals.federation import transport
from corridor.referrals.federation.envelope import PublicNodeKey, seal
from corridor.referrals.federation.node import node_keys
from corridor.referrals.models import Direction, FederationMessage, MessageStatus, Peer, PeerStatus

logger = logging.getLogger(__name__)

FIRST_RETRY_SECONDS = 15
MAX_RETRY_SECONDS = 24 * 3600
MAX_ATTEMPTS = 40  # about three weeks of daily retries after the first hours: a peer's long outage
LEASE_SECONDS = 120  # longer than one HTTP attempt (transport.TIMEOUT_SECONDS) with room to spare


def queue(*, peer: Peer, kind: str, body: dict[str, Any], referral_id: uuid.UUID | None = None) -> FederationMessage:
    """Put a message in the outbox inside the caller's transaction; it is sent once that commits."""
    message = FederationMessage.objects.create(
        peer=peer,
        direction=Direction.OUT,
        message_id=str(uuid.uuid4()),
        kind=kind,
        referral_id=referral_id,
        body=json.dumps(body, ensure_ascii=False, sort_keys=True),
    )
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        obj=message,
        label=f"federation:{peer.node_id}",
        summary=f"federation message queued for {peer.name}: {kind}",
        changes={"peer": [None, str(peer.pk)], "kind": [None, kind], "referral": [None, str(referral_id or "")]},
    )
    transaction.on_commit(lambda: deliver_peer_task.enqueue(str(peer.pk)), robust=True)
    return message


@task
def deliver_peer_task(peer_id: str) -> None:
    deliver_peer(peer_id)


def _oldest_pending(peer_id: str) -> FederationMessage | None:
    return (
        FederationMessage.objects.filter(peer_id=peer_id, direction=Direction.OUT, status=MessageStatus.PENDING)
        .select_related("peer")
        .order_by("created_at", "pk")
        .first()
    )


def _claim(message: FederationMessage) -> bool:
    """Take the message for LEASE_SECONDS if it is due and nobody else holds it: one UPDATE, so two
    workers can never both send it."""
    now = timezone.now()
    claimed = (
        FederationMessage.objects.filter(pk=message.pk, status=MessageStatus.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .update(next_attempt_at=now + dt.timedelta(seconds=LEASE_SECONDS))
    )
    return claimed == 1


def deliver_peer(peer_id: str) -> int:
    """Send the peer's pending messages oldest first, stopping at the first that fails or is not due.
    Returns how many were delivered."""
    delivered = 0
    while True:
        message = _oldest_pending(peer_id)
        if message is None or message.peer.status != PeerStatus.ACTIVE or not _claim(message):
            return delivered
        if not _attempt(message):
            return delivered
        delivered += 1


def deliver_due(limit: int = 200) -> int:
    """Visit every peer with a message due: retries whose time has come and messages whose task was
    lost. Run it every minute (`manage.py deliver_outbox`) and when workers start."""
    now = timezone.now()
    peers = list(
        FederationMessage.objects.filter(direction=Direction.OUT, status=MessageStatus.PENDING)
        .filter(Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now))
        .values_list("peer_id", flat=True)
        .distinct()[:limit]
    )
    return sum(deliver_peer(str(peer_id)) for peer_id in peers)


def retry_now() -> int:
    """Make every waiting message due at once: after a peer's outage, instead of waiting out the backoff."""
    return FederationMessage.objects.filter(direction=Direction.OUT, status=MessageStatus.PENDING).update(
        next_attempt_at=None
    )


def backoff(attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=min(FIRST_RETRY_SECONDS * 2 ** max(attempts - 1, 0), MAX_RETRY_SECONDS))


def _attempt(message: FederationMessage) -> bool:
    peer = message.peer
    envelope = seal(
        keys=node_keys(),
        recipient=PublicNodeKey.from_text(peer.public_key),
        message_id=message.message_id,
        kind=message.kind,
        body=json.loads(message.body),
    )
    try:
        transport.post_envelope(peer.url, envelope)
    except transport.TransportError as error:
        _failed(message, error)
        return False
    with transaction.atomic():
        FederationMessage.objects.filter(pk=message.pk).update(
            status=MessageStatus.DELIVERED,
            attempts=message.attempts + 1,
            delivered_at=timezone.now(),
            next_attempt_at=None,
            last_error="",
            body="",  # delivered: the peer has it; this server keeps the referral itself, not a second copy
            updated_at=timezone.now(),
        )
        audit_record(
            actor=None,
            action=AuditAction.UPDATE,
            obj=message,
            label=f"federation:{peer.node_id}",
            summary=f"federation message delivered to {peer.name}: {message.kind}",
            changes={"status": [MessageStatus.PENDING, MessageStatus.DELIVERED]},
        )
    return True


def _failed(message: FederationMessage, error: transport.TransportError) -> None:
    attempts = message.attempts + 1
    give_up = error.permanent or attempts >= MAX_ATTEMPTS
    wait = backoff(attempts)
    FederationMessage.objects.filter(pk=message.pk).update(
        attempts=attempts,
        last_error=str(error)[:300],
        status=MessageStatus.FAILED if give_up else MessageStatus.PENDING,
        next_attempt_at=None if give_up else timezone.now() + wait,
        updated_at=timezone.now(),
    )
    if give_up:
        logger.warning("federation message %s to %s given up: %s", message.message_id, message.peer.name, error)
        audit_record(
            actor=None,
            action=AuditAction.UPDATE,
            obj=message,
            label=f"federation:{message.peer.node_id}",
            summary=f"federation message to {message.peer.name} given up: {message.kind}",
            changes={"status": [MessageStatus.PENDING, MessageStatus.FAILED], "error": [None, str(error)[:200]]},
        )
    else:
        logger.info(
            "federation message %s to %s failed, retry in %s: %s", message.message_id, message.peer.name, wait, error
        )
        _schedule_retry(str(message.peer_id), timezone.now() + wait)


def _schedule_retry(peer_id: str, when: dt.datetime) -> None:
    if deliver_peer_task.get_backend().supports_defer:
        deliver_peer_task.using(run_after=when).enqueue(peer_id)
