"""ICLS 2018, Palermo, the ILO 11 indicators and forced criminality: every dimension needs its minimum of
"yes" answers; a child does not need the dimensions marked as the means."""

from __future__ import annotations

import pytest

from corridor.screening.rules import Tri
from corridor.screening.tests.conftest import instrument_named


@pytest.fixture
def icls():
    return instrument_named("icls-2018")


@pytest.fixture
def palermo():
    return instrument_named("palermo")


def test_icls_finds_forced_labour_with_involuntariness_and_coercion(icls, answer):
    result = answer(icls, yes=["ICLS18-INV-e", "ICLS18-COE-e"], child="no")
    assert (result.status, result.rule_fired) == (Tri.POSITIVE, "adult")


def test_icls_needs_coercion_as_well(icls, answer):
    assert answer(icls, yes=["ICLS18-INV-a", "ICLS18-INV-e"], child="no").status is Tri.NEGATIVE


def test_icls_needs_involuntariness_as_well(icls, answer):
    assert answer(icls, yes=["ICLS18-COE-a"], child="no").status is Tri.NEGATIVE


def test_icls_is_open_while_coercion_is_unknown(icls, answer):
    coercion = [i.id for i in icls.indicators if i.dimension == "COE"]
    result = answer(icls, yes=["ICLS18-INV-e"], unknown=coercion, child="no")
    assert result.status is Tri.UNDETERMINED
    assert set(coercion) <= set(result.gaps)


def test_palermo_needs_act_means_and_purpose_for_an_adult(palermo, answer):
    assert answer(palermo, yes=["ACT-01", "MEANS-05", "PURP-03"], child="no").status is Tri.POSITIVE
    assert answer(palermo, yes=["ACT-01", "PURP-03"], child="no").status is Tri.NEGATIVE
    assert answer(palermo, yes=["MEANS-05", "PURP-03"], child="no").status is Tri.NEGATIVE
    assert answer(palermo, yes=["ACT-01", "MEANS-05"], child="no").status is Tri.NEGATIVE


def test_palermo_does_not_require_the_means_for_a_child(palermo, answer):
    result = answer(palermo, yes=["ACT-02", "PURP-03"], child="yes")
    assert (result.status, result.rule_fired) == (Tri.POSITIVE, "child")
    assert answer(palermo, yes=["PURP-03"], child="yes").status is Tri.NEGATIVE


def test_ilo_11_finds_indicators_of_forced_labour_from_one_indicator(answer):
    ilo = instrument_named("ilo-11")
    assert answer(ilo, yes=["ILO11-07"]).status is Tri.POSITIVE
    assert answer(ilo, yes=[]).status is Tri.NEGATIVE
    assert answer(ilo, unknown=["ILO11-09"]).status is Tri.UNDETERMINED


def test_forced_criminality_follows_act_means_and_purpose(answer):
    item = instrument_named("forced-criminality")
    first = {d.id: next(i.id for i in item.indicators if i.dimension == d.id) for d in item.dimensions}
    assert answer(item, yes=first.values(), child="no").status is Tri.POSITIVE
    assert answer(item, yes=[first["ACT"], first["PURPOSE"]], child="no").status is Tri.NEGATIVE
    assert answer(item, yes=[first["ACT"], first["PURPOSE"]], child="yes").status is Tri.POSITIVE


def test_it_suggests_the_violations_of_the_indicators_answered_yes(answer):
    ilo = instrument_named("ilo-11")
    result = answer(ilo, yes=["ILO11-07"])
    assert "ILO11-07" in result.suggested_violations
    assert "ILO11-09" not in result.suggested_violations
