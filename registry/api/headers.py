"""The `API-Version` header on every answer under /api/ (Dutch API Design Rules), also on
errors that never reach a DRF view; and conditional requests on the API's answers."""

import datetime

from django.conf import settings
from django.middleware.http import ConditionalGetMiddleware
from django.utils.http import http_date

from registry.api import API_VERSION

PREFIX = "/api/"


def deprecation_headers() -> dict[str, str]:
    """When v1 is announced to end (settings.API_V1_DEPRECATED_ON / API_V1_SUNSET_ON, from
    REGISTRY_API_V1_DEPRECATED_ON / _SUNSET_ON as JJJJ-MM-DD): `Deprecation` (RFC 9745, the
    moment as @seconds), `Sunset` (RFC 8594, an HTTP date) and a `Link` to the changelog that
    says what replaces it. Nothing while v1 is current."""
    headers = {}
    deprecated, sunset = settings.API_V1_DEPRECATED_ON, settings.API_V1_SUNSET_ON
    if deprecated:
        moment = datetime.datetime.combine(deprecated, datetime.time(), datetime.UTC)
        headers["Deprecation"] = f"@{int(moment.timestamp())}"
        if settings.API_CHANGELOG_URL:
            headers["Link"] = f'<{settings.API_CHANGELOG_URL}>; rel="deprecation"'
    if sunset:
        moment = datetime.datetime.combine(sunset, datetime.time(), datetime.UTC)
        headers["Sunset"] = http_date(moment.timestamp())
    return headers


class APIVersionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(PREFIX):
            response["API-Version"] = API_VERSION
            for name, value in deprecation_headers().items():
                response[name] = value
        return response


class ConditionalAPIMiddleware(ConditionalGetMiddleware):
    """Under /api/: an ETag on every GET answer (of its body, so it differs per reader as
    the answer does) and 304 Not Modified to `If-None-Match` with the same tag. The answer is
    still computed; what is saved is sending it. The open-data files set their own ETag and
    Last-Modified from the register's version, and answer 304 before building anything."""

    def process_response(self, request, response):
        if not request.path.startswith(PREFIX):
            return response
        return super().process_response(request, response)
