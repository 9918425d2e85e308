"""The computed read-only endpoints beside the resources: the what-if of an exit
(`samenwerkingsverbanden/<code>/uittreden/<sleutel>/<jaar>/`, for whoever may read the
participation, as the admin page partnerships.views.exit_what_if_view decides), and a
province's overview map and comparison of its municipalities
(`provincies/<cbs_code>/overzichtskaart/`, `provincies/<cbs_code>/vergelijking/<jaar>/`), for
the province's supervisors and administrators only (access.supervised_provinces, as
partnerships.overview.views); to anyone else the province is "not found" (404), as one that
does not exist. The numbers are those of the admin pages: the same builders compute them."""

from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import (
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_field,
)
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from partnerships.allocation import AllocationError
from partnerships.api.paragraph import YearSerializer
from partnerships.api.participations import PartyRefSerializer
from partnerships.leaving import exit_not_possible, exit_what_if
from partnerships.models import Participation
from partnerships.overview.comparison import build_comparison
from partnerships.overview.queries import build_map
from registry import access
from registry.api.organisations import KEY, OrganisationRefSerializer
from registry.api.problems import CONTENT_TYPE, ProblemSerializer, problem
from registry.organisation_keys import key_q


def _problems(*codes: tuple[int, str]) -> dict:
    return {
        (code, CONTENT_TYPE): OpenApiResponse(ProblemSerializer, description=description)
        for code, description in codes
    }


NOT_FOUND = (404, "Niet gevonden, of niet voor deze lezer")
INVALID = (400, "Ongeldige parameter")


def _money(**kwargs):
    return serializers.DecimalField(max_digits=15, decimal_places=2, allow_null=True, **kwargs)


def _year(jaar: int) -> int:
    year = YearSerializer(data={"jaar": jaar})
    year.is_valid(raise_exception=True)
    return year.validated_data["jaar"]


# --- exit what-if -------------------------------------------------------------------------


class ShiftRowSerializer(serializers.Serializer):
    naam = serializers.CharField(source="name")
    nu = _money(source="now")
    na_uittreden = _money(
        source="after", help_text=gettext_lazy("Leeg bij de deelnemer die uittreedt.")
    )
    verschil = _money(source="difference")
    toelichting = serializers.CharField(source="explanation")


class ExitCostSerializer(serializers.Serializer):
    bedrag = _money(
        source="amount", help_text=gettext_lazy("Leeg: niet te berekenen uit de regeling.")
    )
    toelichting = serializers.CharField(source="explanation")


class ExitWhatIfSerializer(serializers.Serializer):
    samenwerkingsverband = PartyRefSerializer(source="party")
    organisatie = OrganisationRefSerializer(source="organisation")
    jaar = serializers.IntegerField(source="year")
    verdeelsleutel = serializers.CharField(source="method_label")
    totaal = _money(source="total")
    bijdrage_uittreder = _money(source="effect.leaving.amount")
    bijdragen = ShiftRowSerializer(source="rows", many=True)
    uittreedsom = ExitCostSerializer(source="cost")
    uittreden_niet_mogelijk = serializers.SerializerMethodField()

    def get_uittreden_niet_mogelijk(self, what_if) -> str:
        return exit_not_possible(what_if.party)


class ExitWhatIfView(APIView):
    """Wat als deze organisatie uit het samenwerkingsverband treedt: de bijdragen van de
    anderen voor en na, en de uittreedsom volgens de uittredingsbepaling van de regeling.
    Alleen voor wie de deelneming mag lezen."""

    @extend_schema(
        operation_id="samenwerkingsverbanden_uittreden_retrieve",
        parameters=[
            KEY,
            OpenApiParameter("jaar", int, OpenApiParameter.PATH, description="Begrotingsjaar"),
        ],
        responses={
            200: ExitWhatIfSerializer,
            **_problems(INVALID, NOT_FOUND, (422, "Niet door te rekenen")),
        },
    )
    def get(self, request, code: str, sleutel: str, jaar: int):
        year = _year(jaar)
        participation = (
            access.scope(request.user, Participation.objects.all())
            .filter(key_q(sleutel, "organisation__"), party__code=code)
            .select_related("party", "organisation")
            .order_by("-start_date", "pk")
            .first()
        )
        if participation is None:
            raise Http404
        try:
            what_if = exit_what_if(participation.party, year, participation.organisation)
        except AllocationError as error:
            return problem(
                request,
                422,
                _("De uittreding is voor dit jaar niet door te rekenen: %(problems)s")
                % {"problems": " ".join(str(p) for p in error.problems)},
                problemen=[str(p) for p in error.problems],
            )
        context = {"request": request}
        return Response(ExitWhatIfSerializer(what_if, context=context).data)


# --- a province's overview ---------------------------------------------------------------


def _province(request, cbs_code: str):
    province = access.supervised_provinces(request.user).filter(cbs_code=cbs_code).first()
    if province is None:
        raise Http404
    return province


class MapQuerySerializer(serializers.Serializer):
    peildatum = serializers.DateField(required=False)
    vergelijk_met = serializers.DateField(
        required=False,
        help_text=gettext_lazy("Leeg: geen vergelijking; anders “Nieuw” en “niet meer”."),
    )


class MapRowSerializer(serializers.Serializer):
    samenwerkingsverband = PartyRefSerializer(source="party")
    code = serializers.CharField()
    markeringen = serializers.ListField(
        source="cells",
        child=serializers.CharField(allow_blank=True),
        help_text=gettext_lazy("Per kolom: “x”, “Nieuw”, “niet meer” of leeg."),
    )


