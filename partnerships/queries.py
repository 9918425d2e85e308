"""Read-side querysets shared by the admin, exports and (later) dashboards and the API.

Each returns a queryset whose evaluation takes a fixed number of queries, whatever the rows.
"""

from django.db.models import Count, Q, QuerySet

from partnerships import bbv
from partnerships.models import Participation, Party
from registry import access


def parties_for_list(queryset: QuerySet[Party], user) -> QuerySet[Party]:
    """Parties with their themes and the number of participants `user` may see (another
    municipality's participation is its own record, so it is not counted for others)."""
    readable = access.readable_organisations(user)
    counted = Q() if readable is None else Q(participations__organisation_id__in=readable)
    return (
        queryset.select_related("centre_organisation", "maintainer")
        .prefetch_related("themes")
        .annotate(
            participant_count=Count("participations__organisation", filter=counted, distinct=True)
        )
    )


def participations_for_list(queryset: QuerySet[Participation]) -> QuerySet[Participation]:
    return queryset.select_related("party", "organisation").annotate(
        verbonden_partij=bbv.verbonden_partij_annotation()
    )


def parties_verbonden_for(organisation_ids=None) -> Q:
    """Parties that are a verbonden partij for at least one of `organisation_ids` (None: any)."""
    participations = Participation.objects.filter(bbv.verbonden_partij_q())
    if organisation_ids is not None:
        participations = participations.filter(organisation_id__in=organisation_ids)
    return Q(pk__in=participations.values("party_id"))
