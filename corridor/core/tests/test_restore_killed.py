"""A restore killed with SIGKILL in the middle of loading leaves nothing visible, and running it again
completes: the load is one transaction, so the database never shows half an archive.

Real processes on real databases of the suite's kind (SQLite files, or PostgreSQL databases made for the
test): a scale data set is written to one, backed up, and restored into the other; the restore is
killed as soon as it reports its first loaded table."""

from __future__ import annotations

import os
import secrets
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import psycopg
import pytest
from django.conf import settings
from django.db import connection

ROOT = Path(settings.BASE_DIR)
Counter = Callable[[str], int]


@pytest.fixture
def two_databases(tmp_path) -> Iterator[tuple[tuple[str, Counter], tuple[str, Counter]]]:
    """(url, row counter) for a source and a target database, of the kind the suite runs on."""
    if connection.vendor != "postgresql":
        files = [tmp_path / "source.sqlite3", tmp_path / "target.sqlite3"]
        yield tuple((f"sqlite:///{path}", _sqlite_counter(path)) for path in files)  # type: ignore[misc]
        return
    server = {key: value for key, value in connection.get_connection_params().items() if key != "dbname"}
    names = [f"corridor_kill_{role}_{secrets.token_hex(4)}" for role in ("source", "target")]
    with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
        for name in names:
            admin.execute(f'CREATE DATABASE "{name}"')
    try:
        host, port, user = server.get("host", "127.0.0.1"), server.get("port", 5432), server.get("user", "postgres")
        yield tuple((f"postgres://{user}@{host}:{port}/{name}", _postgres_counter(name, server)) for name in names)  # type: ignore[misc]
    finally:
        with psycopg.connect(dbname="postgres", autocommit=True, **server) as admin:
            for name in names:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def _sqlite_counter(path: Path) -> Counter:
    def count(table: str) -> int:
        with sqlite3.connect(path) as db:
            return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    return count


def _postgres_counter(name: str, server: dict) -> Counter:
    def count(table: str) -> int:
        with psycopg.connect(dbname=name, **server) as db:
            return db.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]

    return count


def _env(url: str, media: Path, key: str) -> dict[str, str]:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "corridor.settings.test",
        "DATABASE_URL": url,
        "CORRIDOR_MEDIA_ROOT": str(media),
        "CORRIDOR_BACKUP_KEY": key,
        "PYTHONUNBUFFERED": "1",
    }


def _manage(env: dict[str, str], *args: str) -> None:
    subprocess.run(
        [sys.executable, "manage.py", *args], cwd=ROOT, env=env, check=True, capture_output=True, timeout=600
    )


def test_a_killed_restore_shows_nothing_and_a_rerun_completes(two_databases, tmp_path):
    (source_url, source_count), (target_url, target_count) = two_databases
    key = secrets.token_urlsafe(32)
    archive = tmp_path / "corridor.cbk"
    source_env = _env(source_url, tmp_path / "source-media", key)
    target_env = _env(target_url, tmp_path / "target-media", key)
    _manage(source_env, "migrate", "--noinput")
    _manage(source_env, "seed_scale", "--people", "12000", "--cases", "2500", "--quiet")
    _manage(source_env, "backup", "--output", str(archive), "--quiet")
    _manage(target_env, "migrate", "--noinput")

    restore = subprocess.Popen(
        [sys.executable, "manage.py", "restore", str(archive)],
        cwd=ROOT,
        env=target_env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    loading, killed_at = False, ""
    for line in restore.stdout:
        loading = loading or line.startswith("Loading the database")
        if loading and line.strip().endswith("rows"):
            restore.send_signal(signal.SIGKILL)
            killed_at = line.strip()
            break
    restore.wait(timeout=60)
    assert killed_at, "the restore finished before it could be killed"
    assert restore.returncode == -signal.SIGKILL
    assert target_count("people_person") == 0, f"rows visible after a kill at {killed_at!r}"
    assert target_count("cases_case") == 0

    _manage(target_env, "restore", str(archive))
    assert target_count("people_person") == source_count("people_person") == 12000
    assert target_count("cases_case") == source_count("cases_case") == 2500
