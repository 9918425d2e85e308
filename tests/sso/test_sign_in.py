"""The sign-in against the real provider, without a browser: the flow's checks, discovery
read once, single sign-on off without an issuer, and a refused configuration."""

from unittest import mock
from urllib.parse import parse_qs, urlparse

import requests
from django.contrib.auth import BACKEND_SESSION_KEY
from django.core.management import call_command
from django.core.management.base import SystemCheckError
from django.test import Client

from registry.models import Role, RoleKind
from registry.sso import discovery


def sign_in(client, sub):
    start = client.get("/oidc/start/?next=/admin/")
    assert start.status_code == 302
    authorize = start["Location"]
    query = parse_qs(urlparse(authorize).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"]
    answer = requests.post(authorize, data={"sub": sub}, allow_redirects=False, timeout=5)
    callback = urlparse(answer.headers["Location"])
    return client.get(f"{callback.path}?{callback.query}")


def test_a_sign_in_through_the_provider_gives_the_groups_role(sso, enschede):
    sso.user("e5f6", groups=["vp-financien-GM0153"], email="f@enschede.nl")
    client = Client()
    response = sign_in(client, "e5f6")
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert client.session[BACKEND_SESSION_KEY] == "registry.sso.backend.RegistryOIDCBackend"
    role = Role.objects.get(user__username="e5f6")
    assert role.kind == RoleKind.FINANCE and role.organisation == enschede
    assert role.user.email == "f@enschede.nl"


def test_discovery_is_read_once_and_kept(sso, enschede):
    sso.user("g7h8", groups=["vp-raad-GM0153"])
    real_get = requests.get
    with mock.patch("registry.sso.discovery.requests.get", side_effect=real_get) as fetched:
        sign_in(Client(), "g7h8")
        sign_in(Client(), "g7h8")
    asked = [call.args[0] for call in fetched.call_args_list]
    metadata = [url for url in asked if url.endswith("/.well-known/openid-configuration")]
    assert metadata == [discovery.metadata_url(sso.issuer)]
    assert f"{sso.issuer}/jwks" in asked  # the rest of the flow did go to the provider


def test_an_unreachable_provider_is_told_in_dutch(sso, settings, db):
    settings.OIDC_ISSUER = "http://127.0.0.1:9"
    response = Client().get("/oidc/start/", follow=True)
    assert "de identiteitsprovider van uw organisatie antwoordt niet" in response.content.decode()


def test_a_password_sign_in_never_asks_the_provider(sso, settings, enschede):
    from tests import factories

    user = factories.UserFactory()
    Role.objects.create(user=user, organisation=enschede, kind=RoleKind.GRIFFIE)
    settings.OIDC_ISSUER = "http://127.0.0.1:9"  # nothing listens there
    client = Client()
    response = client.post(
        "/admin/login/?code=x&state=y",
        {"username": user.username, "password": "geheim-wachtwoord"},
    )
    assert response.status_code == 302
    assert client.session[BACKEND_SESSION_KEY] == "django.contrib.auth.backends.ModelBackend"


def test_without_an_issuer_there_is_no_single_sign_on(db):
    client = Client()
    assert client.get("/oidc/start/").status_code == 404
    assert client.get("/oidc/callback/?code=x&state=y").status_code == 404
    assert "organisatie-account" not in client.get("/admin/login/").content.decode()


def test_the_check_refuses_an_issuer_without_a_client(sso, settings):
    settings.OIDC_RP_CLIENT_ID = ""
    settings.OIDC_GROUP_MAP = ["zonder-rol"]
    try:
        call_command("check")
    except SystemCheckError as error:
        assert "registry.sso.E001" in str(error) and "registry.sso.E004" in str(error)
    else:
        raise AssertionError("the check let it pass")
