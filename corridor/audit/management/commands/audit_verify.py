from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.audit.verify import audit_chain_verify


class Command(BaseCommand):
    help = "Check that no audit-log entry was modified or deleted (exit status 1 if one was)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument(
            "--expect-head",
            help="The head digest recorded earlier outside the database; detects removal of the newest entries.",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        result = audit_chain_verify()
        if not result.ok:
            raise CommandError(f"Audit log is NOT intact at entry {result.entry_id}: {result.problem}.")
        expected = options.get("expect_head")
        if expected and expected not in {result.head}:
            from corridor.audit.models import AuditEntry

            if not AuditEntry.objects.filter(digest=expected).exists():
                raise CommandError("Audit log is NOT intact: the recorded head digest is no longer in the chain.")
        self.stdout.write(f"Audit log intact: {result.checked} entries checked. Head digest: {result.head}")
