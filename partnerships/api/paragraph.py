"""`organisaties/<sleutel>/paragraaf/<jaar>/`: the paragraph "verbonden partijen" of an
organisation and year (`?variant=begroting|jaarverslag`), the same data as the DOCX
(partnerships.paragraph), read through `access.site_scope` for the reader: an anonymous
reader gets what the organisation publishes (not a civil servant's seat, not a declined
registration), its own council members what their role may read."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from partnerships.paragraph import Variant, build_paragraph
from registry import access
from registry.api.organisations import KEY, OrganisationRefSerializer, organisation_by_key
from registry.filters import FIRST_YEAR, LAST_YEAR
from registry.queries import visible_organisations

# The amount columns of partnerships.paragraph, by their key in the API.
AMOUNTS = {
    "bijdrage": "contribution",
    "aandelen_begin": "shares_start",
    "aandelen_eind": "shares_end",
    "garanties_begin": "guarantees_start",
    "garanties_eind": "guarantees_end",
    "leningen_begin": "loans_start",
    "leningen_eind": "loans_end",
    "bij_faillissement_begin": "at_risk_start",
    "bij_faillissement_eind": "at_risk_end",
    "eigen_vermogen_begin": "equity_start",
    "eigen_vermogen_eind": "equity_end",
    "vreemd_vermogen_begin": "debt_start",
    "vreemd_vermogen_eind": "debt_end",
    "resultaat": "result",
}
KEY_OF = {column: key for key, column in AMOUNTS.items()}


def _money(**kwargs):
    return serializers.DecimalField(max_digits=15, decimal_places=2, allow_null=True, **kwargs)


AmountsSerializer = type(
    "ParagraphAmountsSerializer",
    (serializers.Serializer,),
    {key: _money(source=column) for key, column in AMOUNTS.items()},
)


class TotalSerializer(serializers.Serializer):
    bedrag = _money(source="amount")
    volledig = serializers.BooleanField(
        source="complete", help_text=_("Nee: van een of meer partijen is het bedrag onbekend.")
    )


TotalsSerializer = type(
    "ParagraphTotalsSerializer",
    (serializers.Serializer,),
    {key: TotalSerializer(source=column) for key, column in AMOUNTS.items()},
)


def _totals(holder) -> dict:
    return TotalsSerializer({column: holder.total(column) for column in AMOUNTS.values()}).data


class EntrySerializer(serializers.Serializer):
    naam = serializers.CharField(source="name")
    vestigingsplaats = serializers.CharField(source="seat")
    openbaar_belang = serializers.CharField(source="public_interest")
    reden = serializers.CharField(source="reason")
    vertegenwoordiging = serializers.ListField(
        source="representation", child=serializers.CharField()
    )
    aandelen = serializers.CharField(source="shares")
    bedragen = AmountsSerializer(source="amounts")
    risicos = serializers.ListField(source="risks", child=serializers.CharField())
    ontwikkelingen = serializers.CharField(source="developments")
    ontbreekt = serializers.ListField(source="missing", child=serializers.CharField())


class CategorySerializer(serializers.Serializer):
    code = serializers.CharField()
    naam = serializers.CharField(source="label")
    partijen = EntrySerializer(source="entries", many=True)
    totalen = serializers.SerializerMethodField()

    @extend_schema_field(TotalsSerializer)
    def get_totalen(self, category):
        return _totals(category)


class ColumnSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    kop = serializers.CharField()


class ParagraphSerializer(serializers.Serializer):
    organisatie = OrganisationRefSerializer(source="organisation")
    jaar = serializers.IntegerField(source="year")
    variant = serializers.ChoiceField(choices=Variant.ALL)
    titel = serializers.CharField(source="title")
    visie = serializers.CharField(source="vision")
    beleidsvoornemens = serializers.CharField(source="intentions")
    kolommen = serializers.SerializerMethodField()
    categorieen = CategorySerializer(source="categories", many=True)
    totalen = serializers.SerializerMethodField()
    waarschuwingen = serializers.ListField(source="warnings", child=serializers.CharField())

    @extend_schema_field(ColumnSerializer(many=True))
    def get_kolommen(self, paragraph):
        return [
            {"sleutel": KEY_OF[name], "kop": heading} for name, heading in paragraph.money_columns
        ]

    @extend_schema_field(TotalsSerializer)
    def get_totalen(self, paragraph):
        return _totals(paragraph)


class ParagraphQuerySerializer(serializers.Serializer):
    variant = serializers.ChoiceField(
        choices=[(Variant.BUDGET, _("Begroting")), (Variant.ANNUAL_REPORT, _("Jaarverslag"))],
        default=Variant.BUDGET,
        required=False,
    )


class YearSerializer(serializers.Serializer):
    jaar = serializers.IntegerField(min_value=FIRST_YEAR, max_value=LAST_YEAR)


class ParagraphView(APIView):
    """De paragraaf verbonden partijen van een organisatie in een jaar."""

    @extend_schema(
        operation_id="organisaties_paragraaf_retrieve",
        parameters=[
            ParagraphQuerySerializer,
            KEY,
            OpenApiParameter("jaar", int, OpenApiParameter.PATH, description="Begrotingsjaar"),
        ],
        responses=ParagraphSerializer,
    )
    def get(self, request, sleutel: str, jaar: int):
        organisation = organisation_by_key(visible_organisations(request.user), sleutel)
        year = YearSerializer(data={"jaar": jaar})
        year.is_valid(raise_exception=True)
        query = ParagraphQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        paragraph = build_paragraph(
            organisation,
            year.validated_data["jaar"],
            query.validated_data["variant"],
            visible=lambda queryset: access.site_scope(request.user, queryset),
        )
        return Response(ParagraphSerializer(paragraph, context={"request": request}).data)
