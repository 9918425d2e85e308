"""A refused form (CSRF) answers with the registry's own 403 page (templates/403.html) and
says what to do, instead of Django's English "Forbidden"."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext as _
from django.views.defaults import permission_denied


def csrf_failure(request, reason=""):
    return permission_denied(
        request,
        PermissionDenied(
            _(
                "Het formulier is verlopen of kwam niet van deze pagina (beveiliging tegen "
                "vervalste verzoeken). Laad de pagina opnieuw en probeer het nog eens; sta "
                "cookies toe voor dit register."
            )
        ),
    )
