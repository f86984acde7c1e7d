"""Which tables a backup holds, in which order, and how their values become JSON and back.

Every concrete, managed model of every installed app is included, so a table added later is backed
up without anyone remembering to list it. The exceptions are rows that are not data: sessions,
content types and permissions (rebuilt by `migrate`; rows that point at them are written with their
natural keys) and the background task queue. Reference tables filled by data migrations are
merged on restore instead of having to be empty.
"""

from __future__ import annotations

import base64
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from django.apps import apps
from django.core.exceptions import ObjectDoesNotExist
from django.db import DEFAULT_DB_ALIAS, connections, models
from django.db.models import ExpressionWrapper, F
from django.utils.dateparse import parse_duration
from django.utils.duration import duration_iso_string

# Not data: rebuilt by migrate, or transient.
EXCLUDED = frozenset(
    {
        "sessions.session",  # signed-in sessions: everybody signs in again after a restore
        "contenttypes.contenttype",  # created by migrate; referenced by natural key
        "auth.permission",  # created by migrate; referenced by natural key
        "django_tasks_database.dbtaskresult",  # the background task queue and its results
    }
)
# Filled by data migrations, so a freshly migrated instance already holds them.
REFERENCE = frozenset({"core.province", "cases.violationtype"})
# Foreign keys to these are written as natural keys: their ids differ between instances.
NATURAL_KEY_TARGETS = frozenset({"contenttypes.contenttype", "auth.permission"})


class MissingNaturalKeyError(LookupError):
    pass


def label_of(model: type[models.Model]) -> str:
    return model._meta.label_lower


def backed_up_models(using: str = DEFAULT_DB_ALIAS) -> list[type[models.Model]]:
    """Every table the backup holds, parents before children (foreign keys point backwards).

    A model whose table does not exist (its migration is not applied) holds no data and is left out;
    the migration state in the manifest says which migrations were applied."""
    existing = set(connections[using].introspection.table_names())
    candidates = [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed
        and not model._meta.proxy
        and not model._meta.swapped
        and label_of(model) not in EXCLUDED
        and model._meta.db_table in existing
    ]
    return _dependency_order(candidates)


def _dependency_order(candidates: list[type[models.Model]]) -> list[type[models.Model]]:
    included = set(candidates)
    needs = {
        model: {
            field.related_model
            for field in model._meta.local_concrete_fields
            if field.is_relation and field.related_model in included and field.related_model is not model
        }
        for model in candidates
    }
    ordered: list[type[models.Model]] = []
    placed: set[type[models.Model]] = set()
    while len(ordered) < len(candidates):
        ready = [model for model in candidates if model not in placed and needs[model] <= placed]
        if not ready:  # a cycle: the deferred foreign-key checks of the load cover it
            ready = [next(model for model in candidates if model not in placed)]
        for model in ready:
            ordered.append(model)
            placed.add(model)
    return ordered


def model_for(label: str) -> type[models.Model] | None:
    app_label, _, model_name = label.partition(".")
    try:
        return apps.get_model(app_label, model_name)
    except LookupError:
        return None


Encode = Callable[[Any], Any]
Decode = Callable[[Any], Any]


@dataclass(frozen=True)
class Column:
    """One stored column: its field, the name it has in a record, how it is selected and converted."""

    field: models.Field[Any, Any]
    name: str  # field.name: how Django's serializers name it
    select: str  # the name given to values_list
    encode: Encode
    decode: Decode


def _iso(value: Any) -> Any:
    return None if value is None else value.isoformat()


def _text(value: Any) -> Any:
    return None if value is None else str(value)


def _b64(value: Any) -> Any:
    return None if value is None else base64.b64encode(bytes(value)).decode("ascii")


def _unb64(value: Any) -> Any:
    return None if value is None else base64.b64decode(value, validate=True)


def _duration(value: Any) -> Any:
    return None if value is None else duration_iso_string(value)


def _unduration(value: Any) -> Any:
    return None if value is None else parse_duration(value)


def _same(value: Any) -> Any:
    return value


def _codec(field: models.Field[Any, Any]) -> tuple[Encode, Decode]:
    """Exact, lossless conversions. Datetimes keep their microseconds (Django's JSON encoder would cut
    them to milliseconds, which breaks the audit chain); binary values, including encrypted ones, are the
    stored bytes in base64, never decrypted."""
    target = field.target_field if field.is_relation else field  # type: ignore[attr-defined]
    kind = target.get_internal_type()
    if kind == "BinaryField":
        return _b64, _unb64
    if kind == "JSONField":
        return _same, _same
    if kind in {"DateTimeField", "DateField", "TimeField"}:
        return _iso, target.to_python
    if kind in {"DecimalField", "UUIDField"}:
        return _text, target.to_python
    if kind == "DurationField":
        return _duration, _unduration
    if getattr(type(target), "from_db_value", None) is not None:  # it converts on reading: not lossless
        raise TypeError(f"{field.model._meta.label}.{field.name}: no lossless backup format for {type(field).__name__}")
    return _same, target.to_python


def _natural_key_codec(field: models.Field[Any, Any]) -> tuple[Encode, Decode]:
    related = field.related_model
    assert related is not None and not isinstance(related, str)
    manager: Any = related._default_manager
    by_pk: dict[Any, Any] = {}
    by_key: dict[tuple[Any, ...], Any] = {}

    def encode(pk: Any) -> Any:
        if pk is None:
            return None
        if pk not in by_pk:
            by_pk[pk] = list(manager.get(pk=pk).natural_key())
        return by_pk[pk]

    def decode(key: Any) -> Any:
        if key is None:
            return None
        natural = tuple(key)
        if natural not in by_key:
            try:
                by_key[natural] = manager.get_by_natural_key(*natural).pk
            except ObjectDoesNotExist:
                raise MissingNaturalKeyError(
                    f"{label_of(related)} {natural!r} does not exist in this instance"
                ) from None
        return by_key[natural]

    return encode, decode


def columns_of(model: type[models.Model]) -> list[Column]:
    columns = []
    for field in model._meta.local_concrete_fields:
        if field.is_relation and label_of(field.related_model) in NATURAL_KEY_TARGETS:  # type: ignore[arg-type]
            encode, decode = _natural_key_codec(field)
        else:
            encode, decode = _codec(field)
        columns.append(Column(field=field, name=field.name, select=field.attname, encode=encode, decode=decode))
    return columns


def raw_selection(model: type[models.Model], columns: Iterable[Column]) -> tuple[dict[str, Any], list[str]]:
    """Annotations and names for values_list that read every column as stored.

    A binary column is read through an expression typed as a plain BinaryField, so a field that
    decrypts on the way out of the database (EncryptedTextField) hands over its ciphertext unchanged."""
    annotations: dict[str, Any] = {}
    names: list[str] = []
    for column in columns:
        if column.field.get_internal_type() == "BinaryField" and not column.field.is_relation:
            alias = f"_raw_{column.field.attname}"
            annotations[alias] = ExpressionWrapper(F(column.field.attname), output_field=models.BinaryField())
            names.append(alias)
        else:
            names.append(column.select)
    return annotations, names
