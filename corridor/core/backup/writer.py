"""Writing a backup: one consistent read of the database, the attachment files as stored, a manifest,
all in a tar stream sealed by stream.EncryptingWriter."""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import io
import json
import os
import tarfile
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO
from uuid import UUID

import django
from django.conf import settings
from django.db import DEFAULT_DB_ALIAS, connections, models, transaction
from django.utils import timezone

from corridor.cases import attachments as files
from corridor.core.backup import state, tables
from corridor.core.backup.stream import EncryptingWriter, Secret

BATCH_ROWS = 2000  # rows per query
PART_BYTES = 8 * 1024 * 1024  # JSON lines per tar member, before compression
COPY_CHUNK = 1024 * 1024

Progress = Callable[[str], None]


@dataclass
class BackupReport:
    path: Path
    size: int = 0
    sha256: str = ""
    counts: dict[str, int] = field(default_factory=dict)
    attachments: int = 0
    attachment_bytes: int = 0
    missing_attachments: list[str] = field(default_factory=list)
    audit: dict[str, Any] = field(default_factory=dict)
    seconds: float = 0.0

    @property
    def rows(self) -> int:
        return sum(self.counts.values())


class _HashingSink:
    """The archive file: counts and hashes what is written, for the report."""

    def __init__(self, handle: BinaryIO) -> None:
        self.handle = handle
        self.digest = hashlib.sha256()
        self.size = 0

    def write(self, data: bytes) -> int:
        self.digest.update(data)
        self.size += len(data)
        return self.handle.write(data)

    def flush(self) -> None:
        self.handle.flush()


class _Members:
    """Adds members to the tar stream and remembers each one's size and SHA-256 for the manifest."""

    def __init__(self, tar: tarfile.TarFile, mtime: float) -> None:
        self.tar = tar
        self.mtime = mtime
        self.recorded: dict[str, dict[str, Any]] = {}

    def _info(self, name: str, size: int) -> tarfile.TarInfo:
        info = tarfile.TarInfo(name)
        info.size, info.mtime, info.mode, info.type = size, int(self.mtime), 0o600, tarfile.REGTYPE
        return info

    def add_bytes(self, name: str, content: bytes) -> None:
        self.tar.addfile(self._info(name, len(content)), io.BytesIO(content))
        self.recorded[name] = {"size": len(content), "sha256": hashlib.sha256(content).hexdigest()}

    def add_file(self, name: str, handle: BinaryIO, size: int) -> None:
        digest = hashlib.sha256()

        class Reader:
            def read(self, n: int = -1) -> bytes:
                chunk = handle.read(n)
                digest.update(chunk)
                return chunk

        self.tar.addfile(self._info(name, size), Reader())
        self.recorded[name] = {"size": size, "sha256": digest.hexdigest()}


@contextlib.contextmanager
def read_snapshot(using: str = DEFAULT_DB_ALIAS) -> Iterator[None]:
    """One transaction that sees the database as it was when it began, without stopping writers.

    PostgreSQL: REPEATABLE READ, READ ONLY. SQLite (WAL): a deferred transaction reads one snapshot;
    the project's IMMEDIATE mode would take the write lock for the whole backup, so it is set aside
    here. Inside a caller's transaction (tests) that transaction is the snapshot."""
    connection = connections[using]
    if connection.in_atomic_block:
        with transaction.atomic(using=using):
            yield
        return
    connection.ensure_connection()
    saved_mode = getattr(connection, "transaction_mode", None)
    if connection.vendor == "sqlite":
        connection.transaction_mode = None  # type: ignore[attr-defined]
    try:
        with transaction.atomic(using=using):
            if connection.vendor == "sqlite":
                connection.transaction_mode = saved_mode  # type: ignore[attr-defined]
            elif connection.vendor == "postgresql":
                with connection.cursor() as cursor:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            yield
    finally:
        if connection.vendor == "sqlite":
            connection.transaction_mode = saved_mode  # type: ignore[attr-defined]


