"""`organen`: the bodies of a party (algemeen bestuur, dagelijks bestuur, ...) with their
seats. A seat is listed as the public pages list it: an office holder's seat of a
municipality that publishes, and what the reader's roles let it read (access.site_scope)."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from partnerships.api.participations import PartyRefSerializer
from partnerships.choices import BodyKind, SeatFunction, SeatHolderRole
from partnerships.filters import BodyFilter
from partnerships.models import Body, Seat
from registry.api.fields import DetailLink, code_and_label
from registry.api.organisations import OrganisationRefSerializer
from registry.api.viewsets import SiteScopedViewSet, described


class SeatSerializer(serializers.ModelSerializer):
    namens = OrganisationRefSerializer(source="organisation", allow_null=True)
    naam = serializers.CharField(source="person_name")
    hoedanigheid, hoedanigheid_omschrijving = code_and_label("holder_role", SeatHolderRole)
    functie, functie_omschrijving = code_and_label("function", SeatFunction)
    zittingstermijn_vanaf = serializers.DateField(source="start_date", allow_null=True)
    zittingstermijn_tot_en_met = serializers.DateField(source="end_date", allow_null=True)

    class Meta:
        model = Seat
        fields = [
            "namens",
            "naam",
            "hoedanigheid",
            "hoedanigheid_omschrijving",
            "functie",
            "functie_omschrijving",
            "zittingstermijn_vanaf",
            "zittingstermijn_tot_en_met",
        ]


class BodySerializer(serializers.ModelSerializer):
    url = DetailLink(view_name="api:orgaan-detail")
    samenwerkingsverband = PartyRefSerializer(source="party")
    soort, soort_omschrijving = code_and_label("kind", BodyKind)
    naam = serializers.CharField(source="name")
    samenstelling_en_taken = serializers.CharField(source="description")
    zetels = SeatSerializer(source="seats_in_order", many=True)

    class Meta:
        model = Body
        fields = [
            "url",
            "id",
            "samenwerkingsverband",
            "soort",
            "soort_omschrijving",
            "naam",
            "samenstelling_en_taken",
            "zetels",
        ]


@described(
    many=_(
        "De organen van de samenwerkingsverbanden (algemeen en dagelijks bestuur, "
        "aandeelhoudersvergadering, …) met hun zetels."
    ),
    one=_("Eén orgaan met zijn zetels."),
)
class BodyViewSet(SiteScopedViewSet):
    serializer_class = BodySerializer
    filterset_class = BodyFilter

    def base_queryset(self):
        return Body.objects.select_related("party").order_by("party__name", "kind", "name", "pk")

    def scoped(self, queryset):
        seats = self.scope(
            Seat.objects.select_related("organisation").order_by("function", "person_name", "pk")
        )
        return (
            super()
            .scoped(queryset)
            .prefetch_related(Prefetch("seats", queryset=seats, to_attr="seats_in_order"))
        )
