"""Restoring a backup into an empty instance: authenticate and unpack everything first, check that the
archive fits this instance, then load it all in one transaction."""

from __future__ import annotations

import contextlib
import errno
import gzip
import hashlib
import json
import os
import re
import shutil
import tarfile
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.conf import settings
from django.core.management.color import no_style
from django.db import DEFAULT_DB_ALIAS, DatabaseError, connections, models, transaction

from corridor.core.backup import keycheck, state, tables
from corridor.core.backup.stream import ArchiveError, DamagedError, DecryptingReader, Secret, read_header
from corridor.core.fields import EncryptedTextField

COPY_CHUNK = 1024 * 1024
BATCH_ROWS = 2000
_DB_MEMBER = re.compile(r"^db/\d{3}-[a-z0-9_]+\.[a-z0-9_]+/\d{6}\.jsonl\.gz$")
_MEDIA_MEMBER = re.compile(r"^media/attachments/[0-9a-f]{2}/[0-9a-f]{8}(-[0-9a-f]{4}){3}-[0-9a-f]{12}\.bin$")

Progress = Callable[[str], None]


class NotEmptyError(ArchiveError):
    pass


class MismatchError(ArchiveError):
    """The archive is sound but does not fit this instance (schema, keys, files already present)."""


@dataclass
class RestoreReport:
    created_at: str = ""
    source_vendor: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    reference: dict[str, dict[str, int]] = field(default_factory=dict)
    attachments: int = 0
    attachments_present: int = 0
    missing_attachments: list[str] = field(default_factory=list)
    audit_checked: int = 0
    audit_head: str = ""
    audit_problem: str = ""
    audit_entry_id: int | None = None
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


def _occupied(labels: list[str], using: str) -> list[str]:
    found = []
    existing = set(connections[using].introspection.table_names())
    for label in labels:
        model = tables.model_for(label)
        if model is None or label in tables.REFERENCE or label in tables.EXCLUDED:
            continue
        if model._meta.db_table not in existing:
            continue
        count = model._base_manager.using(using).count()
        if count:
            found.append(f"{label} ({count:,})")
    return found


def refuse_unless_empty(using: str = DEFAULT_DB_ALIAS, extra_labels: list[str] | None = None) -> None:
    labels = [tables.label_of(model) for model in tables.backed_up_models(using)]
    labels += [label for label in extra_labels or [] if label not in labels]
    occupied = _occupied(labels, using)
    if occupied:
        raise NotEmptyError(
            "This database is not empty: it holds rows in "
            + ", ".join(occupied[:6])
            + (f" and {len(occupied) - 6} more tables" if len(occupied) > 6 else "")
            + ". `restore` loads only into a freshly migrated, empty database (restoring over existing data "
            "is not supported). Nothing was restored."
        )


def _extract(reader: DecryptingReader, work: Path, staging: Path, progress: Progress) -> dict[str, dict[str, Any]]:
    """Unpack every member, hashing as it goes. Only authenticated bytes ever reach the disk."""
    found: dict[str, dict[str, Any]] = {}
    try:
        with tarfile.open(fileobj=reader, mode="r|") as tar:  # type: ignore[call-overload]
            for info in tar:
                name = info.name
                if name in found or not info.isreg():
                    raise DamagedError(f"The archive holds an unexpected entry {name!r}. Nothing was restored.")
                if name == state.MANIFEST or _DB_MEMBER.match(name):
                    destination = work / name
                elif _MEDIA_MEMBER.match(name):
                    destination = staging / name.removeprefix("media/")
                else:
                    raise DamagedError(f"The archive holds an unexpected entry {name!r}. Nothing was restored.")
                destination.parent.mkdir(parents=True, exist_ok=True)
                source = tar.extractfile(info)
                assert source is not None
                digest, size = hashlib.sha256(), 0
                with destination.open("xb") as out:
                    while chunk := source.read(COPY_CHUNK):
                        digest.update(chunk)
                        size += len(chunk)
                        out.write(chunk)
                found[name] = {"size": size, "sha256": digest.hexdigest()}
                if len(found) % 1000 == 0:
                    progress(f"  {len(found):,} members checked")
    except tarfile.TarError:
        raise DamagedError("The archive's contents are not a valid tar stream. Nothing was restored.") from None
    reader.drain()  # the tar end marker is not the end of the file: authenticate up to the final segment
    return found


