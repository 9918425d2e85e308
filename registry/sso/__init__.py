"""Single sign-on with the organisation's own identity provider (OpenID Connect, through
mozilla-django-oidc): the provider's endpoints (`discovery`), what its claims give a user
(`claims`, `roles`), the authentication backend (`backend`), the sign-in and callback views
(`views`) and the provider's logout (`logout`). Off when no issuer is configured
(settings.OIDC_ISSUER); README "Single sign-on (OpenID Connect)"."""

from django.conf import settings


def enabled() -> bool:
    return bool(settings.OIDC_ISSUER)
