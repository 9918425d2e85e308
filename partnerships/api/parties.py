"""`samenwerkingsverbanden`: the parties by their registry code, with themes, legal form, BBV
category and legal basis (documents and versions). Registered, changed and deleted through
partnerships.services (the one write check), as in the admin: registered by any griffie (its
organisation becomes the dossierhouder), kept by the griffie of a current, confirmed
participant or of the dossierhouder, deleted when no other organisation takes part."""

from django.db.models import Prefetch
from django.urls import reverse as url_path
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_field, extend_schema_view
from rest_framework import serializers

from partnerships import services
from partnerships.choices import (
    BBVCategory,
    LegalDocumentKind,
    LegalForm,
    PartyStatus,
    RegelingType,
)
from partnerships.filters import PartyFilter
from partnerships.models import LegalBasis, Party, Theme
from registry import writes
from registry.api import sparse
from registry.api.fields import DetailLink, OptionalURLField, optional_link
from registry.api.organisations import OrganisationKeyField, OrganisationRefSerializer
from registry.api.viewsets import SiteScopedViewSet
from registry.api.writes import ServiceWrites, write_schema


class LegalBasisSerializer(serializers.ModelSerializer):
    soort = serializers.ChoiceField(source="kind", choices=LegalDocumentKind.choices)
    soort_omschrijving = serializers.CharField(source="get_kind_display")
    titel = serializers.CharField(source="title")
    vastgesteld_op = serializers.DateField(source="adopted_on", allow_null=True)
    in_werking_vanaf = serializers.DateField(source="in_force_from", allow_null=True)
    in_werking_tot_en_met = serializers.DateField(source="in_force_until", allow_null=True)
    vindplaats = serializers.CharField(source="publication_reference")
    link = optional_link("url")
    bestand = serializers.SerializerMethodField()
    evaluatie_elke_jaren = serializers.IntegerField(
        source="evaluation_interval_years", allow_null=True
    )

    class Meta:
        model = LegalBasis
        fields = [
            "soort",
            "soort_omschrijving",
            "titel",
            "vastgesteld_op",
            "in_werking_vanaf",
            "in_werking_tot_en_met",
            "vindplaats",
            "link",
            "bestand",
            "evaluatie_elke_jaren",
        ]

    @extend_schema_field(OpenApiTypes.URI)
    def get_bestand(self, legal_basis) -> str | None:
        """Het document, te downloaden met dezelfde rechten als het gegeven."""
        # the docstring is the field's description in the schema: in Dutch
        if not legal_basis.document:
            return None
        path = url_path(
            "protected_file", args=["partnerships", "legalbasis", legal_basis.pk, "document"]
        )
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class PartySerializer(serializers.HyperlinkedModelSerializer):
    url = DetailLink(view_name="api:samenwerkingsverband-detail", lookup_field="code")
    naam = serializers.CharField(source="name")
    korte_naam = serializers.CharField(source="short_name")
    rechtsvorm = serializers.ChoiceField(source="legal_form", choices=LegalForm.choices)
    rechtsvorm_omschrijving = serializers.CharField(source="get_legal_form_display")
    bbv_categorie = serializers.ChoiceField(source="bbv_category", choices=BBVCategory.choices)
    bbv_categorie_omschrijving = serializers.CharField(source="get_bbv_category_display")
    soort_regeling = serializers.ChoiceField(
        source="regeling_type", choices=[("", ""), *RegelingType.choices]
    )
    vestigingsplaats = serializers.CharField(source="seat")
    kvk_nummer = serializers.CharField(source="kvk_number")
    openbaar_belang = serializers.CharField(source="public_interest")
    deelname_verplicht = serializers.BooleanField(source="participation_mandatory")
    centrumgemeente = OrganisationRefSerializer(source="centre_organisation", allow_null=True)
    dossierhouder = OrganisationRefSerializer(source="maintainer", allow_null=True)
    begindatum = serializers.DateField(source="start_date", allow_null=True)
    einddatum = serializers.DateField(source="end_date", allow_null=True)
    status = serializers.ChoiceField(choices=PartyStatus.choices)
    status_omschrijving = serializers.CharField(source="get_status_display")
    themas = serializers.SlugRelatedField(
        source="themes", slug_field="name", many=True, read_only=True
    )
    website = OptionalURLField()
    juridische_grondslag = LegalBasisSerializer(source="legal_bases_in_order", many=True)

    class Meta:
        model = Party
        fields = [
            "url",
            "code",
            "naam",
            "korte_naam",
            "rechtsvorm",
            "rechtsvorm_omschrijving",
            "bbv_categorie",
            "bbv_categorie_omschrijving",
            "soort_regeling",
            "vestigingsplaats",
            "kvk_nummer",
            "openbaar_belang",
            "deelname_verplicht",
            "centrumgemeente",
            "dossierhouder",
            "begindatum",
            "einddatum",
            "status",
            "status_omschrijving",
            "themas",
            "website",
            "juridische_grondslag",
        ]


