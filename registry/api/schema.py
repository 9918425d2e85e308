"""What drf-spectacular needs to describe the registry's own API classes (imported by
partnerships/api/urls.py, so it is registered before the schema is generated)."""

from drf_spectacular.authentication import SessionScheme


class RegistrySessionScheme(SessionScheme):
    target_class = "registry.api.permissions.SessionAuthentication"
    priority = 0
