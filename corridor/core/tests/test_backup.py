"""`manage.py backup` / `manage.py restore`: a round trip gives back the same database byte for byte
(ciphertexts, password hashes, the audit chain), the attachment files as stored, and anything damaged,
cut short, made with another key or aimed at a non-empty database restores nothing."""

from __future__ import annotations

import datetime as dt
import importlib
import io
import os
import secrets
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from allauth.mfa.totp.internal.auth import TOTP
from django.apps import apps as django_apps
from django.core.management import CommandError, call_command
from django.db import connection
from django.test import Client

from conftest import actor_of
from corridor.accounts.models import Organisation, User
from corridor.accounts.services import api_token_create
from corridor.audit.models import AuditEntry
from corridor.audit.verify import audit_chain_verify
from corridor.cases.models import Attachment, Case, ViolationType
from corridor.cases.services import attachment_add, attachment_download, case_viewed, note_add, violation_add
from corridor.core.backup import keycheck, reader, stream, tables, writer
from corridor.core.crypto import encrypt_text, new_key
from corridor.core.models import Province
from corridor.people.models import Person, PersonIdentifier
from corridor.people.selectors import people_search
from corridor.people.services import identifier_add, person_create

PASSWORD = "correct horse battery"  # conftest.make_member's
PDF = b"%PDF-1.4\n% Contract kept by the employer, passport N0123456\n%%EOF\n"
REFERENCE_MIGRATIONS = (
    "corridor.core.migrations.0002_load_geography",
    "corridor.cases.migrations.0003_load_violation_types",
)


@pytest.fixture
def media(settings, tmp_path) -> Path:
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture
def backup_key(monkeypatch) -> str:
    key = secrets.token_urlsafe(32)
    monkeypatch.setenv("CORRIDOR_BACKUP_KEY", key)
    return key


def populate(org_admin: User, caseworker: User, case: Case) -> dict[str, Any]:
    """Data of every kind, written through the services (so the audit trail is the real one)."""
    actor = actor_of(caseworker)
    person = person_create(
        actor=actor,
        name_latin="Sok Dara",
        name_km="សុខ ដារា",
        date_of_birth=dt.date(1994, 3, 2),
        home_province_id="KH-12",
    )
    identifier_add(actor=actor, person=person, kind="passport", value="N 0123-456")
    attachment = attachment_add(actor=actor, case=case, filename="contract.pdf", content=PDF, description="Contract")
    attachment_download(actor=actor, attachment=attachment)
    note_add(actor=actor, case=case, body="Met the worker at the temple; employer keeps passports in a safe. ✓")
    violation_add(actor=actor, case=case, type_code=_a_violation_type())
    case_viewed(actor=actor, case=case)
    api_token_create(actor=actor_of(org_admin), name="Hotline bot", role="intake_officer")
    TOTP.activate(org_admin, "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP")
    return {"person": person.pk, "attachment": attachment.pk}


def _a_violation_type() -> str:
    return ViolationType.objects.order_by("code").values_list("code", flat=True).first()


def database_rows() -> dict[str, list[tuple[Any, ...]]]:
    """Every backed-up table, read raw (ciphertext as stored), in primary-key order."""
    contents = {}
    for model in tables.backed_up_models():
        columns = tables.columns_of(model)
        annotations, names = tables.raw_selection(model, columns)
        rows = model._base_manager.annotate(**annotations).order_by("pk").values_list(*names)
        contents[tables.label_of(model)] = [
            tuple(column.encode(v) for column, v in zip(columns, row, strict=True)) for row in rows
        ]
    return contents


def media_files(root: Path) -> list[Path]:
    return sorted(path for path in root.rglob("*") if path.is_file()) if root.exists() else []


def empty_database() -> None:
    """Inside the test's transaction: what a freshly migrated instance holds (reference tables only).
    (PostgreSQL refuses row DELETE on the audit table; TRUNCATE is allowed and rolls back.)"""
    doomed = [model for model in reversed(tables.backed_up_models()) if tables.label_of(model) not in tables.REFERENCE]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            names = ", ".join(connection.ops.quote_name(model._meta.db_table) for model in doomed)
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")  # no pending foreign-key checks may remain
            cursor.execute(f"TRUNCATE {names} CASCADE")
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")
        else:
            for model in doomed:
                cursor.execute(f"DELETE FROM {connection.ops.quote_name(model._meta.db_table)}")
    assert not Organisation.objects.exists() and not AuditEntry.objects.exists()


def reload_reference_data() -> None:
    """What `migrate` gives a fresh instance: the provinces and the violation taxonomy."""
    for module in REFERENCE_MIGRATIONS:
        importlib.import_module(module).load(django_apps, None)


