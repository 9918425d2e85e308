"""What drf-spectacular needs to describe the registry's own API classes (imported by
partnerships/api/urls.py, so it is registered before the schema is generated)."""

from drf_spectacular.authentication import SessionScheme
from drf_spectacular.extensions import OpenApiAuthenticationExtension


class RegistrySessionScheme(SessionScheme):
    target_class = "registry.api.permissions.SessionAuthentication"
    priority = 0


class TokenScheme(OpenApiAuthenticationExtension):
    target_class = "registry.api.tokens.TokenAuthentication"
    name = "apiSleutel"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "header",
            "name": "Authorization",
            "description": (
                "Een API-sleutel, aangemaakt door een beheerder: `Authorization: Token "
                "<sleutel>` (of `Bearer <sleutel>`)."
            ),
        }
