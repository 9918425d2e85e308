"""Fixtures (tests/conftest.py loads them): a real OpenID Connect provider (oidc-provider-mock,
a process on 127.0.0.1) and the registry's settings pointing at it."""

import socket
import subprocess
import sys
import time

import pytest
import requests

CLIENT_ID = "register-verbonden-partijen"


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Provider:
    def __init__(self, issuer: str):
        self.issuer = issuer

    def user(self, sub: str, **claims) -> str:
        """Store a user at the provider, with its claims (groups, email, names)."""
        response = requests.put(f"{self.issuer}/users/{sub}", json=claims, timeout=5)
        response.raise_for_status()
        return sub


@pytest.fixture(scope="session")
def provider():
    port = _free_port()
    process = subprocess.Popen(
        [sys.executable, "-m", "oidc_provider_mock", "--host", "127.0.0.1", "--port", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    issuer = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                requests.get(f"{issuer}/.well-known/openid-configuration", timeout=1)
                break
            except requests.ConnectionError:
                assert time.monotonic() < deadline, "the OpenID provider did not start"
                time.sleep(0.2)
        yield Provider(issuer)
    finally:
        process.terminate()
        process.wait(timeout=10)


@pytest.fixture
def sso(settings, provider):
    """Single sign-on on, against the provider, roles from the groups claim."""
    from django.core.cache import cache

    settings.OIDC_ISSUER = provider.issuer
    settings.AUTHENTICATION_BACKENDS = [*settings.AUTHENTICATION_BACKENDS, settings.SSO_BACKEND]
    settings.OIDC_RP_CLIENT_ID = CLIENT_ID
    settings.OIDC_RP_CLIENT_SECRET = "geheim"
    settings.OIDC_GROUPS_CLAIM = "groups"
    settings.OIDC_USERNAME_CLAIM = "sub"
    settings.OIDC_ADMIN_GROUPS = []
    settings.OIDC_GROUP_MAP = []
    cache.clear()
    yield provider
    cache.clear()
