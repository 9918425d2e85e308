"""API keys for systems (registry.models.APIToken): issuing one, finding it back from the key
a client sends, who it acts as, and recording each call made with it.

A key is `<prefix>.<secret>`: the prefix (8 hex characters) is stored to find the token, the
secret (32 random bytes) only as its SHA-256 hash; a random secret of that length needs no
slow hash (there is nothing to guess), and the hash is compared in constant time. The key is
shown once, when an administrator creates the token (registry/admin_tokens.py)."""

import datetime
import hashlib
import hmac
import secrets

from django.utils import timezone

from registry import access, audit
from registry.models import APIToken, AuditAction, RoleKind, TokenScope

SEPARATOR = "."
# last use is written at most this often per token; the audit trail has every call
LAST_USE_EVERY = datetime.timedelta(minutes=1)


def _hash(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(token: APIToken) -> str:
    """Give a new (unsaved) token its prefix and hashed secret; returns the key, which is
    not stored anywhere."""
    prefix = secrets.token_hex(4)
    while APIToken.objects.filter(prefix=prefix).exists():
        prefix = secrets.token_hex(4)
    secret = secrets.token_urlsafe(32)
    token.prefix, token.secret_hash = prefix, _hash(secret)
    return f"{prefix}{SEPARATOR}{secret}"


def revoke(token: APIToken) -> None:
    if token.revoked_at is None:
        token.revoked_at = timezone.now()
        token.save(update_fields=["revoked_at"])


def find(key: str) -> APIToken | None:
    """The valid token of `key` (not revoked, not expired, its user still active), else
    None. One query."""
    prefix, _separator, secret = key.partition(SEPARATOR)
    if not (prefix and secret):
        return None
    token = APIToken.objects.select_related("user", "organisation").filter(prefix=prefix).first()
    if token is None or not hmac.compare_digest(token.secret_hash, _hash(secret)):
        return None
    if not token.is_valid() or (token.user_id and not token.user.is_active):
        return None
    return token


class OrganisationPrincipal:
    """Who an organisation's token acts as: no account of its own (the history shows no
    user, the audit trail the token), with the roles of its scope for that organisation
    only. Read: what the organisation reads (as its council members do); write: what its
    griffie and finance keep. registry.access decides every row from these grants."""

    pk = None
    id = None
    is_authenticated = True
    is_active = True
    is_anonymous = False
    is_superuser = False
    is_staff = False

    def __init__(self, token: APIToken):
        self.token = token
        org = frozenset({token.organisation_id})
        if token.scope == TokenScope.WRITE:
            by_role = {RoleKind.GRIFFIE: org, RoleKind.FINANCE: org}
        else:
            by_role = {RoleKind.COUNCIL: org}
        self._registry_grants = access.Grants(by_role=by_role, readable=org)

    def get_username(self) -> str:
        return self.token.label

    def __str__(self):
        return self.get_username()


def acting_as(token: APIToken):
    """The user a token's calls are made as."""
    return token.user if token.user_id else OrganisationPrincipal(token)


def record_use(token: APIToken, request, status: int) -> None:
    """One line in the audit trail per call (method, path, status); the token's last use
    at most once a minute (one insert per call, an update now and then)."""
    audit.record(
        action=AuditAction.TOKEN_USED,
        request=request,
        user=token.user if token.user_id else None,
        username=token.user.get_username() if token.user_id else token.label,
        target=token.label,
        detail={"method": request.method, "path": request.get_full_path(), "status": status},
    )
    now = timezone.now()
    if token.last_used_at is None or now - token.last_used_at >= LAST_USE_EVERY:
        APIToken.objects.filter(pk=token.pk).update(last_used_at=now)
        token.last_used_at = now
