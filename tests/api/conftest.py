"""The public pages' small world (tests/site/conftest.py) for the API, a client per reader
and the rows of a list."""

import pytest
from django.test import Client

from tests.conftest import client_for
from tests.site.conftest import readers, site_world  # noqa: F401 (fixtures)


@pytest.fixture
def clients(site_world, readers):  # noqa: F811 (the fixtures imported above)
    return {name: Client() if user is None else client_for(user) for name, user in readers.items()}


def rows(client, url, **params) -> list[dict]:
    """The rows of one page of a list, which must answer 200."""
    response = client.get(url, params)
    assert response.status_code == 200, response.content
    return response.json()["resultaten"]
