"""One error shape for every failure of the API.

    {"error": {"code": "<machine code>", "message": "<translated text>", "fields": {"<field>": ["..."]}}}

The handlers replace django-ninja's defaults, so authentication failures, request validation,
service errors and unexpected exceptions all answer in this shape.
"""

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from functools import partial
from typing import Any

from django.core.exceptions import NON_FIELD_ERRORS, PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from ninja import NinjaAPI
from ninja.errors import AuthenticationError, HttpError
from ninja.errors import ValidationError as RequestValidationError

from corridor.accounts.decorators import not_found as record_not_found
from corridor.accounts.decorators import record_denied
from corridor.api.auth import actor_of
from corridor.people.services import StaleEdit

logger = logging.getLogger(__name__)

Fields = dict[str, list[str]]


def found[T](obj: T | None, request: HttpRequest) -> T:
    """The object a URL names, if the actor may see it. Otherwise the pages' rule: out of scope
    looks exactly like absent (404) and is recorded in the audit log."""
    if obj is None:
        raise record_not_found(request, actor_of(request))
    return obj


def unreferenced(request: HttpRequest, *, field: str, message: str) -> ValidationError:
    """A request body names by id an object the actor may not see: recorded like a URL out of
    scope, but reported on the field (422) because the URL itself was fine."""
    record_denied(request, actor_of(request))
    return ValidationError({field: message})


@contextmanager
def fields_renamed(aliases: dict[str, str]) -> Iterator[None]:
    """Services name model fields; where an API input is named differently, report the error on
    the input's name. NON_FIELD_ERRORS may be aliased too, for services that raise bare messages."""
    try:
        yield
    except StaleEdit:
        raise
    except ValidationError as exc:
        raise ValidationError(
            {aliases.get(name, name): messages for name, messages in _service_fields(exc).items()}
        ) from exc


def _service_fields(exc: ValidationError) -> Fields:
    if hasattr(exc, "error_dict"):
        return {name: list(messages) for name, messages in exc.message_dict.items()}
    return {NON_FIELD_ERRORS: list(exc.messages)}


def _body(code: str, message: str, fields: Fields | None = None) -> dict[str, Any]:
    return {"error": {"code": code, "message": message, "fields": fields or {}}}


# Pydantic's messages are English only; the common ones get a translated message. The
# placeholders are keys of pydantic's error context.
_REQUEST_MESSAGES = {
    "missing": gettext_lazy("This field is required."),
    "extra_forbidden": gettext_lazy("This field is not accepted here."),
    "enum": gettext_lazy("Choose one of: %(expected)s."),
    "string_too_long": gettext_lazy("Use at most %(max_length)s characters."),
    "string_too_short": gettext_lazy("Use at least %(min_length)s characters."),
    "string_pattern_mismatch": gettext_lazy("This value is not in the expected format."),
    "string_type": gettext_lazy("Send text here."),
    "int_parsing": gettext_lazy("Send a whole number here."),
    "int_type": gettext_lazy("Send a whole number here."),
    "int_from_float": gettext_lazy("Send a whole number here."),
    "greater_than_equal": gettext_lazy("Send a number of at least %(ge)s."),
    "less_than_equal": gettext_lazy("Send a number of at most %(le)s."),
    "uuid_parsing": gettext_lazy("Send an identifier such as 3fa85f64-5717-4562-b3fc-2c963f66afa6."),
    "uuid_type": gettext_lazy("Send an identifier such as 3fa85f64-5717-4562-b3fc-2c963f66afa6."),
    "date_from_datetime_parsing": gettext_lazy("Send a date as YYYY-MM-DD."),
    "date_parsing": gettext_lazy("Send a date as YYYY-MM-DD."),
    "date_type": gettext_lazy("Send a date as YYYY-MM-DD."),
    "model_attributes_type": gettext_lazy("Send a JSON object."),
    "dict_type": gettext_lazy("Send a JSON object."),
}


def _request_message(error: dict[str, Any]) -> str:
    context = error.get("ctx") or {}
    if error.get("type") == "value_error" and "error" in context:
        return str(context["error"])  # our own validators' messages, already translated
    template = _REQUEST_MESSAGES.get(error.get("type", ""))
    if template is None:
        return str(error.get("msg", ""))
    try:
        return str(template) % context
    except (KeyError, TypeError, ValueError):
        return str(template)


