"""Real Chromium (Debian's, never a downloaded one) driven by Playwright against Django's live server.

One browser per session, a fresh context per test. A failed test leaves a screenshot of its page in
test-artifacts/ so that a human can see what the browser saw."""

from __future__ import annotations

import os
import re
import threading
import time
from collections.abc import Generator
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
PASSWORD = "correct horse battery"  # what conftest.make_member gives every persona
TIMEOUT_MS = 10_000  # a local server answers in milliseconds; fail fast rather than after 30 s
FAILED = pytest.StashKey[bool]()


def artifacts_dir(config: pytest.Config) -> Path:
    path = config.rootpath / "test-artifacts"
    path.mkdir(exist_ok=True)
    return path


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item: pytest.Item) -> Generator[None, pytest.TestReport, pytest.TestReport]:
    report = yield
    if report.failed:  # read by the page fixture's teardown, which runs after the call is reported
        item.stash[FAILED] = True
    return report


@pytest.fixture(scope="session")
def browser() -> Generator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(
            f"The browser tests need Debian's Chromium at {CHROMIUM} and fonts-noto-core for Khmer and "
            "Thai. Run `make test`, which installs them (or: sudo apt-get install chromium fonts-noto-core).",
            pytrace=False,
        )
    from django.db import connections

    # Playwright's sync API keeps an event loop running in this thread. Django's ORM refuses to work
    # beside one unless told that it is safe, which it is: the test code itself is synchronous.
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    # And while a loop runs, Django keeps the thread's connections in other storage (asgiref's
    # thread-critical Local turns into a context variable), so the test would get new connection
    # objects: not the ones the test database was set up on, which carry its serialized contents
    # (serialized_rollback finds nothing and the reference data is gone after the first flush) and,
    # for in-memory SQLite, the one the live server shares. Keep the same objects in both storages.
    same_connections = {alias: connections[alias] for alias in connections}
    try:
        with sync_playwright() as playwright:
            for alias, connection in same_connections.items():
                connections[alias] = connection
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def context_options() -> dict[str, Any]:
    """Options of each test's browser context; a module overrides this for another kind of screen."""
    return {"viewport": {"width": 1280, "height": 900}}


@pytest.fixture
def page(
    live_server: Any, browser: Browser, context_options: dict[str, Any], request: pytest.FixtureRequest
) -> Generator[Page]:
    """A new tab in a fresh context. It asks for the live server before the browser so that, at the
    end of the session, Chromium closes before the server stops."""
    context = browser.new_context(locale="en-GB", timezone_id="Asia/Bangkok", **context_options)
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    try:
        yield tab
    finally:
        if request.node.stash.get(FAILED, False):
            name = re.sub(r"[^\w.-]+", "_", request.node.name)
            try:
                tab.screenshot(path=artifacts_dir(request.config) / f"failed-{name}.png", full_page=True)
            except Exception as error:  # a page that cannot be captured must not hide the real failure
                print(f"No screenshot of the failed test: {error}")
        context.close()
        wait_for_request_threads()


def wait_for_request_threads(timeout: float = 5.0) -> None:
    """Let the live server finish the connections the closed context leaves behind. Each one ends by
    closing the database connections of its thread; with in-memory SQLite that is the connection the
    test shares with the server, so it must happen before the test flushes the database and before
    the server stops sharing it (else: "DatabaseWrapper objects created in a thread can only be used
    in that same thread")."""
    deadline = time.monotonic() + timeout
    for thread in threading.enumerate():
        if thread.name.endswith("(process_request_thread)"):
            thread.join(max(0.0, deadline - time.monotonic()))


def give_totp(user: Any) -> str:
    """Enrol `user` in TOTP as the set-up page does; return the secret their authenticator app holds."""
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    secret = generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def current_totp(secret: str) -> str:
    """The code the app shows now, never one about to expire: allauth accepts only the current
    time step (MFA_TOTP_TOLERANCE is 0), so near the end of a step wait for the next one."""
    from allauth.mfa import app_settings
    from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value

    period = app_settings.TOTP_PERIOD
    left = period - time.time() % period
    if left < 3:
        time.sleep(left + 0.1)
    return format_hotp_value(hotp_value(secret, int(time.time()) // period))


def sign_in(page: Page, base_url: str, email: str, *, totp_secret: str | None = None) -> None:
    """Sign in through the real forms, with the second step when the user has an authenticator."""
    page.goto(f"{base_url}/accounts/login/")
    page.fill("input[name=login]", email)
    page.fill("input[name=password]", PASSWORD)
    with page.expect_navigation():
        page.click("form[action$='/accounts/login/'] button[type=submit]")
    if totp_secret is not None:
        assert "/accounts/2fa/authenticate/" in page.url, f"expected the code step, got {page.url}"
        page.fill("input[name=code]", current_totp(totp_secret))
        with page.expect_navigation():
            page.click("form[action$='/2fa/authenticate/'] button[type=submit]")
    assert page.url == f"{base_url}/", f"expected the home page after signing in, got {page.url}"
