"""Public report submissions under concurrent load, against the production stack on this machine.

Each load process behaves like a stream of workers on phones: it opens the report form (which sets
the CSRF cookie and hands out a submission key) and sends a complete report. Every tracking code the
server shows must afterwards belong to a stored report: no acknowledged report may be lost.

    python -m bench.intake --url http://127.0.0.1:8000 --seconds 60 --processes 4

`measure(database_url, ...)` starts gunicorn with production settings against that database first
(`make bench` uses it on the corridor-scale data). Only loopback targets are accepted.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import os
import random
import re
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.parse
import uuid
from pathlib import Path
from typing import Any

from bench.load import Session, Tally, _timed

ROOT = Path(__file__).resolve().parent.parent
KEY = re.compile(r'name="submission_key" value="([^"]+)"')
CODE = re.compile(r'id="tracking-code">([A-Z0-9-]+)<')
PROVINCES = ["TH-10", "TH-74", "TH-21", "TH-20", "TH-11", "TH-13", "TH-27", "TH-22", "TH-23", "TH-90"]
CONCERNS = ["not_paid", "paid_less", "documents_taken", "forced_overtime", "threats", "cannot_leave", "fees_debt"]
BUDGET = {"submissions_per_second": 150, "p95_ms": 300}


def reporter(args: tuple[str, float, int]) -> Tally:
    base, seconds, seed = args
    rng = random.Random(seed)
    tally = Tally()
    session = Session(base)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _status, page = _timed(tally, "report form", lambda: session.request("/report/new"), {200})
        key = KEY.search(page)
        if key is None:
            tally.errors.append("report form: no submission key")
            continue
        marker = f"load-test report {uuid.uuid4()}"
        answers = {
            "csrfmiddlewaretoken": session.csrf(page),
            "submission_key": key.group(1),
            "step": "3",
            "action": "send",
            "concerns": rng.sample(CONCERNS, rng.randint(1, 3)),
            "details": marker,
            "province": rng.choice(PROVINCES),
            "happened": "ongoing",
            "workers_affected": rng.choice(["1", "2-5", "6-20"]),
            "contact_method": "none",
        }
        status, body = _timed(
            tally, "report submission", lambda answers=answers: session.request("/report/new", answers), {200}
        )
        code = CODE.search(body)
        if status == 200 and code:
            tally.notes.append((code.group(1).replace("-", ""), marker))
        elif status == 200:
            tally.errors.append("report submission: no tracking code on the page")
    return tally


def pinger(args: tuple[str, float, int]) -> Tally:
    """The baseline: the smallest page of the same server (/healthz, one SELECT 1), as fast as it goes."""
    base, seconds, _seed = args
    tally = Tally()
    session = Session(base)
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        _timed(tally, "healthz", lambda: session.request("/healthz"), {200})
    return tally


def baseline(base: str, seconds: float, processes: int) -> dict[str, Any]:
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        tallies = pool.map(pinger, [(base, seconds, n) for n in range(processes)])
    values = [v for t in tallies for v in t.latencies_ms.get("healthz", [])]
    return {"requests_per_second": round(len(values) / seconds, 1), "ms": _percentiles(values)}


def run(base: str, seconds: float, processes: int) -> dict[str, Any]:
    host = urllib.parse.urlparse(base).hostname or ""
    if not (host.startswith("127.") or host in {"localhost", "::1"}):
        raise SystemExit("The load test only targets this machine (127.0.0.0/8, localhost, ::1).")
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        tallies = pool.map(reporter, [(base, seconds, n) for n in range(processes)])
    submissions = [v for t in tallies for v in t.latencies_ms.get("report submission", [])]
    forms = [v for t in tallies for v in t.latencies_ms.get("report form", [])]
    acknowledged = [note for t in tallies for note in t.notes]
    return {
        "seconds": seconds,
        "processes": processes,
        "errors": [e for t in tallies for e in t.errors][:50],
        "error_count": sum(len(t.errors) for t in tallies),
        "submissions": len(acknowledged),
        "submissions_per_second": round(len(acknowledged) / seconds, 1),
        "submission_ms": _percentiles(submissions),
        "form_ms": _percentiles(forms),
        "acknowledged": acknowledged,
    }


def _percentiles(values: list[float]) -> dict[str, float]:
    if not values:
        return {"n": 0, "p50": 0.0, "p95": 0.0}
    ordered = sorted(values)
    return {
        "n": len(values),
        "p50": round(statistics.median(values), 1),
        "p95": round(ordered[round(0.95 * (len(ordered) - 1))], 1),
    }


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def server_env(database_url: str, port: int, workers: int) -> dict[str, str]:
    """Production settings against the bench database, with the keys the scale data was written with
    (the test settings' throwaway keys) and no per-client limit: every load process is 127.0.0.1."""
    from corridor.settings import test as test_settings  # noqa: F401  (sets the throwaway keys)

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "corridor.settings.production",
        "DEBUG": "false",
        "SECRET_KEY": os.environ["SECRET_KEY"],
        "CORRIDOR_ENCRYPTION_KEYS": os.environ["CORRIDOR_ENCRYPTION_KEYS"],
        "CORRIDOR_BLIND_INDEX_KEY": os.environ["CORRIDOR_BLIND_INDEX_KEY"],
        "CORRIDOR_AUDIT_KEY": os.environ["CORRIDOR_AUDIT_KEY"],
        "DATABASE_URL": database_url,
        "DATABASE_CONN_MAX_AGE": "60",
        "ALLOWED_HOSTS": "127.0.0.1",
        "CORRIDOR_HTTPS": "false",
        "CORRIDOR_REPORT_RATE": "100000000/h",
        "CORRIDOR_MEDIA_ROOT": str(ROOT / "var" / "bench-media"),
        "HOST": "127.0.0.1",
        "PORT": str(port),
        "WEB_CONCURRENCY": str(workers),
        "LOG_FORMAT": "json",
    }
    return env


