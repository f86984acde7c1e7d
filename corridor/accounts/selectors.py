"""Reads about organisations, memberships and the acting principal."""

from __future__ import annotations

import hashlib
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone

from corridor.accounts.capabilities import ROLE_CAPABILITIES
from corridor.accounts.models import ApiToken, Membership, Notification, Organisation, User
from corridor.accounts.scope import Actor

SESSION_ORGANISATION_KEY = "corridor_organisation"


def memberships_of(user: User) -> QuerySet[Membership]:
    return Membership.objects.filter(user=user, is_active=True).select_related("organisation")


def actor_for_user(user: User, organisation_id: Any = None) -> Actor | None:
    """The actor for a signed-in user: the chosen organisation, else their first membership."""
    memberships = list(memberships_of(user))
    if not memberships:
        return None
    chosen = next((m for m in memberships if str(m.organisation_id) == str(organisation_id)), memberships[0])
    return Actor(organisation=chosen.organisation, role=chosen.role, user=user)


def actor_for_request(request: HttpRequest) -> Actor | None:
    user = request.user
    if not user.is_authenticated:
        return None
    return actor_for_user(user, request.session.get(SESSION_ORGANISATION_KEY))


def actor_for_token(secret: str) -> Actor | None:
    digest = hashlib.sha256(secret.encode()).hexdigest()
    token = ApiToken.objects.select_related("organisation").filter(digest=digest).first()
    if token is None or not token.is_usable:
        return None
    ApiToken.objects.filter(pk=token.pk).update(last_used_at=timezone.now())
    return Actor(organisation=token.organisation, role=token.role, token=token)


def user_must_enrol_mfa(user: User) -> bool:
    from allauth.mfa.models import Authenticator

    requires = Membership.objects.filter(user=user, is_active=True, organisation__require_mfa=True).exists()
    if not requires:
        return False
    return not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists()


def members_of(*, actor: Actor) -> QuerySet[Membership]:
    if not actor.can("org.manage_members"):
        return Membership.objects.none()
    return (
        Membership.objects.filter(organisation=actor.organisation)
        .select_related("user")
        .order_by("-is_active", "user__email")
    )


def assignable_users(*, actor: Actor) -> QuerySet[User]:
    """Active members of the actor's organisation who can work on cases."""
    return User.objects.filter(
        memberships__organisation=actor.organisation,
        memberships__is_active=True,
        memberships__role__in=["org_admin", "manager", "caseworker", "intake_officer"],
        is_active=True,
    ).order_by("full_name", "email")


def api_tokens_of(*, actor: Actor) -> QuerySet[ApiToken]:
    if not actor.can("org.manage_tokens"):
        return ApiToken.objects.none()
    return ApiToken.objects.filter(organisation=actor.organisation)


def members_with(*, organisation: Organisation, capability: str) -> QuerySet[User]:
    """Active members of an organisation whose role has the capability: who to tell about something."""
    roles = [role for role, capabilities in ROLE_CAPABILITIES.items() if capability in capabilities]
    return User.objects.filter(
        memberships__organisation=organisation,
        memberships__is_active=True,
        memberships__role__in=roles,
        is_active=True,
    ).distinct()


def notifications_of(*, actor: Actor) -> QuerySet[Notification]:
    if actor.user is None:
        return Notification.objects.none()
    return Notification.objects.filter(user=actor.user, organisation=actor.organisation)
