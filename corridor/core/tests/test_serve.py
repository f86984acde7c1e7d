"""The real production stack (`scripts/serve`, which `make serve` runs): gunicorn with production settings
and the django-tasks-db worker, on a free loopback port, a temporary SQLite database and STATIC_ROOT.

One stack is started for the module; the tests run against it in order and the last one stops it.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from django.tasks import task
from django.test import RequestFactory

from corridor.core.logging import JsonFormatter
from corridor.core.tests.test_production_settings import BASE_DIR, production_env

START_TIMEOUT = 60  # seconds; a cold start (migrate, collectstatic, gunicorn) takes about 8 here
STOP_TIMEOUT = 20


@task
def add_numbers(a: int, b: int) -> int:
    """A real task for the worker round trip (the app has no tasks of its own yet)."""
    return a + b


@dataclass
class Stack:
    process: subprocess.Popen[bytes]
    base_url: str
    env: dict[str, str]
    static_root: Path
    log: Path

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def get(url: str, headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with urllib.request.urlopen(request, timeout=10) as response:
            return response.status, dict(response.headers.items()), response.read()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers.items()), error.read()


def kill_group(process: subprocess.Popen[bytes]) -> None:
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait(timeout=STOP_TIMEOUT)


def group_alive(pgid: int) -> bool:
    try:
        os.killpg(pgid, 0)
    except ProcessLookupError:
        return False
    return True


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    tmp = tmp_path_factory.mktemp("serve")
    port = free_port()
    env = production_env(
        tmp,
        CORRIDOR_HTTPS="false",
        ALLOWED_HOSTS="127.0.0.1",
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="1",  # one gunicorn worker (2 threads) boots fastest
        LOG_FORMAT="json",
        CORRIDOR_VENV=str(Path(sys.executable).parent.parent),
    )
    log = tmp / "serve.log"
    with log.open("wb") as out:
        process = subprocess.Popen(
            [str(BASE_DIR / "scripts" / "serve")],
            cwd=BASE_DIR,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, so that nothing can outlive the test
        )
    running = Stack(process, f"http://127.0.0.1:{port}", env, tmp / "static", log)
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            if process.poll() is not None:
                pytest.fail(f"scripts/serve exited with {process.returncode}:\n{running.log_text()[-4000:]}")
            try:
                if get(f"{running.base_url}/healthz")[0] == 200:
                    break
            except OSError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"no answer on /healthz after {START_TIMEOUT} s:\n{running.log_text()[-4000:]}")
            time.sleep(0.2)
        yield running
    finally:
        if process.poll() is None or group_alive(process.pid):
            kill_group(process)


def test_json_formatter_keeps_path_status_and_exception_but_not_the_query():
    request = RequestFactory().post("/people/search?q=Sok+Dara", data={"name": "Sok Dara"})
    try:
        raise ValueError("boom")
    except ValueError:
        record = logging.getLogger("django.request").makeRecord(
            "django.request",
            logging.ERROR,
            __file__,
            1,
            "Internal Server Error: %s",
            (request.path,),
            sys.exc_info(),
            extra={"request": request, "status_code": 500, "duration_ms": 12.5},
        )
    entry = json.loads(JsonFormatter().format(record))
    assert entry["level"] == "ERROR"
    assert entry["logger"] == "django.request"
    assert entry["message"] == "Internal Server Error: /people/search"
    assert entry["method"] == "POST"
    assert entry["path"] == "/people/search"
    assert entry["status"] == 500
    assert entry["duration_ms"] == 12.5
    assert "ValueError: boom" in entry["exception"]
    assert entry["time"].endswith("+00:00")
    assert "Sok" not in json.dumps(entry)


def test_healthz_answers_json(stack):
    status, headers, body = get(f"{stack.base_url}/healthz")
    assert status == 200
    assert headers["Content-Type"].startswith("application/json")
    assert json.loads(body)["status"] == "ok"


def test_static_file_is_hashed_compressed_and_cached_for_a_year(stack):
    manifest = json.loads((stack.static_root / "staticfiles.json").read_text(encoding="utf-8"))
    hashed = manifest["paths"]["css/corridor.css"]
    assert hashed != "css/corridor.css"

    status, headers, body = get(f"{stack.base_url}/static/{hashed}", {"Accept-Encoding": "gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") == "gzip"
    assert body[:2] == b"\x1f\x8b"  # gzip magic
    cache_control = headers["Cache-Control"]
    max_age = int(cache_control.split("max-age=")[1].split(",")[0])
    assert max_age >= 365 * 24 * 3600
    assert "immutable" in cache_control

    status, headers, _ = get(f"{stack.base_url}/static/{hashed}", {"Accept-Encoding": "br, gzip"})
    assert status == 200
    assert headers.get("Content-Encoding") == "br"


def test_login_page_with_security_headers(stack):
    status, headers, body = get(f"{stack.base_url}/accounts/login/?next=/cases/&email=someone%40example.org")
    assert status == 200
    assert b"<form" in body
    csp = headers["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "frame-ancestors 'none'" in csp
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"


def test_access_log_is_json_without_query_strings(stack):
    deadline = time.monotonic() + 5
    while True:
        lines = [line for line in stack.log_text().splitlines() if line.startswith("{")]
        access = [json.loads(line) for line in lines if '"gunicorn.access"' in line]
        if any(entry["path"] == "/accounts/login/" for entry in access) or time.monotonic() > deadline:
            break
        time.sleep(0.1)
    login = [entry for entry in access if entry["path"] == "/accounts/login/"]
    assert login, stack.log_text()[-2000:]
    assert login[0]["status"] == 200
    assert login[0]["method"] == "GET"
    assert isinstance(login[0]["duration_ms"], int | float)
    assert {"time", "level", "logger", "message"} <= set(login[0])
    assert "someone" not in stack.log_text()


ENQUEUE_AND_WAIT = """
import json, sys, time
import django
django.setup()
from django.tasks import TaskResultStatus
from corridor.core.tests.test_serve import add_numbers
result = add_numbers.enqueue(2, 3)
deadline = time.monotonic() + 15
while result.status not in (TaskResultStatus.SUCCESSFUL, TaskResultStatus.FAILED) and time.monotonic() < deadline:
    time.sleep(0.1)
    result.refresh()
ok = result.status == TaskResultStatus.SUCCESSFUL
print(json.dumps({"status": result.status, "value": result.return_value if ok else None}))
"""


def test_worker_runs_an_enqueued_task(stack):
    result = subprocess.run(
        [sys.executable, "-c", ENQUEUE_AND_WAIT],
        cwd=BASE_DIR,
        env=stack.env,
        capture_output=True,
        text=True,
        timeout=40,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == {"status": "SUCCESSFUL", "value": 5}


def test_terminate_stops_web_and_worker(stack):
    stack.process.send_signal(signal.SIGTERM)
    try:
        returncode = stack.process.wait(timeout=STOP_TIMEOUT)
    except subprocess.TimeoutExpired:
        kill_group(stack.process)
        pytest.fail(f"scripts/serve did not stop within {STOP_TIMEOUT} s:\n{stack.log_text()[-2000:]}")
    assert returncode == 0, stack.log_text()[-2000:]
    deadline = time.monotonic() + 5
    while group_alive(stack.process.pid) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not group_alive(stack.process.pid), "gunicorn or the worker outlived scripts/serve"
    with pytest.raises(OSError):
        get(f"{stack.base_url}/healthz")
