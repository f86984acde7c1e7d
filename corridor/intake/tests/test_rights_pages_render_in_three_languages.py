"""Every rights page is public and works in English, Khmer and Thai: no scripts, nothing from other servers."""

import re

import pytest
from django.urls import reverse

PAGES = ["rights", "rights_documents", "rights_wages", "rights_overtime", "rights_hotlines", "rights_privacy"]
LANGUAGES = ["en", "km", "th"]


@pytest.mark.django_db
@pytest.mark.parametrize("language", LANGUAGES)
@pytest.mark.parametrize("page", PAGES)
def test_it_renders_each_page_for_anonymous_visitors_in_each_language(client, page, language):
    client.cookies["corridor_language"] = language
    response = client.get(reverse(f"intake:{page}"), {"province": "TH-27"} if page == "rights_wages" else {})
    assert response.status_code == 200
    assert response["Content-Language"] == language
    body = response.content.decode()
    assert f'<html lang="{language}">' in body
    assert "<script" not in body
    assert re.findall(r"https?://(?!testserver[/:\"'])", body) == []
    assert 'href="/report/' in body  # ends with the way to report a problem
    assert len(response.content) < 100_000
