"""The provider's endpoints: each from its own setting when given, otherwise from the
provider's metadata at `{issuer}/.well-known/openid-configuration` (OpenID Connect Discovery
1.0, §4), fetched once and kept in the cache for OIDC_DISCOVERY_CACHE_SECONDS."""

import requests
from django.conf import settings
from django.core.cache import cache

# Setting (mozilla-django-oidc's name) -> the provider metadata's field.
ENDPOINTS = {
    "OIDC_OP_AUTHORIZATION_ENDPOINT": "authorization_endpoint",
    "OIDC_OP_TOKEN_ENDPOINT": "token_endpoint",
    "OIDC_OP_USER_ENDPOINT": "userinfo_endpoint",
    "OIDC_OP_JWKS_ENDPOINT": "jwks_uri",
    "OIDC_OP_LOGOUT_ENDPOINT": "end_session_endpoint",
}


class ProviderUnavailable(Exception):
    """The provider's metadata could not be read, or is not the configured issuer's."""


def metadata_url(issuer: str) -> str:
    return f"{issuer}/.well-known/openid-configuration"


def _cache_key(issuer: str) -> str:
    return f"registry.sso.discovery:{issuer}"


def provider_metadata() -> dict:
    issuer = settings.OIDC_ISSUER
    metadata = cache.get(_cache_key(issuer))
    if metadata is not None:
        return metadata
    try:
        response = requests.get(metadata_url(issuer), timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        metadata = response.json()
    except (requests.RequestException, ValueError) as error:
        raise ProviderUnavailable(f"{metadata_url(issuer)}: {error}") from error
    # Discovery §4.3: the issuer in the metadata must be exactly the one asked for.
    if not isinstance(metadata, dict) or str(metadata.get("issuer", "")).rstrip("/") != issuer:
        raise ProviderUnavailable(f"{metadata_url(issuer)} names another issuer")
    cache.set(_cache_key(issuer), metadata, settings.OIDC_DISCOVERY_CACHE_SECONDS)
    return metadata


def endpoint(setting: str) -> str | None:
    """The URL of one endpoint (a key of ENDPOINTS); None when the provider has none (a
    provider without end_session_endpoint: no logout at the provider)."""
    explicit = getattr(settings, setting, "")
    if explicit:
        return explicit
    return provider_metadata().get(ENDPOINTS[setting]) or None


def forget() -> None:
    cache.delete(_cache_key(settings.OIDC_ISSUER))