def _dump_table(
    model: type[models.Model],
    position: int,
    members: _Members,
    using: str,
    progress: Progress,
    on_row: Callable[[dict[str, Any]], None] | None,
) -> dict[str, Any]:
    label = tables.label_of(model)
    columns = tables.columns_of(model)
    pk_attname = model._meta.pk.attname
    pk_index = next(i for i, column in enumerate(columns) if column.field.attname == pk_attname)
    annotations, names = tables.raw_selection(model, columns)
    queryset = model._base_manager.using(using).annotate(**annotations).order_by("pk")
    total = queryset.count()
    progress(f"  {label}: {total:,} rows")
    parts: list[str] = []
    buffer = bytearray()
    done = 0
    last: Any = None
    started = time.monotonic()
    announced = started

    def flush() -> None:
        name = f"db/{position:03d}-{label}/{len(parts) + 1:06d}.jsonl.gz"
        members.add_bytes(name, gzip.compress(bytes(buffer), compresslevel=6, mtime=0))
        parts.append(name)
        buffer.clear()

    while True:
        page = queryset if last is None else queryset.filter(pk__gt=last)
        rows = list(page.values_list(*names)[:BATCH_ROWS])
        if not rows:
            break
        for row in rows:
            if on_row is not None:
                on_row({column.field.attname: value for column, value in zip(columns, row, strict=True)})
            fields = {
                column.name: column.encode(value)
                for i, (column, value) in enumerate(zip(columns, row, strict=True))
                if i != pk_index
            }
            record = {"model": label, "pk": columns[pk_index].encode(row[pk_index]), "fields": fields}
            buffer += json.dumps(record, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
            buffer += b"\n"
            if len(buffer) >= PART_BYTES:
                flush()
        done += len(rows)
        last = rows[-1][pk_index]
        if time.monotonic() - announced >= 5:
            announced = time.monotonic()
            progress(f"    {label}: {done:,}/{total:,}")
    if buffer:
        flush()
    return {
        "model": label,
        "count": done,
        "reference": label in tables.REFERENCE,
        "fields": [column.name for column in columns],
        "pk": columns[pk_index].name,
        "parts": parts,
    }


def _attachment_ids(on_row_sink: list[UUID]) -> Callable[[dict[str, Any]], None]:
    def collect(row: dict[str, Any]) -> None:
        on_row_sink.append(row["id"])

    return collect


def backup_write(
    output: Path, *, secret: Secret, progress: Progress = lambda line: None, using: str = DEFAULT_DB_ALIAS
) -> BackupReport:
    """Write the archive to `output` (via output.partial, renamed at the very end)."""
    started = time.monotonic()
    output = Path(output)
    partial = output.with_name(output.name + ".partial")
    report = BackupReport(path=output)
    created_at = timezone.now()
    connection = connections[using]
    models_in_order = tables.backed_up_models(using)
    with contextlib.suppress(FileNotFoundError):
        partial.unlink()  # left by a backup that was killed
    descriptor = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "wb") as handle:
            sink = _HashingSink(handle)
            sealed = EncryptingWriter(sink, secret)  # type: ignore[arg-type]
            with tarfile.open(fileobj=sealed, mode="w|", format=tarfile.PAX_FORMAT) as tar:  # type: ignore[call-overload]
                members = _Members(tar, created_at.timestamp())
                manifest = _write_members(members, models_in_order, connection, report, progress, using)
                manifest["created_at"] = created_at.isoformat()
                manifest["members"] = members.recorded
                members.add_bytes(
                    state.MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode()
                )
            sealed.close()
            handle.flush()
            os.fsync(handle.fileno())
        report.size, report.sha256 = sink.size, sink.digest.hexdigest()
        report.seconds = time.monotonic() - started
        _log_backup(report)
        os.replace(partial, output)
        _fsync_directory(output.parent)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        raise
    return report


def _write_members(
    members: _Members,
    models_in_order: list[type[models.Model]],
    connection: Any,
    report: BackupReport,
    progress: Progress,
    using: str,
) -> dict[str, Any]:
    attachment_ids: list[UUID] = []
    chain = state.ChainCheck()
    table_entries = []
    progress("Reading the database (one consistent snapshot) ...")
    with read_snapshot(using):
        migrations = state.migration_state(connection)
        for position, model in enumerate(models_in_order, start=1):
            label = tables.label_of(model)
            on_row = (
                chain.feed
                if label == "audit.auditentry"
                else _attachment_ids(attachment_ids)
                if label == "cases.attachment"
                else None
            )
            entry = _dump_table(model, position, members, using, progress, on_row)
            table_entries.append(entry)
            report.counts[label] = entry["count"]
    progress(f"Copying {len(attachment_ids):,} attachment files as stored (already encrypted) ...")
    media_root = Path(settings.MEDIA_ROOT)
    for number, attachment_id in enumerate(attachment_ids, start=1):
        path = files._path_for(attachment_id)
        try:
            handle = path.open("rb")
        except FileNotFoundError:
            report.missing_attachments.append(str(attachment_id))
            progress(f"  WARNING: the file of attachment {attachment_id} is missing ({path}); it is not in the backup.")
            continue
        with handle:
            size = os.fstat(handle.fileno()).st_size
            members.add_file("media/" + path.relative_to(media_root).as_posix(), handle, size)
        report.attachments += 1
        report.attachment_bytes += size
        if number % 1000 == 0:
            progress(f"  {number:,}/{len(attachment_ids):,} files")
    report.audit = chain.summary()
    return {
        "format": state.FORMAT,
        "format_version": state.FORMAT_VERSION,
        "corridor_version": state.corridor_version(),
        "django_version": django.get_version(),
        "source": {"vendor": connection.vendor},
        "migrations": migrations,
        "tables": table_entries,
        "attachments": {
            "count": report.attachments,
            "bytes": report.attachment_bytes,
            "missing": report.missing_attachments,
        },
        "audit": report.audit,
    }


def _log_backup(report: BackupReport) -> None:
    """A backup is an export of every record: it goes into the audit log like any other export."""
    from corridor.audit.models import AuditAction
    from corridor.audit.services import audit_record

    with transaction.atomic():
        audit_record(
            actor=None,
            action=AuditAction.EXPORT,
            label="manage.py backup",
            summary=f"full backup written: {report.rows} records, {report.attachments} files",
            changes={"archive": [None, report.path.name], "sha256": [None, report.sha256]},
        )


def _fsync_directory(directory: Path) -> None:
    with contextlib.suppress(OSError):
        descriptor = os.open(directory, os.O_RDONLY)
        try:
            os.fsync(descriptor)
        finally:
            os.close(descriptor)
