"""`evaluaties`: evaluations of a party (or of one municipality's participation) with what
the respondents of a completed one answered together per criterion (evaluations.scorecard:
never one respondent's answers, never a name) and the follow-up actions the reader may
read (never public). Registered on /api/v1/ through registry.api.routes (apps.py)."""

from django.db.models import Prefetch
from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from evaluations.choices import ActionStatus, EvaluationStatus, Performer
from evaluations.filters import EvaluationFilter
from evaluations.models import Answer, Evaluation, FollowUpAction, Respondent
from evaluations.scorecard import summarise
from partnerships.api.participations import PartyRefSerializer
from registry.api.fields import DetailLink, code_and_label, optional_link
from registry.api.organisations import OrganisationRefSerializer
from registry.api.viewsets import SiteScopedViewSet, described


class ScoreSerializer(serializers.Serializer):
    criterium = serializers.CharField(source="criterion.name")
    aantal_antwoorden = serializers.IntegerField(source="answered")
    gemiddelde_score = serializers.FloatField(source="mean", allow_null=True)
    spreiding = serializers.FloatField(source="spread", allow_null=True)
    laagste = serializers.IntegerField(source="lowest", allow_null=True)
    hoogste = serializers.IntegerField(source="highest", allow_null=True)
    ontbreekt_of_deels = serializers.IntegerField(source="missing")
    gemis_is_probleem = serializers.IntegerField(source="problem")


class ActionSerializer(serializers.ModelSerializer):
    actie = serializers.CharField(source="description")
    eigenaar = serializers.CharField(source="owner_name")
    uiterlijk = serializers.DateField(source="due_on", allow_null=True)
    status = serializers.ChoiceField(choices=ActionStatus.choices, read_only=True)
    status_omschrijving = serializers.CharField(source="get_status_display", read_only=True)
    afgerond_op = serializers.DateField(source="done_on", allow_null=True)

    class Meta:
        model = FollowUpAction
        fields = ["actie", "eigenaar", "uiterlijk", "status", "status_omschrijving", "afgerond_op"]


class EvaluationSerializer(serializers.ModelSerializer):
    url = DetailLink(view_name="api:evaluatie-detail")
    samenwerkingsverband = PartyRefSerializer(source="party")
    alleen_deelname_van = OrganisationRefSerializer(source="organisation", allow_null=True)
    titel = serializers.CharField(source="title")
    reikwijdte = serializers.CharField(source="scope")
    uitgevoerd_door, uitgevoerd_door_omschrijving = code_and_label("performer", Performer)
    naam_uitvoerder = serializers.CharField(source="performer_name")
    status = serializers.ChoiceField(choices=EvaluationStatus.choices, read_only=True)
    status_omschrijving = serializers.CharField(source="get_status_display", read_only=True)
    geplande_start = serializers.DateField(source="planned_start", allow_null=True)
    gepland_gereed = serializers.DateField(source="planned_end", allow_null=True)
    werkelijke_start = serializers.DateField(source="actual_start", allow_null=True)
    afgerond_op = serializers.DateField(source="actual_end", allow_null=True)
    link_rapport = optional_link("report_url")
    conclusies = serializers.CharField(source="conclusions")
    aanbevelingen = serializers.CharField(source="recommendations")
    scores = serializers.SerializerMethodField()
    vervolgacties = ActionSerializer(source="actions_in_order", many=True)

    class Meta:
        model = Evaluation
        fields = [
            "url",
            "id",
            "samenwerkingsverband",
            "alleen_deelname_van",
            "titel",
            "reikwijdte",
            "uitgevoerd_door",
            "uitgevoerd_door_omschrijving",
            "naam_uitvoerder",
            "status",
            "status_omschrijving",
            "geplande_start",
            "gepland_gereed",
            "werkelijke_start",
            "afgerond_op",
            "link_rapport",
            "conclusies",
            "aanbevelingen",
            "scores",
            "vervolgacties",
        ]

    @staticmethod
    def _answers(evaluation):
        for respondent in evaluation.respondents_of_scores:
            yield from respondent.answers.all()

    def get_scores(self, evaluation) -> ScoreSerializer(many=True):
        """Per criterion, what the respondents answered together; only once completed."""
        return ScoreSerializer(summarise(self._answers(evaluation)), many=True).data


@described(
    many=_("De evaluaties van de samenwerkingsverbanden, met hun scores en vervolgacties."),
    one=_("Eén evaluatie met haar scores en vervolgacties."),
)
class EvaluationViewSet(SiteScopedViewSet):
    serializer_class = EvaluationSerializer
    filterset_class = EvaluationFilter

    def base_queryset(self):
        return Evaluation.objects.select_related("party", "organisation").order_by(
            "party__name", "-planned_end", "pk"
        )

    def scoped(self, queryset):
        # read for every reader of a completed evaluation: only the summaries leave here
        respondents = Respondent.objects.filter(
            evaluation__status=EvaluationStatus.COMPLETED
        ).prefetch_related(Prefetch("answers", queryset=Answer.objects.select_related("criterion")))
        actions = self.scope(FollowUpAction.objects.order_by("due_on", "pk"))
        return (
            super()
            .scoped(queryset)
            .prefetch_related(
                Prefetch("respondents", queryset=respondents, to_attr="respondents_of_scores"),
                Prefetch("actions", queryset=actions, to_attr="actions_in_order"),
            )
        )
