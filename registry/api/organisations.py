"""`organisaties`: gemeenten and provincies by their CBS code, with the population per year."""

from django.db.models import Prefetch
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers
from rest_framework.reverse import reverse

from registry import access
from registry.api.viewsets import SiteScopedViewSet
from registry.filters import OrganisationFilter
from registry.models import Organisation, PopulationFigure
from registry.queries import visible_organisations


class PopulationSerializer(serializers.ModelSerializer):
    jaar = serializers.IntegerField(source="year")
    peildatum = serializers.DateField(source="reference_date")
    inwoners = serializers.IntegerField(source="inhabitants")
    huishoudens = serializers.IntegerField(source="households", allow_null=True)

    class Meta:
        model = PopulationFigure
        fields = ["jaar", "peildatum", "inwoners", "huishoudens"]


class OrganisationRefSerializer(serializers.ModelSerializer):
    """An organisation where another record names it."""

    cbs_code = serializers.CharField(allow_null=True)
    naam = serializers.CharField(source="name")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = ["cbs_code", "naam", "url"]

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, organisation) -> str | None:
        if not organisation.cbs_code:
            return None
        return reverse(
            "api:organisatie-detail",
            args=[organisation.cbs_code],
            request=self.context.get("request"),
        )


class OrganisationSerializer(OrganisationRefSerializer):
    soort = serializers.ChoiceField(
        source="kind", choices=Organisation._meta.get_field("kind").choices
    )
    soort_omschrijving = serializers.CharField(source="get_kind_display")
    provincie = serializers.CharField(source="province.cbs_code", allow_null=True, default=None)
    kvk_nummer = serializers.CharField(source="kvk_number")
    ontstaan_op = serializers.DateField(source="start_date", allow_null=True)
    opgeheven_op = serializers.DateField(source="end_date", allow_null=True)
    publiceert = serializers.BooleanField(source="publishes")
    bevolking = PopulationSerializer(source="population_of_years", many=True)

    class Meta(OrganisationRefSerializer.Meta):
        fields = [
            *OrganisationRefSerializer.Meta.fields,
            "soort",
            "soort_omschrijving",
            "provincie",
            "kvk_nummer",
            "ontstaan_op",
            "opgeheven_op",
            "publiceert",
            "bevolking",
        ]


class OrganisationViewSet(SiteScopedViewSet):
    """Organisations that publish, and those the reader's roles let it read (as the public
    pages decide); only those with a CBS code, which is their key here."""

    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    lookup_field = "cbs_code"
    lookup_url_kwarg = "cbs_code"

    def base_queryset(self):
        return Organisation.objects.filter(cbs_code__isnull=False).select_related("province")

    def scoped(self, queryset):
        user = self.request.user
        population = access.site_scope(user, PopulationFigure.objects.order_by("year"))
        return (
            visible_organisations(user, queryset)
            .prefetch_related(
                Prefetch("population_figures", queryset=population, to_attr="population_of_years")
            )
            .order_by("name", "pk")
        )
