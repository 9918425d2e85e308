"""Lockout after failed sign-ins (django-axes, lifted by an administrator), the client's
address behind the proxy, the session's idle and absolute lifetime, and the password rules
(length 12, the breached lists, the demo password outside development)."""

import hashlib
import http.server
import io
import threading
import time

import pytest
from axes.models import AccessAttempt
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.test import Client
from django.urls import reverse
from django.utils import translation

from registry.models import RoleKind
from registry.signin.middleware import LAST_SEEN, SIGNED_IN_AT
from tests import factories
from tests.conftest import client_for

PASSWORD = "geheim-wachtwoord"


def attempt(client, username, password):
    return client.post(reverse("admin:login"), {"username": username, "password": password})


def signed_in(client) -> bool:
    return client.get(reverse("admin:index")).status_code == 200


def test_five_wrong_passwords_lock_out_until_an_administrator_lifts_it(enschede):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    client = Client()
    for _ in range(4):
        assert attempt(client, griffie.username, "fout").status_code == 200
    locked = attempt(client, griffie.username, "fout")
    assert locked.status_code == 429
    assert "Te veel mislukte pogingen; probeer het over 15 minuten opnieuw" in (
        locked.content.decode()
    )
    refused = attempt(client, griffie.username, PASSWORD)
    assert refused.status_code == 429 and not signed_in(client)

    administrator = client_for(factories.admin_user())
    listing = administrator.get(reverse("admin:axes_accessattempt_changelist"))
    assert griffie.username in listing.content.decode()
    (row,) = AccessAttempt.objects.filter(username=griffie.username)
    administrator.post(reverse("admin:axes_accessattempt_delete", args=[row.pk]), {"post": "yes"})
    assert not AccessAttempt.objects.filter(username=griffie.username).exists()

    assert attempt(client, griffie.username, PASSWORD).status_code == 302
    assert signed_in(client)


def test_the_lockout_counts_per_address_too(enschede, settings):
    settings.AXES_FAILURE_LIMIT = 2
    client = Client()
    attempt(client, "iemand", "fout")
    attempt(client, "iemand-anders", "fout")
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    assert attempt(client, griffie.username, PASSWORD).status_code == 429


@pytest.mark.parametrize(
    ("proxies", "forwarded", "counted"),
    [
        (1, "203.0.113.7", "203.0.113.7"),
        (1, "6.6.6.6, 203.0.113.7", "203.0.113.7"),  # the client's own header is not read
        (2, "6.6.6.6, 203.0.113.7, 10.0.0.1", "203.0.113.7"),
        (2, "203.0.113.7", "10.0.0.2"),  # did not come through both: the direct address
    ],
)
def test_behind_the_proxy_the_forwarded_client_is_counted(
    db, settings, proxies, forwarded, counted
):
    settings.REGISTRY_PROXY_COUNT = proxies
    client = Client(REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=forwarded)
    attempt(client, "iemand", "fout")
    assert AccessAttempt.objects.get().ip_address == counted


def test_without_a_proxy_the_header_is_not_trusted(db):
    client = Client(REMOTE_ADDR="198.51.100.4", HTTP_X_FORWARDED_FOR="203.0.113.7")
    attempt(client, "iemand", "fout")
    assert AccessAttempt.objects.get().ip_address == "198.51.100.4"


def age_session(client, **seconds_ago) -> None:
    session = client.session
    now = int(time.time())
    for key, ago in seconds_ago.items():
        session[key] = now - ago
    session.save()


@pytest.mark.parametrize(
    ("ages", "still_in"),
    [
        ({LAST_SEEN: 29 * 60}, True),
        ({LAST_SEEN: 31 * 60}, False),
        ({SIGNED_IN_AT: 9 * 3600}, True),
        ({SIGNED_IN_AT: 10 * 3600 + 60}, False),
    ],
)
def test_idle_and_long_sessions_end(enschede, ages, still_in):
    client = Client()
    attempt(client, factories.user_with_role(RoleKind.GRIFFIE, enschede).username, PASSWORD)
    age_session(client, **ages)
    response = client.get(reverse("admin:index"), follow=True)
    assert (response.redirect_chain == []) is still_in
    if not still_in:
        assert "Meld u opnieuw aan" in response.content.decode()


def test_the_session_cookie_lasts_ten_hours(settings):
    assert settings.SESSION_COOKIE_AGE == 10 * 3600
    assert settings.SESSION_IDLE_SECONDS == 30 * 60


@pytest.mark.parametrize(
    ("password", "reason"),
    [
        ("kort-Wacht1", "ten minste 12 tekens"),
        ("password1234", "te algemeen"),
        ("demo-wachtwoord", "demo"),
    ],
)
def test_passwords_production_refuses(password, reason):
    with translation.override("nl"), pytest.raises(ValidationError, match=reason):
        validate_password(password)
    validate_password("Eigen-Lange-Zin-Van-Mij")


def test_the_demo_password_is_allowed_in_development(settings):
    settings.DEBUG = True
    validate_password("demo-wachtwoord")


@pytest.mark.parametrize("password", ["demo-wachtwoord", "kort"])
def test_load_demo_data_refuses_weak_passwords_in_production(db, password):
    with pytest.raises(CommandError, match="buiten ontwikkeling"):
        call_command("load_demo_data", password=password, stdout=io.StringIO())


def test_signing_in_with_the_demo_password_is_refused_in_production(enschede, settings):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    griffie.set_password("demo-wachtwoord")
    griffie.save()
    client = Client()
    response = attempt(client, griffie.username, "demo-wachtwoord")
    assert "wachtwoord van de demo" in response.content.decode()
    assert not signed_in(client)
    settings.DEBUG = True
    assert attempt(Client(), griffie.username, "demo-wachtwoord").status_code == 302


class FakePwnedPasswords(http.server.BaseHTTPRequestHandler):
    """The range API: the suffixes of the SHA-1s that start with the asked prefix."""

    breached = {"Gelekt-Wachtwoord-123"}
    asked: list[str] = []

    def do_GET(self):
        prefix = self.path.rsplit("/", 1)[-1]
        type(self).asked.append(prefix)
        lines = ["0000000000000000000000000000000000A:0"]  # padding, as the API adds
        for password in self.breached:
            digest = hashlib.sha1(password.encode()).hexdigest().upper()
            if digest.startswith(prefix):
                lines.append(f"{digest[5:]}:42")
        body = "\r\n".join(lines).encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture
def pwned_api(settings):
    server = http.server.HTTPServer(("127.0.0.1", 0), FakePwnedPasswords)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.PWNED_PASSWORDS_URL = f"http://127.0.0.1:{server.server_port}/range/"
    yield FakePwnedPasswords
    server.shutdown()
    server.server_close()


def test_a_breached_password_is_refused_when_the_range_api_is_configured(pwned_api):
    with translation.override("nl"), pytest.raises(ValidationError, match="gelekte"):
        validate_password("Gelekt-Wachtwoord-123")
    validate_password("Eigen-Lange-Zin-Van-Mij")
    digest = hashlib.sha1(b"Eigen-Lange-Zin-Van-Mij").hexdigest().upper()
    assert pwned_api.asked[-1] == digest[:5]  # only the prefix left the server


def test_an_unreachable_range_api_lets_the_offline_checks_decide(settings):
    settings.PWNED_PASSWORDS_URL = "http://127.0.0.1:9/range/"
    validate_password("Eigen-Lange-Zin-Van-Mij")
    with pytest.raises(ValidationError):
        validate_password("password1234")
