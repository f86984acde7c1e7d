import datetime as dt
import io

from django.core.management import call_command
from django.utils import timezone

from corridor.intake.models import ChannelUpdate


def test_it_forgets_update_ids_older_than_a_week_and_keeps_recent_ones(db):
    old = ChannelUpdate.objects.create(channel="telegram", update_id="1")
    ChannelUpdate.objects.filter(pk=old.pk).update(received_at=timezone.now() - dt.timedelta(days=8))
    ChannelUpdate.objects.create(channel="telegram", update_id="2")
    out = io.StringIO()
    call_command("deliver_outbox", stdout=out)
    assert list(ChannelUpdate.objects.values_list("update_id", flat=True)) == ["2"]
    assert "1 old update ids removed" in out.getvalue()
