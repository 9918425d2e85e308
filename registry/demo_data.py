"""Demo organisations and one demo user per role, from fixtures/demo/organisations.toml, and
the rule every app's demo loader follows (`upsert` with a `DemoReport`).

Loading is idempotent: records are matched on their natural key (CBS code, username) and
updated, so running it twice leaves one copy. Every record passes full_clean(), so the demo
data obeys the same rules as the admin and the import.

**The demo updates only what it owns.** A record is the demo's while its history says that
its last change was made by no person: by the loader itself (reason "Demodata") or by the
server. Once a user changed it (in the admin, through an import), the loader leaves it
alone and says so; a demo record that cannot be created because of what users added (an
imported participation overlapping the demo's) is reported with the model's own reason and
skipped. So `make run` always starts, whatever was done in the register before.
"""

import datetime
import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models

from registry.models import Organisation, OrganisationKind, Role, RoleKind

DEMO_DIR = Path(__file__).resolve().parent.parent / "fixtures" / "demo"
DEMO_REASON = "Demodata"


@dataclass
class DemoReport:
    """What one load left alone (changed by users) and what it could not write (conflicts)."""

    kept: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)

    def keep(self, record: models.Model, why: str) -> None:
        self.kept.append(f"{_describe(record)}: {why}")

    def conflict(self, record: models.Model, problem: str) -> None:
        self.conflicts.append(f"{_describe(record)}: {problem}")

    def lines(self) -> list[str]:
        lines = []
        if self.kept:
            lines.append(f"Door gebruikers gewijzigd, niet overschreven ({len(self.kept)}):")
            lines += [f"  {line}" for line in self.kept]
        if self.conflicts:
            lines.append(
                f"Niet geladen: botst met wat gebruikers vastlegden ({len(self.conflicts)}):"
            )
            lines += [f"  {line}" for line in self.conflicts]
        return lines


def _describe(record: models.Model) -> str:
    try:
        text = str(record)
    except Exception:  # a record that is not complete yet
        text = ""
    return f"{record._meta.verbose_name} {text}".strip()


def _messages(error: ValidationError) -> str:
    return " ".join(message for message in error.messages)


def last_change_by_user(record: models.Model):
    """The user who made the last change to `record`, when a person did; otherwise None
    (no history, or the last change was the demo loader's or another server command's
    without a user and with no reason of its own)."""
    history = getattr(record, "history", None)
    if history is None or record.pk is None:
        return None
    last = history.order_by("-history_date", "-history_id").first()
    if last is None:
        return None
    reason = last.history_change_reason or ""
    if last.history_user_id is None and reason in ("", DEMO_REASON):
        return None
    return last.history_user or reason


def owned_by_demo(record: models.Model) -> bool:
    return last_change_by_user(record) is None


def _differs(record: models.Model, values: dict) -> bool:
    return any(getattr(record, name) != value for name, value in values.items())


def upsert(
    model: type[models.Model],
    match: dict,
    values: dict,
    *,
    report: DemoReport,
    fallback: dict | None = None,
) -> models.Model | None:
    """The record matching `match` (or, when none does, the one record matching
    `fallback`), created or updated with `values` and checked by full_clean(). A record a
    user changed last is returned as it is (and reported); a record that cannot be
    written is reported and None returned. Nothing is saved when nothing differs."""
    record = model.objects.filter(**match).first()
    if record is None and fallback:
        candidates = list(model.objects.filter(**fallback)[:2])
        record = candidates[0] if len(candidates) == 1 else None
    if record is not None:
        who = last_change_by_user(record)
        if who is not None:
            report.keep(record, f"laatst gewijzigd door {who}")
            return record
        if not _differs(record, values):
            return record
    else:
        record = model(**match)
    for name, value in values.items():
        setattr(record, name, value)
    try:
        record.full_clean()
    except ValidationError as error:
        report.conflict(record, _messages(error))
        return None
    record._change_reason = DEMO_REASON
    record.save()
    return record


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


def load_organisations(report: DemoReport) -> dict[str, Organisation]:
    """Provinces and municipalities by CBS code (those a user changed, as they are)."""
    data = read_toml("organisations.toml")
    by_code = {}
    for row in data["provinces"]:
        by_code[row["code"]] = upsert(
            Organisation,
            {"cbs_code": row["code"]},
            {"name": row["name"], "kind": OrganisationKind.PROVINCE},
            report=report,
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
            report=report,
        )
    return {code: organisation for code, organisation in by_code.items() if organisation}


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
        if demo.role and demo.organisation in organisations:
            values = {"user": user, "organisation": organisations[demo.organisation]}
            role = Role.objects.filter(**values, kind=demo.role).first()
            if role is None:
                role = Role(**values, kind=demo.role)
                role.full_clean()
                role.save()
    return list(DEMO_USERS)
