"""`samenwerkingsverbanden`: the parties by their registry code, with themes, legal form, BBV
category and legal basis (documents and versions)."""

from django.db.models import Prefetch
from django.urls import reverse as url_path
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from partnerships.choices import (
    BBVCategory,
    LegalDocumentKind,
    LegalForm,
    PartyStatus,
    RegelingType,
)
from partnerships.filters import PartyFilter
from partnerships.models import LegalBasis, Party, Theme
from registry.api.fields import OptionalURLField, optional_link
from registry.api.organisations import OrganisationRefSerializer
from registry.api.viewsets import SiteScopedViewSet


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
        """The document through the checked download (the same rights as the record)."""
        if not legal_basis.document:
            return None
        path = url_path(
            "protected_file", args=["partnerships", "legalbasis", legal_basis.pk, "document"]
        )
        request = self.context.get("request")
        return request.build_absolute_uri(path) if request else path


class PartySerializer(serializers.HyperlinkedModelSerializer):
    url = serializers.HyperlinkedIdentityField(
        view_name="api:samenwerkingsverband-detail", lookup_field="code"
    )
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
            "begindatum",
            "einddatum",
            "status",
            "status_omschrijving",
            "themas",
            "website",
            "juridische_grondslag",
        ]


class PartyViewSet(SiteScopedViewSet):
    serializer_class = PartySerializer
    filterset_class = PartyFilter
    lookup_field = "code"

    def base_queryset(self):
        return Party.objects.select_related("centre_organisation")

    def scoped(self, queryset):
        bases = super().scoped(LegalBasis.objects.order_by("in_force_from", "pk"))
        return (
            super()
            .scoped(queryset)
            .prefetch_related(
                Prefetch("themes", queryset=super().scoped(Theme.objects.order_by("name"))),
                Prefetch("legal_bases", queryset=bases, to_attr="legal_bases_in_order"),
            )
            .order_by("name", "pk")
        )