def _read_manifest(work: Path, found: dict[str, dict[str, Any]]) -> dict[str, Any]:
    if state.MANIFEST not in found:
        raise DamagedError("The archive has no manifest. Nothing was restored.")
    manifest: dict[str, Any] = json.loads((work / state.MANIFEST).read_text(encoding="utf-8"))
    if manifest.get("format") != state.FORMAT:
        raise ArchiveError("This archive is not a Corridor backup. Nothing was restored.")
    if manifest.get("format_version") != state.FORMAT_VERSION:
        raise ArchiveError(
            f"This archive has content format {manifest.get('format_version')}; this Corridor reads "
            f"{state.FORMAT_VERSION}. Nothing was restored."
        )
    recorded = manifest["members"]
    listed, present = set(recorded), set(found) - {state.MANIFEST}
    if listed != present:
        missing, extra = sorted(listed - present), sorted(present - listed)
        raise DamagedError(
            f"The archive's members do not match its manifest (missing: {missing[:3]}, extra: {extra[:3]}). "
            "Nothing was restored."
        )
    for name, expected in recorded.items():
        if found[name] != {"size": expected["size"], "sha256": expected["sha256"]}:
            raise DamagedError(f"The checksum of {name} does not match the manifest. Nothing was restored.")
    return manifest


def _check_fit(manifest: dict[str, Any], using: str) -> None:
    differences = state.migration_differences(manifest["migrations"], state.migration_state(connections[using]))
    if differences:
        raise MismatchError(
            "The archive was made by an instance at a different migration state: "
            + "; ".join(differences)
            + ". Install the Corridor version that made the backup (it was "
            + str(manifest.get("corridor_version"))
            + "), run `manage.py migrate`, restore, then upgrade. Nothing was restored."
        )
    for entry in manifest["tables"]:
        model = tables.model_for(entry["model"])
        if model is None:
            raise MismatchError(f"This instance has no table for {entry['model']}. Nothing was restored.")
        ours = [column.name for column in tables.columns_of(model)]
        if sorted(ours) != sorted(entry["fields"]):
            raise MismatchError(
                f"{entry['model']} has different columns here ({', '.join(ours)}) than in the archive "
                f"({', '.join(entry['fields'])}). Nothing was restored."
            )


