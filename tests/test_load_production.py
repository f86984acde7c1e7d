"""A bounded load test against the real production stack (gunicorn with production settings and the
task worker, scripts/serve): mixed reads and writes from several processes give no errors, and every
note the server acknowledged is in the database afterwards."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from bench.load import run as load_run
from corridor.core.tests.test_production_settings import BASE_DIR, production_env
from corridor.core.tests.test_serve import START_TIMEOUT, free_port, get, group_alive, kill_group

pytestmark = pytest.mark.own_servers

SECONDS = 10
PROCESSES = 3
LOGINS = ["caseworker@rayong-help.demo", "caseworker2@rayong-help.demo", "manager@rayong-help.demo"]


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run([sys.executable, "manage.py", *args], cwd=BASE_DIR, env=env, check=True, capture_output=True)


def test_it_serves_mixed_load_without_errors_and_keeps_every_write(tmp_path: Path):
    port = free_port()
    env = production_env(
        tmp_path,
        CORRIDOR_HTTPS="false",
        ALLOWED_HOSTS="127.0.0.1",
        HOST="127.0.0.1",
        PORT=str(port),
        WEB_CONCURRENCY="2",
        CORRIDOR_VENV=str(Path(sys.executable).parent.parent),
    )
    _manage(env, "migrate", "--noinput", "-v0")
    _manage(env, "seed_demo", "--cases", "30")
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        [str(BASE_DIR / "scripts" / "serve")],
        cwd=BASE_DIR,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert process.poll() is None, (tmp_path / "serve.log").read_text()[-3000:]
            try:
                if get(f"http://127.0.0.1:{port}/healthz")[0] == 200:
                    break
            except OSError:
                pass
            assert time.monotonic() < deadline, "the production stack did not start"
            time.sleep(0.2)

        report = load_run(f"http://127.0.0.1:{port}", LOGINS, "corridor-demo-2026", SECONDS, PROCESSES)
    finally:
        if process.poll() is None or group_alive(process.pid):
            kill_group(process)
        log.close()

    assert report["errors"] == []
    assert report["requests"] >= 30
    acknowledged = {marker for _case, marker in report["notes_acknowledged"]}
    assert acknowledged, "the load wrote no notes"
    with sqlite3.connect(tmp_path / "corridor.sqlite3") as database:
        stored = {row[0] for row in database.execute("SELECT body FROM cases_note WHERE body LIKE 'load-test note %'")}
    assert acknowledged <= stored
