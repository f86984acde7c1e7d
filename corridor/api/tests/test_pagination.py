"""Cursor pagination returns every visible row exactly once, in a stable order, page after page."""

import base64

import pytest

from corridor.api.tests.conftest import assert_error
from corridor.cases.services import case_open
from corridor.people.services import person_create


def _walk(api, path, limit, **query):
    seen, cursor, pages = [], None, 0
    while True:
        params = {"limit": limit, **query, **({"cursor": cursor} if cursor else {})}
        body = api.get(path, **params).json()
        assert len(body["items"]) <= limit
        seen.extend(item["id"] for item in body["items"])
        pages += 1
        cursor = body["next_cursor"]
        if cursor is None:
            return seen, pages


def test_it_walks_every_case_exactly_once_newest_first(api, owner):
    opened = [case_open(actor=owner, title=f"Case {n}") for n in range(7)]

    seen, pages = _walk(api, "cases", 3)

    assert seen == [str(case.pk) for case in reversed(opened)]
    assert pages == 3


def test_it_walks_people_oldest_first_and_keeps_filters(api, owner):
    added = [person_create(actor=owner, name_latin=f"Sok {n}") for n in range(5)]
    person_create(actor=owner, name_latin="Dara")

    seen, pages = _walk(api, "people", 2, q="sok")

    assert seen == [str(person.pk) for person in added]
    assert pages == 3


def test_it_is_not_thrown_off_by_rows_added_between_pages(api, owner):
    first = [case_open(actor=owner, title=f"Case {n}") for n in range(4)]
    page = api.get("cases", limit=2).json()
    case_open(actor=owner, title="Opened meanwhile")

    rest = api.get("cases", limit=10, cursor=page["next_cursor"]).json()

    assert [item["id"] for item in page["items"] + rest["items"]] == [str(c.pk) for c in reversed(first)]


def test_it_ends_without_a_cursor_when_everything_fits(api, a_case):
    assert api.get("cases", limit=1).json()["next_cursor"] is None


@pytest.mark.parametrize(
    "cursor",
    [
        "not-base64!",
        base64.urlsafe_b64encode(b"[1, 2, 3]").decode(),
        base64.urlsafe_b64encode(b'["2026-10-01T00:00:00", "3fa85f64-5717-4562-b3fc-2c963f66afa6"]').decode(),
        base64.urlsafe_b64encode(b'["9999-12-31T23:59:59-05:00", "3fa85f64-5717-4562-b3fc-2c963f66afa6"]').decode(),
    ],
)
def test_it_refuses_a_cursor_it_did_not_make(api, cursor):
    error = assert_error(api.get("cases", cursor=cursor), 422, "validation_error")
    assert list(error["fields"]) == ["cursor"]


@pytest.mark.parametrize("limit", [0, 101, "ten"])
def test_it_refuses_a_limit_out_of_range(api, limit):
    error = assert_error(api.get("cases", limit=limit), 422, "validation_error")
    assert list(error["fields"]) == ["limit"]
