"""The ILO–EC dimension rule, on the real data file: positive with two strong; one strong and one medium
or weak; three medium; or two medium and one weak. Weak alone never; anything less is not positive."""

from __future__ import annotations

import pytest

from corridor.screening.rules import Tri

# Coercion at destination: CD-01..04 strong, CD-05..14 medium, CD-15 weak.
# Recruitment by abuse of vulnerability: VR-13..16 weak.
CASES = [
    ("two strong", ["DELPHI-AL-CD-01", "DELPHI-AL-CD-02"], Tri.POSITIVE, {"strong": 2}),
    ("one strong and one medium", ["DELPHI-AL-CD-01", "DELPHI-AL-CD-05"], Tri.POSITIVE, {"strong": 1, "medium": 1}),
    ("one strong and one weak", ["DELPHI-AL-CD-01", "DELPHI-AL-CD-15"], Tri.POSITIVE, {"strong": 1, "weak": 1}),
    ("three medium", ["DELPHI-AL-CD-05", "DELPHI-AL-CD-06", "DELPHI-AL-CD-07"], Tri.POSITIVE, {"medium": 3}),
    (
        "two medium and one weak",
        ["DELPHI-AL-CD-05", "DELPHI-AL-CD-06", "DELPHI-AL-CD-15"],
        Tri.POSITIVE,
        {"medium": 2, "weak": 1},
    ),
    ("one strong alone", ["DELPHI-AL-CD-01"], Tri.NEGATIVE, None),
    ("two medium alone", ["DELPHI-AL-CD-05", "DELPHI-AL-CD-06"], Tri.NEGATIVE, None),
    ("one medium and one weak", ["DELPHI-AL-CD-05", "DELPHI-AL-CD-15"], Tri.NEGATIVE, None),
    ("nothing", [], Tri.NEGATIVE, None),
]


@pytest.mark.parametrize(("name", "yes", "status", "rule"), CASES, ids=[case[0] for case in CASES])
def test_it_applies_the_dimension_rule(delphi, answer, name, yes, status, rule):
    result = answer(delphi, yes=yes).dimension("CD")
    assert result.status is status
    assert result.rule == rule
    assert set(result.yes) == set(yes)


def test_it_never_makes_a_dimension_positive_with_weak_indicators_alone(delphi, answer):
    weak = ["DELPHI-AL-VR-13", "DELPHI-AL-VR-14", "DELPHI-AL-VR-15", "DELPHI-AL-VR-16"]
    result = answer(delphi, yes=weak).dimension("VR")
    assert result.status is Tri.NEGATIVE
    assert result.counts == {"strong": 0, "medium": 0, "weak": 4}


def test_it_reads_the_strengths_from_the_data_file(delphi):
    strengths = {indicator.id: indicator.strength for indicator in delphi.indicators}
    assert strengths["DELPHI-AL-EX-01"] == "strong"
    assert strengths["DELPHI-AL-VR-14"] == "weak"  # medium in some secondary compilations
    assert len(delphi.indicators) == 67
    assert delphi.positive_when[0] == {"strong": 2}


def test_it_prefers_the_first_combination_listed_when_several_are_met(delphi, answer):
    yes = ["DELPHI-AL-CD-01", "DELPHI-AL-CD-02", "DELPHI-AL-CD-05", "DELPHI-AL-CD-06", "DELPHI-AL-CD-07"]
    assert answer(delphi, yes=yes).dimension("CD").rule == {"strong": 2}
