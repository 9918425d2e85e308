"""What the provider's claims say about a user: the account's name, and the roles its groups
give (role + organisation by CBS code), read from the configured claims. No database here:
`roles.sync` writes what this reads.

A group gives a role in one of two ways:
- by its name, `{OIDC_GROUP_PREFIX}{role}-{CBS code}`: "vp-griffie-GM0153" is the griffie of
  GM0153 (role: griffie, financien/finance, raad/council, toezicht/supervisor);
- by an entry of OIDC_GROUP_MAP, `group=role:CBS code`, for providers that send group ids
  (Entra ID sends object ids): "5f1c…=finance:GM0153".
Administrator (a Django superuser) only through a group in OIDC_ADMIN_GROUPS; with none
configured no claim ever makes anyone an administrator."""

import re
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from registry.models import RoleKind

ROLE_WORDS = {
    "griffie": RoleKind.GRIFFIE,
    "financien": RoleKind.FINANCE,
    "finance": RoleKind.FINANCE,
    "raad": RoleKind.COUNCIL,
    "council": RoleKind.COUNCIL,
    "toezicht": RoleKind.SUPERVISOR,
    "supervisor": RoleKind.SUPERVISOR,
}
_CBS_CODE = r"[A-Za-z]{2}\d{2,4}"


@dataclass(frozen=True)
class GroupRole:
    """A role one group gives: `kind` (RoleKind) for the organisation with `cbs_code`."""

    group: str
    kind: str
    cbs_code: str


def claimed_username(claims: dict) -> str:
    value = claims.get(settings.OIDC_USERNAME_CLAIM)
    return value.strip() if isinstance(value, str) else ""


def claimed_groups(claims: dict) -> list[str]:
    """The groups claim as a list: a list of names, or one name. Keycloak's full group path
    ("/vp-griffie-GM0153") counts without its leading slash."""
    value = claims.get(settings.OIDC_GROUPS_CLAIM)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list):
        return []
    return [group.strip().lstrip("/") for group in value if isinstance(group, str)]


def _role_kind(word: str) -> str | None:
    return ROLE_WORDS.get(word.strip().lower())


def group_map() -> dict[str, GroupRole]:
    """OIDC_GROUP_MAP (`group=role:CBS code` entries) as group -> GroupRole."""
    mapped = {}
    for entry in settings.OIDC_GROUP_MAP:
        group, _, target = entry.rpartition("=")
        word, _, code = target.partition(":")
        kind = _role_kind(word)
        if not group.strip() or kind is None or not re.fullmatch(_CBS_CODE, code.strip()):
            raise ImproperlyConfigured(
                f"REGISTRY_OIDC_GROUP_MAP: “{entry}” is niet groep=rol:CBS-code "
                f"(rol: {', '.join(sorted(ROLE_WORDS))})."
            )
        mapped[group.strip()] = GroupRole(group.strip(), kind, code.strip().upper())
    return mapped


def _named_role(group: str) -> GroupRole | None:
    prefix = settings.OIDC_GROUP_PREFIX
    if not prefix:
        return None
    match = re.fullmatch(
        re.escape(prefix) + rf"(?P<word>[A-Za-zë]+)-(?P<code>{_CBS_CODE})", group, re.IGNORECASE
    )
    if not match:
        return None
    kind = _role_kind(match["word"].replace("ë", "e"))
    return GroupRole(group, kind, match["code"].upper()) if kind else None


def roles_from_claims(claims: dict) -> list[GroupRole]:
    """The roles the user's groups give, in the order of the claim (one per group)."""
    mapped = group_map()
    found = []
    for group in claimed_groups(claims):
        role = mapped.get(group) or _named_role(group)
        if role is not None:
            found.append(role)
    return found


def roles_managed() -> bool:
    """Roles come from the groups claim (True), or an administrator gives them (False)."""
    return bool(settings.OIDC_GROUPS_CLAIM)


def admin_from_claims(claims: dict) -> bool | None:
    """Whether the groups make the user an administrator; None when no group is configured
    to (the administrator flag is then never touched by a sign-in)."""
    admin_groups = {group.strip().lstrip("/") for group in settings.OIDC_ADMIN_GROUPS}
    if not admin_groups or not roles_managed():
        return None
    return bool(admin_groups & set(claimed_groups(claims)))
