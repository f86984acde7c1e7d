"""The two HTTP endpoints peers call: the signed directory, and the inbox for envelopes."""

from __future__ import annotations

from django.conf import settings
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from corridor.core import ratelimit
from corridor.referrals.federation import directory, inbox, node
from corridor.referrals.federation.envelope import MAX_ENVELOPE_BYTES

NOT_ENABLED = {"status": "rejected", "reason": "disabled", "detail": "this server does not exchange referrals"}


@require_GET
@never_cache
def node_directory(request: HttpRequest) -> HttpResponse:
    if not node.enabled():
        return JsonResponse(NOT_ENABLED, status=404)
    return HttpResponse(directory.signed_directory(), content_type="application/json")


# Envelopes carry their own authentication (a signature by a registered peer); a browser session has no
# say in them, so CSRF does not apply. The rate limit bounds what an unknown sender can make us verify.
@csrf_exempt
@require_POST
def federation_inbox(request: HttpRequest) -> HttpResponse:
    if not node.enabled():
        return JsonResponse(NOT_ENABLED, status=404)
    limit = ratelimit.Limit.parse(settings.CORRIDOR_FEDERATION_RATE)
    if not ratelimit.hit("federation", ratelimit.client_key(request), limit):
        return JsonResponse({"status": "rejected", "reason": "rate_limited"}, status=429)
    if int(request.headers.get("Content-Length") or 0) > MAX_ENVELOPE_BYTES:
        return JsonResponse({"status": "rejected", "reason": "malformed", "detail": "too large"}, status=413)
    outcome = inbox.receive(request.body)
    return JsonResponse(outcome.body, status=outcome.status)
