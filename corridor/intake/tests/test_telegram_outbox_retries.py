"""Replies to workers go through an outbox: the report is committed first, and a message Telegram
does not take is retried later with growing waits, in order, until it goes or we give up."""

from __future__ import annotations

import datetime as dt
import threading

import pytest
from django.core.management import call_command
from django.db import connection, connections, transaction
from django.db.models import F
from django.tasks import default_task_backend
from django.utils import timezone

from conftest import actor_of
from corridor.intake.channels import outbound
from corridor.intake.choices import Delivery
from corridor.intake.models import OutboundMessage, OutboundStatus, Report
from corridor.intake.services import report_ask
from corridor.intake.tests.test_telegram_conversation_in_thai import report_in_thai


def time_passes(seconds: int) -> None:
    OutboundMessage.objects.exclude(next_attempt_at=None).update(
        next_attempt_at=F("next_attempt_at") - dt.timedelta(seconds=seconds)
    )


def the_last_message() -> OutboundMessage:
    return OutboundMessage.objects.order_by("-created_at").first()


def report_with_tracking_code_failing(telegram_api, worker, *, failures: int, mode: str = "502") -> None:
    original = worker.taps

    def taps(value: str):
        if value == "send":
            telegram_api.fail_next(failures, mode=mode)
        return original(value)

    worker.taps = taps
    report_in_thai(worker)


