"""Which organisation receives a report, from the routing rules organisations set for themselves."""

from __future__ import annotations

from django.db.models import Q

from corridor.accounts.models import Organisation
from corridor.intake.models import RoutingRule


def route(*, province_id: str | None, language: str) -> Organisation | None:
    """The most specific matching rule wins: province and language, then province, then language,
    then a rule for any report. Ties go to the oldest rule, so adding a rule never steals reports
    from an organisation that was already receiving them."""
    candidates = RoutingRule.objects.select_related("organisation").filter(
        Q(province__isnull=True) | Q(province_id=province_id), Q(language="") | Q(language=language)
    )
    best: tuple[int, RoutingRule] | None = None
    for rule in candidates.order_by("created_at"):
        score = (2 if rule.province_id else 0) + (1 if rule.language else 0)
        if best is None or score > best[0]:
            best = (score, rule)
    return best[1].organisation if best else None
