import re
from typing import Any

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError, CommandParser

from corridor.intake.channels.base import DeliveryFailed
from corridor.intake.channels.telegram import ALLOWED_UPDATES, bot_username, set_webhook


class Command(BaseCommand):
    help = "Register this site's Telegram webhook URL with the bot, with the secret Telegram must send back."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("url", help="Public https URL of /channels/telegram/webhook on this site.")

    def handle(self, *args: Any, **options: Any) -> None:
        url: str = options["url"]
        if not settings.TELEGRAM_BOT_TOKEN:
            raise CommandError("TELEGRAM_BOT_TOKEN is not set: the Telegram channel is off.")
        # Telegram accepts 1-256 characters from this set as secret_token.
        if not re.fullmatch(r"[A-Za-z0-9_-]{16,256}", settings.TELEGRAM_WEBHOOK_SECRET):
            raise CommandError("TELEGRAM_WEBHOOK_SECRET must be 16-256 characters of A-Z, a-z, 0-9, _ and -.")
        if not url.startswith("https://") and not settings.DEBUG:
            raise CommandError("Telegram only calls https:// webhook URLs.")
        try:
            username = bot_username()
            set_webhook(url)
        except DeliveryFailed as error:
            raise CommandError(f"Telegram refused: {error}") from None
        self.stdout.write(f"Webhook of @{username} set to {url} for {', '.join(ALLOWED_UPDATES)} updates.")
