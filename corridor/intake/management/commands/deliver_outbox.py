import datetime as dt
from typing import Any

from django.core.management.base import BaseCommand
from django.utils import timezone

from corridor.intake.channels.outbound import deliver_due
from corridor.intake.models import ChannelUpdate

# Providers stop redelivering an update within a day (Telegram: 24 hours); a week is ample.
KEEP_UPDATE_IDS = dt.timedelta(days=7)


class Command(BaseCommand):
    help = (
        "Send messages for workers that are due (retries, and any whose task was lost), and forget update ids "
        "too old to be redelivered. Run every minute."
    )

    def handle(self, *args: Any, **options: Any) -> None:
        visited = deliver_due()
        pruned, _ = ChannelUpdate.objects.filter(received_at__lt=timezone.now() - KEEP_UPDATE_IDS).delete()
        self.stdout.write(
            f"Outbox: {visited} conversations with due messages visited; {pruned} old update ids removed."
        )
