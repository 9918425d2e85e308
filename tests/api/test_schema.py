"""The OpenAPI document: the committed copy (docs/openapi.yaml) is what the code generates,
and a property-based run of schemathesis against the live schema (in-process, through the
WSGI application, on the public pages' small world, anonymous and with a write token) finds
no 500 and no answer that breaks the schema."""

import difflib
import re

import pytest
import schemathesis
import yaml
from django.conf import settings
from django.core.management import call_command
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck
from hypothesis import settings as hypothesis_settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
)

from registry.models import TokenScope
from registry.wsgi import application

COMMITTED = settings.BASE_DIR / "docs" / "openapi.yaml"
REGENERATE = (
    "make schema (manage.py spectacular --validate --fail-on-warn --file docs/openapi.yaml)"
)


def test_the_committed_schema_is_the_generated_one(tmp_path):
    generated = tmp_path / "openapi.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(generated))
    want, got = COMMITTED.read_text().splitlines(), generated.read_text().splitlines()
    diff = "\n".join(list(difflib.unified_diff(want, got, "docs/openapi.yaml", "generated"))[:40])
    assert want == got, f"docs/openapi.yaml is out of date; regenerate it with {REGENERATE}\n{diff}"


# English words that Dutch does not use; two in one text make it an English text
ENGLISH = re.compile(r"\b(the|and|with|which|where|when|from|its|their|by)\b")


def texts_of(node, where=""):
    """Every description, summary and title in the OpenAPI document, with where it is."""
    if isinstance(node, dict):
        for key, value in node.items():
            if key in {"description", "summary", "title"} and isinstance(value, str):
                yield f"{where}/{key}", value
            yield from texts_of(value, f"{where}/{key}")
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield from texts_of(value, f"{where}[{index}]")


def test_the_schema_speaks_dutch_to_its_readers():
    """Swagger UI and Redoc show the descriptions to the API's users: none in English (a
    view's or serializer's docstring becomes one unless it is given in Dutch)."""
    document = yaml.safe_load(COMMITTED.read_text())
    english = [
        f"{where}: {text[:80]}"
        for where, text in texts_of(document)
        if len(ENGLISH.findall(text.lower())) >= 2
    ]
    assert english == []


@pytest.fixture
def world(site_world, settings):
    """The small world, and no throttling in the way of the run. The WSGI application is
    called directly, so Django's end of a request would close the test's database connection
    (on PostgreSQL, inside the test's transaction): as its test client does, the run keeps
    the connection open."""
    settings.API_THROTTLE_RATES = {"token": "100000/min", "anonymous": "100000/min"}
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield site_world
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def write_key(world, enschede, issue_token):
    return issue_token(organisation=enschede, scope=TokenScope.WRITE)[1]


# read from the running application, as a client reads it (no database needed for it)
schema = schemathesis.openapi.from_wsgi("/api/v1/openapi.json", application)

CHECKS = [not_a_server_error, response_schema_conformance, content_type_conformance]


BOUNDED = hypothesis_settings(
    max_examples=10,
    deadline=5000,  # ms per example; generous for a loaded CI machine
    derandomize=True,
    suppress_health_check=list(HealthCheck),
    database=None,
)


@schema.parametrize()
@BOUNDED
def test_schemathesis_anonymous(case, world):
    case.call_and_validate(checks=CHECKS)


@schema.parametrize()
@BOUNDED
def test_schemathesis_with_a_write_token(case, write_key):
    case.call_and_validate(headers={"Authorization": f"Token {write_key}"}, checks=CHECKS)