class ThemeGroupSerializer(serializers.Serializer):
    thema = serializers.CharField(source="theme")
    rijen = MapRowSerializer(source="rows", many=True)


class OverviewColumnSerializer(serializers.Serializer):
    sleutel = serializers.CharField()
    kop = serializers.CharField()


class FooterSerializer(serializers.Serializer):
    omschrijving = serializers.CharField()
    aantallen = serializers.ListField(child=serializers.IntegerField())


class DifferenceSerializer(serializers.Serializer):
    gemeente = OrganisationRefSerializer()
    samenwerkingsverband = PartyRefSerializer()
    kaart = serializers.CharField()
    register = serializers.CharField()
    reden = serializers.CharField()


class OverviewMapSerializer(serializers.Serializer):
    provincie = OrganisationRefSerializer(source="province")
    peildatum = serializers.DateField(source="date")
    vergelijk_met = serializers.DateField(source="previous", allow_null=True)
    gemeenten = OrganisationRefSerializer(source="municipalities", many=True)
    kolommen = serializers.SerializerMethodField()
    themas = ThemeGroupSerializer(source="groups", many=True)
    voettekst = serializers.SerializerMethodField()
    verschillen = serializers.SerializerMethodField()

    @extend_schema_field(OverviewColumnSerializer(many=True))
    def get_kolommen(self, overview):
        return [{"sleutel": key, "kop": str(heading)} for key, heading in overview.columns]

    @extend_schema_field(FooterSerializer(many=True))
    def get_voettekst(self, overview):
        return [
            {"omschrijving": str(label), "aantallen": counts}
            for label, counts in overview.footer_lines()
        ]

    @extend_schema_field(DifferenceSerializer(many=True))
    def get_verschillen(self, overview):
        context = self.context
        return [
            {
                "gemeente": OrganisationRefSerializer(municipality, context=context).data,
                "samenwerkingsverband": PartyRefSerializer(difference.party, context=context).data,
                "kaart": str(difference.map_says),
                "register": str(difference.register_says),
                "reden": str(difference.reason),
            }
            for municipality, difference in overview.differences
        ]


class OverviewMapView(APIView):
    """De overzichtskaart verbonden partijen van een provincie op een peildatum (standaard
    vandaag), desgewenst tegen een eerdere datum; voor de toezichthouders van de provincie en
    beheerders."""

    @extend_schema(
        operation_id="provincies_overzichtskaart_retrieve",
        parameters=[MapQuerySerializer],
        responses={200: OverviewMapSerializer, **_problems(INVALID, NOT_FOUND)},
    )
    def get(self, request, cbs_code: str):
        province = _province(request, cbs_code)
        query = MapQuerySerializer(data=request.query_params)
        query.is_valid(raise_exception=True)
        date = query.validated_data.get("peildatum") or timezone.localdate()
        previous = query.validated_data.get("vergelijk_met")
        overview = build_map(request.user, province, date=date, previous=previous)
        return Response(OverviewMapSerializer(overview, context={"request": request}).data)


class ComparisonLineSerializer(serializers.Serializer):
    gemeente = OrganisationRefSerializer(source="municipality")
    inwoners = serializers.IntegerField(source="inhabitants", allow_null=True)
    deelnemingen = serializers.IntegerField(source="participations")
    verbonden_partijen = serializers.IntegerField()
    bijdragen = _money(source="contributions")
    bijdragen_per_inwoner = _money(source="per_inhabitant")
    garanties = _money(source="guarantees")
    bedrag_bij_faillissement = _money(source="amount_at_risk")
    te_late_documenten = serializers.IntegerField(source="late_documents")
    te_late_zienswijzen = serializers.IntegerField(source="late_zienswijzen")
    achterstallige_evaluaties = serializers.IntegerField(source="overdue_evaluations")
    per_thema = serializers.DictField(source="by_theme", child=serializers.IntegerField())
    bijdragen_per_thema = serializers.DictField(
        source="contributions_by_theme",
        child=serializers.DecimalField(max_digits=15, decimal_places=2, allow_null=True),
    )
    per_code = serializers.DictField(source="by_code", child=serializers.IntegerField())


class ComparisonSerializer(serializers.Serializer):
    provincie = OrganisationRefSerializer(source="province")
    jaar = serializers.IntegerField(source="year")
    themas = serializers.ListField(source="themes", child=serializers.CharField())
    codes = serializers.ListField(child=serializers.CharField())
    gemeenten = ComparisonLineSerializer(source="lines", many=True)


class ComparisonView(APIView):
    """De gemeenten van een provincie vergeleken in een jaar: deelnemingen, verbonden
    partijen (BBV art. 1 lid 1 onder b), bijdragen per inwoner, per thema en per code; voor de
    toezichthouders van de provincie en beheerders."""

    @extend_schema(
        operation_id="provincies_vergelijking_retrieve",
        parameters=[
            OpenApiParameter("jaar", int, OpenApiParameter.PATH, description="Begrotingsjaar")
        ],
        responses={200: ComparisonSerializer, **_problems(INVALID, NOT_FOUND)},
    )
    def get(self, request, cbs_code: str, jaar: int):
        province = _province(request, cbs_code)
        comparison = build_comparison(request.user, province, year=_year(jaar))
        return Response(ComparisonSerializer(comparison, context={"request": request}).data)
