"""What the provider's groups give: role + organisation by the group's name or the map, an
unknown organisation nothing, a group left is a role lost at the next sign-in, and the
administrator flag only from a configured group. Through registry.writes, with the user
in the role's history."""

import pytest

from registry.models import Role, RoleKind
from registry.sso import claims, roles
from tests import factories


@pytest.fixture
def groups(settings):
    settings.OIDC_GROUPS_CLAIM = "groups"
    settings.OIDC_GROUP_PREFIX = "vp-"
    settings.OIDC_GROUP_MAP = []
    settings.OIDC_ADMIN_GROUPS = []


def held(user):
    return {(r.kind, r.organisation.cbs_code) for r in Role.objects.filter(user=user)}


def test_a_group_gives_its_role_of_its_organisation(groups, enschede, overijssel):
    user = factories.UserFactory()
    changes = roles.sync(
        user, {"sub": "x", "groups": ["vp-griffie-GM0153", "/vp-toezicht-PV23", "intranet"]}
    )
    assert held(user) == {(RoleKind.GRIFFIE, "GM0153"), (RoleKind.SUPERVISOR, "PV23")}
    assert not changes.ignored
    role = Role.objects.get(user=user, kind=RoleKind.GRIFFIE)
    history = role.history.get()
    assert history.history_user == user
    assert "vp-griffie-GM0153" in history.history_change_reason


def test_a_group_of_an_unknown_organisation_gives_nothing(groups, enschede):
    user = factories.UserFactory()
    changes = roles.sync(user, {"groups": ["vp-griffie-GM9999", "vp-raad-GM0153"]})
    assert held(user) == {(RoleKind.COUNCIL, "GM0153")}
    assert "GM9999" in changes.ignored[0]


def test_a_supervisor_group_of_a_municipality_gives_nothing(groups, enschede):
    user = factories.UserFactory()
    changes = roles.sync(user, {"groups": ["vp-toezicht-GM0153"]})
    assert held(user) == set()
    assert changes.ignored


def test_a_group_left_is_a_role_lost_at_the_next_sign_in(groups, enschede, almelo):
    user = factories.UserFactory()
    roles.sync(user, {"groups": ["vp-griffie-GM0153", "vp-financien-GM0141"]})
    assert held(user) == {(RoleKind.GRIFFIE, "GM0153"), (RoleKind.FINANCE, "GM0141")}
    roles.sync(user, {"groups": ["vp-financien-GM0141"]})
    assert held(user) == {(RoleKind.FINANCE, "GM0141")}
    roles.sync(user, {})
    assert held(user) == set()


def test_the_map_names_groups_the_provider_sends_as_ids(groups, settings, enschede):
    settings.OIDC_GROUP_MAP = ["5f1c0e2a-8d3b-4c1e-9f00-aa11bb22cc33=finance:GM0153"]
    user = factories.UserFactory()
    roles.sync(user, {"groups": ["5f1c0e2a-8d3b-4c1e-9f00-aa11bb22cc33"]})
    assert held(user) == {(RoleKind.FINANCE, "GM0153")}


def test_no_claim_makes_an_administrator_unless_a_group_is_configured(groups, settings, db):
    user = factories.UserFactory()
    for claimed in ({"groups": ["vp-beheer", "admin"]}, {"is_superuser": True, "admin": True}):
        roles.sync(user, claimed)
        user.refresh_from_db()
        assert not user.is_superuser
    settings.OIDC_ADMIN_GROUPS = ["vp-beheer"]
    roles.sync(user, {"groups": ["vp-beheer"]})
    user.refresh_from_db()
    assert user.is_superuser
    roles.sync(user, {"groups": []})
    user.refresh_from_db()
    assert not user.is_superuser


def test_roles_given_by_an_administrator_are_left_alone_without_a_groups_claim(settings, enschede):
    settings.OIDC_GROUPS_CLAIM = ""
    user = factories.UserFactory()
    Role.objects.create(user=user, organisation=enschede, kind=RoleKind.GRIFFIE)
    roles.sync(user, {"groups": [], "given_name": "Anna", "family_name": "de Vries"})
    user.refresh_from_db()
    assert held(user) == {(RoleKind.GRIFFIE, "GM0153")}
    assert user.get_full_name() == "Anna de Vries"


def test_an_unreadable_map_is_refused(settings):
    from django.core.exceptions import ImproperlyConfigured

    settings.OIDC_GROUP_MAP = ["groep-zonder-rol"]
    with pytest.raises(ImproperlyConfigured):
        claims.group_map()
