import pytest

from corridor.intake.services import match_employer
from corridor.parties.models import Employer


@pytest.fixture
def employers(org):
    return {
        "seafood": Employer.objects.create(
            organisation=org, name="Siam Seafood Co., Ltd.", name_th="บริษัท สยามซีฟู้ด จำกัด"
        ),
        "poultry": Employer.objects.create(organisation=org, name="Eastern Poultry Farm"),
    }


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("siam seafood", "seafood"),
        ("สยามซีฟู้ด", "seafood"),
        ("SIAM SEAFOOD FACTORY", "seafood"),
        ("eastern poultry", "poultry"),
    ],
)
def test_it_finds_the_employer_a_worker_meant(org, employers, typed, expected):
    assert match_employer(organisation=org, name=typed) == employers[expected]


def test_it_suggests_nothing_for_an_unknown_or_too_short_name(org, employers, other_org):
    assert match_employer(organisation=org, name="Golden Rice Mill") is None
    assert match_employer(organisation=org, name="co") is None
    assert match_employer(organisation=other_org, name="siam seafood") is None
