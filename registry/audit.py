"""The audit trail: one function writes it (`record`), whatever the door (admin, pages, API,
commands). Who, when, what and from where (BIO 12.4.1); the retention is a setting
(AUDIT_RETENTION_DAYS, see README "Security")."""

import datetime

from django.conf import settings
from django.utils import timezone

from registry.models import AuditAction, AuditEvent
from registry.signin.client_address import client_address as proxied_client_address

__all__ = ["AuditAction", "prune", "record"]


def client_address(request):
    """The address the request came from, the same one the lockout and the API's throttles
    count (registry/signin/client_address.py: behind REGISTRY_PROXY_COUNT proxies, read from
    the right of X-Forwarded-For); None outside a request (commands, the worker)."""
    if request is None:
        return None
    return proxied_client_address(request) or None


def record(*, action, request=None, user=None, username="", target="", detail=None, address=None):
    """Write one audit event. `user` defaults to the request's signed-in user; `username`
    to that user's name (give it for a failed sign-in, where there is no user); `address`
    to the request's (the worker gives the one of the request that started its job)."""
    if user is None and request is not None:
        candidate = getattr(request, "user", None)
        # a saved account only (an organisation's API token acts without one)
        if candidate is not None and candidate.is_authenticated and candidate.pk is not None:
            user = candidate
    if user is not None and not username:
        username = user.get_username()
    return AuditEvent.objects.create(
        action=AuditAction(action),
        user=user,
        username=username[:150],
        address=client_address(request) if request is not None else address,
        target=str(target)[:300],
        detail=detail or {},
    )


def prune(*, now=None, dry_run: bool = False) -> int:
    """Delete the events older than AUDIT_RETENTION_DAYS; the number deleted (or that would
    be). The only way an event leaves the trail: the admin deletes none."""
    now = now or timezone.now()
    old = AuditEvent.objects.filter(
        at__lt=now - datetime.timedelta(days=settings.AUDIT_RETENTION_DAYS)
    )
    if dry_run:
        return old.count()
    deleted, _per_model = old.delete()
    return deleted
