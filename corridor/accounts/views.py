"""Organisation administration: members and roles, API tokens, and choosing the organisation
to work for."""

from __future__ import annotations

from uuid import UUID

from allauth.account.forms import ResetPasswordForm
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from corridor.accounts import selectors, services
from corridor.accounts.capabilities import ROLE_CAPABILITIES
from corridor.accounts.decorators import actor_required, not_found
from corridor.accounts.forms import ApiTokenForm, MemberAddForm, MemberRoleForm, OrganisationSwitchForm
from corridor.accounts.models import Membership, Organisation, Role
from corridor.accounts.scope import Actor
from corridor.core.forms import apply_service_errors


def _members_page(request: HttpRequest, actor: Actor, form: MemberAddForm, status: int = 200) -> HttpResponse:
    roles = [(role.value, role.label, sorted(ROLE_CAPABILITIES[role.value])) for role in Role]
    return render(
        request,
        "accounts/members.html",
        {
            "memberships": selectors.members_of(actor=actor),
            "form": form,
            "roles": roles,
            "role_choices": Role.choices,
            "listing_label": Organisation._meta.get_field("listed_for_peers").verbose_name,
            "listing_help": Organisation._meta.get_field("listed_for_peers").help_text,
        },
        status=status,
    )


@actor_required("org.manage_members")
def members(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = MemberAddForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            membership, created = services.membership_add(actor=actor, **form.cleaned_data)
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            if created:
                # New people choose their own password through the reset email.
                reset = ResetPasswordForm(data={"email": membership.user.email})
                if reset.is_valid():
                    reset.save(request)
                messages.success(
                    request,
                    _("%(email)s was added and emailed a link to set a password.") % {"email": membership.user.email},
                )
            else:
                messages.success(request, _("%(email)s was added.") % {"email": membership.user.email})
            return redirect("accounts:members")
    return _members_page(request, actor, form, status=422 if form.errors else 200)


def _membership_or_404(request: HttpRequest, actor: Actor, membership_id: UUID) -> Membership:
    membership = selectors.members_of(actor=actor).filter(pk=membership_id).first()
    if membership is None:
        raise not_found(request, actor)
    return membership


@require_POST
@actor_required("org.manage_members")
def member_role(request: HttpRequest, actor: Actor, membership_id: UUID) -> HttpResponse:
    membership = _membership_or_404(request, actor, membership_id)
    form = MemberRoleForm(request.POST)
    if form.is_valid():
        try:
            services.membership_change_role(actor=actor, membership=membership, role=form.cleaned_data["role"])
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Role changed."))
    else:
        messages.error(request, _("Choose one of the listed roles."))
    return redirect("accounts:members")


@require_POST
@actor_required("org.manage_members")
def member_deactivate(request: HttpRequest, actor: Actor, membership_id: UUID) -> HttpResponse:
    membership = _membership_or_404(request, actor, membership_id)
    try:
        services.membership_deactivate(actor=actor, membership=membership)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request, _("%(email)s can no longer work for this organisation.") % {"email": membership.user.email}
        )
    return redirect("accounts:members")


@actor_required("org.manage_tokens")
def api_tokens(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = ApiTokenForm(request.POST or None)
    secret = None
    if request.method == "POST" and form.is_valid():
        try:
            _token, secret = services.api_token_create(
                actor=actor,
                name=form.cleaned_data["name"],
                role=form.cleaned_data["role"],
                expires_at=form.expires_at(),
            )
        except ValidationError as error:
            apply_service_errors(form, error)
        else:
            form = ApiTokenForm()
    return render(
        request,
        "accounts/api_tokens.html",
        {
            "tokens": selectors.api_tokens_of(actor=actor),
            "form": form,
            "secret": secret,
        },
        status=422 if form.errors else 200,
    )


@require_POST
@actor_required("org.manage_tokens")
def api_token_revoke(request: HttpRequest, actor: Actor, token_id: UUID) -> HttpResponse:
    token = selectors.api_tokens_of(actor=actor).filter(pk=token_id).first()
    if token is None:
        raise not_found(request, actor)
    services.api_token_revoke(actor=actor, token=token)
    messages.success(request, _("The token was revoked. Anything using it stops working now."))
    return redirect("accounts:api_tokens")


@require_POST
@actor_required()
def organisation_switch(request: HttpRequest, actor: Actor) -> HttpResponse:
    form = OrganisationSwitchForm(request.POST)
    chosen = None
    if form.is_valid():
        assert actor.user is not None  # a signed-in member: actor_required made sure
        chosen = selectors.memberships_of(actor.user).filter(organisation_id=form.cleaned_data["organisation"]).first()
    if chosen is None:
        raise not_found(request, actor)
    request.session[selectors.SESSION_ORGANISATION_KEY] = str(chosen.organisation_id)
    messages.success(request, _("You are now working for %(name)s.") % {"name": chosen.organisation.name})
    next_url = request.POST.get("next", "/")
    if not url_has_allowed_host_and_scheme(next_url, {request.get_host()}):
        next_url = "/"
    return redirect(next_url)


@require_POST
@actor_required("org.manage_members")
def peers_listing(request: HttpRequest, actor: Actor) -> HttpResponse:
    services.organisation_set_listed_for_peers(actor=actor, listed=request.POST.get("listed_for_peers") == "on")
    messages.success(request, _("Saved"))
    return redirect(reverse("accounts:members") + "#peers-listing")


@actor_required()
def notifications(request: HttpRequest, actor: Actor) -> HttpResponse:
    page = Paginator(selectors.notifications_of(actor=actor), 25).get_page(request.GET.get("page"))
    return render(request, "accounts/notifications.html", {"page_obj": page, "notifications": page.object_list})


@require_POST
@actor_required()
def notification_open(request: HttpRequest, actor: Actor, notification_id: UUID) -> HttpResponse:
    """Mark it read and go to what it is about (a page that checks access itself)."""
    notification = selectors.notifications_of(actor=actor).filter(pk=notification_id).first()
    if notification is None:
        raise not_found(request, actor)
    services.notification_read(actor=actor, notification=notification)
    target = notification.url if url_has_allowed_host_and_scheme(notification.url, allowed_hosts=None) else "/"
    return redirect(target)


@require_POST
@actor_required()
def notifications_read_all(request: HttpRequest, actor: Actor) -> HttpResponse:
    services.notifications_read_all(actor=actor)
    return redirect("accounts:notifications")
