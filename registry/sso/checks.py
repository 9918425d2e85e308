"""`manage.py check` (and every start of the server) refuses a single sign-on that cannot
work: an issuer without a client, an unreadable group map, a username claim missing."""

from django.conf import settings
from django.core.checks import Error, register
from django.core.exceptions import ImproperlyConfigured

from registry import sso
from registry.sso import claims


@register()
def sso_configuration(app_configs=None, **kwargs):
    if not sso.enabled():
        return []
    errors = []
    if not settings.OIDC_RP_CLIENT_ID:
        errors.append(
            Error(
                "REGISTRY_OIDC_ISSUER is gezet maar REGISTRY_OIDC_CLIENT_ID niet.",
                hint="Zet de client-id die de identiteitsprovider het register gaf.",
                id="registry.sso.E001",
            )
        )
    if not settings.OIDC_USERNAME_CLAIM:
        errors.append(
            Error(
                "REGISTRY_OIDC_USERNAME_CLAIM is leeg.",
                hint="Bijvoorbeeld sub (standaard), email of preferred_username.",
                id="registry.sso.E002",
            )
        )
    if settings.SSO_BACKEND not in settings.AUTHENTICATION_BACKENDS:
        errors.append(
            Error(
                f"{settings.SSO_BACKEND} staat niet in AUTHENTICATION_BACKENDS.",
                id="registry.sso.E003",
            )
        )
    try:
        claims.group_map()
    except ImproperlyConfigured as error:
        errors.append(Error(str(error), id="registry.sso.E004"))
    if settings.OIDC_ADMIN_GROUPS and not settings.OIDC_GROUPS_CLAIM:
        errors.append(
            Error(
                "REGISTRY_OIDC_ADMIN_GROUPS is gezet maar REGISTRY_OIDC_GROUPS_CLAIM niet.",
                hint="Beheerders komen alleen uit een groepenclaim.",
                id="registry.sso.E005",
            )
        )
    return errors
