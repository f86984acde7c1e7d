"""Every public page a worker opens, measured as the browser loads it: bytes transferred (fonts aside)
stay under 100 KB, and nothing is fetched from any other server."""

from __future__ import annotations

from typing import Any
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Page, Response

from conftest import make_organisation
from corridor.intake.models import RoutingRule

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

LIMIT = 100 * 1024
FONT_TYPES = ("font/", "application/font", "application/x-font")


def weigh(page: Page, action: Any) -> tuple[int, set[str]]:
    """Bytes of every response the action caused (fonts excluded), and the hosts it contacted."""
    sizes: list[int] = []
    hosts: set[str] = set()

    def seen(response: Response) -> None:
        hosts.add(urlparse(response.url).netloc)
        kind = response.headers.get("content-type", "")
        if kind.startswith(FONT_TYPES) or response.url.endswith((".ttf", ".woff2", ".woff")):
            return
        sizes.append(len(response.body()) + sum(len(k) + len(v) + 4 for k, v in response.headers.items()))

    page.on("response", seen)
    action()
    page.wait_for_load_state("networkidle")
    page.remove_listener("response", seen)
    return sum(sizes), hosts


@pytest.mark.parametrize("language", ["km", "th", "en"])
def test_it_keeps_every_public_page_under_100_kb(page: Page, live_server: Any, language: str):
    RoutingRule.objects.create(organisation=make_organisation("rayong-help"))
    base = live_server.url
    host = urlparse(base).netloc
    page.context.add_cookies([{"name": "corridor_language", "value": language, "url": base}])
    steps = {
        "start": lambda: page.goto(f"{base}/report/"),
        "step 1": lambda: page.goto(f"{base}/report/new"),
        "step 2": lambda: (page.check("input[name=concerns][value=not_paid]"), page.click("button[value=next]")),
        "step 3": lambda: (page.select_option("select[name=province]", "TH-74"), page.click("button[value=next]")),
        "step 4": lambda: page.click("button[value=next]"),
        "received": lambda: page.click("button[value=send]"),
        "status form": lambda: page.goto(f"{base}/report/status"),
    }
    for page_name in ("", "documents", "wages", "overtime", "hotlines", "privacy"):
        steps[f"rights {page_name or 'index'}"] = lambda page_name=page_name: page.goto(f"{base}/rights/{page_name}")
    weights = {}
    for name, action in steps.items():
        size, hosts = weigh(page, action)
        assert hosts <= {host}, f"{name} contacted {hosts - {host}}"
        weights[name] = size
    heavy = {name: size for name, size in weights.items() if size > LIMIT}
    assert not heavy, heavy
    print(language, weights)
