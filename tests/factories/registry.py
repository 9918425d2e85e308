"""Factories of the kernel: organisations, population figures, users and their roles."""

import datetime

import factory
from django.contrib.auth import get_user_model

from registry.access import ServerAdministrator
from registry.models import APIToken, Organisation, OrganisationKind, PopulationFigure, Role


class ProvinceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation
        django_get_or_create = ("cbs_code",)

    kind = OrganisationKind.PROVINCE
    name = factory.Sequence(lambda n: f"Provincie {n}")
    cbs_code = factory.Sequence(lambda n: f"PV{40 + n % 60:02d}")


class MunicipalityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    kind = OrganisationKind.MUNICIPALITY
    name = factory.Sequence(lambda n: f"Gemeente {n}")
    cbs_code = factory.Sequence(lambda n: f"GM{6000 + n:04d}")
    province = factory.SubFactory(ProvinceFactory)


class PopulationFigureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PopulationFigure

    organisation = factory.SubFactory(MunicipalityFactory)
    year = 2026
    reference_date = factory.LazyAttribute(lambda o: datetime.date(o.year, 1, 1))
    inhabitants = 50_000
    households = 22_000


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    is_staff = True
    password = factory.django.Password("geheim-wachtwoord")


def user_with_role(kind: str, organisation: Organisation):
    user = UserFactory()
    Role.objects.create(user=user, organisation=organisation, kind=kind)
    return user


def admin_user():
    return UserFactory(is_superuser=True)


# Who acts in a test that writes as the server's command line does (no user of its own).
SERVER = ServerAdministrator()


class RoleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Role

    user = factory.SubFactory(UserFactory)
    organisation = factory.SubFactory(MunicipalityFactory)
    kind = "griffie"


class APITokenFactory(factory.django.DjangoModelFactory):
    """A token whose key no test knows (tests/api/conftest.py `issue_token` gives one)."""

    class Meta:
        model = APIToken

    name = "Begrotingssoftware"
    prefix = factory.Sequence(lambda n: f"{n:08x}")
    secret_hash = "0" * 64
    organisation = factory.SubFactory(MunicipalityFactory)
