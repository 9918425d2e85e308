"""Throttling (DRF, counted in Django's cache): per API token and per anonymous address, at
the rates of settings.API_THROTTLE_RATES (from the environment: REGISTRY_API_RATE_TOKEN,
REGISTRY_API_RATE_ANONYMOUS). A signed-in browser session is not throttled here. Past the
rate the answer is 429 as problem details with Retry-After (registry/api/problems.py)."""

from django.conf import settings
from rest_framework.throttling import AnonRateThrottle, SimpleRateThrottle

from registry import audit
from registry.api.tokens import token_of


class _RateFromSettings:
    def get_rate(self):
        # read per call, not once at import, so that a changed setting applies
        return settings.API_THROTTLE_RATES[self.scope]


class TokenRateThrottle(_RateFromSettings, SimpleRateThrottle):
    scope = "token"

    def get_cache_key(self, request, view):
        token = token_of(request)
        if token is None:
            return None
        return self.cache_format % {"scope": self.scope, "ident": token.prefix}


class AnonymousRateThrottle(_RateFromSettings, AnonRateThrottle):
    """By the caller's address, the one the audit trail and the lockout use
    (REGISTRY_PROXY_COUNT); never an X-Forwarded-For entry the client wrote, which DRF would
    otherwise believe, so that a client cannot reset its count by sending another."""

    scope = "anonymous"

    def get_ident(self, request):
        return audit.client_address(request) or ""
