"""The outbox: every message for a worker on a messaging channel is a row written in the same
transaction as what caused it, and sent by a task only after that commits. A provider outage or a
worker restart delays a message; it never loses it, and never loses the report behind it.

Messages to one conversation go out in the order they were written: a later prompt never overtakes
an earlier one that is waiting to be retried."""

from __future__ import annotations

import datetime as dt
import logging
from uuid import UUID

from django.db import OperationalError, transaction
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from corridor.intake.channels.base import Button, DeliveryFailed, Outgoing
from corridor.intake.channels.registry import adapter_for, channel_enabled
from corridor.intake.choices import Delivery
from corridor.intake.models import ChannelConversation, OutboundMessage, OutboundStatus, Report, ReportMessage

logger = logging.getLogger(__name__)

FIRST_RETRY_SECONDS = 30
MAX_RETRY_SECONDS = 6 * 3600
MAX_ATTEMPTS = 10  # about nine hours of retries in all


def queue_message(
    conversation: ChannelConversation, message: Outgoing, report_message: ReportMessage | None = None
) -> OutboundMessage:
    """Write a message to the outbox inside the caller's transaction; it is sent once that commits."""
    outbound = OutboundMessage.objects.create(
        conversation=conversation,
        text=message.text,
        buttons=[{"label": button.label, "value": button.value} for button in message.buttons],
        report_message=report_message,
    )
    # robust: a failure to enqueue must not fail the worker's request; deliver_due picks the row up.
    transaction.on_commit(lambda: deliver_outbound.enqueue(str(outbound.pk)), robust=True)
    return outbound


def delivery_for(report: Report) -> str:
    """How a caseworker's message reaches the worker: their chat if the report came from one that
    is still switched on, otherwise only the status page."""
    if report.conversation_id and channel_enabled(report.channel):
        return Delivery.PENDING
    return Delivery.STATUS_PAGE


def enqueue_report_message(message: ReportMessage) -> None:
    """Queue a caseworker's message (already committed) for the chat its report came from."""
    report = message.report
    conversation = report.conversation
    if conversation is None:  # the conversation was deleted since: the status page still shows it
        ReportMessage.objects.filter(pk=message.pk).update(delivery=Delivery.STATUS_PAGE)
        return
    with override(conversation.language or report.language):
        heading = _("Message about your report %(code)s:") % {"code": report.display_code}
    with transaction.atomic():
        queue_message(conversation, Outgoing(text=f"{heading}\n\n{message.body}"), report_message=message)


@task
def deliver_outbound(outbound_id: str) -> None:
    conversation_id = OutboundMessage.objects.filter(pk=outbound_id).values_list("conversation_id", flat=True).first()
    if conversation_id is not None:
        deliver_conversation(conversation_id)


def deliver_conversation(conversation_id: UUID) -> None:
    """Send the conversation's pending messages oldest first, stopping at the first that fails or
    must wait: order matters more than speed in a question-and-answer chat."""
    while True:
        with transaction.atomic():
            try:
                outbound = _lock_oldest_pending(conversation_id)
            except OperationalError:
                return  # another worker is sending this conversation's messages
            if outbound is None or (outbound.next_attempt_at and outbound.next_attempt_at > timezone.now()):
                return
            if not _attempt(outbound):
                return


def _lock_oldest_pending(conversation_id: UUID) -> OutboundMessage | None:
    """The oldest pending row is the conversation's send lock: NOWAIT lets a second worker step aside
    instead of sending the next message out of order."""
    with transaction.atomic():  # a savepoint, so a refused lock leaves the outer transaction usable
        return (
            OutboundMessage.objects.select_for_update(nowait=True, of=("self",))
            .select_related("conversation")
            .filter(conversation_id=conversation_id, status=OutboundStatus.PENDING)
            .order_by("created_at")
            .first()
        )


def deliver_due(limit: int = 500) -> int:
    """Send what is due: messages whose task was lost (a crash between commit and enqueue) or whose
    retry time has come. Run it periodically and when workers start. Returns conversations visited."""
    now = timezone.now()
    due = (
        OutboundMessage.objects.filter(status=OutboundStatus.PENDING)
        .exclude(next_attempt_at__gt=now)
        .values_list("conversation_id", flat=True)
        .distinct()[:limit]
    )
    conversations = list(due)
    for conversation_id in conversations:
        deliver_conversation(conversation_id)
    return len(conversations)


def backoff(attempts: int) -> dt.timedelta:
    return dt.timedelta(seconds=min(FIRST_RETRY_SECONDS * 2 ** max(attempts - 1, 0), MAX_RETRY_SECONDS))


def _attempt(outbound: OutboundMessage) -> bool:
    conversation = outbound.conversation
    adapter = adapter_for(conversation.channel)
    message = Outgoing(
        text=outbound.text,
        buttons=tuple(Button(label=button["label"], value=button["value"]) for button in outbound.buttons),
    )
    try:
        if adapter is None or not adapter.enabled():
            raise DeliveryFailed(f"channel {conversation.channel} is switched off")
        adapter.send(conversation.user_ref, message)
    except Exception as error:  # any failure of the provider call is retried, never lost
        _failed(outbound, error)
        return False
    outbound.status, outbound.attempts, outbound.last_error = OutboundStatus.SENT, outbound.attempts + 1, ""
    _forget_text(outbound)
    outbound.save(update_fields=["status", "attempts", "last_error", "text", "buttons", "updated_at"])
    if outbound.report_message_id:
        ReportMessage.objects.filter(pk=outbound.report_message_id).update(delivery=Delivery.SENT)
    return True


def _failed(outbound: OutboundMessage, error: Exception) -> None:
    outbound.attempts += 1
    outbound.last_error = str(error)[:300]
    permanent = isinstance(error, DeliveryFailed) and error.permanent
    if permanent or outbound.attempts >= MAX_ATTEMPTS:
        outbound.status, outbound.next_attempt_at = OutboundStatus.FAILED, None
        _forget_text(outbound)
        logger.warning("outbound %s given up after %d attempts: %s", outbound.pk, outbound.attempts, error)
        if outbound.report_message_id:
            ReportMessage.objects.filter(pk=outbound.report_message_id).update(delivery=Delivery.FAILED)
    else:
        wait = backoff(outbound.attempts)
        if isinstance(error, DeliveryFailed) and error.retry_after:
            wait = max(wait, dt.timedelta(seconds=error.retry_after))
        outbound.next_attempt_at = timezone.now() + wait
        logger.info("outbound %s attempt %d failed, retry in %s: %s", outbound.pk, outbound.attempts, wait, error)
        _schedule_retry(str(outbound.pk), outbound.next_attempt_at)
    outbound.save(
        update_fields=["status", "attempts", "next_attempt_at", "last_error", "text", "buttons", "updated_at"]
    )


def _forget_text(outbound: OutboundMessage) -> None:
    """Once a message is sent or given up, its text is dropped: it may hold a report's PIN (which must
    exist nowhere once the worker has it) or the worker's own answers, which the report keeps."""
    outbound.text, outbound.buttons = "", []


def _schedule_retry(outbound_id: str, when: dt.datetime) -> None:
    """With a queue that can hold a task until a given time, the retry is a task; otherwise the
    periodic deliver_due sweep retries it."""
    if deliver_outbound.get_backend().supports_defer:
        retry = deliver_outbound.using(run_after=when)
        transaction.on_commit(lambda: retry.enqueue(outbound_id), robust=True)
