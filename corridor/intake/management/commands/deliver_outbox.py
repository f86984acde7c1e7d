import datetime as dt
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from corridor.intake.channels.outbound import deliver_due
from corridor.intake.models import ChannelUpdate
from corridor.referrals.federation import outbox as federation_outbox
from corridor.referrals.models import SeenNonce

# Providers stop redelivering an update within a day (Telegram: 24 hours); a week is ample.
KEEP_UPDATE_IDS = dt.timedelta(days=7)


class Command(BaseCommand):
    help = (
        "Send messages for workers that are due (retries, and any whose task was lost), and forget update ids "
        "too old to be redelivered; deliver what is due to peer servers, and forget nonces too old to be "
        "replayed. Run every minute."
    )

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument(
            "--now",
            action="store_true",
            help="Send every waiting message to peers now, without waiting for its retry time (after a peer outage).",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        visited = deliver_due()
        pruned, _ = ChannelUpdate.objects.filter(received_at__lt=timezone.now() - KEEP_UPDATE_IDS).delete()
        if options["now"]:
            federation_outbox.retry_now()
        delivered = federation_outbox.deliver_due()
        window = dt.timedelta(seconds=2 * settings.CORRIDOR_FEDERATION_WINDOW_SECONDS)
        forgotten, _ = SeenNonce.objects.filter(seen_at__lt=timezone.now() - window).delete()
        self.stdout.write(
            f"Outbox: {visited} conversations with due messages visited; {pruned} old update ids removed; "
            f"{delivered} messages delivered to peers; {forgotten} old nonces forgotten."
        )
