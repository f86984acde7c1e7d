"""`manage.py backup --output PATH`: write one encrypted archive of the database and attachment files."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.core.backup import ENV_NAME, ArchiveError, backup_write, secret_from


class Command(BaseCommand):
    help = (
        "Write one encrypted, authenticated archive of the whole database (portable JSON Lines), the attachment "
        f"files as stored and a manifest. The key comes from {ENV_NAME}; see docs/backup.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--output", required=True, type=Path, help="The archive to write (PATH.partial until done)."
        )
        parser.add_argument("--overwrite", action="store_true", help="Replace PATH if it already exists.")
        parser.add_argument("--quiet", action="store_true", help="Print only warnings and the final summary.")

    def handle(self, *args: Any, **options: Any) -> None:
        output: Path = options["output"]
        try:
            secret = secret_from(os.environ.get(ENV_NAME))
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        if output.exists() and not options["overwrite"]:
            raise CommandError(f"{output} already exists. Choose another name or pass --overwrite.")
        if not output.parent.is_dir():
            raise CommandError(f"The directory {output.parent} does not exist.")
        quiet = options["quiet"]

        def progress(line: str) -> None:
            if line.lstrip().startswith("WARNING"):
                self.stderr.write(line.strip())
            elif not quiet:
                self.stdout.write(line)

        try:
            report = backup_write(output, secret=secret, progress=progress)
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(
            self.style.SUCCESS(
                f"Backup written to {report.path} in {report.seconds:.1f} s: {report.rows:,} records in "
                f"{sum(1 for n in report.counts.values() if n):,} tables, {report.attachments:,} attachment files "
                f"({report.attachment_bytes / 1e6:.1f} MB); archive {report.size / 1e6:.1f} MB, "
                f"sha256 {report.sha256}."
            )
        )
        audit = report.audit
        if audit["intact"]:
            self.stdout.write(f"Audit log intact: {audit['checked']:,} entries, head digest {audit['head']}.")
        else:
            self.stderr.write(
                f"WARNING: the audit log is NOT intact at entry {audit['entry_id']}: {audit['problem']}. "
                "The backup holds it verbatim, as evidence."
            )
        if report.missing_attachments:
            self.stderr.write(
                f"WARNING: {len(report.missing_attachments)} attachment files were missing and are not in the backup "
                "(listed in its manifest)."
            )
