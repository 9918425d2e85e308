"""The public pages' small world (tests/site/conftest.py) for the API."""

from tests.site.conftest import readers, site_world  # noqa: F401 (fixtures)
