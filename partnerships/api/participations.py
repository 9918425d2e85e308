"""`deelnemingen`: who takes part in which party, and whether it is a verbonden partij (BBV
art. 1) for the participant in a year (`?jaar=`, this year by default), with the reason.
Registered, changed and deleted through partnerships.services (the one write check): by the
participant's griffie, or with a write token of the participant."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import serializers

from partnerships import services
from partnerships.api.parties import (
    PARTY_RELATED,
    PartySerializer,
    PartySparseSerializer,
    party_prefetches,
)
from partnerships.choices import VerbondenPartij
from partnerships.filters import ParticipationFilter
from partnerships.models import Participation, Party
from registry import writes
from registry.api import sparse
from registry.api.fields import DetailLink
from registry.api.organisations import OrganisationKeyField, OrganisationRefSerializer
from registry.api.viewsets import SiteScopedViewSet
from registry.api.writes import ServiceWrites, write_schema


class PartyRefSerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField(source="name")
    url = DetailLink(view_name="api:samenwerkingsverband-detail", lookup_field="code")


class VerbondenPartijSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(source="vp_year")
    status = serializers.ChoiceField(source="vp_status", choices=VerbondenPartij.choices)
    omschrijving = serializers.SerializerMethodField()
    reden = serializers.SerializerMethodField()

    def get_omschrijving(self, participation) -> str:
        return str(VerbondenPartij(participation.vp_status).label)

    def get_reden(self, participation) -> str:
        """Waarom, of wat er ontbreekt om het te kunnen zeggen (BBV art. 1 lid 1 sub b)."""
        # the docstring is the schema's description, in Dutch; the reason comes from what
        # the query annotated (partnerships.bbv)
        return participation.verbonden_partij(participation.vp_year).reason


class ParticipationSerializer(serializers.HyperlinkedModelSerializer):
    url = DetailLink(view_name="api:deelneming-detail")
    samenwerkingsverband = PartyRefSerializer(source="party")
    organisatie = OrganisationRefSerializer(source="organisation")
    deelname_vanaf = serializers.DateField(source="start_date", allow_null=True)
    deelname_tot_en_met = serializers.DateField(source="end_date", allow_null=True)
    zetels = serializers.IntegerField(source="seats", allow_null=True)
    stemgewicht = serializers.DecimalField(
        source="voting_weight", max_digits=9, decimal_places=3, allow_null=True
    )
    bevestiging = serializers.CharField(source="get_confirmation_display")
    verbonden_partij = VerbondenPartijSerializer(source="*")

    class Meta:
        model = Participation
        fields = [
            "url",
            "id",
            "samenwerkingsverband",
            "organisatie",
            "deelname_vanaf",
            "deelname_tot_en_met",
            "zetels",
            "stemgewicht",
            "bevestiging",
            "verbonden_partij",
        ]


class ParticipationWriteSerializer(serializers.Serializer):
    """Wat een systeem meestuurt: het samenwerkingsverband op zijn registercode, de
    deelnemer op zijn sleutel (beide vast na registratie), de periode, zetels, stemgewicht
    en opmerkingen."""

    # the docstring is the schema's description, which the API's users read: in Dutch

    samenwerkingsverband = serializers.SlugRelatedField(
        source="party", slug_field="code", queryset=Party.objects.all()
    )
    organisatie = OrganisationKeyField(source="organisation")
    deelname_vanaf = serializers.DateField(source="start_date", allow_null=True, required=False)
    deelname_tot_en_met = serializers.DateField(source="end_date", allow_null=True, required=False)
    zetels = serializers.IntegerField(
        source="seats", allow_null=True, required=False, min_value=0, max_value=32767
    )
    stemgewicht = serializers.DecimalField(
        source="voting_weight",
        max_digits=9,
        decimal_places=3,
        min_value=0,
        allow_null=True,
        required=False,
    )
    toelichting = serializers.CharField(source="notes", allow_blank=True, required=False)


_YEAR = OpenApiParameter(
    "jaar",
    OpenApiTypes.INT,
    description="Jaar van de BBV-status (standaard dit jaar).",
)


def _with_parties(view, queryset):
    """The participations with their whole parties, in two queries more whatever the page."""
    return queryset.select_related(*(f"party__{name}" for name in PARTY_RELATED)).prefetch_related(
        *party_prefetches(view.scope, "party__")
    )


EXPANSIONS = {
    "samenwerkingsverband": sparse.Expansion(
        field=lambda: PartySerializer(source="party"), prefetch=_with_parties
    )
}
_FIELDS = sparse.parameters(ParticipationSerializer, EXPANSIONS)
_SPARSE = sparse.sparse_schema(
    ParticipationSerializer, "ParticipationFields", samenwerkingsverband=PartySparseSerializer
)


@extend_schema_view(
    list=extend_schema(
        description=_("De deelnemingen die u mag zien, met de BBV-status in het jaar."),
        parameters=_FIELDS,
        responses=_SPARSE,
    ),
    retrieve=extend_schema(
        description=_("Eén deelneming, met de BBV-status in het jaar."),
        parameters=[_YEAR, *_FIELDS],
        responses=_SPARSE,
    ),
    **write_schema(ParticipationSerializer, ParticipationWriteSerializer),
)
class ParticipationViewSet(sparse.SparseFields, ServiceWrites, SiteScopedViewSet):
    serializer_class = ParticipationSerializer
    write_serializer_class = ParticipationWriteSerializer
    filterset_class = ParticipationFilter
    expansions = EXPANSIONS

    def save_record(self, user, record, changed, reason, relations):
        services.save_participation(user=user, participation=record, changed=changed, reason=reason)

    def delete_record(self, user, record, reason):
        writes.delete(user=user, record=record, reason=reason)

    def base_queryset(self):
        return Participation.objects.select_related("party", "organisation").order_by(
            "party__name", "organisation__name", "pk"
        )
