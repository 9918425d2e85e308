"""The authentication backend of a sign-in through the identity provider. Its dotted path,
`registry.sso.backend.RegistryOIDCBackend` (settings.SSO_BACKEND), is what Django keeps in
the session (BACKEND_SESSION_KEY); the two-factor check skips such sessions, the provider
does its own MFA.

Beyond mozilla-django-oidc's backend: the endpoints from discovery (resolved when used, so a
password sign-in never waits on the provider), the ID token's issuer and audience checked
(OpenID Connect Core 1.0 §3.1.3.7, items 2 and 3), the claims of the ID token and the
userinfo endpoint together (Entra ID sends groups and app roles only in the ID token), the
account named by one configured claim, and the account brought in line with the claims on
every sign-in (registry/sso/roles.py). Nobody gets rights from signing in alone."""

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.db import transaction
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

from registry import sso
from registry.sso import claims as sso_claims
from registry.sso import discovery, roles


class _Endpoint:
    def __set_name__(self, owner, name):
        self.setting = name

    def __get__(self, backend, owner=None):
        return discovery.endpoint(self.setting)


class _Setting:
    def __set_name__(self, owner, name):
        self.setting = name

    def __get__(self, backend, owner=None):
        return getattr(settings, self.setting)


class RegistryOIDCBackend(OIDCAuthenticationBackend):
    OIDC_OP_TOKEN_ENDPOINT = _Endpoint()
    OIDC_OP_USER_ENDPOINT = _Endpoint()
    OIDC_OP_JWKS_ENDPOINT = _Endpoint()
    OIDC_RP_CLIENT_ID = _Setting()
    OIDC_RP_CLIENT_SECRET = _Setting()
    OIDC_RP_SIGN_ALGO = _Setting()
    OIDC_RP_IDP_SIGN_KEY = None

    def __init__(self, *args, **kwargs):
        # Django makes a backend for every sign-in and every request of a signed-in user:
        # nothing is read from the provider here.
        self.UserModel = get_user_model()

    def authenticate(self, request, **kwargs):
        # Only the callback's call (it passes the nonce it kept), never a password sign-in
        # that happens to carry ?code=&state= in its address.
        if not sso.enabled() or "nonce" not in kwargs:
            return None
        return super().authenticate(request, **kwargs)

    def retrieve_matching_jwk(self, token):
        """The provider's signing key; a token without a key id ("kid") is allowed when the
        provider has one key for the algorithm (OpenID Connect Core 1.0 §10.1)."""
        if "kid" in jwt.get_unverified_header(token):
            return super().retrieve_matching_jwk(token)
        response = requests.get(self.OIDC_OP_JWKS_ENDPOINT, timeout=settings.OIDC_TIMEOUT)
        response.raise_for_status()
        keys = [
            key
            for key in response.json().get("keys", [])
            if key.get("alg") in (None, self.OIDC_RP_SIGN_ALGO) and key.get("use") in (None, "sig")
        ]
        if len(keys) != 1:
            raise SuspiciousOperation("token without kid, provider without one signing key")
        return jwt.PyJWK(keys[0])

    def verify_token(self, token, **kwargs):
        payload = super().verify_token(token, **kwargs)
        issuer = str(payload.get("iss", "")).rstrip("/")
        audience = payload.get("aud")
        audience = audience if isinstance(audience, list) else [audience]
        if issuer != settings.OIDC_ISSUER or settings.OIDC_RP_CLIENT_ID not in audience:
            raise SuspiciousOperation("ID token of another issuer or client")
        return payload

    def get_userinfo(self, access_token, id_token, payload):
        """The ID token's claims, with what the userinfo endpoint adds (for the same subject,
        Core §5.3.2); the ID token's own claims win."""
        claims = dict(payload)
        if self.OIDC_OP_USER_ENDPOINT:
            userinfo = super().get_userinfo(access_token, id_token, payload)
            if userinfo.get("sub") != payload.get("sub"):
                raise SuspiciousOperation("userinfo of another subject")
            claims = {**userinfo, **claims}
        return claims

    def verify_claims(self, claims):
        return bool(sso_claims.claimed_username(claims))

    def filter_users_by_claims(self, claims):
        username = sso_claims.claimed_username(claims)
        return self.UserModel._default_manager.filter(**{self.UserModel.USERNAME_FIELD: username})

    def describe_user_by_claims(self, claims):
        return f"{settings.OIDC_USERNAME_CLAIM} {sso_claims.claimed_username(claims)}"

    @transaction.atomic
    def create_user(self, claims):
        """A new account, without a password (it signs in through the provider only)."""
        username = sso_claims.claimed_username(claims)
        if len(username) > self.UserModel._meta.get_field("username").max_length:
            raise SuspiciousOperation("username claim longer than a username")
        user = self.UserModel._default_manager.create_user(username)
        roles.sync(user, claims)
        return user

    def update_user(self, user, claims):
        if user.is_active:  # a switched-off account stays as it is (and is refused)
            roles.sync(user, claims)
        return user