def _request_field(location: tuple[Any, ...]) -> str:
    # ("body", "payload", "title") -> "title"; ("query", "limit") -> "limit". The body parameter's
    # Python name means nothing to a client, so it is dropped.
    source, *path = location or ("body",)
    if source == "body" and path:
        path = path[1:]
    return ".".join(str(part) for part in path) or str(source)


def _on_request_invalid(request: HttpRequest, exc: RequestValidationError, api: NinjaAPI) -> HttpResponse:
    fields: Fields = {}
    for error in exc.errors:
        fields.setdefault(_request_field(tuple(error.get("loc", ()))), []).append(_request_message(error))
    return api.create_response(
        request, _body("validation_error", _("Some of the data sent is not valid."), fields), status=422
    )


def _on_service_invalid(request: HttpRequest, exc: ValidationError, api: NinjaAPI) -> HttpResponse:
    fields = _service_fields(exc)
    general = fields.pop(NON_FIELD_ERRORS, [])
    message = " ".join(general) or _("Some of the data sent is not valid.")
    return api.create_response(request, _body("validation_error", message, fields), status=422)


def _on_stale(request: HttpRequest, exc: StaleEdit, api: NinjaAPI) -> HttpResponse:
    return api.create_response(request, _body("stale_version", " ".join(exc.messages)), status=409)


def _on_forbidden(request: HttpRequest, exc: PermissionDenied, api: NinjaAPI) -> HttpResponse:
    message = _("The role of this API token does not allow this.")
    return api.create_response(request, _body("forbidden", message), status=403)


def _on_not_found(request: HttpRequest, exc: Http404, api: NinjaAPI) -> HttpResponse:
    message = _("There is nothing here, or you may not see it.")
    return api.create_response(request, _body("not_found", message), status=404)


def _on_unauthenticated(request: HttpRequest, exc: AuthenticationError, api: NinjaAPI) -> HttpResponse:
    message = _("Send a valid API token in the Authorization header: Bearer <token>.")
    response = api.create_response(request, _body("unauthorized", message), status=401)
    response["WWW-Authenticate"] = 'Bearer realm="corridor"'
    return response


def _on_http_error(request: HttpRequest, exc: HttpError, api: NinjaAPI) -> HttpResponse:
    if exc.status_code == 400:
        # django-ninja raises 400 for a body that is not JSON; it is invalid input like any other.
        fields = {"body": [_("The request body is not valid JSON.")]}
        return api.create_response(
            request, _body("validation_error", _("Some of the data sent is not valid."), fields), status=422
        )
    return api.create_response(request, _body("http_error", str(exc)), status=exc.status_code)


def _on_unexpected(request: HttpRequest, exc: Exception, api: NinjaAPI) -> HttpResponse:
    logger.exception("API error on %s %s", request.method, request.path, exc_info=exc)
    message = _("Something went wrong on our side. The error has been logged; try again later.")
    return api.create_response(request, _body("server_error", message), status=500)


def method_not_allowed(api: NinjaAPI, request: HttpRequest, allowed: str) -> HttpResponse:
    message = _("This URL does not accept %(method)s. It accepts: %(allowed)s.") % {
        "method": request.method,
        "allowed": allowed,
    }
    response = api.create_response(request, _body("method_not_allowed", message), status=405)
    response["Allow"] = allowed
    return response


def install_error_handlers(api: NinjaAPI) -> None:
    """Replace django-ninja's handlers. Lookup follows the exception's MRO, so StaleEdit (a
    ValidationError) and AuthenticationError (an HttpError) get their own handlers."""
    handlers: list[tuple[type[Exception], Any]] = [
        (Exception, _on_unexpected),
        (HttpError, _on_http_error),
        (AuthenticationError, _on_unauthenticated),
        (RequestValidationError, _on_request_invalid),
        (ValidationError, _on_service_invalid),
        (StaleEdit, _on_stale),
        (PermissionDenied, _on_forbidden),
        (Http404, _on_not_found),
    ]
    for exc_class, handler in handlers:
        api.add_exception_handler(exc_class, partial(handler, api=api))
