"""Demo organisations and one demo user per role, from fixtures/demo/organisations.toml.

Loading is idempotent: records are matched on their natural key (CBS code, username) and
updated, so running it twice leaves one copy. Every record passes full_clean(), so the demo
data obeys the same rules as the admin and the import.
"""

import datetime
import tomllib
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import models

from registry.models import Organisation, OrganisationKind, Role, RoleKind

DEMO_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "demo"


@dataclass(frozen=True)
class DemoUser:
    username: str
    description: str
    role: str | None  # None: administrator (superuser)
    organisation: str | None  # CBS code


DEMO_USERS = (
    DemoUser("griffie.enschede", "griffie van Enschede", RoleKind.GRIFFIE, "GM0153"),
    DemoUser("financien.enschede", "financiën van Enschede", RoleKind.FINANCE, "GM0153"),
    DemoUser("raad.enschede", "raadslid van Enschede", RoleKind.COUNCIL, "GM0153"),
    DemoUser("toezicht.overijssel", "provinciaal toezicht Overijssel", RoleKind.SUPERVISOR, "PV23"),
    DemoUser("beheerder", "beheerder", None, None),
)


def read_toml(name: str) -> dict:
    with open(DEMO_DIR / name, "rb") as handle:
        return tomllib.load(handle)


def _date(value) -> datetime.date | None:
    if value is None or isinstance(value, datetime.date):
        return value
    return datetime.date.fromisoformat(value)


def upsert(model: type[models.Model], match: dict, values: dict) -> models.Model:
    """The record matching `match`, created or updated with `values`, checked by full_clean()."""
    obj = model.objects.filter(**match).first() or model(**match)
    for field, value in values.items():
        setattr(obj, field, value)
    obj.full_clean()
    obj.save()
    return obj


def load_organisations() -> dict[str, Organisation]:
    """Provinces and municipalities by CBS code."""
    data = read_toml("organisations.toml")
    by_code = {}
    for row in data["provinces"]:
        by_code[row["code"]] = upsert(
            Organisation,
            {"cbs_code": row["code"]},
            {"name": row["name"], "kind": OrganisationKind.PROVINCE},
        )
    for row in data["municipalities"]:
        by_code[row["code"]] = upsert(
            Organisation,
            {"cbs_code": row["code"]},
            {
                "name": row["name"],
                "kind": OrganisationKind.MUNICIPALITY,
                "province": by_code[row["province"]],
                "start_date": _date(row.get("start_date")),
                "end_date": _date(row.get("end_date")),
                "publishes": row.get("publishes", False),
            },
        )
    return by_code


def create_demo_users(password: str, organisations: dict[str, Organisation]) -> list[DemoUser]:
    User = get_user_model()
    for demo in DEMO_USERS:
        user = User.objects.filter(username=demo.username).first() or User(username=demo.username)
        user.first_name = demo.description[0].upper() + demo.description[1:]
        user.last_name = "(demo)"
        user.email = f"{demo.username}@demo.invalid"  # send_reminders prints to the console
        user.is_staff = True
        user.is_superuser = demo.role is None
        user.set_password(password)
        user.save()
        if demo.role:
            values = {"user": user, "organisation": organisations[demo.organisation]}
            role = Role.objects.filter(**values, kind=demo.role).first()
            if role is None:
                role = Role(**values, kind=demo.role)
                role.full_clean()
                role.save()
    return list(DEMO_USERS)
