"""Measure Corridor's pages on one database at corridor scale; write bench/results/<vendor>.json.

Run by bench/run.py with DATABASE_URL set. Each page is requested in-process through Django's test
client (the full middleware stack, templates and queries, without network noise) and compared with a
baseline measured in the same run: the raw SQL behind the page, or a minimal Django view.
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "corridor.settings.test")
django.setup()

from django.conf import settings  # noqa: E402
from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.urls import reverse  # noqa: E402

from corridor.accounts.models import Membership  # noqa: E402
from corridor.accounts.scope import Actor  # noqa: E402
from corridor.cases import selectors  # noqa: E402
from corridor.cases.models import Case  # noqa: E402
from corridor.people.models import Person, PersonIdentifier  # noqa: E402
from corridor.screening.instruments import latest  # noqa: E402

ROOT = Path(__file__).resolve().parent
BUDGETS_MS = {"case list": 150, "search": 200, "case detail": 100, "status change": 150}
REPEATS = int(os.environ.get("BENCH_REPEATS", "30"))


def timed(call: Callable[[], Any], repeats: int = REPEATS, warmup: int = 3) -> list[float]:
    for _ in range(warmup):
        call()
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        call()
        samples.append((time.perf_counter() - start) * 1000)
    return samples


def summary(samples: list[float]) -> dict[str, float]:
    ordered = sorted(samples)
    p95 = ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]
    return {"p50": round(statistics.median(ordered), 2), "p95": round(p95, 2), "n": len(ordered)}


def raw_sql(queryset: Any) -> Callable[[], None]:
    """The SQL a queryset runs, executed and fetched without the ORM: the floor for that page."""
    sql, params = queryset.query.sql_with_params()

    def run() -> None:
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            cursor.fetchall()

    return run


def get_ok(client: Client, url: str, data: dict[str, str] | None = None) -> Callable[[], None]:
    def run() -> None:
        response = client.get(url, data or {})
        if response.status_code != 200:
            raise SystemExit(f"{url} {data} answered {response.status_code}")

    return run


def posted_ok(
    client: Client, url: str, data: dict[str, str], *, expect: int = 200, htmx: bool = False
) -> Callable[[], None]:
    headers = {"HX-Request": "true"} if htmx else {}

    def run() -> None:
        response = client.post(url, data, headers=headers)
        if response.status_code != expect:
            raise SystemExit(f"POST {url} answered {response.status_code}, expected {expect}")

    return run


def six_months_claim() -> dict[str, str]:
    """The claim form for a Rayong worker paid 300 a day, January to June 2025, with unpaid overtime."""
    data = {
        "province_code": "TH-21",
        "wage_scope": "general",
        "pay_basis": "daily",
        "agreed_rate": "300",
        "employment_start": "2025-01-01",
        "days_worked_per_week": "6",
        "documents_held_by": "employer",
        "as_of": "2025-09-30",
        "action": "compute",
        "wilful_nonpayment": "on",
        "periods-TOTAL_FORMS": "6",
        "periods-INITIAL_FORMS": "0",
        "deductions-TOTAL_FORMS": "1",
        "deductions-INITIAL_FORMS": "0",
        "fees-TOTAL_FORMS": "1",
        "fees-INITIAL_FORMS": "0",
        "deductions-0-period": "1",
        "deductions-0-purpose": "document_fee",
        "deductions-0-amount": "2000",
        "fees-0-kind": "service",
        "fees-0-amount": "15000",
        "fees-0-paid_on": "2024-12-15",
    }
    ends = ["31", "28", "31", "30", "31", "30"]
    for n, end in enumerate(ends):
        prefix = f"periods-{n}-"
        data |= {
            prefix + "start": f"2025-{n + 1:02d}-01",
            prefix + "end": f"2025-{n + 1:02d}-{end}",
            prefix + "days_worked": "26",
            prefix + "normal_hours_per_day": "8",
            prefix + "overtime_hours": "52",
            prefix + "holiday_hours": "0",
            prefix + "holiday_overtime_hours": "0",
            prefix + "wages_paid": "7800",
            prefix + "overtime_paid": "0",
        }
    return data


def pick_member() -> Membership:
    """A caseworker of the organisation with the most cases: the heaviest lists."""
    by_size = Case.objects.values("organisation").annotate(n=Count("pk")).order_by("-n")
    busiest = list(by_size.values_list("organisation", flat=True)[:1])
    return (
        Membership.objects.filter(organisation__in=busiest, role="caseworker", is_active=True)
        .select_related("user", "organisation")
        .first()
    )


def main() -> None:
    vendor = connection.vendor
    member = pick_member()
    if member is None:
        raise SystemExit("No scale data: run `manage.py seed_scale` first (bench/run.py does).")
    actor = Actor(organisation=member.organisation, role=member.role, user=member.user)
    client = Client(HTTP_HOST="127.0.0.1")
    client.force_login(member.user)
    results: list[dict[str, Any]] = []

    def record(name: str, group: str, samples: list[float], baseline_name: str, baseline: list[float]) -> None:
        row = {"name": name, "group": group, **summary(samples), "baseline": baseline_name}
        base = summary(baseline)
        row["baseline_p50"] = base["p50"]
        row["ratio_p50"] = round(row["p50"] / base["p50"], 1) if base["p50"] else None
        row["budget_p95"] = BUDGETS_MS.get(group)
        row["met"] = None if row["budget_p95"] is None else row["p95"] <= row["budget_p95"]
        results.append(row)
        status = "" if row["met"] is None else ("ok" if row["met"] else "OVER")
        print(f"  {vendor:10} {name:42} p50 {row['p50']:8.1f} p95 {row['p95']:8.1f} ms {status}", flush=True)

    minimal = timed(get_ok(client, reverse("healthz")))
    list_url = reverse("cases:list")
    worker = (
        Person.objects.filter(organisation=actor.organisation)
        .exclude(name_km="")
        .exclude(name_th="")
        .exclude(name_latin="")
        .first()
    )
    identifier = PersonIdentifier.objects.filter(person__organisation=actor.organisation, kind="passport").first()
    list_cases = [
        ("case list, first page", {}),
        ("case list, page 200", {"page": "200"}),
        (
            "case list, status + violation + province",
            {"status": "active", "violation": "LR-UNPAID-WAGES", "province": "TH-74"},
        ),
        (
            "case list, opened in 2024, by reference",
            {"opened_from": "2024-01-01", "opened_to": "2024-12-31", "sort": "reference"},
        ),
    ]
    for name, params in list_cases:
        filters = selectors.CaseFilters(
            status=params.get("status", ""),
            violation=params.get("violation", ""),
            province=params.get("province", ""),
            sort=params.get("sort", "-opened"),
        )
        page = selectors.case_list(actor=actor, filters=filters)[:25]
        record(name, "case list", timed(get_ok(client, list_url, params)), "raw SQL of the list", timed(raw_sql(page)))

    searches = []
    if worker is not None:
        # Whole names, as a caseworker types them, and single common tokens (a family name or a
        # short fragment), which match thousands of people: both are reported.
        searches += [
            ("search: whole name, Latin", worker.name_latin),
            ("search: whole name, Khmer", worker.name_km),
            ("search: whole name, Thai", worker.name_th),
            ("search: one common token, Latin (broad)", worker.name_latin.split()[-1][:5]),
            ("search: one common token, Khmer (broad)", worker.name_km.split()[0]),
            ("search: one common token, Thai (broad)", worker.name_th.split()[0]),
        ]
    if identifier is not None:
        searches.append(("search: exact passport number", identifier.value))
    for name, text in searches:
        page = selectors.case_list(actor=actor, filters=selectors.CaseFilters(q=text))[:25]
        record(
            name, "search", timed(get_ok(client, list_url, {"q": text})), "raw SQL of the search", timed(raw_sql(page))
        )

    case = selectors.cases_visible_to(actor).filter(status__in=["active", "follow_up"]).order_by("pk").first()
    record(
        "case detail",
        "case detail",
        timed(get_ok(client, reverse("cases:detail", args=[case.pk]))),
        "minimal view (/healthz)",
        minimal,
    )
    record("home (my work)", "home", timed(get_ok(client, reverse("home"))), "minimal view (/healthz)", minimal)

    status_url = reverse("cases:status", args=[case.pk])

    def change_status() -> None:
        current = Case.objects.values_list("status", "version").get(pk=case.pk)
        target = "follow_up" if current[0] == "active" else "active"
        response = client.post(status_url, {"status": target, "version": current[1]}, headers={"HX-Request": "true"})
        if response.status_code != 200:
            raise SystemExit(f"status change answered {response.status_code}")

    record("status change (htmx)", "status change", timed(change_status), "minimal view (/healthz)", minimal)

    # Issue 5: screening and wage claims on a case of the scale data (no budgets were set for these).
    delphi = latest("ilo-ec-adult-labour")
    answers = {f"answer_{indicator.id}": "yes" if n % 5 == 0 else "no" for n, indicator in enumerate(delphi.indicators)}
    answers |= {"answer_child": "no", "answer_act": "yes", "person": "", "job": "bench"}
    preview_url = reverse("screening:preview", args=[case.pk, delphi.code])
    save_url = reverse("screening:new", args=[case.pk, delphi.code])
    record(
        "screening: live result (67 answers, htmx)",
        "screening",
        timed(posted_ok(client, preview_url, answers, htmx=True)),
        "minimal view (/healthz)",
        minimal,
    )
    record(
        "screening: save a revision",
        "screening",
        timed(posted_ok(client, save_url, answers | {"action": "save"}, expect=302)),
        "minimal view (/healthz)",
        minimal,
    )
    claim_url = reverse("rights:new", args=[case.pk])
    record(
        "wage claim: compute and save (6 months)",
        "wage claim",
        timed(posted_ok(client, claim_url, six_months_claim(), expect=302)),
        "minimal view (/healthz)",
        minimal,
    )
    claim = case.wage_claims.order_by("-revision").first()
    pdf_url = reverse("rights:pdf", args=[case.pk, claim.pk]) + "?language=th"
    record(
        "wage claim: Thai PDF",
        "wage claim",
        timed(get_ok(client, pdf_url), repeats=10),
        "minimal view (/healthz)",
        minimal,
    )

    counts = {
        "people": Person.objects.count(),
        "cases": Case.objects.count(),
        "identifiers": PersonIdentifier.objects.count(),
    }
    out = {
        "database": vendor,
        "database_version": ".".join(str(part) for part in connection.get_database_version()),
        "measured_at": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "django_debug": settings.DEBUG,
        "repeats": REPEATS,
        "rows": counts,
        "organisation_cases": selectors.cases_visible_to(actor).count(),
        "not_measured_yet": ["intake submissions (issue 4; added by bench/run.py)", "dashboards (issue 7)"],
        "no_budget": ["screening", "wage claim"],
        "results": results,
    }
    target = ROOT / "results" / f"{vendor}.json"
    target.write_text(json.dumps(out, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"  wrote {target.relative_to(ROOT.parent)}", file=sys.stderr)


if __name__ == "__main__":
    main()
