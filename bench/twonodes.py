"""Two Corridor servers on this machine, for the two-node test and the outbox benchmark."""

from __future__ import annotations

import base64
import json
import os
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

from corridor.core.tests.test_production_settings import BASE_DIR, production_env
from corridor.core.tests.test_serve import START_TIMEOUT, free_port, get, kill_group
from corridor.referrals.federation.envelope import NodeKeys


class Node:
    """One Corridor server: its own database, node key and gunicorn, driven through manage.py and HTTP."""

    def __init__(self, tmp: Path, name: str, database_url: str = "") -> None:
        self.dir = tmp / name
        self.dir.mkdir()
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.seed = os.urandom(32)
        self.keys = NodeKeys.from_seed(self.seed)
        self.env = production_env(
            self.dir,
            CORRIDOR_HTTPS="false",
            ALLOWED_HOSTS="127.0.0.1",
            HOST="127.0.0.1",
            PORT=str(self.port),
            WEB_CONCURRENCY="2",
            CORRIDOR_VENV=str(Path(sys.executable).parent.parent),
            CORRIDOR_NODE_KEY=base64.urlsafe_b64encode(self.seed).decode().rstrip("="),
            CORRIDOR_NODE_NAME=f"Node {name}",
            CORRIDOR_FEDERATION_LOOPBACK_HTTP="true",
            PYTHONPATH=str(BASE_DIR),
        )
        if database_url:
            self.env["DATABASE_URL"] = database_url
        self.process: subprocess.Popen[bytes] | None = None

    def manage(self, *args: str) -> str:
        done = subprocess.run(
            [sys.executable, "manage.py", *args], cwd=BASE_DIR, env=self.env, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr[-3000:]
        return done.stdout.strip()

    def shell(self, code: str) -> str:
        return self.manage("shell", "-c", code).splitlines()[-1]

    def start(self) -> None:
        log = (self.dir / "web.log").open("ab")
        self.process = subprocess.Popen(
            [str(BASE_DIR / "scripts" / "serve"), "web"],
            cwd=BASE_DIR,
            env=self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        deadline = time.monotonic() + START_TIMEOUT
        while True:
            assert self.process.poll() is None, (self.dir / "web.log").read_text()[-3000:]
            try:
                if get(f"{self.url}/healthz")[0] == 200:
                    return
            except OSError:
                pass
            assert time.monotonic() < deadline, "the server did not start"
            time.sleep(0.2)

    def stop(self) -> None:
        if self.process is not None:
            kill_group(self.process)
            self.process = None

    def api(self, token: str, method: str, path: str, body: object = None) -> tuple[int, dict]:
        request = urllib.request.Request(
            f"{self.url}/api/v1/{path}",
            data=None if body is None else json.dumps(body).encode(),
            method=method,
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
        )
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")

    def post_raw(self, path: str, data: bytes) -> tuple[int, dict]:
        request = urllib.request.Request(
            f"{self.url}{path}", data=data, method="POST", headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=15) as response:
                return response.status, json.loads(response.read())
        except urllib.error.HTTPError as error:
            return error.code, json.loads(error.read() or b"{}")


def migrate_all(*nodes: Node) -> None:
    """Migrate the nodes' databases side by side: the slowest part of starting them."""
    running = [
        subprocess.Popen(
            [sys.executable, "manage.py", "migrate", "--noinput", "-v0"],
            cwd=BASE_DIR,
            env=node.env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.PIPE,
        )
        for node in nodes
    ]
    for process in running:
        _, errors = process.communicate()
        assert process.returncode == 0, errors.decode()[-3000:]
    for node in nodes:
        node.manage("createcachetable")
