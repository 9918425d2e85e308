"""Read-side querysets of the kernel's own records, shared by the public pages and the API."""

from django.db.models import Q, QuerySet

from registry import access
from registry.models import Organisation


def visible_organisations(user, queryset: QuerySet[Organisation] | None = None):
    """The organisations whose own records the reader may look up (a municipality's page, its
    paragraph): those that publish, and those the reader's roles let it read; administrators
    all of them. Any other answers 404, as one that does not exist."""
    queryset = access.site_scope(user, Organisation.objects.all() if queryset is None else queryset)
    readable = access.readable_organisations(user)
    if readable is None:
        return queryset
    return queryset.filter(Q(publishes=True) | Q(pk__in=readable))