def run(command: str, *args: Any, **options: Any) -> str:
    out = io.StringIO()
    call_command(command, *args, stdout=out, stderr=out, **options)
    return out.getvalue()


@dataclass
class Archive:
    path: Path
    files: list[Path]  # the attachment files it holds, relative to MEDIA_ROOT


@pytest.fixture
def archive(media, backup_key, org_admin, caseworker, a_case, tmp_path) -> Archive:
    """A backup of a populated instance, which is then emptied (as a fresh instance would be)."""
    populate(org_admin, caseworker, a_case)
    path = tmp_path / "corridor.cbk"
    run("backup", output=path, quiet=True)
    empty_database()
    files = media_files(media)
    for file in files:
        file.unlink()
    return Archive(path, [file.relative_to(media) for file in files])


def assert_nothing_restored(media: Path) -> None:
    assert not User.objects.exists()
    assert not Organisation.objects.exists()
    assert not AuditEntry.objects.exists()
    assert not Person.objects.exists()
    assert media_files(media) == []


# --- the round trip, with real commits ---------------------------------------------------------------


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_round_trip_gives_back_the_same_database_files_and_audit_chain(
    media, backup_key, org_admin, caseworker, a_case, tmp_path
):
    ids = populate(org_admin, caseworker, a_case)
    before = database_rows()
    before_files = {path.relative_to(media): path.read_bytes() for path in media_files(media)}
    head = audit_chain_verify().head
    path = tmp_path / "corridor.cbk"

    out = run("backup", output=path)

    assert path.exists() and not Path(f"{path}.partial").exists()
    assert "people.person: 1 rows" in out and f"head digest {head}" in out
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    raw = path.read_bytes()
    assert raw.startswith(stream.MAGIC) and b"Sok Dara" not in raw and b"people.person" not in raw
    # The backup itself is an export of everything: it is in the audit log (after the snapshot).
    assert AuditEntry.objects.order_by("-id").first().summary.startswith("full backup written")

    call_command("flush", interactive=False, verbosity=0)  # TRUNCATE on PostgreSQL, DELETE on SQLite
    reload_reference_data()  # a freshly migrated instance already holds the reference tables
    for file in media_files(media):
        file.unlink()

    out = run("restore", path)

    assert "Restored" in out and "Audit log verified" in out
    after = database_rows()
    restore_entry = after["audit.auditentry"].pop()
    assert "restored from a backup" in str(restore_entry)
    assert after == before  # every row of every table, byte for byte (ciphertext, hashes, timestamps)
    assert {path.relative_to(media): path.read_bytes() for path in media_files(media)} == before_files
    assert audit_chain_verify().ok

    actor = actor_of(User.objects.get(pk=caseworker.pk))
    assert PersonIdentifier.objects.get().value == "N0123456"  # decrypts with the key ring
    assert list(people_search(actor=actor, text="n0123456").values_list("pk", flat=True)) == [ids["person"]]
    attachment = Attachment.objects.get(pk=ids["attachment"])
    assert attachment_download(actor=actor, attachment=attachment) == PDF
    assert Client().login(email=caseworker.email, password=PASSWORD)  # the password hash came back
    # Sequences were reset: new rows (here an audit entry with a BigAutoField id) go on from the old ones.
    case_viewed(actor=actor, case=Case.objects.get())
    assert audit_chain_verify().ok


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_reference_tables_emptied_by_flush_are_loaded_from_the_archive(
    media, backup_key, org_admin, caseworker, a_case, tmp_path
):
    populate(org_admin, caseworker, a_case)
    Province.objects.filter(pk="TH-21").update(needs_review=True)  # an edit made on the source
    before = database_rows()
    run("backup", output=tmp_path / "a.cbk", quiet=True)
    call_command("flush", interactive=False, verbosity=0)
    for file in media_files(media):
        file.unlink()
    assert not Province.objects.exists()

    run("restore", tmp_path / "a.cbk", quiet=True)

    after = database_rows()
    after["audit.auditentry"].pop()
    assert after == before
    assert Province.objects.get(pk="TH-21").needs_review


# --- refusals: nothing is restored --------------------------------------------------------------------


