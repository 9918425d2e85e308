"""`organisaties`: gemeenten, provincies and the other organisations by their key (the CBS
code, or `org-<id>` for one without: registry.organisation_keys), with the population per
year."""

from django.db.models import Prefetch
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiParameter,
    extend_schema_field,
)
from rest_framework import serializers

from registry import access
from registry.api.fields import detail_url
from registry.api.viewsets import SiteScopedViewSet, described
from registry.filters import OrganisationFilter
from registry.models import Organisation, PopulationFigure
from registry.organisation_keys import key_of, key_q
from registry.queries import visible_organisations

KEY = OpenApiParameter(
    "sleutel",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description=_(
        "De CBS-code (GM0153, PV23), of org-<nummer> voor een organisatie zonder CBS-code "
        "(waterschap, andere overheid, private partner); org-<nummer> werkt voor elke "
        "organisatie en blijft werken."
    ),
)


class PopulationSerializer(serializers.ModelSerializer):
    jaar = serializers.IntegerField(source="year")
    peildatum = serializers.DateField(source="reference_date")
    inwoners = serializers.IntegerField(source="inhabitants")
    huishoudens = serializers.IntegerField(source="households", allow_null=True)

    class Meta:
        model = PopulationFigure
        fields = ["jaar", "peildatum", "inwoners", "huishoudens"]


class OrganisationRefSerializer(serializers.ModelSerializer):
    """Een organisatie waar een ander gegeven haar noemt."""

    # the docstring is the schema's description, which the API's users read: in Dutch

    sleutel = serializers.SerializerMethodField()
    cbs_code = serializers.CharField(allow_null=True)
    naam = serializers.CharField(source="name")
    url = serializers.SerializerMethodField()

    class Meta:
        model = Organisation
        fields = ["sleutel", "cbs_code", "naam", "url"]

    def get_sleutel(self, organisation) -> str:
        """The CBS code, or `org-<id>` for an organisation without one."""
        return key_of(organisation)

    @extend_schema_field(OpenApiTypes.URI)
    def get_url(self, organisation) -> str:
        return detail_url(self.context, "api:organisatie-detail", key_of(organisation))


@extend_schema_field(OpenApiTypes.STR)
class OrganisationKeyField(serializers.RelatedField):
    """An organisation in a request body, by its key (the CBS code, or `org-<id>`)."""

    default_error_messages = {
        "does_not_exist": _("Er is geen organisatie met de sleutel “{value}”."),
        "incorrect_type": _("Geef de sleutel van de organisatie als tekst."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("queryset", Organisation.objects.all())
        super().__init__(**kwargs)

    def to_internal_value(self, data):
        if not isinstance(data, str):
            self.fail("incorrect_type")
        found = self.get_queryset().filter(key_q(data)).first()
        if found is None:
            self.fail("does_not_exist", value=data)
        return found

    def to_representation(self, value):
        return key_of(value)


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


def organisation_by_key(queryset, key: str):
    """The organisation with `key` among `queryset`, else 404."""
    found = queryset.filter(key_q(key)).first()
    if found is None:
        raise Http404
    return found


@described(
    many=_(
        "De organisaties die publiceren en die uw rollen u laten lezen, met hun sleutel "
        "(CBS-code, anders org-<id>) en inwonertal per jaar."
    ),
    one=_("Eén organisatie, op haar sleutel (CBS-code, anders org-<id>)."),
    parameters=[KEY],
)
class OrganisationViewSet(SiteScopedViewSet):
    """Organisations that publish, and those the reader's roles let it read (as the public
    pages decide), by their key."""

    serializer_class = OrganisationSerializer
    filterset_class = OrganisationFilter
    lookup_url_kwarg = "sleutel"

    def base_queryset(self):
        return Organisation.objects.select_related("province")

    def get_object(self):
        queryset = self.filter_queryset(self.get_queryset())
        found = organisation_by_key(queryset, self.kwargs[self.lookup_url_kwarg])
        self.check_object_permissions(self.request, found)
        return found

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
