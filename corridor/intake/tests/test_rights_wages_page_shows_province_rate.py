"""The wages page shows the minimum wage in force today in the province the worker chooses."""

import re

import pytest
from django.urls import reverse
from django.utils import timezone

from corridor.core.minimum_wage import province_rate

URL = reverse("intake:rights_wages")
pytestmark = pytest.mark.django_db


def test_it_shows_the_rate_in_force_today_for_the_chosen_province(client):
    in_force = province_rate("TH-10", timezone.localdate())
    assert in_force is not None and in_force.general is not None
    body = client.get(URL, {"province": "TH-10"}).content.decode()
    assert "Minimum wage in Bangkok" in body
    assert f"{in_force.general.daily_rate} baht a day" in body
    assert '<option value="TH-10" selected>' in body


def test_it_shows_each_district_rate_where_the_province_is_split(client):
    in_force = province_rate("TH-50", timezone.localdate())
    assert in_force is not None and in_force.districts
    body = client.get(URL, {"province": "TH-50"}).content.decode()
    for rate in in_force.districts:
        assert f'<span lang="en">{rate.area_scope}</span>: <strong>{rate.daily_rate} baht a day' in body


def test_it_mentions_higher_rates_for_some_workplaces_only_when_they_are_higher(client):
    sa_kaeo = client.get(URL, {"province": "TH-27"}).content.decode()
    bangkok = client.get(URL, {"province": "TH-10"}).content.decode()
    assert "Some workplaces must pay more" in sa_kaeo
    assert "Some workplaces must pay more" not in bangkok


def test_it_lists_all_77_thai_provinces_in_the_form_and_the_table(client):
    body = client.get(URL).content.decode()
    assert len(re.findall(r'<option value="TH-\d+"', body)) == 77
    table = body.split("<tbody>", 1)[1].split("</tbody>", 1)[0]
    assert table.count("<tr>") == 77
    assert 'id="rate"' not in body


def test_it_asks_again_for_a_province_that_is_not_in_thailand(client):
    body = client.get(URL, {"province": "KH-12"}).content.decode()
    assert "Choose a province from the list." in body
    assert 'id="rate"' not in body
