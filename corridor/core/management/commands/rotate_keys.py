from typing import Any

from django.core.management.base import BaseCommand

from corridor.core.rotation import rotate_to_primary_key


class Command(BaseCommand):
    help = (
        "Re-encrypt identifiers and attachments under the first key of CORRIDOR_ENCRYPTION_KEYS. "
        "Add the new key in front first; remove the old key only after this has finished."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        report = rotate_to_primary_key()
        self.stdout.write(
            f"Re-encrypted {report.identifiers} identifiers and {report.attachments} attachments under the primary key."
        )
