"""Writes about organisations, members, languages and API tokens."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable, Iterable
from datetime import datetime
from functools import partial

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from corridor.accounts.models import ApiToken, Membership, Notification, Organisation, Role, User
from corridor.accounts.scope import Actor
from corridor.audit.models import AuditAction
from corridor.audit.services import audit_record


def _require(actor: Actor, capability: str) -> None:
    if not actor.can(capability):
        raise PermissionDenied(capability)


@transaction.atomic
def user_set_language(*, user: User, language: str) -> None:
    if language not in {"en", "km", "th"}:
        raise ValidationError(_("Choose English, Khmer or Thai."))
    if user.preferred_language != language:
        User.objects.filter(pk=user.pk).update(preferred_language=language)
        user.preferred_language = language


@transaction.atomic
def membership_add(*, actor: Actor, email: str, full_name: str, role: str) -> tuple[Membership, bool]:
    """Add a member by email. A new person gets an account without a usable password; they set
    one through the password-reset email. Returns the membership and whether the user is new."""
    _require(actor, "org.manage_members")
    if role not in Role.values:
        raise ValidationError({"role": _("Choose one of the listed roles.")})
    email = email.strip().lower()
    user = User.objects.filter(email__iexact=email).first()
    created = user is None
    if user is None:
        user = User.objects.create_user(email=email, password=None, full_name=full_name.strip())
    membership = Membership.objects.filter(user=user, organisation=actor.organisation).first()
    if membership is not None and membership.is_active:
        raise ValidationError({"email": _("This person is already a member of your organisation.")})
    if membership is None:
        membership = Membership.objects.create(
            user=user, organisation=actor.organisation, role=role, created_by=actor.user
        )
    else:
        membership.is_active = True
        membership.role = role
        membership.save(update_fields=["is_active", "role", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.CREATE,
        obj=membership,
        summary=f"member {email} added as {role}",
        changes={"role": [None, role]},
    )
    return membership, created


def _last_admin_guard(membership: Membership, *, new_role: str | None, active: bool) -> None:
    if membership.role != Role.ORG_ADMIN or (active and new_role == Role.ORG_ADMIN):
        return
    admins = Membership.objects.filter(
        organisation=membership.organisation, role=Role.ORG_ADMIN, is_active=True
    ).exclude(pk=membership.pk)
    if not admins.exists():
        raise ValidationError(_("An organisation needs at least one active administrator."))


@transaction.atomic
def membership_change_role(*, actor: Actor, membership: Membership, role: str) -> Membership:
    _require(actor, "org.manage_members")
    if membership.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    if role not in Role.values:
        raise ValidationError({"role": _("Choose one of the listed roles.")})
    _last_admin_guard(membership, new_role=role, active=True)
    old = membership.role
    membership.role = role
    membership.save(update_fields=["role", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=membership,
        changes={"role": [old, role]},
        summary=f"role of {membership.user.email} changed",
    )
    return membership


@transaction.atomic
def membership_deactivate(*, actor: Actor, membership: Membership) -> Membership:
    _require(actor, "org.manage_members")
    if membership.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    _last_admin_guard(membership, new_role=None, active=False)
    membership.is_active = False
    membership.save(update_fields=["is_active", "updated_at"])
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=membership,
        changes={"is_active": [True, False]},
        summary=f"member {membership.user.email} deactivated",
    )
    return membership


@transaction.atomic
def api_token_create(*, actor: Actor, name: str, role: str, expires_at: datetime | None = None) -> tuple[ApiToken, str]:
    """Returns the token and its secret; the secret is shown once and never stored."""
    _require(actor, "org.manage_tokens")
    if role not in Role.values:
        raise ValidationError({"role": _("Choose one of the listed roles.")})
    if not name.strip():
        raise ValidationError({"name": _("Give the token a name that says what uses it.")})
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("The expiry date must be in the future.")})
    prefix = secrets.token_hex(4)
    secret = f"cor_{prefix}_{secrets.token_urlsafe(32)}"
    token = ApiToken.objects.create(
        organisation=actor.organisation,
        name=name.strip(),
        role=role,
        prefix=prefix,
        digest=hashlib.sha256(secret.encode()).hexdigest(),
        expires_at=expires_at,
        created_by=actor.user,
    )
    audit_record(actor=actor, action=AuditAction.CREATE, obj=token, summary=f"API token {prefix} created")
    return token, secret


@transaction.atomic
def api_token_revoke(*, actor: Actor, token: ApiToken) -> ApiToken:
    _require(actor, "org.manage_tokens")
    if token.organisation_id != actor.organisation.pk:
        raise PermissionDenied("other organisation")
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at", "updated_at"])
        audit_record(actor=actor, action=AuditAction.UPDATE, obj=token, summary=f"API token {token.prefix} revoked")
    return token


@transaction.atomic
def organisation_create(
    *,
    slug: str,
    name_en: str,
    country: str,
    type: str,
    case_prefix: str,
    name_km: str = "",
    name_th: str = "",
    require_mfa: bool = True,
    contact_email: str = "",
) -> Organisation:
    organisation = Organisation(
        slug=slug,
        name_en=name_en,
        name_km=name_km,
        name_th=name_th,
        country=country,
        type=type,
        case_prefix=case_prefix.upper(),
        require_mfa=require_mfa,
        contact_email=contact_email,
    )
    organisation.full_clean()
    organisation.save()
    audit_record(
        actor=None,
        action=AuditAction.CREATE,
        obj=organisation,
        organisation_id=organisation.pk,
        summary=f"organisation {slug} created",
    )
    return organisation


def notify(
    *, users: Iterable[User], organisation: Organisation, text: Callable[[], str], url: str
) -> list[Notification]:
    """Tell members about something, each in their own language, in the app and by email. The email
    goes after the caller's transaction commits, so a mail server outage never undoes the change."""
    from corridor.accounts.tasks import email_notification

    notifications = []
    for user in users:
        with override(user.preferred_language or "en"):
            message = str(text())[:300]
        notifications.append(Notification(user=user, organisation=organisation, text=message, url=url))
    Notification.objects.bulk_create(notifications)
    for notification in notifications:
        transaction.on_commit(partial(email_notification.enqueue, str(notification.pk)), robust=True)
    return notifications


def notifications_read_all(*, actor: Actor) -> int:
    if actor.user is None:
        return 0
    return Notification.objects.filter(user=actor.user, organisation=actor.organisation, read_at__isnull=True).update(
        read_at=timezone.now()
    )


def notification_read(*, actor: Actor, notification: Notification) -> None:
    if actor.user is None or notification.user_id != actor.user.pk:
        raise PermissionDenied("not yours")
    if notification.read_at is None:
        Notification.objects.filter(pk=notification.pk).update(read_at=timezone.now())


@transaction.atomic
def organisation_set_listed_for_peers(*, actor: Actor, listed: bool) -> Organisation:
    """Opt the organisation in to (or out of) referrals from other Corridor servers: it appears in this
    server's signed directory, which peers read."""
    _require(actor, "org.manage_members")
    organisation = actor.organisation
    before = organisation.listed_for_peers
    if before == listed:
        return organisation
    Organisation.objects.filter(pk=organisation.pk).update(listed_for_peers=listed, updated_at=timezone.now())
    organisation.listed_for_peers = listed
    audit_record(
        actor=actor,
        action=AuditAction.UPDATE,
        obj=organisation,
        summary="listing for peer servers changed",
        changes={"listed_for_peers": [before, listed]},
    )
    return organisation
