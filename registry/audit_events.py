"""The events the audit trail hears of by signal (issue 17, point 6), connected in
registry/apps.py: signing in and out, failed sign-ins, lockouts (django-axes, when installed),
roles given, changed or taken away and the administrator flag. Downloads, exports and imports
are recorded by their views, which know what was sent.

Who changed a role: the user the write went through (registry/writes.py sets it for the
history), else the signed-in user of the request being served (simple_history's middleware
keeps it), else nobody (a command)."""

from django.contrib.auth import get_user_model
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import post_delete, post_save, pre_save
from simple_history.models import HistoricalRecords

from registry import audit
from registry.models import AuditAction, Role


def _current_request():
    return getattr(HistoricalRecords.context, "request", None)


def _signed_in(sender, request, user, **kwargs):
    audit.record(action=AuditAction.SIGN_IN, request=request, user=user)


def _signed_out(sender, request, user, **kwargs):
    audit.record(action=AuditAction.SIGN_OUT, request=request, user=user)


def _sign_in_failed(sender, credentials, request=None, **kwargs):
    audit.record(
        action=AuditAction.SIGN_IN_FAILED,
        request=request,
        username=str(credentials.get("username", "")),
    )


def _locked_out(sender, request=None, username=None, ip_address=None, **kwargs):
    audit.record(
        action=AuditAction.LOCKED_OUT,
        request=request,
        username=username or "",
        detail={"adres": ip_address} if ip_address else None,
    )


def _role_write(role, change: str):
    request = _current_request()
    by = getattr(role, "_history_user", None)
    if by is None and request is not None and request.user.is_authenticated:
        by = request.user
    audit.record(
        action=AuditAction.ROLE_CHANGED,
        request=request,
        user=by,
        target=f"{role.user.get_username()}: {role.get_kind_display()} – {role.organisation}",
        detail={
            "wijziging": change,
            "account": role.user.get_username(),
            "rol": role.kind,
            "organisatie": str(role.organisation),
        },
    )


def _role_saved(sender, instance, created, raw=False, **kwargs):
    if not raw:
        _role_write(instance, "gegeven" if created else "gewijzigd")


def _role_deleted(sender, instance, **kwargs):
    _role_write(instance, "ingetrokken")


def _superuser_flag(sender, instance, raw=False, update_fields=None, **kwargs):
    """The administrator flag is a role too: given or taken away. (A save of other fields
    only, such as last_login at every sign-in, costs no query.)"""
    if raw or (update_fields is not None and "is_superuser" not in update_fields):
        return
    before = (
        sender._default_manager.filter(pk=instance.pk).values_list("is_superuser", flat=True)
        if instance.pk
        else []
    )
    if bool(before and before[0]) == instance.is_superuser:
        return
    request = _current_request()
    by = request.user if request is not None and request.user.is_authenticated else None
    audit.record(
        action=AuditAction.ROLE_CHANGED,
        request=request,
        user=by,
        target=f"{instance.get_username()}: beheerder",
        detail={
            "wijziging": "gegeven" if instance.is_superuser else "ingetrokken",
            "account": instance.get_username(),
            "rol": "beheerder",
        },
    )


def connect() -> None:
    uid = "registry.audit_events"
    user_logged_in.connect(_signed_in, dispatch_uid=f"{uid}.in")
    user_logged_out.connect(_signed_out, dispatch_uid=f"{uid}.out")
    user_login_failed.connect(_sign_in_failed, dispatch_uid=f"{uid}.failed")
    post_save.connect(_role_saved, sender=Role, dispatch_uid=f"{uid}.role_saved")
    post_delete.connect(_role_deleted, sender=Role, dispatch_uid=f"{uid}.role_deleted")
    pre_save.connect(_superuser_flag, sender=get_user_model(), dispatch_uid=f"{uid}.superuser")
    try:  # django-axes (lockout) is optional here: connected when it is installed
        from axes.signals import user_locked_out
    except ImportError:
        return
    user_locked_out.connect(_locked_out, dispatch_uid=f"{uid}.locked_out")
