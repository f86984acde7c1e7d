"""A bounded load test against a running Corridor server on this machine.

Several processes sign in as caseworkers and mix reads (case list, search, case detail) with writes
(a note on a case, each with a unique marker). At the end every note the server acknowledged must be
in the database: nothing a caseworker entered may be lost under load.

    python -m bench.load --url http://127.0.0.1:8000 --seconds 120 --processes 8 \
        --login caseworker@rayong-help.demo,caseworker2@rayong-help.demo --password ...

Only loopback addresses are accepted as targets.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import json
import multiprocessing
import random
import re
import statistics
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from dataclasses import dataclass, field
from typing import Any

CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
CASE_LINK = re.compile(r'href="/cases/([0-9a-f-]{36})/"')


@dataclass
class Tally:
    requests: int = 0
    errors: list[str] = field(default_factory=list)
    latencies_ms: dict[str, list[float]] = field(default_factory=dict)
    notes: list[tuple[str, str]] = field(default_factory=list)  # (case id, marker) acknowledged


class Session:
    def __init__(self, base: str) -> None:
        self.base = base
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar), _NoRedirect())

    def request(self, path: str, data: dict[str, str] | None = None) -> tuple[int, str]:
        body = urllib.parse.urlencode(data, doseq=True).encode() if data is not None else None
        request = urllib.request.Request(self.base + path, data=body, headers={"Referer": self.base + path})
        try:
            with self.opener.open(request, timeout=30) as response:
                return response.status, response.read().decode("utf-8", "replace")
        except urllib.error.HTTPError as error:
            return error.code, error.read().decode("utf-8", "replace")

    def csrf(self, html: str) -> str:
        match = CSRF.search(html)
        return match.group(1) if match else ""


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None


def _timed(tally: Tally, name: str, call: Any, expect: set[int]) -> tuple[int, str]:
    start = time.perf_counter()
    status, body = call()
    tally.latencies_ms.setdefault(name, []).append((time.perf_counter() - start) * 1000)
    tally.requests += 1
    if status not in expect:
        tally.errors.append(f"{name}: HTTP {status}")
    return status, body


def worker(args: tuple[str, str, str, float, int]) -> Tally:
    base, login, password, seconds, seed = args
    rng = random.Random(seed)
    tally = Tally()
    session = Session(base)
    _, page = session.request("/accounts/login/")
    status, answer = session.request(
        "/accounts/login/", {"login": login, "password": password, "csrfmiddlewaretoken": session.csrf(page)}
    )
    if status != 302:
        alerts = re.sub(r"<[^>]+>", " ", " ".join(re.findall(r'role="alert".*?</div>', answer, flags=re.S)))
        tally.errors.append(f"sign-in answered {status}: {' '.join(alerts.split())[:300]}")
        return tally
    _, listing = session.request("/cases/")
    case_ids = CASE_LINK.findall(listing) or []
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline and case_ids:
        roll = rng.random()
        if roll < 0.35:
            _timed(tally, "case list", lambda: session.request(f"/cases/?page={rng.randint(1, 20)}"), {200})
        elif roll < 0.55:
            term = rng.choice(["sok", "srey", "chan", "dara", "ស្រី", "សុខ", "ซก"])
            _timed(
                tally,
                "search",
                lambda term=term: session.request("/cases/?" + urllib.parse.urlencode({"q": term})),
                {200},
            )
        elif roll < 0.85:
            case_id = rng.choice(case_ids)
            _timed(tally, "case detail", lambda case_id=case_id: session.request(f"/cases/{case_id}/"), {200})
        else:
            case_id = rng.choice(case_ids)
            status, page = session.request(f"/cases/{case_id}/")
            marker = f"load-test note {uuid.uuid4()}"
            note = {"body": marker, "csrfmiddlewaretoken": session.csrf(page)}
            status, _ = _timed(
                tally,
                "add note",
                lambda case_id=case_id, note=note: session.request(f"/cases/{case_id}/notes", note),
                {302},
            )
            if status == 302:
                tally.notes.append((case_id, marker))
    return tally


def run(base: str, logins: list[str], password: str, seconds: float, processes: int) -> dict[str, Any]:
    """Process n signs in as logins[n % len(logins)]: give several accounts, because sign-in limits
    allow only a few attempts on one account at the same moment."""
    host = urllib.parse.urlparse(base).hostname or ""
    if not (host.startswith("127.") or host in {"localhost", "::1"}):
        raise SystemExit("The load test only targets this machine (127.0.0.0/8, localhost, ::1).")
    # spawn, not fork: the caller may be multi-threaded (a test runner, a web server).
    with multiprocessing.get_context("spawn").Pool(processes) as pool:
        tallies = pool.map(worker, [(base, logins[n % len(logins)], password, seconds, n) for n in range(processes)])
    latencies: dict[str, list[float]] = {}
    for tally in tallies:
        for name, values in tally.latencies_ms.items():
            latencies.setdefault(name, []).extend(values)
    report = {
        "seconds": seconds,
        "processes": processes,
        "requests": sum(t.requests for t in tallies),
        "errors": [e for t in tallies for e in t.errors],
        "notes_acknowledged": [note for t in tallies for note in t.notes],
        "latency_ms": {
            name: {
                "n": len(v),
                "p50": round(statistics.median(v), 1),
                "p95": round(sorted(v)[round(0.95 * (len(v) - 1))], 1),
            }
            for name, v in sorted(latencies.items())
        },
    }
    report["requests_per_second"] = round(report["requests"] / seconds, 1)
    return report


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--url", default="http://127.0.0.1:8000")
    parser.add_argument("--seconds", type=float, default=120)
    parser.add_argument("--processes", type=int, default=8)
    parser.add_argument("--login", required=True, help="one email, or several separated by commas")
    parser.add_argument("--password", required=True)
    options = parser.parse_args()
    logins = [login.strip() for login in options.login.split(",") if login.strip()]
    report = run(options.url, logins, options.password, options.seconds, options.processes)
    print(json.dumps({k: v for k, v in report.items() if k != "notes_acknowledged"}, indent=2))


if __name__ == "__main__":
    main()
