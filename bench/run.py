"""`make bench`: load (or reuse) corridor-scale data on SQLite and PostgreSQL, measure, print a table.

Environment: BENCH_PEOPLE (default 1,200,000), BENCH_CASES (200,000), BENCH_DATABASES
("sqlite,postgresql"), BENCH_SQLITE_PATH (var/scale.sqlite3), BENCH_POSTGRES_URL
(postgres://postgres@127.0.0.1:5432/corridor_scale), BENCH_REPEATS (30 requests a figure).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"
PEOPLE = os.environ.get("BENCH_PEOPLE", "1200000")
CASES = os.environ.get("BENCH_CASES", "200000")


def database_urls() -> dict[str, str]:
    urls = {
        "sqlite": "sqlite:///" + str(ROOT / os.environ.get("BENCH_SQLITE_PATH", "var/scale.sqlite3")),
        "postgresql": os.environ.get("BENCH_POSTGRES_URL", "postgres://postgres@127.0.0.1:5432/corridor_scale"),
    }
    wanted = os.environ.get("BENCH_DATABASES", "sqlite,postgresql").split(",")
    return {name: urls[name] for name in wanted}


def run(args: list[str], url: str) -> float:
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "corridor.settings.test"}
    start = time.perf_counter()
    subprocess.run([sys.executable, *args], cwd=ROOT, env=env, check=True)
    return time.perf_counter() - start


def measure_intake(url: str) -> dict[str, object]:
    """Public report submissions against the production server on this database (bench/intake.py)."""
    seconds = os.environ.get("BENCH_INTAKE_SECONDS", "30")
    processes = os.environ.get("BENCH_INTAKE_PROCESSES", "8")
    code = (
        "import json,sys;from bench.intake import measure;"
        f"print(json.dumps(measure({url!r}, seconds={seconds}, processes={processes}, workers=5)))"
    )
    env = {**os.environ, "DATABASE_URL": url, "DJANGO_SETTINGS_MODULE": "corridor.settings.test"}
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, check=True, capture_output=True, text=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def measure_federation(name: str) -> dict[str, object]:
    """Outbox throughput between two servers on this database engine (bench/federation.py)."""
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "corridor.settings.test"}
    done = subprocess.run(
        [sys.executable, "-m", "bench.federation", name], cwd=ROOT, env=env, check=True, capture_output=True, text=True
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def ensure_postgres_database(url: str) -> None:
    import psycopg

    name = url.rsplit("/", 1)[1]
    server = url.rsplit("/", 1)[0] + "/postgres"
    with psycopg.connect(server, autocommit=True) as connection:
        exists = connection.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def main() -> int:
    RESULTS.mkdir(parents=True, exist_ok=True)
    seeding: dict[str, float] = {}
    for name, url in database_urls().items():
        print(f"\n== {name}: {url}", flush=True)
        if name == "postgresql":
            ensure_postgres_database(url)
        else:
            (ROOT / "var").mkdir(exist_ok=True)
        run(["manage.py", "migrate", "--noinput", "-v0"], url)
        seeding[name] = run(["manage.py", "seed_scale", "--people", PEOPLE, "--cases", CASES], url)
        run(["-m", "bench.measure"], url)
        intake = measure_intake(url)
        result_file = RESULTS / f"{name}.json"
        data = json.loads(result_file.read_text(encoding="utf-8"))
        data["seed_scale_seconds_this_run"] = round(seeding[name], 1)
        data["intake"] = intake
        data["federation"] = measure_federation(name)
        data["not_measured_yet"] = [item for item in data["not_measured_yet"] if "intake" not in item]
        result_file.write_text(json.dumps(data, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print_table(list(database_urls()))
    return 0


def print_table(names: list[str]) -> None:
    print()
    header = f"{'measure':44} {'db':10} {'p50 ms':>8} {'p95 ms':>8} {'budget':>7} {'baseline p50':>13} {'×base':>6}  "
    print(header + "baseline")
    print("-" * (len(header) + 24))
    for name in names:
        data = json.loads((RESULTS / f"{name}.json").read_text(encoding="utf-8"))
        for row in data["results"]:
            budget = f"≤{row['budget_p95']}" if row["budget_p95"] else "—"
            flag = "" if row["met"] is None else (" ok" if row["met"] else " OVER")
            print(
                f"{row['name']:44} {name:10} {row['p50']:8.1f} {row['p95']:8.1f} {budget:>7} "
                f"{row['baseline_p50']:13.1f} {row['ratio_p50'] or 0:6.1f}  {row['baseline']}{flag}"
            )
        rows = data["rows"]
        print(
            f"{'':44} {name:10} rows: {rows['people']:,} people, {rows['cases']:,} cases; "
            f"seed_scale this run {data.get('seed_scale_seconds_this_run', '?')} s"
        )
    print()
    for name in names:
        intake = json.loads((RESULTS / f"{name}.json").read_text(encoding="utf-8")).get("intake")
        if intake:
            base = intake["baseline_healthz"]["requests_per_second"]
            print(
                f"intake: {name:10} {intake['submissions_per_second']:6.1f} reports/s (budget ≥150), "
                f"p50 {intake['submission_ms']['p50']:.0f} ms, "
                f"p95 {intake['submission_ms']['p95']:.0f} ms (budget ≤300); "
                f"{intake['processes']} load processes, {intake['web_workers']} gunicorn workers; "
                f"errors {intake['error_count']}, lost {intake['lost']}; baseline /healthz {base:.0f} req/s"
                + ("" if intake["met"] else "  OVER")
            )
    for name in names:
        federation = json.loads((RESULTS / f"{name}.json").read_text(encoding="utf-8")).get("federation")
        if federation:
            print(
                f"outbox: {name:10} {federation['messages_per_second']:6.1f} messages/s delivered between two "
                f"servers ({federation['delivered']} of {federation['messages']}, received {federation['received']}); "
                f"baseline /healthz {federation['baseline_healthz_per_second']:.0f} req/s"
            )
    print("\nNot measured yet: dashboards (issue 7).")


if __name__ == "__main__":
    sys.exit(main())