PARTY_RELATED = ("centre_organisation", "maintainer")


def party_prefetches(scope, path: str = "") -> list[Prefetch]:
    """What PartySerializer reads besides the party's row, as the reader may see it
    (`scope`), for parties at `path` ("party__" from participations)."""
    bases = scope(LegalBasis.objects.order_by("in_force_from", "pk"))
    return [
        Prefetch(f"{path}themes", queryset=scope(Theme.objects.order_by("name"))),
        Prefetch(f"{path}legal_bases", queryset=bases, to_attr="legal_bases_in_order"),
    ]


PARTY_FIELDS = sparse.parameters(PartySerializer)


def _text(source: str, **kwargs) -> serializers.CharField:
    return serializers.CharField(source=source, allow_blank=True, required=False, **kwargs)


def _organisation(source: str) -> OrganisationKeyField:
    return OrganisationKeyField(source=source, allow_null=True, required=False)


PartySparseSerializer = sparse.sparse_schema(PartySerializer, "PartyFields")


class PartyWriteSerializer(serializers.Serializer):
    """Wat een systeem meestuurt: de velden van het formulier in het beheer onder de namen
    van de API, de organisaties op hun sleutel en de thema's op naam. Zonder registercode
    wordt die afgeleid van de (korte) naam."""

    # the docstring is the schema's description, which the API's users read: in Dutch

    naam = serializers.CharField(source="name", max_length=200)
    korte_naam = _text("short_name", max_length=60)
    code = serializers.SlugField(max_length=80, allow_blank=True, required=False)
    rechtsvorm = serializers.ChoiceField(source="legal_form", choices=LegalForm.choices)
    soort_regeling = serializers.ChoiceField(
        source="regeling_type", choices=RegelingType.choices, allow_blank=True, required=False
    )
    vestigingsplaats = _text("seat", max_length=100)
    kvk_nummer = _text("kvk_number", max_length=8)
    openbaar_belang = _text("public_interest")
    deelname_verplicht = serializers.BooleanField(source="participation_mandatory", required=False)
    centrumgemeente = _organisation("centre_organisation")
    dossierhouder = _organisation("maintainer")
    begindatum = serializers.DateField(source="start_date", allow_null=True, required=False)
    einddatum = serializers.DateField(source="end_date", allow_null=True, required=False)
    status = serializers.ChoiceField(choices=PartyStatus.choices, required=False)
    themas = serializers.SlugRelatedField(
        source="themes",
        slug_field="name",
        queryset=Theme.objects.all(),
        many=True,
        required=False,
    )
    website = serializers.URLField(max_length=200, allow_blank=True, required=False)


@extend_schema_view(
    list=extend_schema(
        description=_("De samenwerkingsverbanden die u mag zien."),
        parameters=PARTY_FIELDS,
        responses=PartySparseSerializer,
    ),
    retrieve=extend_schema(
        description=_("Eén samenwerkingsverband, op zijn registercode."),
        parameters=PARTY_FIELDS,
        responses=PartySparseSerializer,
    ),
    **write_schema(PartySerializer, PartyWriteSerializer),
)
class PartyViewSet(sparse.SparseFields, ServiceWrites, SiteScopedViewSet):
    serializer_class = PartySerializer
    write_serializer_class = PartyWriteSerializer
    filterset_class = PartyFilter
    lookup_field = "code"

    def save_record(self, user, record, changed, reason, relations):
        services.save_party(
            user=user, party=record, changed=changed, themes=relations.get("themes"), reason=reason
        )

    def delete_record(self, user, record, reason):
        writes.delete(user=user, record=record, reason=reason)

    def base_queryset(self):
        return Party.objects.select_related(*PARTY_RELATED)

    def scoped(self, queryset):
        return (
            super()
            .scoped(queryset)
            .prefetch_related(*party_prefetches(self.scope))
            .order_by("name", "pk")
        )
