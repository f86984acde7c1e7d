"""The minimum wage on a given day: a wage claim spans periods in which the rate changed."""

from datetime import date
from decimal import Decimal

from corridor.core.minimum_wage import daily_minimum_wage, province_rate, rates_in_force, special_rates

BANGKOK, SA_KAEO, CHIANG_MAI = "TH-10", "TH-27", "TH-50"
HOTELS_IN_BANGKOK = (
    "hotels certified 4-star or above with at least 50 employees; Pathum Wan and Watthana districts only"
)


def test_it_changes_bangkok_rate_on_1_july_2025():
    assert daily_minimum_wage(BANGKOK, date(2025, 6, 30)) == Decimal(372)
    assert daily_minimum_wage(BANGKOK, date(2025, 7, 1)) == Decimal(400)


def test_it_changes_a_province_rate_on_each_new_notification():
    assert daily_minimum_wage(SA_KAEO, date(2023, 12, 31)) == Decimal(335)
    assert daily_minimum_wage(SA_KAEO, date(2024, 1, 1)) == Decimal(345)
    assert daily_minimum_wage(SA_KAEO, date(2025, 1, 1)) == Decimal(352)


def test_it_has_no_rate_before_the_first_notification_or_for_an_unknown_province():
    assert daily_minimum_wage(BANGKOK, date(2022, 9, 30)) is None
    assert daily_minimum_wage("KH-12", date(2025, 7, 1)) is None
    assert rates_in_force(date(2022, 9, 30)) == []


def test_it_gives_no_whole_province_rate_once_a_province_is_split_by_district():
    assert daily_minimum_wage(CHIANG_MAI, date(2024, 12, 31)) == Decimal(350)
    # Not the older whole-province 350: the 2025 notification replaced it with district rates.
    assert daily_minimum_wage(CHIANG_MAI, date(2025, 3, 1)) is None
    assert daily_minimum_wage(CHIANG_MAI, date(2025, 3, 1), scope="Mueang Chiang Mai district only") == Decimal(380)
    in_force = province_rate(CHIANG_MAI, date(2025, 3, 1))
    assert in_force is not None
    assert (in_force.lowest, in_force.highest) == (Decimal(357), Decimal(380))


def test_it_keeps_hotel_rates_beside_the_general_rate_from_their_own_date():
    assert daily_minimum_wage(BANGKOK, date(2024, 4, 12), scope=HOTELS_IN_BANGKOK) is None
    assert daily_minimum_wage(BANGKOK, date(2024, 4, 13)) == Decimal(363)
    assert daily_minimum_wage(BANGKOK, date(2024, 4, 13), scope=HOTELS_IN_BANGKOK) == Decimal(400)
    assert [rate.kind for rate in special_rates(BANGKOK, date(2024, 4, 13))] == ["sector"]


def test_it_lists_all_77_provinces_once_rates_are_in_force():
    in_force = rates_in_force(date(2025, 7, 1))
    assert len(in_force) == len({rate.province_code for rate in in_force}) == 77
    assert all(rate.effective_date == date(2025, 7, 1) for rate in in_force)
