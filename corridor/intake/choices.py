"""The questions a worker answers, in the worker's own terms. The web form and every messaging
channel ask exactly these, so a report looks the same whichever way it came in."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Concern(models.TextChoices):
    NOT_PAID = "not_paid", _("I was not paid")
    PAID_LESS = "paid_less", _("I was paid less than I was promised")
    DOCUMENTS_TAKEN = "documents_taken", _("My passport or work permit was taken from me")
    FORCED_OVERTIME = "forced_overtime", _("I am made to work extra hours")
    THREATS = "threats", _("I was threatened or hurt")
    CANNOT_LEAVE = "cannot_leave", _("I cannot leave the workplace or the job")
    FEES_DEBT = "fees_debt", _("I paid fees or owe a debt to a broker")
    UNSAFE_WORK = "unsafe_work", _("My work is dangerous")
    OTHER = "other", _("Something else")


# What each concern suggests for the case once a caseworker opens one; a human confirms.
CONCERN_VIOLATIONS: dict[str, tuple[str, ...]] = {
    Concern.NOT_PAID: ("LR-UNPAID-WAGES",),
    Concern.PAID_LESS: ("LR-BELOW-MINIMUM-WAGE", "ILO11-02"),
    Concern.DOCUMENTS_TAKEN: ("LR-DOCUMENT-RETENTION", "ILO11-07"),
    Concern.FORCED_OVERTIME: ("LR-EXCESSIVE-HOURS", "ILO11-11"),
    Concern.THREATS: ("ILO11-06",),
    Concern.CANNOT_LEAVE: ("ILO11-03",),
    Concern.FEES_DEBT: ("LR-RECRUITMENT-FEES", "ILO11-09"),
    Concern.UNSAFE_WORK: ("LR-UNSAFE-WORK",),
    Concern.OTHER: (),
}


class Happened(models.TextChoices):
    ONGOING = "ongoing", _("It is still happening")
    THIS_WEEK = "this_week", _("In the last week")
    THIS_MONTH = "this_month", _("In the last month")
    MONTHS = "months", _("One to six months ago")
    LONG_AGO = "long_ago", _("More than six months ago")


class WorkersAffected(models.TextChoices):
    ONLY_ME = "1", _("Only me")
    FEW = "2-5", _("2 to 5 workers")
    SEVERAL = "6-20", _("6 to 20 workers")
    MANY = "21+", _("More than 20 workers")
    UNKNOWN = "unknown", _("I don't know")


class ContactMethod(models.TextChoices):
    NONE = "none", _("Do not contact me")
    PHONE = "phone", _("Phone call or SMS")
    MESSENGER = "messenger", pgettext_lazy("app name", "Facebook Messenger")
    TELEGRAM = "telegram", pgettext_lazy("app name", "Telegram")
    LINE = "line", pgettext_lazy("app name", "LINE")


class Channel(models.TextChoices):
    WEB = "web", _("Web form")
    TELEGRAM = "telegram", pgettext_lazy("app name", "Telegram")


class ReportStatus(models.TextChoices):
    NEW = "new", _("New")
    LINKED = "linked", _("Linked to a case")
    CLOSED = "closed", _("Closed")


class CloseReason(models.TextChoices):
    SPAM = "spam", _("Spam or abuse")
    DUPLICATE = "duplicate", _("Duplicate of another report")
    NOT_ACTIONABLE = "not_actionable", _("Not enough information to act on")


class MessageDirection(models.TextChoices):
    TO_WORKER = "to_worker", _("To the worker")
    FROM_WORKER = "from_worker", _("From the worker")


class Delivery(models.TextChoices):
    STATUS_PAGE = "status_page", _("Shown on the status page")
    PENDING = "pending", _("Waiting to be sent")
    SENT = "sent", _("Sent")
    FAILED = "failed", _("Could not be sent")
