from django.test import RequestFactory, override_settings

from corridor.core.ratelimit import client_address


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_it_counts_the_client_the_proxy_names_not_the_proxy():
    request = RequestFactory().get("/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_address(request) == "203.0.113.7"


def test_it_uses_the_connection_address_without_a_proxy():
    request = RequestFactory().get("/", REMOTE_ADDR="198.51.100.4")
    assert client_address(request) == "198.51.100.4"
