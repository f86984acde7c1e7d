"""Schemas and field types shared by every app's api.py."""

from typing import Annotated, Any

from django.utils.translation import gettext as _
from ninja import Field, Schema
from pydantic import AfterValidator, BeforeValidator, ConfigDict, create_model
from pydantic.fields import FieldInfo

from corridor.core.models import Province


def _storable(value: str) -> str:
    # PostgreSQL refuses NUL characters and lone surrogates cannot be encoded: reject them here as
    # bad input (422) instead of letting the database fail later (500).
    if "\x00" in value:
        raise ValueError(_("Remove the NUL character from the text."))
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        raise ValueError(_("The text contains characters that cannot be stored.")) from None
    return value


def _blank_as_none(value: Any) -> Any:
    # Optional choice columns store "" for "not given"; the API says null.
    return value or None


STORABLE = AfterValidator(_storable)
BLANK_AS_NONE = BeforeValidator(_blank_as_none)

Line = Annotated[str, Field(max_length=200), STORABLE]
RequiredLine = Annotated[str, Field(min_length=1, max_length=200), STORABLE]
Text = Annotated[str, Field(max_length=10_000), STORABLE]
ProvinceCode = Annotated[str, Field(pattern=r"^(KH|TH)-[0-9]{1,2}$", examples=["TH-21", "KH-14"])]
# The services store version + 1 in a 32-bit column, so the largest version worth sending is 2**31 - 2;
# a larger one would make PostgreSQL fail the UPDATE (500) instead of answering 409.
Version = Annotated[int, Field(ge=1, le=2_147_483_646, description="The version you read; a stale one gives 409.")]
UserId = Annotated[int, Field(ge=1, le=9_223_372_036_854_775_807)]
# Amounts travel as strings so that no client rounds them through a binary float.
Amount = Annotated[str, Field(pattern=r"^[0-9]{1,12}(\.[0-9]{1,2})?$", examples=["12500.00"])]


def province_ref(code: str | None) -> Province | None:
    """A reference to a province by its code, for the services to validate.

    No query here: the services' full_clean checks that the province exists and is in the right
    country, with the same messages the pages show.
    """
    return Province(pk=code) if code else None


class InputSchema(Schema):
    """Request bodies refuse unknown fields, so a typo is an error and not a silent no-op. Choices
    reach the services as their plain string values."""

    model_config = ConfigDict(extra="forbid", use_enum_values=True)


def _drop_default(schema: dict[str, Any]) -> None:
    schema.pop("default", None)


def omissible(description: str = "") -> Any:
    """A field that may be left out but, when sent, may not be null. Its default (None) is never
    validated or used: the endpoints read only the fields that were sent (exclude_unset)."""
    return Field(default=None, description=description or None, json_schema_extra=_drop_default)


def patch_body[S: InputSchema](schema: type[S]) -> type[S]:
    """Class decorator for PATCH bodies. Every inherited field may be left out (and is then left
    unchanged) and is nullable only where the original is; fields the class declares itself (the
    required `version`) stay as declared."""
    own = set(schema.__annotations__)
    fields: dict[str, Any] = {}
    for name, info in schema.model_fields.items():
        if name not in own:
            optional = FieldInfo.merge_field_infos(info, default=None, json_schema_extra=_drop_default)
            fields[name] = (info.annotation, optional)
    patched: type[S] = create_model(
        schema.__name__, __base__=schema, __module__=schema.__module__, __doc__=schema.__doc__, **fields
    )
    return patched


class ErrorDetail(Schema):
    code: str = Field(examples=["validation_error"])
    message: str
    fields: dict[str, list[str]] = Field(default_factory=dict)


class ErrorOut(Schema):
    error: ErrorDetail


def errors(*codes: int) -> dict[int, type[ErrorOut]]:
    """The documented error responses of an operation: 401 always, plus the given codes."""
    return {code: ErrorOut for code in (401, *codes)}