def _file_digest(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(COPY_CHUNK):
            digest.update(chunk)
    return digest.hexdigest()


def _plan_files(manifest: dict[str, Any], staging: Path, media_root: Path) -> tuple[list[tuple[Path, Path]], int]:
    """(staged file, destination) pairs to move; files already in MEDIA_ROOT must be identical."""
    moves: list[tuple[Path, Path]] = []
    present = 0
    for name, expected in sorted(manifest["members"].items()):
        if not name.startswith("media/"):
            continue
        relative = name.removeprefix("media/")
        destination = media_root / relative
        if destination.exists():
            if _file_digest(destination) != expected["sha256"]:
                raise MismatchError(
                    f"MEDIA_ROOT already holds a different file at {relative}. Move the old attachments "
                    f"directory ({media_root / 'attachments'}) aside first. Nothing was restored."
                )
            present += 1
            continue
        moves.append((staging / relative, destination))
    return moves, present


def _in_dependency_order(labels: list[str]) -> bool:
    """Does every foreign key of each table point at a table loaded before it (and never at itself)?"""
    loaded: set[str] = set()
    archived = set(labels)
    for label in labels:
        model = tables.model_for(label)
        assert model is not None
        for model_field in model._meta.local_concrete_fields:
            if model_field.is_relation:
                target = tables.label_of(model_field.related_model)  # type: ignore[arg-type]
                if target in archived and target not in loaded:
                    return False
        loaded.add(label)
    return True


def _foreign_key_checks(connection: Any, labels: list[str]) -> None:
    """SQLite: checks wait for COMMIT (a counter, whatever the size). PostgreSQL: Django's foreign keys
    are DEFERRABLE INITIALLY DEFERRED, and a deferred check queues an event per row in server memory
    until COMMIT; when the tables come in dependency order (the backup writes them so) each row is
    checked as it goes in instead, which keeps that memory flat for millions of rows."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            mode = "IMMEDIATE" if _in_dependency_order(labels) else "DEFERRED"
            cursor.execute(f"SET CONSTRAINTS ALL {mode}")
        elif connection.vendor == "sqlite":
            cursor.execute("PRAGMA defer_foreign_keys = ON")


class _TableLoader:
    def __init__(self, entry: dict[str, Any], work: Path, using: str, tally: keycheck.KeyTally) -> None:
        self.label = entry["model"]
        self.entry = entry
        self.work = work
        self.using = using
        model = tables.model_for(self.label)
        assert model is not None
        self.model: type[models.Model] = model
        columns = tables.columns_of(model)
        self.columns = {column.name: column for column in columns}
        self.pk_column = self.columns[entry["pk"]]
        self.connection = connections[using]
        quote = self.connection.ops.quote_name
        table = quote(model._meta.db_table)
        names = ", ".join(quote(str(column.field.column)) for column in columns)
        self.insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join(['%s'] * len(columns))})"  # noqa: S608
        self.copy = f"COPY {table} ({names}) FROM STDIN"
        self.plan = [(column.name, column.decode, column.field.get_db_prep_save) for column in columns]
        self.tally = tally
        self.encrypted = [
            (index, f"{self.label}.{column.field.name}")
            for index, column in enumerate(columns)
            if isinstance(column.field, EncryptedTextField)
        ]

    def records(self) -> Any:
        for part in self.entry["parts"]:
            with gzip.open(self.work / part, "rb") as handle:
                for line in handle:
                    record = json.loads(line)
                    if record.get("model") != self.label:
                        raise DamagedError(f"{part} holds a record of another table. Nothing was restored.")
                    yield record

    def _row(self, record: dict[str, Any]) -> dict[str, Any]:
        """{attname: value} of one record, as Python values."""
        values = {self.pk_column.field.attname: self.pk_column.decode(record["pk"])}
        for name, value in record["fields"].items():
            column = self.columns[name]
            values[column.field.attname] = column.decode(value)
        return values

    def _prepared(self, record: dict[str, Any]) -> list[Any]:
        """One record as the parameters of the INSERT, adapted for this database by each field.

        Values go in exactly as recorded: no auto_now, no defaults, ciphertext stays ciphertext."""
        fields, pk_name, connection = record["fields"], self.pk_column.name, self.connection
        try:
            values = [decode(record["pk"] if name == pk_name else fields[name]) for name, decode, _ in self.plan]
        except KeyError as missing:
            raise DamagedError(f"A {self.label} record has no {missing} value. Nothing was restored.") from None
        for index, context in self.encrypted:
            if values[index] is not None:
                self.tally.note(context, values[index])
        return [prepare(value, connection=connection) for value, (_, _, prepare) in zip(values, self.plan, strict=True)]

    def _insert(self, rows: list[list[Any]]) -> None:
        if not rows:
            return
        with self.connection.cursor() as cursor:
            if self.connection.vendor == "postgresql":
                # COPY: the fastest way in, with the same psycopg adaptation as an INSERT's parameters.
                with cursor.cursor.copy(self.copy) as copy:
                    for row in rows:
                        copy.write_row(row)
            else:  # SQLite: one prepared statement, run for each row
                cursor.executemany(self.insert, rows)

    def load(self, progress: Progress) -> int:
        batch: list[list[Any]] = []
        done = 0
        announced = time.monotonic()
        for record in self.records():
            batch.append(self._prepared(record))
            if len(batch) >= BATCH_ROWS:
                self._insert(batch)
                done += len(batch)
                batch = []
                if time.monotonic() - announced >= 5:
                    announced = time.monotonic()
                    progress(f"    {self.label}: {done:,}/{self.entry['count']:,}")
        self._insert(batch)
        return done + len(batch)

    def merge(self) -> dict[str, int]:
        """Reference rows the migrations already loaded: insert what is absent, keep identical rows,
        and give rows that differ the archive's values (the archive is the instance being restored)."""
        result = {"inserted": 0, "kept": 0, "updated": 0}
        batch: list[dict[str, Any]] = []
        for record in self.records():
            batch.append(record)
            if len(batch) >= BATCH_ROWS:
                self._merge_batch(batch, result)
                batch = []
        self._merge_batch(batch, result)
        return result

    def _merge_batch(self, records: list[dict[str, Any]], result: dict[str, int]) -> None:
        if not records:
            return
        columns = list(self.columns.values())
        annotations, names = tables.raw_selection(self.model, columns)
        pks = [self.pk_column.decode(record["pk"]) for record in records]
        existing = {}
        queryset = self.model._base_manager.using(self.using).annotate(**annotations).filter(pk__in=pks)
        for row in queryset.values_list(*names):
            encoded = {column.name: column.encode(value) for column, value in zip(columns, row, strict=True)}
            existing[encoded.pop(self.pk_column.name)] = encoded
        missing = []
        for record in records:
            current = existing.get(record["pk"])
            if current is None:
                missing.append(self._prepared(record))
            elif current == record["fields"]:
                result["kept"] += 1
            else:
                row = self._row(record)
                pk = row.pop(self.pk_column.field.attname)
                self.model._base_manager.using(self.using).filter(pk=pk).update(**row)
                result["updated"] += 1
        self._insert(missing)
        result["inserted"] += len(missing)


def _move(source: Path, destination: Path, created: list[Path], placed: list[Path]) -> None:
    missing_parents = [parent for parent in reversed(destination.parents) if not parent.exists()]
    destination.parent.mkdir(parents=True, exist_ok=True)
    created.extend(missing_parents)
    try:
        os.replace(source, destination)
    except OSError as error:
        if error.errno != errno.EXDEV:
            raise
        shutil.copyfile(source, destination)  # another file system: copy, then let the staging go
    placed.append(destination)


def _unplace(placed: list[Path], created: list[Path]) -> None:
    for path in placed:
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
    for directory in reversed(created):
        with contextlib.suppress(OSError):
            directory.rmdir()


def restore_read(
    path: Path,
    *,
    secret: Secret,
    progress: Progress = lambda line: None,
    using: str = DEFAULT_DB_ALIAS,
    check_only: bool = False,
) -> RestoreReport:
    """Restore `path` into this (empty) instance; with check_only, authenticate and checksum the whole
    archive and report what it holds, touching neither the database nor MEDIA_ROOT."""
    started = time.monotonic()
    report = RestoreReport()
    path = Path(path)
    if not path.is_file():
        raise ArchiveError(f"There is no archive at {path}.")
    if not check_only:
        refuse_unless_empty(using)  # before spending time on decryption
    media_root = Path(settings.MEDIA_ROOT)
    work = Path(tempfile.mkdtemp(prefix="corridor-restore-"))
    staging: Path | None = None
    try:
        progress("Checking the archive (authentication and checksums of every member) ...")
        with path.open("rb") as source:
            header, aead = read_header(source, secret)
            reader = DecryptingReader(source, header, aead)
            if check_only:
                staging = work / "media"
            else:  # on MEDIA_ROOT's file system, so that placing a file is a rename
                media_root.mkdir(parents=True, exist_ok=True)
                staging = Path(tempfile.mkdtemp(prefix=".corridor-restore-", dir=media_root))
            found = _extract(reader, work, staging, progress)
        manifest = _read_manifest(work, found)
        report.created_at = manifest.get("created_at", "")
        report.source_vendor = manifest.get("source", {}).get("vendor", "")
        report.missing_attachments = list(manifest.get("attachments", {}).get("missing", []))
        progress(f"The archive is intact: {len(found):,} members, made {report.created_at} on {report.source_vendor}.")
        if check_only:
            report.counts = {entry["model"]: entry["count"] for entry in manifest["tables"]}
            report.attachments = manifest["attachments"]["count"]
            audit = manifest["audit"]
            report.audit_checked, report.audit_head = audit["checked"], audit["head"]
            report.audit_problem, report.audit_entry_id = audit["problem"], audit["entry_id"]
        else:
            _check_fit(manifest, using)
            moves, report.attachments_present = _plan_files(manifest, staging, media_root)
            try:
                keycheck.verify_attachment_files(sorted(staging.rglob("*.bin")))
            except keycheck.KeyProblem as error:
                raise MismatchError(f"{error} Nothing was restored.") from None
            _load(manifest, work, moves, report, progress, using)
    finally:
        shutil.rmtree(work, ignore_errors=True)
        if staging is not None:
            shutil.rmtree(staging, ignore_errors=True)
    report.seconds = time.monotonic() - started
    return report


def _load(
    manifest: dict[str, Any],
    work: Path,
    moves: list[tuple[Path, Path]],
    report: RestoreReport,
    progress: Progress,
    using: str,
) -> None:
    from corridor.audit.models import AuditAction
    from corridor.audit.services import audit_record
    from corridor.audit.verify import audit_chain_verify

    connection = connections[using]
    placed: list[Path] = []
    created: list[Path] = []
    tally = keycheck.KeyTally()
    loaded_models: list[type[models.Model]] = []
    progress("Loading the database (one transaction) ...")
    try:
        with transaction.atomic(using=using):
            _foreign_key_checks(connection, [entry["model"] for entry in manifest["tables"]])
            refuse_unless_empty(using, [entry["model"] for entry in manifest["tables"]])
            for entry in manifest["tables"]:
                loader = _TableLoader(entry, work, using, tally)
                loaded_models.append(loader.model)
                if entry["model"] in tables.REFERENCE:
                    merged = loader.merge()
                    report.reference[entry["model"]] = merged
                    report.counts[entry["model"]] = entry["count"]
                    progress(
                        f"  {entry['model']}: {entry['count']:,} reference rows ({merged['inserted']} added, "
                        f"{merged['kept']} already there, {merged['updated']} updated)"
                    )
                    continue
                count = loader.load(progress)
                if count != entry["count"]:
                    raise DamagedError(f"{entry['model']}: {count} rows read, the manifest says {entry['count']}.")
                report.counts[entry["model"]] = count
                progress(f"  {entry['model']}: {count:,} rows")
            with connection.cursor() as cursor:
                for statement in connection.ops.sequence_reset_sql(no_style(), loaded_models):
                    cursor.execute(statement)
            connection.check_constraints()  # name the broken reference now rather than fail at COMMIT
            tally.verify()
            keycheck.verify_blind_index()
            _verify_audit(manifest["audit"], audit_chain_verify(), report)
            progress(f"Placing {len(moves):,} attachment files in MEDIA_ROOT ...")
            for source, destination in moves:
                _move(source, destination, created, placed)
            report.attachments = len(placed) + report.attachments_present
            audit_record(
                actor=None,
                action=AuditAction.CREATE,
                label="manage.py restore",
                summary=(
                    f"restored from a backup made {report.created_at} on {report.source_vendor}: "
                    f"{report.rows} records, {report.attachments} files"
                )[:300],
            )
    except keycheck.KeyProblem as error:
        _unplace(placed, created)
        raise MismatchError(f"{error} Nothing was restored.") from None
    except tables.MissingNaturalKeyError as error:  # a natural key (permission, content type) this instance lacks
        _unplace(placed, created)
        raise MismatchError(f"{error}. Nothing was restored.") from None
    except DatabaseError as error:
        _unplace(placed, created)
        raise MismatchError(f"The database refused the archive's data ({error}). Nothing was restored.") from error
    except BaseException:
        _unplace(placed, created)
        raise


def _verify_audit(recorded: dict[str, Any], result: Any, report: RestoreReport) -> None:
    report.audit_checked, report.audit_head = result.checked, result.head
    report.audit_problem, report.audit_entry_id = result.problem, result.entry_id
    same = (
        result.checked == recorded["checked"]
        and result.head == recorded["head"]
        and result.problem == recorded["problem"]
        and result.entry_id == recorded["entry_id"]
    )
    if same:
        return
    if result.problem and recorded["intact"]:
        raise MismatchError(
            f"The audit log does not verify after loading (entry {result.entry_id}: {result.problem}), although it "
            "did when the backup was made. Most likely CORRIDOR_AUDIT_KEY differs from the instance that made the "
            "backup: use that key. Nothing was restored."
        )
    raise MismatchError(
        f"The audit log after loading ({result.checked} entries, head {result.head}) is not the one in the backup "
        f"({recorded['checked']} entries, head {recorded['head']}). Nothing was restored."
    )
