"""Background work of accounts: notification emails."""

from __future__ import annotations

from django.conf import settings
from django.core.mail import send_mail
from django.tasks import task
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from corridor.accounts.models import Notification


@task
def email_notification(notification_id: str) -> None:
    """Email one notification, once. The email says only that there is something to look at and
    links to it: case details never travel by email."""
    notification = Notification.objects.select_related("user").filter(pk=notification_id).first()
    if notification is None or notification.emailed_at is not None or not notification.user.email:
        return
    link = settings.CORRIDOR_BASE_URL.rstrip("/") + notification.url
    with override(notification.user.preferred_language or "en"):
        subject = _("Corridor: %(text)s") % {"text": notification.text}
        body = _("%(text)s\n\nOpen it in Corridor (sign-in needed):\n%(link)s\n") % {
            "text": notification.text,
            "link": link,
        }
    send_mail(subject[:200], body, None, [notification.user.email])
    Notification.objects.filter(pk=notification.pk).update(emailed_at=timezone.now())
