"""Single sign-on through the real redirect flow: Chromium clicks "Inloggen met uw
organisatie-account" on the login page, signs in at an OpenID Connect provider running on
127.0.0.1 (oidc-provider-mock, tests/oidc_provider.py), and comes back with the role its
group gives, or, without a mapped group, with an account and no rights. Signing out ends
the session at the provider too."""

import pytest
from django.contrib.auth import get_user_model

from registry.models import Role, RoleKind
from tests.e2e.conftest import axe_violations

pytestmark = pytest.mark.e2e


def sign_in_at_provider(page, sub: str) -> None:
    page.goto(f"{page.base}/admin/login/")
    page.get_by_role("link", name="Inloggen met uw organisatie-account").click()
    page.wait_for_url(lambda url: "/oauth2/authorize" in url)
    page.fill("input[name=sub]", sub)
    page.get_by_role("button", name="Authorize").click()
    page.wait_for_load_state()


def test_a_griffie_signs_in_with_its_organisation_account(page, sso):
    sso.user(
        "a1b2-griffie",
        groups=["vp-griffie-GM0153", "intranet-lezers"],
        email="anna.griffie@enschede.nl",
        given_name="Anna",
        family_name="Griffie",
    )
    sign_in_at_provider(page, "a1b2-griffie")

    assert page.url.rstrip("/").endswith("/admin")
    assert page.get_by_text("Nog geen rol").count() == 0
    user = get_user_model().objects.get(username="a1b2-griffie")
    assert not user.has_usable_password() and not user.is_superuser
    role = Role.objects.get(user=user)
    assert (role.kind, role.organisation.cbs_code) == (RoleKind.GRIFFIE, "GM0153")
    # the admin is the griffie's: it can add a participation of Enschede
    page.goto(f"{page.base}/admin/partnerships/participation/add/")
    assert page.get_by_role("heading", level=1).count() == 1
    assert "403" not in page.title()

    # signing out ends the session at the provider, which sends the browser back
    page.goto(f"{page.base}/admin/")
    page.locator("#logout-form button, #logout-form input[type=submit]").first.click()
    page.wait_for_url(lambda url: "/oauth2/end_session" in url)
    assert "id_token_hint" in page.url
    page.get_by_role("button", name="End session").click()
    page.wait_for_load_state()
    assert page.url.startswith(page.base)
    page.goto(f"{page.base}/admin/")
    assert "/admin/login/" in page.url


def test_an_account_without_a_mapped_group_gets_no_rights(page, sso):
    sso.user("c3d4-zonder", groups=["intranet-lezers", "vp-griffie-GM9999"])
    sign_in_at_provider(page, "c3d4-zonder")

    assert page.get_by_role("heading", name="Nog geen rol in het register").is_visible()
    assert "heeft nog geen rol in het register" in page.content()
    user = get_user_model().objects.get(username="c3d4-zonder")
    assert not Role.objects.filter(user=user).exists() and not user.is_superuser
    page.goto(f"{page.base}/admin/partnerships/participation/")
    assert page.get_by_role("heading", name="Nog geen rol in het register").is_visible()
    assert axe_violations(page) == []


def test_the_login_page_offers_single_sign_on_only_when_it_is_on(page, settings, provider):
    page.goto(f"{page.base}/admin/login/")
    assert page.get_by_role("link", name="Inloggen met uw organisatie-account").count() == 0
    settings.OIDC_ISSUER = provider.issuer
    settings.OIDC_RP_CLIENT_ID = "register"
    page.goto(f"{page.base}/admin/login/")
    assert page.get_by_role("link", name="Inloggen met uw organisatie-account").is_visible()
    assert axe_violations(page) == []
