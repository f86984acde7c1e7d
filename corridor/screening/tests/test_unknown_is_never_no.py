"""Unknown answers are gaps, never "no": a result is positive exactly when the "yes" answers alone make
it so, negative exactly when no completion of the unknowns could, and undetermined in between."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from corridor.screening.instruments import current_instruments
from corridor.screening.rules import Answer, Tri, evaluate

INSTRUMENTS = current_instruments()
ANSWERS = st.sampled_from(list(Answer))


@st.composite
def answered_instrument(draw):
    item = draw(st.sampled_from(INSTRUMENTS))
    answers = {indicator.id: draw(ANSWERS) for indicator in item.indicators}
    contexts = {context.id: draw(ANSWERS) for context in item.contexts}
    return item, answers, contexts


def _completed(values: dict[str, Answer], unknown_as: Answer) -> dict[str, Answer]:
    return {key: unknown_as if value is Answer.UNKNOWN else value for key, value in values.items()}


@settings(max_examples=300, deadline=None)
@given(answered_instrument())
def test_it_is_positive_only_when_the_yes_answers_alone_suffice(case):
    item, answers, contexts = case
    status = evaluate(item, answers, contexts).status
    pessimistic = evaluate(item, _completed(answers, Answer.NO), _completed(contexts, Answer.NO)).status
    optimistic = evaluate(item, _completed(answers, Answer.YES), _completed(contexts, Answer.YES)).status
    assert (status is Tri.POSITIVE) == (pessimistic is Tri.POSITIVE)
    assert (status is Tri.NEGATIVE) == (optimistic is Tri.NEGATIVE)
    if status is Tri.UNDETERMINED:
        assert evaluate(item, answers, contexts).gaps, "an open result names what is missing"
