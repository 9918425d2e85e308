"""The security headers (issue 17, point 5): a strict Content-Security-Policy on the
registry's own pages, the admin's one inline style allowed by its hash only, the other
headers, and the cap on a request's size."""

import pytest
from django.test import Client
from django.urls import reverse

from registry.headers import admin_change_list_style_hash
from tests import factories
from tests.conftest import client_for

pytestmark = pytest.mark.django_db

STRICT = {
    "default-src": "'self'",
    "script-src": "'self'",
    "style-src": "'self'",
    "img-src": "'self' data:",
    "font-src": "'self'",
    "connect-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def directives(response) -> dict:
    """The policy as directive -> sources (django-csp writes the directives in any order)."""
    parts = (part.strip().split(" ", 1) for part in response["Content-Security-Policy"].split(";"))
    return {name: sources for name, sources in parts}


def test_a_public_page_has_the_strict_policy():
    response = Client().get(reverse("site:home"))
    assert response.status_code == 200
    assert directives(response) == STRICT


def test_an_admin_page_allows_only_the_admins_one_inline_style_by_its_hash():
    response = client_for(factories.admin_user()).get(reverse("admin:index"))
    assert response.status_code == 200
    hashed = admin_change_list_style_hash()
    assert hashed.startswith("'sha256-") and "unsafe-inline" not in hashed
    assert directives(response) == {**STRICT, "style-src": f"'self' {hashed}"}


def test_with_single_sign_on_the_admin_may_post_on_to_the_identity_provider(settings):
    """Signing out posts to the admin, which sends the browser on to the provider's
    end-session page: a form action the policy must allow, on admin pages only."""
    settings.OIDC_ISSUER = "https://login.example.nl/realms/gemeente"
    admin_page = client_for(factories.admin_user()).get(reverse("admin:index"))
    assert directives(admin_page)["form-action"] == "'self' https://login.example.nl"
    assert directives(Client().get(reverse("site:home")))["form-action"] == "'self'"


def test_the_api_documentation_gets_inline_script_and_style_only_there():
    response = Client().get(reverse("api:swagger"))
    policy = directives(response)
    assert policy["script-src"] == "'self' 'unsafe-inline'"
    assert policy["frame-ancestors"] == "'none'"
    assert "unsafe-inline" not in Client().get(reverse("site:home"))["Content-Security-Policy"]


def test_the_other_headers_are_set():
    response = Client().get(reverse("site:home"))
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in response["Permissions-Policy"]


def test_a_too_large_request_is_refused_with_a_dutch_413(settings):
    settings.REQUEST_MAX_BYTES = 1024 * 1024
    client = client_for(factories.admin_user())
    response = client.post(
        reverse("partnerships:spreadsheets"),
        data=b"x" * (1024 * 1024 + 1),
        content_type="application/octet-stream",
    )
    assert response.status_code == 413
    assert "ten hoogste 1 MB per keer" in response.content.decode()
