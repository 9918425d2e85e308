"""The money of a party: `jaarcijfers` (a year's figures from the begroting, a wijziging or
the jaarrekening, with the risks: BBV art. 15 lid 1, the paragraph's figures), `bijdragen`
(what a participant pays in a year, budgeted and realised) and `verdeelsleutels` (how the
contributions are shared, with the fixed percentages). Contributions are registered, changed
and deleted through registry.writes (the one write check), as in the admin: by the finance
department of the participant, or with a write key of the participant; annual figures (without
their risks) likewise by the finance department of a current, confirmed participant."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import serializers

from partnerships.api.participations import PartyRefSerializer
from partnerships.choices import (
    ContributionBasis,
    FiguresKind,
    KeyMethod,
    PopulationReference,
    RiskLevel,
)
from partnerships.filters import ContributionFilter, CostKeyFilter, FiguresFilter
from partnerships.models import (
    AnnualFigures,
    Contribution,
    CostKey,
    CostKeyPercentage,
    Participation,
    Party,
    Risk,
)
from registry.api.fields import DetailLink, amount, code_and_label, optional_link
from registry.api.organisations import OrganisationRefSerializer
from registry.api.viewsets import SiteScopedViewSet, described
from registry.api.writes import RegistryWrites, write_schema


class RiskSerializer(serializers.ModelSerializer):
    omschrijving = serializers.CharField(source="description")
    niveau, niveau_omschrijving = code_and_label("level", RiskLevel)
    bedrag = amount("amount")

    class Meta:
        model = Risk
        fields = ["omschrijving", "niveau", "niveau_omschrijving", "bedrag"]


class FiguresSerializer(serializers.ModelSerializer):
    url = DetailLink(view_name="api:jaarcijfers-detail")
    samenwerkingsverband = PartyRefSerializer(source="party")
    jaar = serializers.IntegerField(source="year")
    soort, soort_omschrijving = code_and_label("kind", FiguresKind)
    volgnummer = serializers.IntegerField(source="version")
    eigen_vermogen_begin = amount("equity_start")
    eigen_vermogen_eind = amount("equity_end")
    vreemd_vermogen_begin = amount("debt_start")
    vreemd_vermogen_eind = amount("debt_end")
    resultaat = amount("result")
    lasten = amount("expenses")
    baten = amount("revenues")
    bijdragen_deelnemers = amount("contributions_total")
    weerstandsvermogen = amount("resilience")
    ontwikkelingen = serializers.CharField(source="developments")
    brondocument = serializers.CharField(source="source_document")
    link = optional_link("source_url")
    risicos = RiskSerializer(source="risks", many=True)

    class Meta:
        model = AnnualFigures
        fields = [
            "url",
            "id",
            "samenwerkingsverband",
            "jaar",
            "soort",
            "soort_omschrijving",
            "volgnummer",
            "eigen_vermogen_begin",
            "eigen_vermogen_eind",
            "vreemd_vermogen_begin",
            "vreemd_vermogen_eind",
            "resultaat",
            "lasten",
            "baten",
            "bijdragen_deelnemers",
            "weerstandsvermogen",
            "ontwikkelingen",
            "brondocument",
            "link",
            "risicos",
        ]


class FiguresWriteSerializer(serializers.Serializer):
    """Wat een systeem meestuurt: het samenwerkingsverband op zijn registercode (vast na
    registratie), jaar, soort en volgnummer, de bedragen in euro's (leeg is onbekend), de
    ontwikkelingen en het brondocument. De risico's legt u vast in de beheeromgeving."""

    # the docstring is the schema's description, which the API's users read: in Dutch

    samenwerkingsverband = serializers.SlugRelatedField(
        source="party", slug_field="code", queryset=Party.objects.all()
    )
    jaar = serializers.IntegerField(source="year")
    soort = serializers.ChoiceField(source="kind", choices=FiguresKind.choices)
    volgnummer = serializers.IntegerField(source="version", required=False)
    eigen_vermogen_begin = amount("equity_start", read_only=False)
    eigen_vermogen_eind = amount("equity_end", read_only=False)
    vreemd_vermogen_begin = amount("debt_start", read_only=False)
    vreemd_vermogen_eind = amount("debt_end", read_only=False)
    resultaat = amount("result", read_only=False)
    lasten = amount("expenses", read_only=False)
    baten = amount("revenues", read_only=False)
    bijdragen_deelnemers = amount("contributions_total", read_only=False)
    weerstandsvermogen = amount("resilience", read_only=False)
    ontwikkelingen = serializers.CharField(source="developments", allow_blank=True, required=False)
    brondocument = serializers.CharField(
        source="source_document", allow_blank=True, max_length=300, required=False
    )
    link = serializers.URLField(source="source_url", allow_blank=True, required=False)


@extend_schema_view(
    list=extend_schema(
        description=_(
            "De jaarcijfers (begroting, begrotingswijziging, jaarrekening) van de "
            "samenwerkingsverbanden die u mag zien, met hun risico's."
        )
    ),
    retrieve=extend_schema(
        description=_("Eén set jaarcijfers van een samenwerkingsverband, met de risico's.")
    ),
    **write_schema(FiguresSerializer, FiguresWriteSerializer),
)
class FiguresViewSet(RegistryWrites, SiteScopedViewSet):
    serializer_class = FiguresSerializer
    write_serializer_class = FiguresWriteSerializer
    filterset_class = FiguresFilter

    def base_queryset(self):
        return AnnualFigures.objects.select_related("party").order_by(
            "party__name", "-year", "kind", "-version", "pk"
        )

    def scoped(self, queryset):
        risks = self.scope(Risk.objects.order_by("pk"))
        return super().scoped(queryset).prefetch_related(Prefetch("risks", queryset=risks))


