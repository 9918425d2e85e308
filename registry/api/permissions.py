"""Who may call the API: anyone may read (what they read is decided per row by
registry.access); a write needs a signed-in session or a token of scope `schrijven`, and is
then judged record by record by the services' one write check. Resources without writes in
this version refuse every other method."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions, permissions

from registry.api.tokens import token_of
from registry.models import TokenScope


class ReadOnly(permissions.BasePermission):
    message = _(
        "Dit deel van de API is alleen-lezen; deze gegevens wijzigt u in de beheeromgeving."
    )

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS


class WritesWithScope(permissions.BasePermission):
    """Reading as ReadOnly; writing signed in, or with a token that may write."""

    def has_permission(self, request, view):
        if request.method in permissions.SAFE_METHODS:
            return True
        if not request.user.is_authenticated:
            raise exceptions.NotAuthenticated(
                _("Schrijven kan alleen met een API-sleutel met bereik schrijven, of aangemeld.")
            )
        token = token_of(request)
        if token is not None and token.scope != TokenScope.WRITE:
            raise exceptions.PermissionDenied(
                _("Deze API-sleutel heeft bereik lezen: hij mag niets wijzigen.")
            )
        return True


class SessionAuthentication(authentication.SessionAuthentication):
    """The browser's session, as on the pages; a failed CSRF check said in Dutch."""

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            raise exceptions.PermissionDenied(
                _("De CSRF-controle is mislukt: laad de pagina opnieuw en probeer het nog eens.")
            ) from None
