"""The audit trail records each event of issue 17, point 6 with who, what and from where;
only administrators read it, nobody changes it, and it exports to CSV (itself an event)."""

import csv
import datetime
import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from registry import audit, writes
from registry.models import AuditAction, AuditEvent, Role, RoleKind
from tests import factories
from tests.conftest import client_for, count_queries

pytestmark = pytest.mark.django_db
ADDRESS = "192.0.2.44"
QUERIES = 7


def events(action):
    return list(
        AuditEvent.objects.filter(action=action)
        .order_by("pk")
        .values_list("username", "address", "target")
    )


def role_events(account):
    return [
        event
        for event in AuditEvent.objects.filter(action=AuditAction.ROLE_CHANGED).order_by("pk")
        if event.detail["account"] == account
    ]


def sign_in(username, password="geheim-wachtwoord"):
    client = Client(REMOTE_ADDR=ADDRESS)
    client.post(reverse("admin:login"), {"username": username, "password": password})
    return client


def test_a_sign_in_a_failed_one_and_a_sign_out_are_recorded_with_the_address(enschede):
    user = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    sign_in(user.username, "fout-wachtwoord")
    client = sign_in(user.username)
    client.post(reverse("admin:logout"))

    assert events(AuditAction.SIGN_IN_FAILED) == [(user.username, ADDRESS, "")]
    assert events(AuditAction.SIGN_IN) == [(user.username, ADDRESS, "")]
    assert events(AuditAction.SIGN_OUT) == [(user.username, ADDRESS, "")]
    assert AuditEvent.objects.get(action=AuditAction.SIGN_IN).user == user


def test_a_lockout_by_django_axes_is_recorded():
    signals = pytest.importorskip("axes.signals", reason="django-axes is not installed")
    signals.user_locked_out.send(
        sender="axes", request=None, username="raad.x", ip_address="192.0.2.9"
    )
    event = AuditEvent.objects.get(action=AuditAction.LOCKED_OUT)
    assert (event.username, event.detail) == ("raad.x", {"adres": "192.0.2.9"})


def test_a_role_given_changed_and_taken_away_is_recorded_with_who_did_it(enschede, almelo):
    admin = factories.admin_user()
    user = factories.UserFactory(username="griffie.y")
    role = writes.save(
        user=admin, record=Role(user=user, organisation=enschede, kind=RoleKind.GRIFFIE)
    )
    role.organisation = almelo
    writes.save(user=admin, record=role)
    writes.delete(user=admin, record=role)

    rows = role_events("griffie.y")
    assert [(e.user, e.detail["wijziging"], e.detail["organisatie"]) for e in rows] == [
        (admin, "gegeven", str(enschede)),
        (admin, "gewijzigd", str(almelo)),
        (admin, "ingetrokken", str(almelo)),
    ]
    assert rows[0].target == f"griffie.y: Griffie (houdt het register bij) – {enschede}"