@pytest.mark.django_db
def test_a_flipped_byte_anywhere_is_refused(archive, media):
    data = bytearray(archive.path.read_bytes())
    for position in (len(data) // 2, stream.HEADER_SIZE + 5, len(data) - 3):
        damaged = bytearray(data)
        damaged[position] ^= 0x01
        archive.path.write_bytes(bytes(damaged))
        with pytest.raises(CommandError, match="damaged"):
            run("restore", archive.path)
        assert_nothing_restored(media)
    damaged = bytearray(data)
    damaged[40] ^= 0x80  # in the salt: the key check fails, and the message says it may be either
    archive.path.write_bytes(bytes(damaged))
    with pytest.raises(CommandError, match=r"not made with this CORRIDOR_BACKUP_KEY \(or its header is damaged\)"):
        run("restore", archive.path)
    assert_nothing_restored(media)


@pytest.mark.django_db
@pytest.mark.parametrize("keep", ["header", 0.5, -1])
def test_a_truncated_archive_is_refused(archive, media, keep):
    data = archive.path.read_bytes()
    length = stream.HEADER_SIZE if keep == "header" else len(data) - 1 if keep == -1 else int(len(data) * keep)
    archive.path.write_bytes(data[:length])
    with pytest.raises(CommandError, match=r"truncated|damaged"):
        run("restore", archive.path)
    assert_nothing_restored(media)


@pytest.mark.django_db
def test_the_wrong_key_is_refused_and_named(archive, media, monkeypatch):
    monkeypatch.setenv("CORRIDOR_BACKUP_KEY", secrets.token_urlsafe(32))
    with pytest.raises(CommandError, match="not made with this CORRIDOR_BACKUP_KEY"):
        run("restore", archive.path)
    monkeypatch.setenv("CORRIDOR_BACKUP_KEY", "a passphrase, not the key it was made with")
    with pytest.raises(CommandError, match="made with a base64 key"):
        run("restore", archive.path)
    assert_nothing_restored(media)


@pytest.mark.django_db
def test_a_missing_key_fails_loudly(media, monkeypatch, tmp_path):
    monkeypatch.delenv("CORRIDOR_BACKUP_KEY", raising=False)
    with pytest.raises(CommandError, match="CORRIDOR_BACKUP_KEY is not set"):
        run("backup", output=tmp_path / "a.cbk")
    assert list(tmp_path.iterdir()) == []
    monkeypatch.setenv("CORRIDOR_BACKUP_KEY", "short")
    with pytest.raises(CommandError, match="neither"):
        run("backup", output=tmp_path / "a.cbk")


@pytest.mark.django_db
def test_a_database_that_is_not_empty_is_refused_but_can_check_an_archive(media, backup_key, caseworker, tmp_path):
    run("backup", output=tmp_path / "a.cbk", quiet=True)
    rows = database_rows()
    with pytest.raises(CommandError, match=r"not empty: it holds rows in .*accounts\.organisation \(1\)"):
        run("restore", tmp_path / "a.cbk")
    assert database_rows() == rows
    # --check only authenticates and checksums: it works anywhere and changes nothing.
    out = run("restore", tmp_path / "a.cbk", check=True)
    assert "The archive is intact and was made with this key" in out and "Nothing was changed" in out
    assert database_rows() == rows and media_files(media) == []


@pytest.mark.django_db
def test_a_different_migration_state_is_refused_naming_the_app(archive, media, monkeypatch):
    real = reader.state.migration_state

    def one_behind(conn):
        current = real(conn)
        current["cases"] = ["0002_initial"]
        return current

    monkeypatch.setattr(reader.state, "migration_state", one_behind)
    with pytest.raises(
        CommandError, match=r"app 'cases': the archive was made at 00\d\d_\w+, this instance is at 0002"
    ):
        run("restore", archive.path)
    assert_nothing_restored(media)


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("setting", "value", "message"),
    [
        ("CORRIDOR_ENCRYPTION_KEYS", "other:" + new_key(), r"encrypted with key 'test2', which .* does not hold"),
        ("CORRIDOR_ENCRYPTION_KEYS", "test2:" + new_key(), r"Key 'test2' in .* is not the key 'test2'"),
        ("CORRIDOR_BLIND_INDEX_KEY", new_key(), r"CORRIDOR_BLIND_INDEX_KEY is not the key of the instance"),
    ],
)
def test_an_instance_without_the_data_keys_is_refused(archive, media, settings, setting, value, message):
    """Restoring with other keys would "work" and leave ciphertext nobody can read or search."""
    setattr(settings, setting, value)
    with pytest.raises(CommandError, match=message):
        run("restore", archive.path)
    assert_nothing_restored(media)


@pytest.mark.django_db
def test_a_failure_while_loading_rolls_back_and_removes_the_placed_files(archive, media, monkeypatch):
    def fail(**kwargs):
        assert media_files(media), "the files are in place before the commit"
        raise RuntimeError("disk full")

    monkeypatch.setattr("corridor.audit.services.audit_record", fail)
    with pytest.raises(RuntimeError, match="disk full"):
        run("restore", archive.path)
    assert_nothing_restored(media)
    assert not [path for path in media.iterdir() if path.name.startswith(".corridor-restore")]


