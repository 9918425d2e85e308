"""The audit trail's one writer (registry/audit.py): who, when, what, from where."""

import pytest
from django.contrib.auth import get_user_model
from django.test import RequestFactory

from registry import audit
from registry.models import AuditAction, AuditEvent

pytestmark = pytest.mark.django_db


def test_record_takes_user_and_address_from_the_request():
    user = get_user_model().objects.create_user("griffie.a", password="x" * 20)
    request = RequestFactory().get("/", REMOTE_ADDR="192.0.2.7")
    request.user = user

    audit.record(action=AuditAction.EXPORT_DOWNLOADED, request=request, target="Deelnames (XLSX)")

    event = AuditEvent.objects.get()
    assert (event.user, event.username, event.address) == (user, "griffie.a", "192.0.2.7")
    assert event.get_action_display() == "export gedownload"
    assert event.target == "Deelnames (XLSX)"


def test_a_failed_sign_in_keeps_the_name_typed_and_survives_a_deleted_account():
    user = get_user_model().objects.create_user("raad.b", password="x" * 20)
    audit.record(action="sign_in_failed", username="raad.b", request=RequestFactory().get("/"))
    audit.record(action="sign_in", user=user)
    user.delete()

    assert list(AuditEvent.objects.order_by("pk").values_list("username", "user")) == [
        ("raad.b", None),
        ("raad.b", None),
    ]


def test_an_unknown_action_is_refused():
    with pytest.raises(ValueError):
        audit.record(action="whatever")
