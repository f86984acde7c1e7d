"""The ILO–EC combination: a recruitment dimension + exploitation + coercion or abuse of vulnerability at
destination, named after the recruitment dimension; for a child, the act and exploitation suffice."""

from __future__ import annotations

from corridor.screening.rules import Tri

DECEPTIVE = ["DELPHI-AL-DR-01", "DELPHI-AL-DR-08"]  # strong + medium
COERCIVE = ["DELPHI-AL-CR-01", "DELPHI-AL-CR-03"]  # strong + medium
VULNERABLE_RECRUITMENT = ["DELPHI-AL-VR-02", "DELPHI-AL-VR-04", "DELPHI-AL-VR-06"]  # three medium
EXPLOITATION = ["DELPHI-AL-EX-01", "DELPHI-AL-EX-04"]  # strong + medium
COERCION_AT_DESTINATION = ["DELPHI-AL-CD-01", "DELPHI-AL-CD-14"]  # strong + medium
VULNERABLE_AT_DESTINATION = ["DELPHI-AL-VD-01", "DELPHI-AL-VD-05", "DELPHI-AL-VD-06"]  # 2 medium + weak


def test_it_finds_deceptive_trafficking(delphi, answer):
    result = answer(delphi, yes=DECEPTIVE + EXPLOITATION + COERCION_AT_DESTINATION, child="no")
    assert result.status is Tri.POSITIVE
    assert result.rule_fired == "adult"
    assert result.trafficking_types == ("deceptive",)


def test_it_finds_coercive_trafficking(delphi, answer):
    result = answer(delphi, yes=COERCIVE + EXPLOITATION + COERCION_AT_DESTINATION, child="no")
    assert (result.status, result.trafficking_types) == (Tri.POSITIVE, ("coercive",))


def test_it_finds_trafficking_by_abuse_of_vulnerability_with_abuse_at_destination(delphi, answer):
    result = answer(delphi, yes=VULNERABLE_RECRUITMENT + EXPLOITATION + VULNERABLE_AT_DESTINATION, child="no")
    assert (result.status, result.trafficking_types) == (Tri.POSITIVE, ("vulnerability",))


def test_it_names_every_positive_recruitment_dimension(delphi, answer):
    result = answer(delphi, yes=DECEPTIVE + COERCIVE + EXPLOITATION + COERCION_AT_DESTINATION, child="no")
    assert result.trafficking_types == ("deceptive", "coercive")


def test_it_needs_a_destination_dimension_for_an_adult(delphi, answer):
    result = answer(delphi, yes=DECEPTIVE + EXPLOITATION, child="no", act="yes")
    assert result.status is Tri.NEGATIVE
    assert result.rule_fired == ""


def test_it_needs_a_recruitment_dimension_for_an_adult(delphi, answer):
    assert answer(delphi, yes=EXPLOITATION + COERCION_AT_DESTINATION, child="no").status is Tri.NEGATIVE


def test_it_needs_exploitation(delphi, answer):
    assert answer(delphi, yes=DECEPTIVE + COERCION_AT_DESTINATION, child="no").status is Tri.NEGATIVE


def test_it_does_not_require_the_means_for_a_child(delphi, answer):
    result = answer(delphi, yes=EXPLOITATION, child="yes", act="yes")
    assert result.status is Tri.POSITIVE
    assert result.rule_fired == "child"


def test_it_still_requires_the_act_for_a_child(delphi, answer):
    assert answer(delphi, yes=EXPLOITATION, child="yes", act="no").status is Tri.NEGATIVE


def test_it_leaves_the_result_open_when_the_age_is_unknown_and_only_the_child_rule_could_apply(delphi, answer):
    result = answer(delphi, yes=EXPLOITATION, act="yes")  # child not answered
    assert result.status is Tri.UNDETERMINED
    assert "child" in result.gaps
