"""API tokens: an administrator creates one in the admin and sees the key once; only a hash
is stored; a call with it reads as its user or organisation, is written to the audit trail
and keeps its last use; a revoked, expired or unknown key is refused; the rate is limited per
token and per anonymous address."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from registry.models import APIToken, AuditAction, AuditEvent, RoleKind, TokenScope
from tests import factories
from tests.api.conftest import auth
from tests.conftest import client_for

LIST = "/api/v1/deelnemingen/"


def _names(response):
    assert response.status_code == 200, response.content
    return {row["organisatie"]["naam"] for row in response.json()["resultaten"]}


def test_an_administrator_creates_a_token_and_sees_the_key_only_once(site_world, enschede):
    admin = factories.UserFactory(is_superuser=True)
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    client = client_for(admin)
    response = client.post(
        reverse("admin:registry_apitoken_add"),
        {"name": "Begrotingssoftware", "user": griffie.pk, "scope": TokenScope.WRITE},
    )
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    key = response.context["key"]
    assert key in response.content.decode()
    token = APIToken.objects.get()
    assert (token.user, token.scope, token.created_by) == (griffie, TokenScope.WRITE, admin)
    prefix, secret = key.split(".")
    assert token.prefix == prefix
    stored = APIToken.objects.filter(pk=token.pk).values().get()
    assert not any(secret in str(value) for value in stored.values())

    # the change page never shows it again
    page = client.get(reverse("admin:registry_apitoken_change", args=[token.pk]))
    assert secret not in page.content.decode()
    # and it works: the curl call of the README
    assert "Enschede" in _names(Client().get(LIST, **auth(key)))


def test_only_an_administrator_keeps_tokens(site_world, enschede):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    response = client_for(griffie).get(reverse("admin:registry_apitoken_changelist"))
    assert response.status_code in (302, 403)


def test_a_token_reads_as_its_user_and_each_call_is_in_the_audit_trail(
    site_world, enschede, almelo, issue_token
):
    council_almelo = factories.user_with_role(RoleKind.COUNCIL, almelo)
    token, key = issue_token(user=council_almelo)
    client = Client()
    assert "Almelo" not in _names(client.get(LIST))  # Almelo does not publish
    assert "Almelo" in _names(client.get(LIST, {"samenwerkingsverband": "gbt"}, **auth(key)))
    assert client.get("/api/v1/bestaat-niet/", **auth(key, "Bearer")).status_code == 404

    events = list(AuditEvent.objects.filter(action=AuditAction.TOKEN_USED).order_by("pk"))
    assert [(e.user, e.target, e.detail["method"], e.detail["status"]) for e in events] == [
        (council_almelo, f"API-sleutel {token.prefix}", "GET", 200),
        (council_almelo, f"API-sleutel {token.prefix}", "GET", 404),
    ]
    assert events[0].detail["path"] == f"{LIST}?samenwerkingsverband=gbt"
    token.refresh_from_db()
    assert token.last_used_at is not None


def test_an_organisations_read_token_reads_what_the_organisation_reads(
    site_world, almelo, issue_token
):
    token, key = issue_token(organisation=almelo, scope=TokenScope.READ)
    assert "Almelo" in _names(Client().get(LIST, **auth(key)))
    event = AuditEvent.objects.get(action=AuditAction.TOKEN_USED)
    assert (event.user, event.username) == (None, f"API-sleutel {token.prefix}")


@pytest.mark.parametrize("state", ["revoked", "expired", "unknown", "user switched off"])
def test_a_key_that_is_no_longer_valid_is_refused_in_dutch(
    site_world, enschede, issue_token, state
):
    user = factories.user_with_role(RoleKind.COUNCIL, enschede)
    token, key = issue_token(user=user)
    if state == "revoked":
        client_for(factories.UserFactory(is_superuser=True)).post(
            reverse("admin:registry_apitoken_changelist"),
            {"action": "revoke_tokens", "_selected_action": [token.pk]},
        )
        token.refresh_from_db()
        assert token.revoked_at is not None
    elif state == "expired":
        token.expires_at = timezone.now() - datetime.timedelta(minutes=1)
        token.save()
    elif state == "unknown":
        key = key[:-4] + "abcd"
    else:
        user.is_active = False
        user.save()
    response = Client().get(LIST, **auth(key))
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert response["WWW-Authenticate"] == 'Token realm="api"'
    assert response.json()["detail"] == "Deze API-sleutel is onbekend, verlopen of ingetrokken."
    assert not AuditEvent.objects.filter(action=AuditAction.TOKEN_USED).exists()


def test_a_token_belongs_to_a_user_or_an_organisation_not_both(site_world, enschede):
    admin = client_for(factories.UserFactory(is_superuser=True))
    user = factories.user_with_role(RoleKind.COUNCIL, enschede)
    for fields in ({}, {"user": user.pk, "organisation": enschede.pk}):
        response = admin.post(
            reverse("admin:registry_apitoken_add"),
            {"name": "X", "scope": TokenScope.READ, **fields},
        )
        assert "Kies een gebruiker óf een organisatie" in response.content.decode()
    assert not APIToken.objects.exists()


def test_calls_past_the_rate_are_429_problem_details_with_retry_after(
    settings, site_world, enschede, issue_token
):
    settings.API_THROTTLE_RATES = {"token": "2/min", "anonymous": "3/min"}
    _token, key = issue_token(organisation=enschede)
    client = Client()
    assert [client.get(LIST, **auth(key)).status_code for _ in range(3)] == [200, 200, 429]
    # the anonymous address has its own count
    statuses = [client.get(LIST).status_code for _ in range(4)]
    assert statuses == [200, 200, 200, 429]
    # another X-Forwarded-For of the client's own does not make it another address
    assert client.get(LIST, HTTP_X_FORWARDED_FOR="10.9.8.7").status_code == 429
    refused = client.get(LIST)
    assert refused["Content-Type"] == "application/problem+json"
    assert int(refused["Retry-After"]) >= 1
    body = refused.json()
    assert (body["status"], body["title"]) == (429, "Te veel verzoeken")
    assert body["detail"].startswith("Te veel verzoeken; probeer het over ")
    # a 429 made with a token is in the audit trail too
    assert AuditEvent.objects.filter(detail__status=429).count() == 1


def test_a_key_cannot_be_created_already_expired(site_world, enschede):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    response = client_for(factories.UserFactory(is_superuser=True)).post(
        reverse("admin:registry_apitoken_add"),
        {
            "name": "Verlopen",
            "user": griffie.pk,
            "scope": TokenScope.WRITE,
            "expires_at_0": "01-01-2020",
            "expires_at_1": "12:00:00",
        },
    )
    assert response.status_code == 200
    assert "Deze datum is al voorbij" in response.content.decode()
    assert not APIToken.objects.exists()


def test_making_and_revoking_a_key_are_in_the_audit_trail(site_world, enschede):
    """A key is an account with special rights (BIO 9.2.3): who gave it, for whom, and who
    took it away (found missing in the hostile review)."""
    admin = factories.UserFactory(is_superuser=True, username="beheer.a")
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    client = client_for(admin)
    client.post(
        reverse("admin:registry_apitoken_add"),
        {"name": "Begrotingssoftware", "user": griffie.pk, "scope": TokenScope.WRITE},
    )
    token = APIToken.objects.get()
    client.post(
        reverse("admin:registry_apitoken_changelist"),
        {"action": "revoke_tokens", "_selected_action": [token.pk]},
    )
    events = AuditEvent.objects.filter(
        action__in=[AuditAction.TOKEN_CREATED, AuditAction.TOKEN_REVOKED]
    ).order_by("pk")
    assert [(e.action, e.username, e.detail["voor"], e.detail["bereik"]) for e in events] == [
        (AuditAction.TOKEN_CREATED, "beheer.a", griffie.username, TokenScope.WRITE),
        (AuditAction.TOKEN_REVOKED, "beheer.a", griffie.username, TokenScope.WRITE),
    ]
