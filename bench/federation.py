"""Outbox throughput between two Corridor servers on this machine: node A queues referrals for an
organisation on node B; one `deliver_outbox` process sends them (seal, HTTPS-less POST to B's gunicorn,
B verifies, applies and audits each). Baseline: sequential GET /healthz from one client to B.

    python -m bench.federation [sqlite|postgresql]   prints a JSON result; bench/run.py stores it
"""

from __future__ import annotations

import json
import os
import sys
import tempfile
import time
from pathlib import Path

MESSAGES = int(os.environ.get("BENCH_FEDERATION_MESSAGES", "400"))

SETUP_B = """
import json
from corridor.accounts.models import Organisation
Organisation.objects.create(slug="phnom-legal", name_en="Phnom Penh Legal Aid", country="KH", type="LegalService",
    case_prefix="PPL", require_mfa=False, listed_for_peers=True)
print(json.dumps({}))
"""

QUEUE_ON_A = """
import datetime as dt, json, time
from corridor.accounts.models import Organisation
from corridor.cases.services import case_open, case_person_add
from corridor.people.models import INFORMED_CONSENT_CHECKS
from corridor.people.services import consent_record, person_create
from corridor.referrals.models import RemoteOrganisation
from corridor.referrals.services import referral_send
from conftest import actor_of, make_member
org = Organisation.objects.create(slug="rayong-help", name_en="Rayong Migrant Help", country="TH", type="NGO",
    case_prefix="RMH", require_mfa=False)
actor = actor_of(make_member(org, "manager"))
receiver = RemoteOrganisation.objects.get().organisation
checks = [name for name, _ in INFORMED_CONSENT_CHECKS]
case = case_open(actor=actor, title="Bench case", opened_on=dt.date(2026, 10, 1))
start = time.perf_counter()
for number in range(COUNT):
    person = person_create(actor=actor, name_latin=f"Worker {number}")
    case_person_add(actor=actor, case=case, person=person, role="worker")
    given = dict(method="spoken", given_on=dt.date(2026, 10, 2), checks=checks)
    consent_record(actor=actor, person=person, purpose="services", **given)
    consent_record(actor=actor, person=person, purpose="sharing", countries=["KH"], **given)
    referral_send(actor=actor, case=case, person=person, receiver=receiver, referral_type="legal_aid",
        fields=["person.names", "case.summary"], message="Bench referral.")
print(json.dumps({"queue_seconds": time.perf_counter() - start}))
"""

DELIVER_ON_A = """
import json, time
from corridor.referrals.federation.outbox import deliver_due
start = time.perf_counter()
delivered = deliver_due()
print(json.dumps({"delivered": delivered, "seconds": time.perf_counter() - start}))
"""

COUNT_ON_B = """
from corridor.referrals.models import Referral
print(Referral.objects.count())
"""


def _postgres_url(name: str) -> str:
    import psycopg

    server = os.environ.get("BENCH_POSTGRES_SERVER", "postgres://postgres@127.0.0.1:5432")
    with psycopg.connect(f"{server}/postgres", autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}"')
        connection.execute(f'CREATE DATABASE "{name}"')
    return f"{server}/{name}"


def measure(database: str, messages: int = MESSAGES) -> dict[str, object]:
    from bench.twonodes import Node, migrate_all
    from corridor.core.tests.test_serve import get

    with tempfile.TemporaryDirectory() as tmp:
        urls = (
            (_postgres_url("corridor_bench_node_a"), _postgres_url("corridor_bench_node_b"))
            if database == "postgresql"
            else ("", "")
        )
        a, b = Node(Path(tmp), "a", urls[0]), Node(Path(tmp), "b", urls[1])
        try:
            migrate_all(a, b)
            b.shell(SETUP_B)
            a.start()
            b.start()
            b.manage("peers", "add", "Node A", a.url, a.keys.public.to_text())
            a.manage("peers", "add", "Node B", b.url, b.keys.public.to_text())
            queued = json.loads(a.shell(QUEUE_ON_A.replace("COUNT", str(messages))))
            delivered = json.loads(a.shell(DELIVER_ON_A))
            received = int(b.shell(COUNT_ON_B))
            start = time.perf_counter()
            for _ in range(200):
                get(f"{b.url}/healthz")
            healthz_per_second = 200 / (time.perf_counter() - start)
        finally:
            a.stop()
            b.stop()
    per_second = delivered["delivered"] / delivered["seconds"] if delivered["seconds"] else 0.0
    return {
        "messages": messages,
        "delivered": delivered["delivered"],
        "received": received,
        "seconds": round(delivered["seconds"], 2),
        "messages_per_second": round(per_second, 1),
        "queue_seconds": round(queued["queue_seconds"], 1),
        "baseline_healthz_per_second": round(healthz_per_second, 1),
        "note": "one deliver_outbox process, messages to one peer sent in order; B on gunicorn with 2 workers",
    }


if __name__ == "__main__":
    import django

    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "corridor.settings.test")
    django.setup()
    print(json.dumps(measure(sys.argv[1] if len(sys.argv) > 1 else "sqlite")))
