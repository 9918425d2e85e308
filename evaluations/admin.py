"""Admin of evaluations: the criteria catalogue (administrators), evaluations with their
scorecard and follow-up actions, status steps as actions, and the comparison per party."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _

from evaluations import services, workflow
from evaluations.choices import EvaluationStatus
from evaluations.models import Criterion, Evaluation, FollowUpAction, Score
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


class ScoreInline(RegisterInline):
    model = Score
    fields = ("criterion", "score", "explanation")
    show_change_link = False

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "criterion":
            kwargs["queryset"] = Criterion.objects.filter(active=True)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


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
    readonly_fields = ("status", "actual_start", "actual_end", "cancel_reason", "compare_link")
    inlines = (ScoreInline, FollowUpActionInline)
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

    @admin.display(description=_("scores vergelijken"))
    def compare_link(self, evaluation):
        return page_link(
            evaluation,
            "evaluations:comparison",
            _("alle evaluaties van deze partij"),
            evaluation.party_id,
        )
