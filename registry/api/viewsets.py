"""The base of every read endpoint: the rows come through `access.site_scope`, so the API
shows a reader exactly what the public pages show it (what is public, plus what its roles
let it read); a row outside it answers 404, as one that does not exist."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import viewsets

from registry import access


def described(*, many: str, one: str, **detail):
    """The Dutch descriptions of a read endpoint's list (`many`) and detail (`one`) in the
    OpenAPI document, which its users read; a view's docstring is for developers and English.
    `detail`: more of extend_schema for the detail (e.g. `parameters`)."""
    return extend_schema_view(
        list=extend_schema(description=many), retrieve=extend_schema(description=one, **detail)
    )


class SiteScopedViewSet(viewsets.ReadOnlyModelViewSet):
    """Subclasses give `base_queryset()` (with what its serializer reads, in a fixed number
    of queries); `get_queryset` scopes it to the reader."""

    def base_queryset(self):
        raise NotImplementedError

    def get_queryset(self):
        return self.scoped(self.base_queryset())

    def scoped(self, queryset):
        return self.scope(queryset)

    def scope(self, queryset):
        """Any queryset (the list's rows, or what a prefetch reads) as the reader sees it."""
        return access.site_scope(self.request.user, queryset)
