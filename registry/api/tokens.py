"""API keys on the wire: `Authorization: Token <key>` (or `Bearer <key>`) authenticates a
call as the token's user or organisation (registry.tokens), and every call made with a key
is written to the audit trail once the answer is known (TokenUseMiddleware)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions

from registry import tokens
from registry.models import APIToken

KEYWORDS = ("token", "bearer")


class TokenAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        words = authentication.get_authorization_header(request).split()
        if not words or words[0].decode("latin-1").lower() not in KEYWORDS:
            return None  # no key: the session, or anonymous
        if len(words) != 2:
            raise exceptions.AuthenticationFailed(
                _("Geef de API-sleutel zo mee: „Authorization: Token <sleutel>”.")
            )
        token = tokens.find(words[1].decode("latin-1"))
        if token is None:
            raise exceptions.AuthenticationFailed(
                _("Deze API-sleutel is onbekend, verlopen of ingetrokken.")
            )
        request._request.api_token = token  # for TokenUseMiddleware
        return tokens.acting_as(token), token

    def authenticate_header(self, request):
        return 'Token realm="api"'


def token_of(request):
    """The API token a (DRF) request was authenticated with, or None."""
    return request.auth if isinstance(request.auth, APIToken) else None


class TokenUseMiddleware:
    """After the answer: one audit line for a call made with a token (its status too, a
    refusal or a 429 included)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        token = getattr(request, "api_token", None)
        if token is not None:
            tokens.record_use(token, request, response.status_code)
        return response
