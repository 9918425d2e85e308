"""The security headers of every response (issue 17, point 5; README "Security", "Headers").

Content-Security-Policy by django-csp: the policy in settings.CONTENT_SECURITY_POLICY holds for
every page, no inline script or style anywhere the registry renders itself. Two kinds of page
are not the registry's own and get a wider policy here, by the URL they resolve to:

- the Django admin: its change list puts one inline <style> in the page when a list has no
  actions (admin/change_list.html); that exact block is allowed by its hash, nothing else;
  with single sign-on on, its sign-out form goes on to the identity provider's end-session
  page, so the provider's origin is allowed as a form action;
- the API documentation (Swagger UI, Redoc from drf-spectacular): inline script and style
  and data: images are how those bundles work.

Permissions-Policy has no Django setting: a small middleware adds it. Referrer-Policy and
Cross-Origin-Opener-Policy come from Django's SecurityMiddleware (settings).
"""

import base64
import hashlib
import re
from functools import cache
from pathlib import Path
from urllib.parse import urlsplit

import django
from csp.middleware import CSPMiddleware, PolicyParts
from django.conf import settings
from django.shortcuts import render
from django.utils.translation import gettext as _

# The browser features no page of the registry uses: refused for the page and its frames.
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "camera",
        "geolocation",
        "gyroscope",
        "magnetometer",
        "microphone",
        "payment",
        "usb",
        "interest-cohort",
        "browsing-topics",
    )
)
API_DOCS = {"swagger", "redoc"}  # url names in the "api" namespace


@cache
def admin_change_list_style_hash() -> str:
    """'sha256-…' of the one inline <style> Django's admin change list renders, read from the
    installed Django, so an upgrade that changes it changes the hash with it."""
    template = Path(django.__file__).parent / "contrib/admin/templates/admin/change_list.html"
    blocks = re.findall(r"<style>(.*?)</style>", template.read_text(), flags=re.S)
    return " ".join(
        f"'sha256-{base64.b64encode(hashlib.sha256(b.encode()).digest()).decode()}'" for b in blocks
    )


def _wider_policy(request) -> dict | None:
    match = getattr(request, "resolver_match", None)
    if match is None:
        return None
    if match.app_name == "admin" or match.namespace == "admin":
        wider = {"style-src": [admin_change_list_style_hash()]}
        if settings.OIDC_ISSUER:
            issuer = urlsplit(settings.OIDC_ISSUER)
            wider["form-action"] = ["'self'", f"{issuer.scheme}://{issuer.netloc}"]
        return wider
    if match.namespace == "api" and match.url_name in API_DOCS:
        return {
            "script-src": ["'unsafe-inline'"],
            "style-src": ["'unsafe-inline'"],
            "worker-src": ["'self'", "blob:"],
        }
    return None


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    """django-csp's middleware, with the wider policy of the admin and the API docs."""

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        wider = None if report_only else _wider_policy(request)
        if wider and parts.update is None:
            return PolicyParts(parts.config, wider, parts.replace, parts.nonce)
        return parts


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


class RequestSizeMiddleware:
    """Refuses a request whose body is larger than REQUEST_MAX_BYTES before anything reads it,
    with the registry's own page and status 413 (the proxy should have the same cap)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.REQUEST_MAX_BYTES:
            return too_large(request)
        return self.get_response(request)


def too_large(request):
    megabytes = settings.REQUEST_MAX_BYTES // (1024 * 1024)
    return render(
        request,
        "413.html",
        {
            "message": _(
                "Het verzoek is te groot: dit register neemt ten hoogste %(mb)s MB per keer aan. "
                "Maak het bestand kleiner of verdeel het over meer bestanden."
            )
            % {"mb": megabytes}
        },
        status=413,
    )