def measure(database_url: str, seconds: float = 30, processes: int = 4, workers: int = 4) -> dict[str, Any]:
    """Start the production web server on the database, load it, check every acknowledged report."""
    port = _free_port()
    env = server_env(database_url, port, workers)
    subprocess.run([sys.executable, "manage.py", "createcachetable"], cwd=ROOT, env=env, check=True)
    subprocess.run([sys.executable, "manage.py", "collectstatic", "--noinput", "-v0"], cwd=ROOT, env=env, check=True)
    log = open(ROOT / "var" / "bench-serve.log", "wb")  # noqa: SIM115  (closed in finally)
    server = subprocess.Popen(
        [str(ROOT / "scripts" / "serve"), "web"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
    )
    try:
        _wait_ready(f"http://127.0.0.1:{port}/healthz", server)
        result = run(f"http://127.0.0.1:{port}", seconds, processes)
        result["baseline_healthz"] = baseline(f"http://127.0.0.1:{port}", max(5.0, seconds / 3), processes)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()
    result["lost"] = _lost(database_url, result.pop("acknowledged"))
    result["web_workers"] = workers
    result["budget"] = BUDGET
    result["met"] = (
        result["submissions_per_second"] >= BUDGET["submissions_per_second"]
        and result["submission_ms"]["p95"] <= BUDGET["p95_ms"]
        and result["error_count"] == 0
        and result["lost"] == 0
    )
    return result


def _wait_ready(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError("the production server stopped; see var/bench-serve.log")
        try:
            if Session(url.rsplit("/", 1)[0]).request("/healthz")[0] == 200:
                return
        except OSError:
            pass
        time.sleep(0.3)
    raise RuntimeError("the production server did not start within 60 s")


def _lost(database_url: str, acknowledged: list[tuple[str, str]]) -> int:
    """How many reports the server acknowledged with a code that is not in the database."""
    codes = [code for code, _marker in acknowledged]
    script = (
        "import json,sys,django;django.setup();"
        "from corridor.intake.models import Report;"
        "codes=json.load(sys.stdin);"
        "found=set(Report.objects.filter(tracking_code__in=codes).values_list('tracking_code',flat=True));"
        "print(len(set(codes)-found))"
    )
    env = {**os.environ, "DATABASE_URL": database_url, "DJANGO_SETTINGS_MODULE": "corridor.settings.test"}
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        input=json.dumps(codes),
        capture_output=True,
        text=True,
        check=True,
    )
    return int(done.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--processes", type=int, default=4)
    options = parser.parse_args()
    result = run(options.url, options.seconds, options.processes)
    result.pop("acknowledged")
    print(json.dumps(result, indent=2))


if __name__ == "__main__":
    main()
