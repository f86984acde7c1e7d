"""The language choice persists on the user and wins over the browser's preference."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_it_saves_the_language_on_the_user(caseworker, client_of):
    client = client_of(caseworker)
    response = client.post(reverse("language_set"), {"language": "km", "next": reverse("cases:list")})
    assert response.status_code == 302 and response["Location"] == reverse("cases:list")
    caseworker.refresh_from_db()
    assert caseworker.preferred_language == "km"
    page = client.get(reverse("cases:list"), headers={"Accept-Language": "th"})
    assert '<html lang="km">' in page.content.decode()


def test_it_sets_a_cookie_for_visitors_who_are_not_signed_in(client):
    response = client.post(reverse("language_set"), {"language": "th", "next": "/accounts/login/"})
    assert response.cookies["corridor_language"].value == "th"
    assert '<html lang="th">' in client.get("/accounts/login/").content.decode()


def test_it_refuses_unknown_languages_and_foreign_redirects(caseworker, client_of):
    client = client_of(caseworker)
    assert client.post(reverse("language_set"), {"language": "fr"}).status_code == 400
    response = client.post(reverse("language_set"), {"language": "th", "next": "https://evil.example/"})
    assert response["Location"] == "/"
