"""`cyclusstukken` (the documents of a party's budget cycle with their statutory deadline and
whether it was met: Wgr art. 34, 34b, 35, 58, computed by cycle.calendar) and `zienswijzen`
(a council's view on a draft, with its steps), read as the public pages read them."""

from django.db.models import Prefetch
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from partnerships.api.participations import PartyRefSerializer
from partnerships.cycle.choices import (
    CouncilDecision,
    DocumentKind,
    DocumentState,
    ZienswijzeStatus,
)
from partnerships.cycle.filters import CycleDocumentFilter, ZienswijzeFilter
from partnerships.cycle.models import CycleDocument, Zienswijze, ZienswijzeStep
from partnerships.cycle.queries import with_overdue, with_state
from registry.api.fields import DetailLink, code_and_label, optional_link
from registry.api.organisations import OrganisationRefSerializer
from registry.api.viewsets import SiteScopedViewSet, described


class CycleDocumentRefSerializer(serializers.ModelSerializer):
    url = DetailLink(view_name="api:cyclusstuk-detail")
    samenwerkingsverband = PartyRefSerializer(source="party")
    begrotingsjaar = serializers.IntegerField(source="year")
    soort, soort_omschrijving = code_and_label("kind", DocumentKind)
    volgnummer = serializers.IntegerField(source="sequence")

    class Meta:
        model = CycleDocument
        fields = [
            "url",
            "id",
            "samenwerkingsverband",
            "begrotingsjaar",
            "soort",
            "soort_omschrijving",
            "volgnummer",
        ]


class CycleDocumentSerializer(CycleDocumentRefSerializer):
    zonder_zienswijze = serializers.BooleanField(source="without_zienswijze")
    vergadering_algemeen_bestuur = serializers.DateField(source="board_meeting_on", allow_null=True)
    verzonden_op = serializers.DateField(source="sent_on", allow_null=True)
    ontvangen_op = serializers.DateField(source="received_on", allow_null=True)
    vastgesteld_op = serializers.DateField(source="adopted_on", allow_null=True)
    uiterlijk = serializers.DateField(source="due_on", allow_null=True)
    termijn = serializers.CharField(source="due_rule")
    stand = serializers.ChoiceField(source="state", choices=DocumentState.choices)
    stand_omschrijving = serializers.CharField(source="state_label")
    link = optional_link("url")

    class Meta(CycleDocumentRefSerializer.Meta):
        fields = [
            *CycleDocumentRefSerializer.Meta.fields,
            "zonder_zienswijze",
            "vergadering_algemeen_bestuur",
            "verzonden_op",
            "ontvangen_op",
            "vastgesteld_op",
            "uiterlijk",
            "termijn",
            "stand",
            "stand_omschrijving",
            "link",
        ]


@described(
    many=_(
        "De stukken van de begrotingscyclus van de samenwerkingsverbanden, met hun wettelijke "
        "termijnen en hoe ver ze zijn."
    ),
    one=_("Eén stuk van de begrotingscyclus."),
)
class CycleDocumentViewSet(SiteScopedViewSet):
    serializer_class = CycleDocumentSerializer
    filterset_class = CycleDocumentFilter

    def base_queryset(self):
        return with_state(
            CycleDocument.objects.select_related("party"), timezone.localdate()
        ).order_by("-year", "party__name", "kind", "sequence", "pk")


class StepSerializer(serializers.ModelSerializer):
    """Een stap van de zienswijze: van welke stand naar welke, wanneer en waarom. Wie hem
    zette staat er niet bij: de naam van een ambtenaar wordt niet gepubliceerd."""

    # the docstring is the schema's description (README "Personal data"): in Dutch

    van = serializers.ChoiceField(source="source", choices=ZienswijzeStatus.choices)
    naar = serializers.ChoiceField(source="target", choices=ZienswijzeStatus.choices)
    op = serializers.DateTimeField(source="at")
    toelichting = serializers.CharField(source="comment")

    class Meta:
        model = ZienswijzeStep
        fields = ["van", "naar", "op", "toelichting"]


class ZienswijzeSerializer(serializers.ModelSerializer):
    url = DetailLink(view_name="api:zienswijze-detail")
    stuk = CycleDocumentRefSerializer(source="document")
    organisatie = OrganisationRefSerializer(source="organisation")
    status = serializers.ChoiceField(choices=ZienswijzeStatus.choices, read_only=True)
    status_omschrijving = serializers.CharField(source="get_status_display", read_only=True)
    uiterlijk = serializers.DateField(source="due_on", allow_null=True)
    te_laat = serializers.BooleanField(source="overdue")
    raadsvergadering = serializers.DateField(source="council_meeting_on", allow_null=True)
    besluit = serializers.ChoiceField(
        source="decision", choices=[("", ""), *CouncilDecision.choices], read_only=True
    )
    tekst = serializers.CharField(source="text")
    verzonden_op = serializers.DateField(source="sent_on", allow_null=True)
    stappen = StepSerializer(source="steps_in_order", many=True)

    class Meta:
        model = Zienswijze
        fields = [
            "url",
            "id",
            "stuk",
            "organisatie",
            "status",
            "status_omschrijving",
            "uiterlijk",
            "te_laat",
            "raadsvergadering",
            "besluit",
            "tekst",
            "verzonden_op",
            "stappen",
        ]


@described(
    many=_("De zienswijzen van de raden op de stukken van de begrotingscyclus, met hun stappen."),
    one=_("Eén zienswijze met haar stappen."),
)
class ZienswijzeViewSet(SiteScopedViewSet):
    serializer_class = ZienswijzeSerializer
    filterset_class = ZienswijzeFilter

    def base_queryset(self):
        return with_overdue(
            Zienswijze.objects.select_related("document__party", "organisation"),
            timezone.localdate(),
        ).order_by("-document__year", "document__party__name", "organisation__name", "pk")

    def scoped(self, queryset):
        steps = self.scope(ZienswijzeStep.objects.order_by("at", "pk"))
        return (
            super()
            .scoped(queryset)
            .prefetch_related(Prefetch("steps", queryset=steps, to_attr="steps_in_order"))
        )
