"""After a new key is put in front of the ring, rotate_keys rewrites old ciphertexts under it, and
the old key can then be dropped without losing anything."""

import pytest
from django.core.management import call_command
from django.db import connection

from conftest import actor_of
from corridor.cases.services import attachment_add, attachment_download
from corridor.core.crypto import key_ring, new_key
from corridor.people.models import PersonIdentifier
from corridor.people.services import identifier_add, person_create

pytestmark = pytest.mark.django_db


def _stored_key_ids() -> set[str]:
    with connection.cursor() as cursor:
        cursor.execute("SELECT value FROM people_personidentifier")
        return {key_ring().key_id_of(bytes(row[0])) for row in cursor.fetchall()}


def test_it_moves_everything_to_the_new_key(settings, caseworker, a_case):
    actor = actor_of(caseworker)
    person = person_create(actor=actor, name_latin="Chea Sopheap")
    identifier_add(actor=actor, person=person, kind="passport", value="N1112223")
    attachment = attachment_add(actor=actor, case=a_case, filename="x.pdf", content=b"%PDF-1.4 contract")
    old_spec = settings.CORRIDOR_ENCRYPTION_KEYS
    settings.CORRIDOR_ENCRYPTION_KEYS = f"fresh:{new_key()},{old_spec}"
    assert _stored_key_ids() == {old_spec.split(":")[0]}

    call_command("rotate_keys")

    assert _stored_key_ids() == {"fresh"}
    settings.CORRIDOR_ENCRYPTION_KEYS = "fresh:" + settings.CORRIDOR_ENCRYPTION_KEYS.split(",")[0].split(":")[1]
    assert PersonIdentifier.objects.get().value == "N1112223"
    assert attachment_download(actor=actor, attachment=attachment) == b"%PDF-1.4 contract"
