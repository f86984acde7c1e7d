"""Webhook endpoints of messaging providers. Each call is checked, recorded once by the provider's
update id, and answered as soon as the conversation step and its replies are committed: sending
happens afterwards, in tasks, so a slow provider never holds up (or repeats) a webhook call."""

from __future__ import annotations

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed, JsonResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import override
from django.views.decorators.csrf import csrf_exempt

from corridor.core.ratelimit import Limit, hit
from corridor.intake.channels.base import Adapter, BadUpdate, Incoming, Outgoing, Unverified
from corridor.intake.channels.conversation import conversation_for, conversation_reply
from corridor.intake.channels.outbound import queue_message
from corridor.intake.channels.registry import ADAPTERS
from corridor.intake.choices import Channel
from corridor.intake.models import ChannelConversation, ChannelUpdate
from corridor.intake.services import LANGUAGES

# Telegram updates are a few kilobytes; anything far larger is not a worker's message.
MAX_BODY = 64 * 1024


@csrf_exempt
def telegram(request: HttpRequest) -> HttpResponse:
    return handle_webhook(request, ADAPTERS[Channel.TELEGRAM])


def handle_webhook(request: HttpRequest, adapter: Adapter) -> HttpResponse:
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not adapter.enabled():
        return JsonResponse({"ok": False}, status=404)
    try:
        adapter.verify(request)
    except Unverified:
        return JsonResponse({"ok": False}, status=403)
    if _too_big(request):
        return JsonResponse({"ok": False}, status=413)
    try:
        incoming = adapter.parse(request)
    except BadUpdate:
        return JsonResponse({"ok": False}, status=400)
    if incoming is not None:
        status_url = request.build_absolute_uri(reverse("intake:status"))
        receive(channel=adapter.channel, incoming=incoming, status_url=status_url)
    return JsonResponse(adapter.webhook_answer(incoming))


def _too_big(request: HttpRequest) -> bool:
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    if declared > MAX_BODY:
        return True
    try:
        return len(request.body) > MAX_BODY
    except RequestDataTooBig:
        return True


def receive(*, channel: str, incoming: Incoming, status_url: str) -> None:
    """Record the update, advance the worker's conversation and queue the reply, all or nothing: a
    failure leaves the update unrecorded, so the provider's redelivery tries again."""
    with transaction.atomic():
        try:
            with transaction.atomic():
                ChannelUpdate.objects.create(channel=channel, update_id=incoming.update_id)
        except IntegrityError:
            return  # delivered before: the first delivery already did everything
        conversation = conversation_for(channel=channel, user_ref=incoming.user_ref)
        if not _within_rate(channel, conversation):
            if _first_refusal(channel, conversation):
                queue_message(conversation, _slow_down(conversation, incoming))
            return
        reply = conversation_reply(conversation=conversation, incoming=incoming, status_url=status_url)
        if reply.text:
            queue_message(conversation, reply)


def _rate() -> Limit:
    return Limit.parse(settings.CORRIDOR_CHANNEL_RATE)


def _within_rate(channel: str, conversation: ChannelConversation) -> bool:
    return hit(f"channel:{channel}", conversation.user_index[:32], _rate())


def _first_refusal(channel: str, conversation: ChannelConversation) -> bool:
    """Say "slow down" once per window, not once per dropped message."""
    return hit(f"channel-refused:{channel}", conversation.user_index[:32], Limit(1, _rate().seconds))


def _slow_down(conversation: ChannelConversation, incoming: Incoming) -> Outgoing:
    hint = incoming.language_hint if incoming.language_hint in LANGUAGES else "en"
    with override(conversation.language or hint):
        return Outgoing(text=_("You are sending messages very fast. Please wait a minute, then try again."))