def test_a_role_and_the_administrator_flag_given_in_the_user_admin_are_recorded(enschede):
    admin = factories.admin_user()
    user = factories.UserFactory(username="fin.z")
    client = client_for(admin)
    response = client.post(
        reverse("admin:auth_user_change", args=[user.pk]),
        {
            "username": "fin.z",
            "is_active": "on",
            "is_superuser": "on",
            "registry_roles-TOTAL_FORMS": "1",
            "registry_roles-INITIAL_FORMS": "0",
            "registry_roles-0-organisation": enschede.pk,
            "registry_roles-0-kind": RoleKind.FINANCE,
        },
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    rows = role_events("fin.z")
    assert [(e.user, e.address, e.detail["rol"], e.detail["wijziging"]) for e in rows] == [
        (admin, ADDRESS, "beheerder", "gegeven"),
        (admin, ADDRESS, RoleKind.FINANCE, "gegeven"),
    ]


def test_the_download_of_a_checked_file_is_recorded(enschede):
    party = factories.PartyFactory(name="Regio Twente")
    factories.ParticipationFactory(party=party, organisation=enschede)
    basis = factories.LegalBasisFactory(
        party=party, document=ContentFile(b"%PDF-1.7 regeling", name="regeling.pdf")
    )
    user = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    url = reverse("protected_file", args=["partnerships", "legalbasis", basis.pk, "document"])
    response = client_for(user).get(url, REMOTE_ADDR=ADDRESS)
    assert response.status_code == 200
    event = AuditEvent.objects.get(action=AuditAction.FILE_DOWNLOADED)
    assert (event.user, event.address, event.detail["id"]) == (user, ADDRESS, basis.pk)
    assert event.target.startswith("regeling") and event.target.endswith(".pdf")


def test_the_paragraph_download_is_recorded(enschede):
    finance = factories.user_with_role(RoleKind.FINANCE, enschede)
    response = client_for(finance).get(
        reverse("partnerships:paragraph"),
        {"organisation": enschede.pk, "year": 2027, "variant": "begroting", "file_format": "docx"},
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 200
    event = AuditEvent.objects.get(action=AuditAction.PARAGRAPH_DOWNLOADED)
    assert (event.user, event.address) == (finance, ADDRESS)
    assert event.target.endswith(".docx") and "2027" in event.target
    assert event.detail["formaat"] == "docx" and event.detail["jaar"] == 2027


def test_only_administrators_read_the_audit_log_and_nobody_changes_it(enschede):
    audit.record(action=AuditAction.SIGN_IN, username="iemand")
    event = AuditEvent.objects.get()
    changelist = reverse("admin:registry_auditevent_changelist")
    detail = reverse("admin:registry_auditevent_change", args=[event.pk])
    for user in (
        factories.user_with_role(RoleKind.GRIFFIE, enschede),
        factories.user_with_role(RoleKind.SUPERVISOR, enschede.province),
    ):
        client = client_for(user)
        assert client.get(changelist).status_code == 403
        assert client.get(detail).status_code == 403
    admin = client_for(factories.admin_user())
    assert admin.get(changelist).status_code == 200
    page = admin.get(detail)
    assert page.status_code == 200 and "iemand" in page.content.decode()
    assert admin.get(reverse("admin:registry_auditevent_add")).status_code == 403
    assert (
        admin.get(reverse("admin:registry_auditevent_delete", args=[event.pk])).status_code == 403
    )
    admin.post(detail, {"username": "iemand anders"})
    event.refresh_from_db()
    assert event.username == "iemand"


def test_the_export_lists_the_events_and_is_itself_recorded():
    admin = factories.admin_user()
    first = audit.record(action=AuditAction.SIGN_IN_FAILED, username="raad.q")
    second = audit.record(
        action=AuditAction.EXPORT_DOWNLOADED,
        user=admin,
        target="deelnames.csv",
        detail={"formaat": "csv"},
    )
    response = client_for(admin).post(
        reverse("admin:registry_auditevent_changelist"),
        {"action": "export_csv", "_selected_action": [first.pk, second.pk]},
        REMOTE_ADDR=ADDRESS,
    )
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0] == ["tijdstip", "gebeurtenis", "gebruikersnaam", "adres", "waarover", "details"]
    assert [row[1:] for row in rows[1:]] == [
        ["aanmelden mislukt", "raad.q", "", "", ""],
        ["export gedownload", admin.username, "", "deelnames.csv", "formaat: csv"],
    ]
    assert rows[1][0] == timezone.localtime(first.at).strftime("%d-%m-%Y %H:%M:%S")
    exported = AuditEvent.objects.filter(target="auditlog.csv").get()
    assert (exported.user, exported.address, exported.detail) == (
        admin,
        ADDRESS,
        {"gebeurtenissen": 2},
    )


def test_prune_deletes_only_events_past_the_retention(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    old = audit.record(action=AuditAction.SIGN_IN, username="oud")
    AuditEvent.objects.filter(pk=old.pk).update(at=timezone.now() - datetime.timedelta(days=31))
    audit.record(action=AuditAction.SIGN_IN, username="nieuw")
    out = io.StringIO()
    call_command("prune_audit_events", "--dry-run", stdout=out)
    assert "ouder dan 30 dagen die verwijderd zouden worden: 1." in out.getvalue()
    assert AuditEvent.objects.count() == 2
    call_command("prune_audit_events", stdout=io.StringIO())
    assert list(AuditEvent.objects.values_list("username", flat=True)) == ["nieuw"]
    assert get_user_model().objects.count() == 0


@pytest.mark.parametrize("extra", [0, 30])
def test_the_audit_log_list_has_a_fixed_number_of_queries(extra):
    admin = client_for(factories.admin_user())
    for number in range(extra):
        audit.record(action=AuditAction.SIGN_IN_FAILED, username=f"iemand{number}")
    # session, user, count, rows, the date hierarchy (range, days), the accounts to filter on
    assert count_queries(admin, reverse("admin:registry_auditevent_changelist")) == QUERIES
