"""Read-side querysets shared by the admin, exports and (later) dashboards and the API.

Each returns a queryset whose evaluation takes a fixed number of queries, whatever the rows.
"""

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce

from partnerships.choices import VerbondenPartij
from partnerships.models import Body, ParagraphTemplate, Participation, Party, Seat
from registry import access
from registry.models import Organisation, RoleKind


def paragraph_organisations(user) -> QuerySet[Organisation]:
    """Organisations whose paragraph `user` may export: finance staff of their own (the
    page, the batch of many in the worker: partnerships/batch_tasks.py)."""
    g = access.grants(user)
    if g.is_admin:
        return Organisation.objects.municipalities()
    return Organisation.objects.filter(pk__in=g.orgs(RoleKind.FINANCE))


def parties_for_list(queryset: QuerySet[Party], user) -> QuerySet[Party]:
    """Parties with their themes and the number of participants `user` may see (another
    municipality's participation is its own record, so it is not counted for others)."""
    readable = access.readable_organisations(user)
    participants = Participation.objects.filter(party=OuterRef("pk"))
    if readable is not None:
        participants = participants.filter(organisation_id__in=readable)
    # a subquery per row of the page, not a GROUP BY over the whole participations table
    # (issue 18): the list's count then needs no join either
    count = (
        participants.order_by()
        .values("party")
        .annotate(n=Count("organisation", distinct=True))
        .values("n")
    )
    return (
        queryset.select_related("centre_organisation", "maintainer")
        .prefetch_related("themes")
        .annotate(participant_count=Coalesce(Subquery(count, output_field=IntegerField()), 0))
    )


def bodies_with_seat_count(queryset: QuerySet[Body], user) -> QuerySet[Body]:
    """Bodies with the number of their seats `user` may see (`seat_count`, a subquery per
    row), which decides whether the body's form shows its seats editable or read-only."""
    seats = access.scope(user, Seat.objects.filter(body=OuterRef("pk")))
    count = seats.order_by().values("body").annotate(n=Count("pk")).values("n")
    return queryset.annotate(seat_count=Coalesce(Subquery(count, output_field=IntegerField()), 0))


def participations_for_list(
    queryset: QuerySet[Participation], year: int
) -> QuerySet[Participation]:
    """With party and organisation, and whether each is a verbonden partij in `year` and
    why (partnerships.bbv), in one query."""
    return queryset.select_related("party", "organisation").with_verbonden_partij(year)


def parties_verbonden_for(year: int, organisation_ids=None, status=VerbondenPartij.YES) -> Q:
    """Parties in which at least one of `organisation_ids` (None: any) has a participation of
    `status` (a verbonden partij, by default) in `year`."""
    participations = Participation.objects.with_verbonden_partij(year).filter(vp_status=status)
    if organisation_ids is not None:
        participations = participations.filter(organisation_id__in=organisation_ids)
    return Q(pk__in=participations.values("party_id"))


def house_style(organisation) -> bytes | None:
    """The organisation's Word template for the paragraph (None: the registry's own A4
    layout, also when the stored file has gone missing)."""
    template = ParagraphTemplate.objects.filter(organisation=organisation).first()
    if template is None or not template.file:
        return None
    try:
        with template.file.open("rb") as handle:
            return handle.read()
    except FileNotFoundError:
        return None


def house_styles(organisation_ids) -> dict[int, str]:
    """Per organisation that has one, the file name of its Word template."""
    return dict(
        ParagraphTemplate.objects.filter(organisation_id__in=organisation_ids).values_list(
            "organisation_id", "file"
        )
    )
