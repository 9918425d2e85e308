"""Who may call the API: anyone may read (what they read is decided per row by
registry.access); this version writes nothing, so any other method is refused."""

from django.utils.translation import gettext_lazy as _
from rest_framework import authentication, exceptions, permissions


class ReadOnly(permissions.BasePermission):
    message = _("Deze versie van de API is alleen-lezen; gegevens wijzigt u in de beheeromgeving.")

    def has_permission(self, request, view):
        return request.method in permissions.SAFE_METHODS


class SessionAuthentication(authentication.SessionAuthentication):
    """The browser's session, as on the pages; a failed CSRF check said in Dutch."""

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            raise exceptions.PermissionDenied(
                _("De CSRF-controle is mislukt: laad de pagina opnieuw en probeer het nog eens.")
            ) from None
