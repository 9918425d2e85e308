"""No dead ends around signing in: a role is enough to sign in, the login says what is wrong,
a forgotten password is reset by e-mail, "Website bekijken" leads to "/" and back, and the
names in a history link to the account only for administrators, who may open it."""

import re

import pytest
from django.contrib import admin
from django.core import mail
from django.test import Client
from django.urls import reverse

from partnerships.models import Party
from registry import writes
from registry.models import Role, RoleKind
from tests import factories
from tests.conftest import client_for


def sign_in(username, password="geheim-wachtwoord"):
    client = Client()
    response = client.post(
        reverse("admin:login"), {"username": username, "password": password}, follow=True
    )
    return client, response


def test_a_user_given_a_role_signs_in_without_being_staff(enschede):
    user = factories.UserFactory(is_staff=False)
    writes.save(
        user=factories.admin_user(),
        record=Role(user=user, organisation=enschede, kind=RoleKind.COUNCIL),
    )
    _client, response = sign_in(user.username)
    # a council member lands on the public pages, made for it, not on the admin's tables
    assert response.redirect_chain[-1][0] == reverse("site:home")
    assert response.status_code == 200
    assert "Waar nemen gemeenten aan deel?" in response.content.decode()


@pytest.mark.parametrize(
    ("make", "password", "message"),
    [
        (lambda: factories.UserFactory(), "fout", "Deze combinatie van gebruikersnaam en"),
        (
            lambda: factories.UserFactory(),
            "geheim-wachtwoord",
            "heeft nog geen rol in het register",
        ),
        (
            lambda: factories.UserFactory(is_active=False),
            "geheim-wachtwoord",
            "Dit account is uitgeschakeld",
        ),
    ],
)
def test_the_login_says_what_is_wrong(db, make, password, message):
    user = make()
    _client, response = sign_in(user.username, password)
    assert message in response.content.decode()
    assert response.context["user"].is_anonymous


def test_the_user_form_offers_roles_not_django_groups_or_permissions(enschede):
    administrator = client_for(factories.admin_user())
    user = factories.UserFactory()
    page = administrator.get(reverse("admin:auth_user_change", args=[user.pk]))
    form = page.context["adminform"].form
    assert not {"groups", "user_permissions", "is_staff"} & set(form.fields)
    assert str(form.fields["is_superuser"].label) == "beheerder"
    assert "Rollen in het register" in page.content.decode()
    assert not admin.site.is_registered(
        __import__("django.contrib.auth.models").contrib.auth.models.Group
    )


def test_roles_saved_on_the_user_form_go_through_the_write_path(enschede):
    administrator = factories.admin_user()
    user = factories.UserFactory()
    url = reverse("admin:auth_user_change", args=[user.pk])
    page = client_for(administrator).get(url)
    data = {
        name: value
        for name, value in page.context["adminform"].form.initial.items()
        if value is not None and name not in ("password", "last_login", "date_joined")
    }
    data.update(
        {
            "registry_roles-TOTAL_FORMS": 1,
            "registry_roles-INITIAL_FORMS": 0,
            "registry_roles-0-organisation": enschede.pk,
            "registry_roles-0-kind": RoleKind.GRIFFIE,
        }
    )
    response = client_for(administrator).post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    role = Role.objects.get(user=user)
    assert role.history.get().history_user == administrator
    _client, signed_in = sign_in(user.username)
    assert signed_in.redirect_chain[-1][0] == reverse("admin:index")


def test_a_forgotten_password_is_reset_by_e_mail(enschede):
    user = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    user.email = "griffie@enschede.example"
    user.save()
    client = Client()
    login = client.get(reverse("admin:login")).content.decode()
    assert reverse("admin_password_reset") in login
    client.post(reverse("admin_password_reset"), {"email": user.email})
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [user.email] and "Wachtwoord" in message.subject
    link = re.search(r"https?://[^/\s]+(/\S+)", message.body).group(1)
    form = client.get(link, follow=True)
    assert form.status_code == 200
    new = "een-nieuw-lang-wachtwoord-2026"
    done = client.post(
        form.redirect_chain[-1][0], {"new_password1": new, "new_password2": new}, follow=True
    )
    assert "Wachtwoord" in done.content.decode()
    _client, signed_in = sign_in(user.username, new)
    assert signed_in.redirect_chain[-1][0] == reverse("admin:index")


def test_view_site_leads_to_the_root_which_does_not_lead_back_to_itself(enschede):
    assert admin.site.site_url == "/"
    client = client_for(factories.user_with_role(RoleKind.COUNCIL, enschede))
    response = client.get("/", follow=True)
    assert response.status_code == 200
    assert response.redirect_chain == []  # "/" is the public site itself
    assert "Beheeromgeving" in response.content.decode()  # and leads back to the admin


def test_history_names_link_to_the_account_only_for_administrators(enschede):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    party = factories.PartyFactory(maintainer=enschede)
    party.public_interest = "Gewijzigd"
    writes.save(user=griffie, record=party, changed={"public_interest"})
    url = reverse("admin:partnerships_party_history", args=[party.pk])
    account = reverse("admin:auth_user_change", args=[griffie.pk])
    as_griffie = client_for(griffie).get(url).content.decode()
    assert griffie.username in as_griffie and account not in as_griffie
    as_admin = client_for(factories.admin_user()).get(url).content.decode()
    assert account in as_admin
    assert Party.history.filter(id=party.pk).count() == 2
