"""The public pages' small world (tests/site/conftest.py) for the API, and API tokens."""

import pytest

from registry import tokens
from registry.models import APIToken
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
