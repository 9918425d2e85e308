"""The public pages' small world (tests/site/conftest.py) for the API, a client per reader,
the rows of a list, and API tokens."""

import pytest
from django.test import Client

from registry import tokens
from registry.models import APIToken, RoleKind, TokenScope
from tests import factories
from tests.conftest import client_for
from tests.site.conftest import readers, site_world  # noqa: F401 (fixtures)


@pytest.fixture
def issue_token(db):
    """`issue_token(user=... | organisation=..., scope=...)` -> (token, the key a client sends)."""

    def issue(**fields):
        token = APIToken(name=fields.pop("name", "Begrotingssoftware"), **fields)
        key = tokens.issue(token)
        token.save()
        return token, key

    return issue


def auth(key: str, keyword: str = "Token") -> dict:
    return {"HTTP_AUTHORIZATION": f"{keyword} {key}"}


def send(method: str, url: str, key: str, body: dict):
    """A write of a system: JSON `body` to `url` with the API key `key`."""
    return getattr(Client(), method)(url, body, content_type="application/json", **auth(key))


def problem_of(response, status: int, names: list[str]) -> dict:
    """The problem details of `response`, with `status` and the fields `names` in
    `invalidParams` (in that order)."""
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert [param["name"] for param in body.get("invalidParams", [])] == names
    return body


@pytest.fixture
def clients(site_world, readers):  # noqa: F811 (the fixtures imported above)
    return {name: Client() if user is None else client_for(user) for name, user in readers.items()}


def rows(client, url, **params) -> list[dict]:
    """The rows of one page of a list, which must answer 200."""
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()["resultaten"]


def _write_key_of(kind: str, organisation, issue_token):
    """A user with role `kind` at `organisation` and a write key of its own: (user, key)."""
    user = factories.user_with_role(kind, organisation)
    return user, issue_token(user=user, scope=TokenScope.WRITE)[1]


@pytest.fixture
def griffie_key(site_world, enschede, issue_token):  # noqa: F811
    return _write_key_of(RoleKind.GRIFFIE, enschede, issue_token)


@pytest.fixture
def finance_key(site_world, enschede, issue_token):  # noqa: F811
    return _write_key_of(RoleKind.FINANCE, enschede, issue_token)
