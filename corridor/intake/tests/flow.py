"""Walking the public report form the way a browser without JavaScript does: one POST per step,
carrying every hidden input the page rendered."""

from __future__ import annotations

import re
from html import unescape
from typing import Any

from django.test import Client

FORM_URL = "/report/new"


def hidden_inputs(html: str) -> list[tuple[str, str]]:
    found = []
    for tag in re.findall(r"<input[^>]*type=\"hidden\"[^>]*>", html):
        name = re.search(r'name="([^"]+)"', tag)
        value = re.search(r'value="([^"]*)"', tag)
        if name and name.group(1) != "csrfmiddlewaretoken":
            found.append((name.group(1), unescape(value.group(1)) if value else ""))
    return found


def post_step(client: Client, html: str, answers: dict[str, Any], action: str = "next", files: Any = None):
    data: dict[str, Any] = {}
    for name, value in hidden_inputs(html):
        data.setdefault(name, []).append(value)
    for name, value in answers.items():
        data[name] = value if isinstance(value, list) else [value]
    data["action"] = action
    if files:
        data["uploads"] = files
    return client.post(FORM_URL, data)


def submit_report(client: Client, *, language: str = "en", files: Any = None, **answers: Any):
    """All four steps; returns the final response. Answers go in at their step (any missing are left empty)."""
    client.cookies["corridor_language"] = language
    page = client.get(FORM_URL)
    assert page.status_code == 200
    html = page.content.decode()
    steps = [
        {k: v for k, v in answers.items() if k in ("concerns", "details")},
        {k: v for k, v in answers.items() if k in ("province", "workplace_name", "happened", "workers_affected")},
        {k: v for k, v in answers.items() if k in ("contact_method", "contact_value", "reporter_name")},
    ]
    for step_answers in steps:
        response = post_step(client, html, step_answers)
        if response.status_code != 200:
            return response
        html = response.content.decode()
    return post_step(client, html, {}, action="send", files=files)


def code_and_pin(html: str) -> tuple[str, str]:
    code = re.search(r'id="tracking-code">([^<]+)<', html)
    pin = re.search(r'id="tracking-pin">([^<]+)<', html)
    assert code and pin, html
    return code.group(1).strip(), pin.group(1).strip()
