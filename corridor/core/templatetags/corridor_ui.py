"""Small template helpers for the shared layout and components: `{% load corridor_ui %}`."""

from __future__ import annotations

from typing import Any

from django import template
from django.forms import BoundField
from django.utils.safestring import SafeString, mark_safe

register = template.Library()


@register.simple_tag
def field_widget(field: BoundField, **attrs: Any) -> SafeString:
    """Render a field's widget with extra attributes, e.g. `input_mode="numeric"`.

    Underscores become hyphens (`input_mode` → `inputmode`, `aria_label` → `aria-label`); empty
    values are skipped so that an include can pass optional attributes through unchanged.
    """
    extra = {
        ("inputmode" if key == "input_mode" else key.replace("_", "-")): value
        for key, value in attrs.items()
        if value not in (None, "")
    }
    return field.as_widget(attrs=extra)


@register.simple_tag(takes_context=True)
def nav_current(context: template.Context, view_name: str) -> SafeString:
    """`aria-current` for a navigation link: "page" on that exact page, "true" anywhere else in the
    same URL namespace (e.g. a case's detail page marks "Cases")."""
    request = context.get("request")
    match = getattr(request, "resolver_match", None)
    if match is None:
        return SafeString("")
    if match.view_name == view_name:
        return mark_safe(' aria-current="page"')
    namespace, _, _ = view_name.rpartition(":")
    if namespace and match.namespace == namespace:
        return mark_safe(' aria-current="true"')
    return SafeString("")


@register.simple_tag(takes_context=True)
def page_url(context: template.Context, param: str, number: int) -> str:
    """The current URL's query with one page parameter replaced, for pages that hold several
    paginated lists (each with its own parameter)."""
    query = context["request"].GET.copy()
    query[param] = str(number)
    return "?" + str(query.urlencode())