class ContributionSerializer(serializers.ModelSerializer):
    url = DetailLink(view_name="api:bijdrage-detail")
    deelneming = serializers.HyperlinkedRelatedField(
        source="participation", view_name="api:deelneming-detail", read_only=True
    )
    samenwerkingsverband = PartyRefSerializer(source="participation.party")
    organisatie = OrganisationRefSerializer(source="participation.organisation")
    jaar = serializers.IntegerField(source="year")
    begroot = amount("budgeted")
    gerealiseerd = amount("realised")
    grondslag, grondslag_omschrijving = code_and_label("basis", ContributionBasis)
    berekening = serializers.CharField(source="explanation")

    class Meta:
        model = Contribution
        fields = [
            "url",
            "id",
            "deelneming",
            "samenwerkingsverband",
            "organisatie",
            "jaar",
            "begroot",
            "gerealiseerd",
            "grondslag",
            "grondslag_omschrijving",
            "berekening",
        ]


class ContributionWriteSerializer(serializers.Serializer):
    """Wat een systeem meestuurt: de deelneming (haar `id`, vast na registratie), het jaar,
    de begrote en de gerealiseerde bijdrage in euro's (leeg is onbekend), de grondslag en de
    berekening."""

    # the docstring is the schema's description, which the API's users read: in Dutch

    # any participation, as `organisatie` of a participation is any organisation: one the
    # caller does not keep is the write check's to refuse (403 naming the field), not an
    # unknown id; the refusal says nothing of the participation but that it is not yours
    deelneming = serializers.PrimaryKeyRelatedField(
        source="participation", queryset=Participation.objects.all()
    )
    jaar = serializers.IntegerField(source="year")
    begroot = amount("budgeted", read_only=False)
    gerealiseerd = amount("realised", read_only=False)
    grondslag = serializers.ChoiceField(
        source="basis", choices=ContributionBasis.choices, required=False
    )
    berekening = serializers.CharField(
        source="explanation", allow_blank=True, max_length=300, required=False
    )


@extend_schema_view(
    list=extend_schema(
        description=_(
            "De bijdragen per deelneming en jaar (begroot en gerealiseerd) die u mag zien."
        )
    ),
    retrieve=extend_schema(
        description=_("Eén bijdrage van een deelnemer aan een samenwerkingsverband in een jaar.")
    ),
    **write_schema(ContributionSerializer, ContributionWriteSerializer),
)
class ContributionViewSet(RegistryWrites, SiteScopedViewSet):
    serializer_class = ContributionSerializer
    write_serializer_class = ContributionWriteSerializer
    filterset_class = ContributionFilter

    def base_queryset(self):
        return Contribution.objects.select_related(
            "participation__party", "participation__organisation"
        ).order_by("participation__party__name", "participation__organisation__name", "-year", "pk")


class PercentageSerializer(serializers.ModelSerializer):
    organisatie = OrganisationRefSerializer(source="organisation")
    percentage = serializers.DecimalField(max_digits=7, decimal_places=4, read_only=True)

    class Meta:
        model = CostKeyPercentage
        fields = ["organisatie", "percentage"]


class CostKeySerializer(serializers.ModelSerializer):
    url = DetailLink(view_name="api:verdeelsleutel-detail")
    samenwerkingsverband = PartyRefSerializer(source="party")
    vanaf_jaar = serializers.IntegerField(source="valid_from_year")
    tot_en_met_jaar = serializers.IntegerField(source="valid_until_year", allow_null=True)
    methode, methode_omschrijving = code_and_label("method", KeyMethod)
    vast_bedrag_per_deelnemer = amount("base_amount")
    rest_methode = serializers.ChoiceField(
        source="rest_method",
        choices=[("", ""), *CostKey._meta.get_field("rest_method").choices],
        read_only=True,
    )
    peildatum_bevolking, peildatum_bevolking_omschrijving = code_and_label(
        "population_reference", PopulationReference
    )
    eenheid = serializers.CharField(source="unit_label")
    naar_rato = serializers.BooleanField(source="pro_rata")
    vindplaats = serializers.CharField(source="source")
    percentages = PercentageSerializer(source="percentages_in_order", many=True)

    class Meta:
        model = CostKey
        fields = [
            "url",
            "id",
            "samenwerkingsverband",
            "vanaf_jaar",
            "tot_en_met_jaar",
            "methode",
            "methode_omschrijving",
            "vast_bedrag_per_deelnemer",
            "rest_methode",
            "peildatum_bevolking",
            "peildatum_bevolking_omschrijving",
            "eenheid",
            "naar_rato",
            "vindplaats",
            "percentages",
        ]


@described(
    many=_(
        "De verdeelsleutels van de samenwerkingsverbanden, per jaar waarin ze gelden, met "
        "vaste percentages waar de sleutel die heeft."
    ),
    one=_("Eén verdeelsleutel met zijn percentages."),
)
class CostKeyViewSet(SiteScopedViewSet):
    serializer_class = CostKeySerializer
    filterset_class = CostKeyFilter

    def base_queryset(self):
        return CostKey.objects.select_related("party").order_by(
            "party__name", "valid_from_year", "pk"
        )

    def scoped(self, queryset):
        percentages = self.scope(
            CostKeyPercentage.objects.select_related("organisation").order_by(
                "organisation__name", "pk"
            )
        )
        return (
            super()
            .scoped(queryset)
            .prefetch_related(
                Prefetch("percentages", queryset=percentages, to_attr="percentages_in_order")
            )
        )
