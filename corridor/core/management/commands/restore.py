"""`manage.py restore PATH`: load a backup into an empty, migrated instance, all or nothing."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.core.backup import ENV_NAME, ArchiveError, restore_read, secret_from


class Command(BaseCommand):
    help = (
        "Restore an archive written by `manage.py backup` into an empty, migrated database at the same migration "
        f"state. The whole archive is authenticated first (key from {ENV_NAME}); then everything is loaded in one "
        "transaction, or nothing is. See docs/backup.md."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("path", type=Path, help="The archive to restore.")
        parser.add_argument(
            "--check",
            action="store_true",
            help="Only authenticate the archive and verify every member's checksum; change nothing.",
        )
        parser.add_argument("--quiet", action="store_true", help="Print only warnings and the final summary.")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            secret = secret_from(os.environ.get(ENV_NAME))
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        quiet = options["quiet"]

        def progress(line: str) -> None:
            if not quiet:
                self.stdout.write(line)

        try:
            report = restore_read(options["path"], secret=secret, progress=progress, check_only=options["check"])
        except ArchiveError as error:
            raise CommandError(str(error)) from None
        if options["check"]:
            self.stdout.write(
                self.style.SUCCESS(
                    f"The archive is intact and was made with this key: {report.rows:,} records, "
                    f"{report.attachments:,} attachment files, audit log of {report.audit_checked:,} entries "
                    f"(head digest {report.audit_head}), made {report.created_at} on {report.source_vendor}. "
                    "Nothing was changed."
                )
            )
            return
        self.stdout.write(
            self.style.SUCCESS(
                f"Restored {report.rows:,} records and {report.attachments:,} attachment files "
                f"in {report.seconds:.1f} s "
                f"(backup made {report.created_at} on {report.source_vendor})."
            )
        )
        if report.audit_problem:
            self.stderr.write(
                f"WARNING: the audit log was already broken when the backup was made (entry {report.audit_entry_id}: "
                f"{report.audit_problem}); it was restored verbatim."
            )
        else:
            self.stdout.write(
                f"Audit log verified: {report.audit_checked:,} entries, head digest {report.audit_head}; "
                "one entry recording this restore was appended."
            )
        if report.missing_attachments:
            self.stderr.write(
                f"WARNING: {len(report.missing_attachments)} attachments had no file when the backup was made: "
                + ", ".join(report.missing_attachments[:5])
            )
