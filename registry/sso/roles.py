"""A sign-in through the identity provider brings the account in line with its claims: name
and e-mail from the profile claims, and, when roles come from the groups claim
(claims.roles_managed), the roles its groups give, added and removed through
registry.writes (the write check, the history with the user and the group as reason).

A group naming an unknown organisation, or a role the organisation cannot have (a supervisor
of a municipality), gives nothing; it is logged. When roles are given by an administrator,
a sign-in never touches them."""

import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from registry import access, writes
from registry.models import Organisation, Role
from registry.sso import claims as sso_claims

logger = logging.getLogger(__name__)

PROFILE_CLAIMS = {"first_name": "given_name", "last_name": "family_name", "email": "email"}


@dataclass
class Changes:
    added: list[Role] = field(default_factory=list)
    removed: list[Role] = field(default_factory=list)
    ignored: list[str] = field(default_factory=list)  # groups that gave nothing, and why
    admin: bool | None = None  # the administrator flag as set now; None: not touched


def update_profile(user, claims: dict) -> None:
    changed = []
    for attribute, claim in PROFILE_CLAIMS.items():
        value = claims.get(claim)
        if isinstance(value, str) and value.strip():
            limit = user._meta.get_field(attribute).max_length
            value = value.strip()[:limit]
            if getattr(user, attribute) != value:
                setattr(user, attribute, value)
                changed.append(attribute)
    if changed:
        user.save(update_fields=changed)


def _wanted(claimed, changes: Changes) -> dict[tuple[str, int], str]:
    """(kind, organisation id) -> the group that gives it, of the organisations that exist."""
    organisations = {
        org.cbs_code: org
        for org in Organisation.objects.filter(cbs_code__in={r.cbs_code for r in claimed})
    }
    wanted = {}
    for role in claimed:
        organisation = organisations.get(role.cbs_code)
        if organisation is None:
            changes.ignored.append(f"{role.group}: geen organisatie met CBS-code {role.cbs_code}")
            continue
        wanted.setdefault((role.kind, organisation.pk), role.group)
    return wanted


@transaction.atomic
def sync(user, claims: dict) -> Changes:
    """Bring `user` (saved) in line with `claims`."""
    changes = Changes()
    update_profile(user, claims)
    if not sso_claims.roles_managed():
        return changes
    acting = access.for_sign_in(user)
    wanted = _wanted(sso_claims.roles_from_claims(claims), changes)
    held = {(role.kind, role.organisation_id): role for role in Role.objects.filter(user=user)}
    for key, role in held.items():
        if key not in wanted:
            writes.delete(
                user=acting, record=role, reason="Niet meer in de groep bij de identiteitsprovider"
            )
            changes.removed.append(role)
    for (kind, organisation_id), group in wanted.items():
        if (kind, organisation_id) in held:
            continue
        role = Role(user=user, organisation_id=organisation_id, kind=kind)
        try:
            with transaction.atomic():
                writes.save(
                    user=acting, record=role, reason=f"Groep {group} bij de identiteitsprovider"
                )
        except ValidationError as error:
            changes.ignored.append(f"{group}: {' '.join(error.messages)}")
            continue
        changes.added.append(role)
    admin = sso_claims.admin_from_claims(claims)
    if admin is not None and user.is_superuser != admin:
        user.is_superuser = admin
        user.save(update_fields=["is_superuser"])
    changes.admin = admin
    for reason in changes.ignored:
        logger.warning("Aanmelding van %s: groep gaf geen rol (%s)", user.get_username(), reason)
    user.__dict__.pop("_registry_grants", None)
    user.__dict__.pop("_registry_object_checks", None)
    return changes
