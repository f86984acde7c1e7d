"""Keyset ("cursor") pagination on (created_at, pk).

Offsets drift when rows are added between two requests and get slower page by page; a keyset
cursor names the last row seen, so every row is returned exactly once and each page costs one
indexed range scan. The cursor is opaque to clients: base64 of the last row's sort key.
"""

import base64
import binascii
import datetime as dt
import json
from dataclasses import dataclass
from typing import Annotated
from uuid import UUID

from django.core.exceptions import ValidationError
from django.db.models import Model, Q, QuerySet
from django.utils.translation import gettext as _
from ninja import Field, Schema

from corridor.api.schemas import STORABLE


class PageQuery(Schema):
    cursor: Annotated[str, Field(max_length=200), STORABLE] = Field(
        "", description="The next_cursor of the previous page; leave out for the first page."
    )
    limit: int = Field(50, ge=1, le=100, description="How many items per page.")


@dataclass(frozen=True)
class Page[M: Model]:
    items: list[M]
    next_cursor: str | None


def _encode(row: Model) -> str:
    key = [row.created_at.isoformat(), str(row.pk)]  # type: ignore[attr-defined]
    return base64.urlsafe_b64encode(json.dumps(key).encode()).decode().rstrip("=")


def _decode(cursor: str) -> tuple[dt.datetime, UUID]:
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        created_at, pk = json.loads(raw)
        moment = dt.datetime.fromisoformat(created_at)
        if moment.tzinfo is None:
            raise ValueError("naive datetime")
        return moment.astimezone(dt.UTC), UUID(pk)
    except (ValueError, TypeError, OverflowError, binascii.Error):
        message = _("This cursor is not valid. Start again without a cursor.")
        raise ValidationError({"cursor": message}) from None


def paginate[M: Model](queryset: QuerySet[M], query: PageQuery, *, newest_first: bool) -> Page[M]:
    """One page of `queryset`, which must already be scoped to the actor; its own ordering is
    replaced by the keyset order."""
    direction = "-" if newest_first else ""
    rows = queryset.order_by(f"{direction}created_at", f"{direction}pk")
    if query.cursor:
        created_at, pk = _decode(query.cursor)
        later = "lt" if newest_first else "gt"
        rows = rows.filter(Q(**{f"created_at__{later}": created_at}) | Q(created_at=created_at, **{f"pk__{later}": pk}))
    fetched = list(rows[: query.limit + 1])
    items = fetched[: query.limit]
    return Page(items=items, next_cursor=_encode(items[-1]) if len(fetched) > query.limit else None)
