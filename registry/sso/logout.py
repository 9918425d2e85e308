"""Signing out of a session that came through the identity provider also ends the session at
the provider, where the provider has an end_session_endpoint (OpenID Connect RP-Initiated
Logout 1.0, §2): the browser goes there with the ID token as hint and comes back to
`post_logout_redirect_uri` (which the provider must know; README)."""

import logging
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth import BACKEND_SESSION_KEY

from registry import sso
from registry.sso import discovery

logger = logging.getLogger(__name__)


def came_through_provider(request) -> bool:
    return request.session.get(BACKEND_SESSION_KEY) == settings.SSO_BACKEND


def end_session_url(request, back_to: str) -> str | None:
    """Where the browser goes to end the provider's session, returning to `back_to` (a path
    of this site); None when the session did not come through the provider or the provider
    has no end_session_endpoint. Read before the session is flushed."""
    if not (sso.enabled() and came_through_provider(request)):
        return None
    try:
        endpoint = discovery.endpoint("OIDC_OP_LOGOUT_ENDPOINT")
    except discovery.ProviderUnavailable as error:
        logger.warning("Afmelden bij de identiteitsprovider niet mogelijk: %s", error)
        return None
    if not endpoint:
        return None
    params = {
        "client_id": settings.OIDC_RP_CLIENT_ID,
        "post_logout_redirect_uri": request.build_absolute_uri(back_to),
    }
    id_token = request.session.get("oidc_id_token")
    if id_token:
        params["id_token_hint"] = id_token
    separator = "&" if "?" in endpoint else "?"
    return f"{endpoint}{separator}{urlencode(params)}"
