"""The second factor (registry/signin/): who must give it, setting up the app, signing in with
a code or a recovery code (once), the identity provider's users, the demo's way in."""

import io

import pytest
from django.contrib.auth import BACKEND_SESSION_KEY
from django.core.management import CommandError, call_command
from django.test import Client, RequestFactory
from django.urls import reverse
from django_otp import devices_for_user
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from registry.models import RoleKind
from registry.signin import factors
from registry.signin.demo import DEMO_TOTP_KEY
from tests import factories
from tests.conftest import client_for

PASSWORD = "geheim-wachtwoord"


def code_of(device) -> str:
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():06d}"


def password_step(username):
    client = Client()
    response = client.post(reverse("admin:login"), {"username": username, "password": PASSWORD})
    return client, response


def unthrottle(user) -> None:
    """django-otp makes a device wait a second after a wrong code (its own, tested there)."""
    for device in devices_for_user(user):
        device.throttle_reset()


def app_for(user) -> TOTPDevice:
    return TOTPDevice.objects.create(user=user, name="app", confirmed=True)


def test_an_administrator_sets_up_the_app_and_gets_recovery_codes_once(db):
    admin = factories.admin_user()
    client, response = password_step(admin.username)
    assert response.url.startswith(reverse("admin:index"))
    assert client.get(reverse("admin:index")).url.startswith(reverse("second_factor_setup"))

    setup = client.get(reverse("second_factor_setup"))
    assert "authenticator-app" in setup.content.decode()
    qr = client.get(reverse("second_factor_qr"))
    assert qr["Content-Type"] == "image/svg+xml" and b"<svg" in qr.content

    device = TOTPDevice.objects.get(user=admin, confirmed=False)
    refused = client.post(reverse("second_factor_setup"), {"code": "000000"})
    assert "klopt niet" in refused.content.decode()
    device.refresh_from_db()
    device.throttle_reset()  # django-otp makes a wrong code wait a second before the next
    done = client.post(reverse("second_factor_setup"), {"code": code_of(device), "next": "/admin/"})
    codes = done.context["codes"]
    assert len(codes) == 10 and all(code in done.content.decode() for code in codes)
    assert client.get(reverse("admin:index")).status_code == 200
    # the page is not there again: a stolen password cannot add a second app
    assert client.get(reverse("second_factor_setup")).url.startswith(reverse("second_factor"))
    assert client.get(reverse("second_factor_qr")).status_code == 404


def test_a_supervisor_signs_in_with_a_code_and_a_recovery_code_works_once(overijssel):
    supervisor = factories.user_with_role(RoleKind.SUPERVISOR, overijssel)
    device = app_for(supervisor)
    (code,) = factors.new_recovery_codes(supervisor)[:1]

    client, _ = password_step(supervisor.username)
    assert client.get(reverse("admin:index")).url.startswith(reverse("second_factor"))
    wrong = client.post(reverse("second_factor"), {"code": "123456"})
    assert "klopt niet" in wrong.content.decode()
    assert client.get(reverse("admin:index")).status_code == 302
    unthrottle(supervisor)
    right = client.post(reverse("second_factor"), {"code": code_of(device), "next": "/admin/"})
    assert right.url == "/admin/"
    assert client.get(reverse("admin:index")).status_code == 200

    for attempt in ("first", "second"):
        client, _ = password_step(supervisor.username)
        response = client.post(reverse("second_factor"), {"code": code, "next": "/admin/"})
        if attempt == "first":
            assert response.url == "/admin/"
        else:
            assert "klopt niet" in response.content.decode()


def test_other_roles_need_it_only_when_configured(enschede, settings):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    client, _ = password_step(griffie.username)
    assert client.get(reverse("admin:index")).status_code == 200

    settings.TWO_FACTOR_ROLES = ["griffie"]
    client, _ = password_step(griffie.username)
    assert client.get(reverse("admin:index")).url.startswith(reverse("second_factor_setup"))


def test_the_identity_providers_users_are_not_asked(db):
    admin = factories.admin_user()
    request = RequestFactory().get("/")
    request.user = admin
    request.session = {BACKEND_SESSION_KEY: "registry.sso.backend.RegistryOIDCBackend"}
    assert factors.came_through_identity_provider(request)
    assert not factors.must_give_second_factor(request)
    request.session = {BACKEND_SESSION_KEY: "django.contrib.auth.backends.ModelBackend"}
    assert factors.must_give_second_factor(request)


def test_the_demo_gives_its_app_and_code_only_in_development(db, settings):
    settings.DEBUG = True
    call_command("load_demo_data", password="demo-wachtwoord", stdout=io.StringIO())
    with_app = set(
        TOTPDevice.objects.filter(key=DEMO_TOTP_KEY).values_list("user__username", flat=True)
    )
    assert with_app == {"beheerder", "toezicht.overijssel"}
    output = io.StringIO()
    call_command("demo_code", "beheerder", stdout=output)
    device = TOTPDevice.objects.get(user__username="beheerder")
    assert output.getvalue().strip() == code_of(device)

    settings.DEBUG = False
    with pytest.raises(CommandError, match="alleen in ontwikkeling"):
        call_command("demo_code", "beheerder", stdout=io.StringIO())
    # a code of the documented secret opens nothing in production
    admin = device.user
    admin.set_password(PASSWORD)
    admin.save()
    client, _ = password_step("beheerder")
    response = client.post(reverse("second_factor"), {"code": code_of(device)})
    assert "klopt niet" in response.content.decode()


def test_the_readme_gives_the_demo_key():
    from pathlib import Path

    from registry.signin.demo import DEMO_TOTP_KEY_BASE32

    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text()
    assert readme.count(DEMO_TOTP_KEY_BASE32) == 2


def test_an_administrator_resets_a_lost_second_factor(overijssel):
    supervisor = factories.user_with_role(RoleKind.SUPERVISOR, overijssel)
    app_for(supervisor)
    factors.new_recovery_codes(supervisor)
    administrator = client_for(factories.admin_user())
    administrator.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [supervisor.pk]},
    )
    assert not factors.has_device(supervisor)
    client, _ = password_step(supervisor.username)
    assert client.get(reverse("admin:index")).url.startswith(reverse("second_factor_setup"))
    # django-otp's English pages, which show the secrets, are not in the admin
    assert administrator.get("/admin/otp_totp/totpdevice/").status_code == 404


@pytest.mark.parametrize("target", ["123456", "admin:index", "https://elders.example/", "//x"])
def test_after_the_code_only_a_path_of_this_site_is_followed(overijssel, target):
    """A bare word would be taken for a URL name (a 500 after the code was used up, found in
    the hostile review); another site is never followed."""
    supervisor = factories.user_with_role(RoleKind.SUPERVISOR, overijssel)
    device = app_for(supervisor)
    client, _ = password_step(supervisor.username)
    response = client.post(reverse("second_factor"), {"code": code_of(device), "next": target})
    assert response.status_code == 302 and response.url == "/admin/"
