"""The shared layout, components, sign-in pages and locally served fonts."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from django.contrib.auth.models import AnonymousUser
from django.contrib.staticfiles import finders
from django.core.paginator import Paginator
from django.forms import CharField, Form
from django.template import Context, Template
from django.template.loader import get_template, render_to_string
from django.test import Client, RequestFactory

from conftest import make_member, make_organisation
from corridor.accounts.models import User

INLINE_STYLE = re.compile(r"<style|\sstyle\s*=", re.IGNORECASE)
INLINE_HANDLER = re.compile(r"\son[a-z]+\s*=", re.IGNORECASE)


def assert_csp_clean(html: str) -> None:
    assert not INLINE_STYLE.search(html), INLINE_STYLE.search(html)
    assert not INLINE_HANDLER.search(html), INLINE_HANDLER.search(html)


def make_user_with_totp(email: str = "totp@example.org") -> User:
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    user = User.objects.create_user(email=email, password="correct horse battery")
    TOTP.activate(user, generate_totp_secret())
    return user


@pytest.mark.django_db
def test_it_renders_the_login_page_in_the_shared_layout():
    response = Client().get("/accounts/login/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    assert 'rel="stylesheet" href="/static/css/corridor.css"' in html
    assert 'href="#main"' in html and 'id="main"' in html
    assert 'name="login"' in html and 'name="password"' in html
    assert 'action="/language"' in html
    for code, label in [("en", "English"), ("km", "ខ្មែរ"), ("th", "ไทย")]:
        assert f'name="language" value="{code}" lang="{code}"' in html
        assert label in html
    assert 'name="next" value="/accounts/login/"' in html
    assert_csp_clean(html)


@pytest.mark.django_db
def test_it_sends_a_csp_header_whose_nonce_the_htmx_script_carries():
    response = Client().get("/accounts/login/")

    policy = response.headers["Content-Security-Policy"]
    assert "style-src 'self'" in policy
    nonce = re.search(r"'nonce-([^']+)'", policy).group(1)
    html = response.content.decode()
    assert re.search(rf'<script src="/static/django_htmx/htmx-2\.min\.js" defer nonce="{re.escape(nonce)}">', html)
    assert '"includeIndicatorStyles": false' in html
    assert 'hx-headers=\'{"X-CSRFToken": "' in html


@pytest.mark.django_db
def test_it_marks_the_page_with_the_active_language():
    html = Client(headers={"accept-language": "th"}).get("/accounts/login/").content.decode()

    assert '<html lang="th">' in html
    assert 'value="th" lang="th" aria-current="true"' in html


@pytest.mark.django_db
def test_it_shows_a_friendly_page_when_someone_tries_to_sign_up():
    response = Client().get("/accounts/signup/")

    assert response.status_code == 200
    assert "Accounts come from your organisation" in response.content.decode()
    assert 'name="password1"' not in response.content.decode()


@pytest.mark.django_db
def test_it_renders_the_password_reset_pages():
    html = Client().get("/accounts/password/reset/").content.decode()

    assert 'name="email"' in html
    assert_csp_clean(html)


@pytest.mark.django_db
def test_it_asks_for_the_authenticator_code_with_a_numeric_keyboard():
    make_user_with_totp()
    client = Client()
    response = client.post("/accounts/login/", {"login": "totp@example.org", "password": "correct horse battery"})
    assert response.status_code == 302
    assert response["Location"] == "/accounts/2fa/authenticate/"

    html = client.get("/accounts/2fa/authenticate/").content.decode()

    code_input = re.search(r"<input[^>]*name=\"code\"[^>]*>", html).group(0)
    assert 'inputmode="numeric"' in code_input
    assert 'autocomplete="one-time-code"' in code_input
    assert 'id="logout-from-stage"' in html
    assert_csp_clean(html)


@pytest.mark.django_db
def test_it_shows_the_qr_code_and_the_secret_when_activating_totp():
    user = make_member(make_organisation("mfa-first", require_mfa=True), "caseworker")
    client = Client()
    client.post("/accounts/login/", {"login": user.email, "password": "correct horse battery"})
    # allauth asks for the password again before any change to the second factor.
    client.post("/accounts/reauthenticate/", {"password": "correct horse battery"})

    response = client.get("/accounts/2fa/totp/activate/")

    assert response.status_code == 200
    html = response.content.decode()
    assert '<img class="qr" src="data:image/svg+xml;base64,' in html
    assert response.context["form"].secret in html
    assert 'name="code"' in html and 'inputmode="numeric"' in html
    assert 'action="/accounts/logout/"' in html
    assert_csp_clean(html)


@pytest.mark.django_db
def test_it_asks_for_the_password_again_before_security_changes(caseworker, client_of):
    client = client_of(caseworker)

    response = client.get("/accounts/2fa/totp/activate/", follow=True)

    assert response.status_code == 200
    assert response.redirect_chain[-1][0].startswith("/accounts/reauthenticate/")
    html = response.content.decode()
    assert "Confirm it is you" in html
    assert 'name="password"' in html
    assert_csp_clean(html)


@pytest.mark.django_db
def test_it_renders_every_account_security_page_in_the_layout(caseworker, client_of):
    from allauth.mfa.recovery_codes.internal.auth import RecoveryCodes
    from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret

    TOTP.activate(caseworker, generate_totp_secret())
    RecoveryCodes.activate(caseworker)
    client = client_of(caseworker)
    client.post("/accounts/reauthenticate/", {"password": "correct horse battery"})

    for url in [
        "/accounts/2fa/",
        "/accounts/2fa/recovery-codes/",
        "/accounts/2fa/recovery-codes/generate/",
        "/accounts/2fa/totp/deactivate/",
        "/accounts/password/change/",
        "/accounts/logout/",
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert 'class="card' in html, url
        assert_csp_clean(html)
    codes = RecoveryCodes(caseworker.authenticator_set.get(type="recovery_codes")).get_unused_codes()
    assert codes[0] in client.get("/accounts/2fa/recovery-codes/").content.decode()


def test_it_serves_both_fonts_from_their_packages_through_the_finder():
    for name in ("fonts/NotoSansKhmer.ttf", "fonts/NotoSansThai.ttf"):
        found = finders.find(name)
        assert found, name
        assert Path(found).is_file()
        assert Path(found).read_bytes()[:4] == b"\x00\x01\x00\x00"  # TrueType
    assert finders.find("fonts/NotoSansLao.ttf") is None


def test_it_lists_the_fonts_for_collectstatic():
    from corridor.core.staticfiles import FontPackageFinder

    listed = dict(FontPackageFinder().list(None))

    assert set(listed) == {"NotoSansKhmer.ttf", "NotoSansThai.ttf"}
    storage = listed["NotoSansThai.ttf"]
    assert storage.prefix == "fonts"
    with storage.open("NotoSansThai.ttf") as handle:
        assert handle.read(4) == b"\x00\x01\x00\x00"


def test_it_renders_the_server_error_page_without_a_request():
    html = get_template("500.html").template.render(Context())

    assert "Something went wrong" in html
    assert 'href="/"' in html
    assert_csp_clean(html)


@pytest.mark.parametrize(
    ("template", "text"), [("403.html", "You cannot open this page"), ("404.html", "Page not found")]
)
def test_it_renders_the_error_pages_with_a_link_home(template, text):
    request = RequestFactory().get("/somewhere")
    request.user = AnonymousUser()

    html = render_to_string(template, request=request)

    assert text in html
    assert 'href="/"' in html
    assert_csp_clean(html)


class SampleForm(Form):
    name = CharField(label="Name", help_text="As on the passport.")
    agree = CharField(label="Agree", required=False)


def test_the_field_component_links_label_help_and_error():
    form = SampleForm(data={})
    form.is_valid()

    html = render_to_string("components/field.html", {"field": form["name"]})

    assert '<label class="field__label" for="id_name">' in html
    assert 'id="id_name_helptext"' in html
    assert 'id="id_name_error" role="alert"' in html
    assert 'aria-describedby="id_name_helptext id_name_error"' in html
    assert 'aria-invalid="true"' in html
    assert "field--invalid" in html


def test_the_pager_keeps_other_query_parameters():
    request = RequestFactory().get("/cases/", {"q": "rayong", "status": "active", "page": "2"})
    page = Paginator(list(range(60)), 20).page(2)

    html = render_to_string("components/pager.html", {"page_obj": page}, request=_anonymous(request))

    assert 'href="?q=rayong&amp;status=active&amp;page=1" rel="prev"' in html
    assert 'href="?q=rayong&amp;status=active&amp;page=3" rel="next"' in html
    assert "Page 2 of 3" in html


def test_the_pager_is_hidden_for_a_single_page():
    page = Paginator([1, 2], 20).page(1)

    html = Template('{% include "components/pager.html" %}').render(Context({"page_obj": page}))

    assert html.strip() == ""


def test_the_badge_carries_its_text():
    html = render_to_string("components/badge.html", {"value": "follow_up", "label": "Follow-up"})

    assert html.strip() == '<span class="badge badge--follow_up">Follow-up</span>'


def _anonymous(request):
    request.user = AnonymousUser()
    return request