@pytest.mark.django_db
def test_a_different_file_already_in_media_root_is_refused(archive, media):
    clash = media / archive.files[0]
    clash.parent.mkdir(parents=True, exist_ok=True)
    clash.write_bytes(b"something else")
    with pytest.raises(CommandError, match="already holds a different file"):
        run("restore", archive.path)
    assert not User.objects.exists()
    assert media_files(media) == [clash]


@pytest.mark.django_db
def test_a_killed_or_failed_backup_leaves_no_file_that_looks_complete(
    media, backup_key, caseworker, a_case, tmp_path, monkeypatch
):
    real = writer._dump_table
    calls = []

    def dump_then_fail(*args, **kwargs):
        calls.append(1)
        if len(calls) == 5:
            raise RuntimeError("killed")
        return real(*args, **kwargs)

    monkeypatch.setattr(writer, "_dump_table", dump_then_fail)
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(RuntimeError, match="killed"):
        run("backup", output=out / "a.cbk")
    assert list(out.iterdir()) == []


# --- the container format, exhaustively on small segments ---------------------------------------------


def _seal(plaintext: bytes, secret: stream.Secret, monkeypatch) -> bytes:
    monkeypatch.setattr(stream, "SEGMENT_LOG2", 12)  # 4 KiB segments: many of them in a small file
    out = io.BytesIO()
    sealed = stream.EncryptingWriter(out, secret)
    for start in range(0, len(plaintext), 1000):
        sealed.write(plaintext[start : start + 1000])
    sealed.close()
    return out.getvalue()


def _open(blob: bytes, secret: stream.Secret) -> bytes:
    source = io.BytesIO(blob)
    header, aead = stream.read_header(source, secret)
    reader_ = stream.DecryptingReader(source, header, aead)
    data = reader_.read()
    reader_.drain()
    return data


@pytest.mark.parametrize("size", [0, 1, 4096, 4097, 3 * 4096, 10_000])
def test_the_stream_round_trips_any_length(size, monkeypatch):
    secret = stream.secret_from(secrets.token_urlsafe(32))
    plaintext = os.urandom(size)
    assert _open(_seal(plaintext, secret, monkeypatch), secret) == plaintext


def test_every_flipped_bit_and_every_cut_is_detected(monkeypatch):
    secret = stream.secret_from(secrets.token_urlsafe(32))
    blob = _seal(os.urandom(2 * 4096 + 100), secret, monkeypatch)
    for position in range(len(blob)):
        damaged = bytearray(blob)
        damaged[position] ^= 1 << (position % 8)
        with pytest.raises(stream.ArchiveError):
            _open(bytes(damaged), secret)
    for length in range(len(blob)):
        with pytest.raises(stream.ArchiveError):
            _open(blob[:length], secret)
    with pytest.raises(stream.DamagedError):
        _open(blob + b"\x00", secret)
    chunk = 4096 + stream.TAG
    first, second = stream.HEADER_SIZE, stream.HEADER_SIZE + chunk
    swapped = blob[:first] + blob[second : second + chunk] + blob[first:second] + blob[second + chunk :]
    with pytest.raises(stream.DamagedError, match="segment 0"):
        _open(swapped, secret)


def test_a_cut_at_a_segment_boundary_is_called_truncated(monkeypatch):
    secret = stream.secret_from(secrets.token_urlsafe(32))
    blob = _seal(os.urandom(3 * 4096), secret, monkeypatch)
    with pytest.raises(stream.DamagedError, match="truncated: it ends after segment 0"):
        _open(blob[: stream.HEADER_SIZE + 4096 + stream.TAG], secret)


def test_a_passphrase_works_and_a_wrong_one_is_told_apart_from_damage(monkeypatch):
    secret = stream.secret_from("correct horse battery staple, twice")
    assert secret.kdf == stream.KDF_SCRYPT and "correct" not in repr(secret)
    blob = _seal(b"payload" * 1000, secret, monkeypatch)
    assert _open(blob, secret) == b"payload" * 1000
    with pytest.raises(stream.WrongKeyError, match="not made with this"):
        _open(blob, stream.secret_from("correct horse battery staple, thrice"))
    with pytest.raises(stream.ArchiveError, match="not a Corridor backup"):
        _open(b"PK\x03\x04 a zip file", secret)


def test_the_key_tally_names_the_column_whose_key_is_missing(settings):
    tally = keycheck.KeyTally()
    context = "people.personidentifier.value"
    tally.note(context, encrypt_text("N0123456", context=context))
    tally.verify()
    settings.CORRIDOR_ENCRYPTION_KEYS = "other:" + new_key()
    with pytest.raises(
        keycheck.KeyProblem, match=r"values of people\.personidentifier were encrypted with key 'test2'"
    ):
        tally.verify()