@pytest.mark.django_db
def test_it_keeps_the_report_and_retries_when_the_tracking_code_cannot_be_sent(
    telegram_api, telegram_worker, routing_to_org
):
    worker = telegram_worker("th")
    report_with_tracking_code_failing(telegram_api, worker, failures=2)

    report = Report.objects.get()
    message = the_last_message()
    assert (message.status, message.attempts) == (OutboundStatus.PENDING, 1)
    assert "502" in message.last_error
    assert dt.timedelta(seconds=25) < message.next_attempt_at - timezone.now() <= dt.timedelta(seconds=30)
    assert report.display_code not in "".join(telegram_api.texts())

    outbound.deliver_due()  # not due yet
    assert the_last_message().attempts == 1

    time_passes(30)
    outbound.deliver_due()
    message = the_last_message()
    assert (message.status, message.attempts) == (OutboundStatus.PENDING, 2)
    assert dt.timedelta(seconds=55) < message.next_attempt_at - timezone.now() <= dt.timedelta(seconds=60)

    time_passes(60)
    call_command("deliver_outbox", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert the_last_message().status == OutboundStatus.SENT
    assert report.display_code in telegram_api.texts(worker.chat_id)[-1]
    assert len(telegram_api.refused) == 2


@pytest.mark.django_db
def test_it_treats_ok_false_as_a_failure(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("th")
    report_with_tracking_code_failing(telegram_api, worker, failures=1, mode="not_ok")

    assert the_last_message().status == OutboundStatus.PENDING
    assert "Internal Server Error" in the_last_message().last_error


@pytest.mark.django_db
def test_it_sends_later_messages_only_after_an_earlier_one_went(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("en")
    worker.says("/start")
    telegram_api.fail_next(1)
    worker.taps("lang:en")  # its reply (the concerns question) fails

    worker.taps("c:not_paid")  # its reply must wait behind the failed one

    assert len(telegram_api.texts(worker.chat_id)) == 1
    assert OutboundMessage.objects.filter(status=OutboundStatus.PENDING).count() == 2
    time_passes(30)
    outbound.deliver_due()
    first_taps = [
        payload["reply_markup"]["inline_keyboard"][0][0]["text"] for payload in telegram_api.sent(worker.chat_id)[1:]
    ]
    assert first_taps == ["I was not paid", "✓ I was not paid"]  # in the order they were written


@pytest.mark.django_db
def test_it_gives_up_after_ten_attempts(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("th")
    report_with_tracking_code_failing(telegram_api, worker, failures=outbound.MAX_ATTEMPTS)

    for _attempt in range(outbound.MAX_ATTEMPTS - 1):
        time_passes(outbound.MAX_RETRY_SECONDS)
        outbound.deliver_due()

    message = the_last_message()
    assert (message.status, message.attempts, message.next_attempt_at) == (OutboundStatus.FAILED, 10, None)
    assert outbound.backoff(9) == dt.timedelta(seconds=30 * 2**8)
    assert outbound.backoff(20) == dt.timedelta(hours=6)
    assert Report.objects.count() == 1


@pytest.mark.django_db
def test_it_gives_up_at_once_when_the_worker_blocked_the_bot(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("th")
    report_with_tracking_code_failing(telegram_api, worker, failures=1, mode="blocked")

    assert (the_last_message().status, the_last_message().attempts) == (OutboundStatus.FAILED, 1)


@pytest.mark.django_db
def test_it_waits_as_long_as_telegram_asks(telegram_api, telegram_worker, routing_to_org):
    worker = telegram_worker("th")
    report_with_tracking_code_failing(telegram_api, worker, failures=1, mode="slow_down")

    assert the_last_message().next_attempt_at - timezone.now() > dt.timedelta(seconds=85)


@pytest.mark.django_db
def test_it_schedules_the_retry_as_a_deferred_task_when_the_queue_can(telegram_api, telegram_worker, settings):
    worker = telegram_worker("en")
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    worker.says("/start")  # queued; the dummy queue runs nothing
    telegram_api.fail_next(1)

    with worker.capture(execute=True):
        outbound.deliver_conversation(the_last_message().conversation_id)

    retry = default_task_backend.results[-1]
    assert retry.task.func is outbound.deliver_outbound.func
    assert retry.task.run_after == the_last_message().next_attempt_at
    assert retry.args == [str(the_last_message().pk)]


@pytest.mark.django_db
def test_it_delivers_a_caseworkers_message_to_the_chat(telegram_api, telegram_worker, routing_to_org, caseworker):
    worker = telegram_worker("th")
    report_in_thai(worker)
    report = Report.objects.get()

    with worker.capture(execute=True):
        message = report_ask(actor=actor_of(caseworker), report=report, body="Are you safe now?")

    message.refresh_from_db()
    assert message.delivery == Delivery.SENT
    assert telegram_api.texts(worker.chat_id)[-1].endswith(f"{report.display_code}:\n\nAre you safe now?")


@pytest.mark.django_db
def test_it_marks_a_caseworkers_message_failed_when_delivery_is_given_up(
    telegram_api, telegram_worker, routing_to_org, caseworker
):
    worker = telegram_worker("th")
    report_in_thai(worker)
    telegram_api.fail_next(1, mode="blocked")

    with worker.capture(execute=True):
        message = report_ask(actor=actor_of(caseworker), report=Report.objects.get(), body="Are you safe now?")

    message.refresh_from_db()
    assert message.delivery == Delivery.FAILED


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_commits_the_report_before_sending_anything(telegram_api, telegram_worker, routing_to_org):
    seen: list[tuple[str, int]] = []

    def look_from_another_connection(call) -> None:
        # Runs in the server's thread, on its own database connection: sees only committed rows.
        try:
            seen.append((call.payload.get("text", ""), Report.objects.count()))
        finally:
            connections.close_all()

    telegram_api.on_call = look_from_another_connection
    worker = telegram_worker("th")

    report_in_thai(worker)

    code = Report.objects.get().display_code
    assert [count for text, count in seen if code in text] == [1]


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_it_leaves_a_conversation_to_the_worker_already_sending_it(telegram_api, telegram_worker, settings):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite has no row locks; it runs one writer at a time anyway")
    settings.TASKS = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}
    telegram_worker("en").says("/start")  # queued; the dummy queue runs nothing
    message = the_last_message()
    locked, release = threading.Event(), threading.Event()

    def another_worker_sending() -> None:
        try:
            with transaction.atomic():
                OutboundMessage.objects.select_for_update().get(pk=message.pk)
                locked.set()
                release.wait(10)
        finally:
            connections.close_all()

    other = threading.Thread(target=another_worker_sending)
    other.start()
    assert locked.wait(10)
    outbound.deliver_conversation(message.conversation_id)
    release.set()
    other.join()

    assert telegram_api.calls == []
    assert the_last_message().status == OutboundStatus.PENDING
