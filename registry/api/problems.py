"""Errors as problem details (RFC 9457, `application/problem+json`) with a Dutch title and
detail; a validation error names each parameter or field in `invalidParams`."""

import math

from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, serializers, status
from rest_framework.response import Response
from rest_framework.views import APIView, set_rollback

CONTENT_TYPE = "application/problem+json"

TITLES = {
    400: "Ongeldige vraag",
    401: "Niet aangemeld",
    403: "Geen toegang",
    404: "Niet gevonden",
    405: "Methode niet toegestaan",
    406: "Niet leverbaar in dit formaat",
    415: "Formaat niet ondersteund",
    422: "Niet te verwerken",
    429: "Te veel verzoeken",
    500: "Interne fout",
}


class InvalidParamSerializer(serializers.Serializer):
    name = serializers.CharField(help_text="Het pad van de parameter of het veld.")
    code = serializers.CharField()
    reason = serializers.CharField()


class ProblemSerializer(serializers.Serializer):
    """Een fout als problem details (RFC 9457): type, titel, status, uitleg en de velden
    die niet klopten."""

    # the docstring is the schema's description, which the API's users read: in Dutch

    type = serializers.CharField()
    title = serializers.CharField()
    status = serializers.IntegerField()
    detail = serializers.CharField()
    instance = serializers.CharField()
    invalidParams = InvalidParamSerializer(many=True, required=False)


def _invalid_params(detail, prefix: str = "") -> list[dict]:
    """A ValidationError's detail as a flat list: {name, code, reason} per message."""
    if isinstance(detail, dict):
        return [
            param
            for name, value in detail.items()
            for param in _invalid_params(
                value, f"{prefix}.{name}" if prefix and name != "non_field_errors" else name
            )
        ]
    if isinstance(detail, list):
        params = []
        for index, value in enumerate(detail):
            nested = isinstance(value, dict | list)
            params.extend(_invalid_params(value, f"{prefix}.{index}" if nested else prefix))
        return params
    return [
        {"name": prefix or "", "code": getattr(detail, "code", "invalid"), "reason": str(detail)}
    ]


def problem(request, code: int, detail: str, **extra) -> Response:
    body = {
        "type": "about:blank",
        "title": TITLES.get(code, _("Fout")),
        "status": code,
        "detail": detail,
        "instance": request.get_full_path() if request is not None else "",
        **extra,
    }
    return Response(body, status=code, content_type=CONTENT_TYPE)


def _throttled(wait) -> str:
    if wait is None:
        return _("Te veel verzoeken; probeer het later opnieuw.")
    return _("Te veel verzoeken; probeer het over %(seconds)d seconden opnieuw.") % {
        "seconds": max(1, math.ceil(wait))
    }


def exception_handler(exc, context):
    """DRF's EXCEPTION_HANDLER: every error of an API view as problem details."""
    request = context.get("request")
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("Dit gegeven bestaat niet of is niet openbaar."))
    elif isinstance(exc, PermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or None)
    if not isinstance(exc, exceptions.APIException):
        return None  # a bug: Django's 500 (logged), not a silent answer
    set_rollback()
    if isinstance(exc, exceptions.Throttled):
        response = problem(request, exc.status_code, _throttled(exc.wait))
    elif isinstance(exc, exceptions.ValidationError):
        response = problem(
            request,
            status.HTTP_400_BAD_REQUEST,
            _("Een of meer parameters zijn ongeldig."),
            invalidParams=_invalid_params(exc.detail),
        )
    else:
        detail = exc.detail if isinstance(exc.detail, str) else str(exc.default_detail)
        response = problem(request, exc.status_code, str(detail))
    if getattr(exc, "auth_header", None):
        response["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        response["Retry-After"] = str(max(1, math.ceil(exc.wait)))
    return response


class NotFoundView(APIView):
    """Any other address under /api/v1/: a 404 as problem details, not the HTML page."""

    schema = None
    permission_classes = []

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        raise exceptions.NotFound(_("Op dit adres staat niets in de API."))
