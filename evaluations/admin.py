"""Admin of evaluations: the criteria catalogue (administrators), evaluations with their
respondents, the scorecard as the respondents answered it together, follow-up actions,
status steps as actions, and the comparison per party. A respondent's own answers are
entered on the respondent's page, by who keeps the evaluation."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.db.models import Count
from django.template.loader import render_to_string
from django.utils.translation import gettext_lazy as _

from evaluations import services, workflow
from evaluations.choices import EvaluationStatus
from evaluations.models import Answer, Criterion, Evaluation, FollowUpAction, Respondent
from evaluations.scorecard import summarise
from registry import access
from registry.admin_base import (
    ReferenceDataAdmin,
    RegisterAdmin,
    RegisterInline,
    StepForm,
    page_link,
    step_action,
)

User = get_user_model()


@admin.register(Criterion)
class CriterionAdmin(ReferenceDataAdmin):
    list_display = ("name", "catalogue", "order", "active")
    list_filter = ("catalogue", "active")
    search_fields = ("name", "description")


class ActiveCriteria:
    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "criterion":
            kwargs["queryset"] = Criterion.objects.filter(active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class AnswerInline(ActiveCriteria, RegisterInline):
    model = Answer
    fields = ("criterion", "presence", "absence_problem", "score", "explanation")
    show_change_link = False


class RespondentInline(RegisterInline):
    """Who answered; their answers behind the change link. Shown only to who keeps the
    evaluation (the others read the summary)."""

    model = Respondent
    fields = ("anonymous", "name", "capacity", "answered_on", "answer_count")
    readonly_fields = ("answer_count",)

    def has_view_permission(self, request, obj=None):
        return obj is None or access.can(request.user, access.CHANGE, obj)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(answer_total=Count("answers"))

    @admin.display(description=_("antwoorden"))
    def answer_count(self, respondent):
        return getattr(respondent, "answer_total", None) if respondent.pk else "-"


@admin.register(Respondent)
class RespondentAdmin(RegisterAdmin):
    list_display = ("__str__", "evaluation", "capacity", "answered_on")
    list_select_related = ("evaluation",)
    search_fields = ("name", "capacity", "evaluation__title")
    autocomplete_fields = ("evaluation",)
    fields = ("evaluation", ("anonymous", "name"), "capacity", "answered_on")
    inlines = (AnswerInline,)


class FollowUpActionInline(RegisterInline):
    model = FollowUpAction
    fields = ("description", "owner", "owner_name", "due_on", "status", "done_on")
    show_change_link = False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "owner":
            # people acting for the organisations the user keeps, not every registry user
            kwargs["queryset"] = User.objects.filter(
                registry_roles__organisation__in=access.writable_organisations(request.user)
            ).distinct()
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


class EvaluationStepForm(StepForm):
    """A cancellation asks its reason."""

    def __init__(self, *args, target: str, **kwargs):
        super().__init__(*args, **kwargs)
        if target == EvaluationStatus.CANCELLED:
            self.fields["comment"].label = _("Reden")
            self.fields["comment"].required = True


def _step_action(target: str, description: str):
    def take(evaluation, user, data):
        services.take_step(evaluation, target, user, comment=data["comment"], on=data["on"])

    return step_action(
        f"step_{target}",
        description,
        lambda data: EvaluationStepForm(data, target=target),
        take,
        workflow=workflow.WORKFLOW,
        target=lambda evaluation: target,
        roles=workflow.WORKFLOW.roles_towards(target),
    )


@admin.register(Evaluation)
class EvaluationAdmin(RegisterAdmin):
    list_display = (
        "title",
        "status",
        "party",
        "organisation",
        "planned_end",
        "actual_end",
        "compare_link",
    )
    list_select_related = ("party", "organisation")
    list_filter = ("status", "performer")
    search_fields = ("title", "party__name", "performer_name")
    autocomplete_fields = ("party",)
    readonly_fields = (
        "status",
        "actual_start",
        "actual_end",
        "cancel_reason",
        "compare_link",
        "scorecard",
    )
    inlines = (RespondentInline, FollowUpActionInline)
    fieldsets = (
        (None, {"fields": ("party", "organisation", "title", "scope")}),
        (_("Uitvoering"), {"fields": (("performer", "performer_name"), "status", "cancel_reason")}),
        (
            _("Planning"),
            {"fields": (("planned_start", "planned_end"), ("actual_start", "actual_end"))},
        ),
        (
            _("Uitkomst"),
            {
                "fields": (
                    "report",
                    "report_url",
                    "conclusions",
                    "recommendations",
                    "public",
                    "compare_link",
                )
            },
        ),
        (_("Scorekaart: wat de respondenten samen antwoordden"), {"fields": ("scorecard",)}),
    )
    actions = (
        _step_action(EvaluationStatus.IN_PROGRESS, _("Evaluatie starten")),
        _step_action(EvaluationStatus.COMPLETED, _("Evaluatie afronden")),
        _step_action(EvaluationStatus.CANCELLED, _("Evaluatie laten vervallen (met reden)")),
    )

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation":
            kwargs["queryset"] = access.writable_organisations(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("samenvatting"))
    def scorecard(self, evaluation):
        if evaluation.pk is None:
            return "-"
        answers = Answer.objects.filter(respondent__evaluation=evaluation).select_related(
            "criterion"
        )
        return render_to_string(
            "evaluations/scorecard.html",
            {"summaries": summarise(answers), "respondents": evaluation.respondents.count()},
        )

    @admin.display(description=_("scores vergelijken"))
    def compare_link(self, evaluation):
        return page_link(
            evaluation,
            "evaluations:comparison",
            _("alle evaluaties van deze partij"),
            evaluation.party_id,
        )
