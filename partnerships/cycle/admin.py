"""Admin of the budget cycle: the terms (administrators), the documents of each party per
budget year with their deadline and state, and the zienswijzen with one action per step."""

from django import forms
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.cycle import calendar, services, zienswijzen
from partnerships.cycle.choices import (
    CouncilDecision,
    DocumentKind,
    DocumentState,
    Supervisor,
    ZienswijzeStatus,
)
from partnerships.cycle.models import CycleDocument, RuleSet, Zienswijze, ZienswijzeStep
from partnerships.cycle.queries import state_conditions, with_overdue, with_state
from registry import access
from registry.admin_base import (
    OrganisationFilter,
    ReferenceDataAdmin,
    RegisterAdmin,
    RegisterInline,
    StepForm,
    offered_to,
    step_action,
)
from registry.models import Organisation, OrganisationKind, RoleKind

User = get_user_model()
TO_SUPERVISOR = (DocumentKind.BUDGET_TO_PROVINCE, DocumentKind.ACCOUNTS_TO_PROVINCE)


@offered_to(RoleKind.GRIFFIE)
@admin.action(description=_("Begrotingscyclus van volgend jaar klaarzetten"))
def create_next_budget_cycle(model_admin, request, queryset):
    """On the party list: the five yearly cycle documents of next budget year, where missing."""
    year = timezone.localdate().year + 1
    for party in queryset:
        if not calendar.has_cycle(party):
            model_admin.message_user(
                request,
                _(
                    "%(party)s heeft geen eigen begroting (geen openbaar lichaam, "
                    "bedrijfsvoeringsorganisatie of gemeenschappelijk orgaan)."
                )
                % {"party": party},
                messages.WARNING,
            )
            continue
        try:
            services.ensure_cycle(party, year, user=request.user)
        except access.WriteRefused as refused:
            model_admin.message_user(request, f"{party}: {refused.reason}", messages.ERROR)
            continue
        model_admin.message_user(
            request,
            _("%(party)s: begrotingscyclus %(year)s klaargezet.") % {"party": party, "year": year},
        )


@admin.register(RuleSet)
class RuleSetAdmin(ReferenceDataAdmin):
    list_display = (
        "name",
        "valid_from",
        "valid_until",
        "draft_weeks_before_board",
        "atw_after_event",
        "atw_before_date",
    )

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)  # recomputes every deadline
        self.message_user(request, _("De termijnen zijn opnieuw berekend."))


class StateFilter(admin.SimpleListFilter):
    title = _("stand")
    parameter_name = "stand"

    def lookups(self, request, model_admin):
        return DocumentState.choices

    def queryset(self, request, queryset):
        conditions = state_conditions(timezone.localdate())
        if self.value() in conditions:
            return queryset.filter(conditions[self.value()])
        return queryset


class ProvinceFilter(OrganisationFilter):
    """Documents of parties with a participant in the province: the supervisor's view."""

    title = _("provincie van een deelnemer")
    parameter_name = "provincie"

    def organisations(self, request):
        # only the provinces the user supervises: which parties have participants in another
        # province would tell another municipality's participations
        provinces = Organisation.objects.filter(kind=OrganisationKind.PROVINCE)
        g = access.grants(request.user)
        return provinces if g.is_admin else provinces.filter(pk__in=g.orgs(RoleKind.SUPERVISOR))

    def restrict(self, queryset, organisation_id):
        return queryset.filter(
            party__participations__organisation__province_id=organisation_id
        ).distinct()


@admin.register(CycleDocument)
class CycleDocumentAdmin(RegisterAdmin):
    list_display = (
        "party",
        "year",
        "kind",
        "due_on",
        "sent_on",
        "received_on",
        "adopted_on",
        "state_label",
        "supervisor_label",
    )
    list_select_related = ("party",)
    list_filter = (StateFilter, ProvinceFilter, "year", "kind")
    search_fields = ("party__name", "party__short_name")
    autocomplete_fields = ("party",)
    readonly_fields = ("due_on", "due_rule", "state_label", "supervisor_label")
    fields = (
        "party",
        "year",
        ("kind", "sequence", "without_zienswijze"),
        "board_meeting_on",
        ("due_on", "due_rule"),
        ("sent_on", "received_on"),
        "state_label",
        "adopted_on",
        "supervisor_label",
        "url",
        "document",
        "notes",
    )

    def get_queryset(self, request):
        return with_state(super().get_queryset(request), timezone.localdate())

    @admin.display(description=_("stand"), ordering="state")
    def state_label(self, document):
        return document.state_label or "-"

    @admin.display(description=_("toezichthouder"))
    def supervisor_label(self, document):
        if document.kind not in TO_SUPERVISOR or getattr(document, "supervisor", None) is None:
            return "-"
        return Supervisor(document.supervisor).label

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)  # the deadline; opens the zienswijzen
        opened = obj.zienswijzen.count()
        if opened:
            self.message_user(
                request, _("Zienswijzen klaargezet voor %(count)d gemeenten.") % {"count": opened}
            )


class ZienswijzeStepInline(RegisterInline):
    """The recorded steps, scoped like every inline; nobody edits them (take_step writes)."""

    model = ZienswijzeStep
    fields = ("at", "source", "target", "by", "comment")
    readonly_fields = fields
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ZienswijzeStepForm(StepForm):
    """Besides the comment: the council's decision (no default: it must be chosen) and its
    text for "besloten"; the day it went out for "verzonden"; for a step back the reason
    (no date for the other steps)."""

    decision = forms.ChoiceField(
        label=_("Besluit van de raad"),
        choices=[("", _("— kies het besluit —")), *CouncilDecision.choices],
    )
    text = forms.CharField(
        label=_("Tekst van de zienswijze"),
        required=False,
        widget=forms.Textarea,
        help_text=_("Verplicht, tenzij de raad instemt."),
    )

    def __init__(self, *args, target: str, **kwargs):
        super().__init__(*args, **kwargs)
        if target != ZienswijzeStatus.DECIDED:
            del self.fields["decision"], self.fields["text"]
        if target == ZienswijzeStatus.SENT:
            self.fields["on"].label = _("Verzonden op")
        else:
            del self.fields["on"]
        if not target:  # a step back
            self.fields["comment"].label = _("Reden")
            self.fields["comment"].required = True

    def clean(self):
        data = super().clean()
        decision = data.get("decision")
        if decision and decision != CouncilDecision.AGREE and not data.get("text", "").strip():
            self.add_error(
                "text",
                _("Bij “%(decision)s” hoort de tekst van de zienswijze.")
                % {"decision": CouncilDecision(decision).label},
            )
        return data


def _step_action(target: str, description: str):
    """The action that takes each selected zienswijze to `target`, or ("") one step back;
    offered to the roles the workflow lets take such a step."""
    workflow = zienswijzen.WORKFLOW

    def target_of(zienswijze):
        return target or workflow.back_from(zienswijze.status)

    def make_form(data):
        return ZienswijzeStepForm(data, target=target, initial={"on": timezone.localdate()})

    def take(zienswijze, user, data):
        services.take_step(
            zienswijze,
            target_of(zienswijze),
            user,
            comment=data.get("comment", ""),
            decision=data.get("decision", ""),
            text=data.get("text", ""),
            on=data.get("on"),
        )

    return step_action(
        f"step_{target or 'back'}",
        description,
        make_form,
        take,
        workflow=workflow,
        target=target_of,
        roles=workflow.roles_towards(target or None),
    )


@admin.register(Zienswijze)
class ZienswijzeAdmin(RegisterAdmin):
    list_display = (
        "party",
        "organisation",
        "status",
        "overdue_flag",
        "due_on",
        "decision",
        "sent_on",
        "year",
    )
    list_select_related = ("document__party", "organisation")
    list_filter = ("status", "decision", "document__year")
    search_fields = ("document__party__name", "organisation__name")
    readonly_fields = (
        "document",
        "organisation",
        "status",
        "due_on",
        "decision",
        "text",
        "sent_on",
    )
    fields = (
        "document",
        "organisation",
        ("status", "due_on"),
        "responsible",
        "council_meeting_on",
        "decision",
        "text",
        "sent_on",
    )
    inlines = (ZienswijzeStepInline,)
    actions = (
        _step_action(ZienswijzeStatus.IN_PREPARATION, _("In voorbereiding nemen")),
        _step_action(ZienswijzeStatus.DECIDED, _("Besluit van de raad vastleggen")),
        _step_action(ZienswijzeStatus.SENT, _("Verzonden aan de regeling")),
        _step_action("", _("Een stap terugzetten (met reden)")),
    )

    def get_queryset(self, request):
        return with_overdue(super().get_queryset(request), timezone.localdate())

    @admin.display(description=_("samenwerkingsverband"), ordering="document__party__name")
    def party(self, zienswijze):
        return zienswijze.document.party.name

    @admin.display(description=_("begrotingsjaar"), ordering="document__year")
    def year(self, zienswijze):
        return zienswijze.document.year

    @admin.display(description=_("te laat"), boolean=True, ordering="overdue")
    def overdue_flag(self, zienswijze):
        return bool(zienswijze.overdue)

    def has_add_permission(self, request):
        return False  # opened by the receipt of the draft budget (cycle.zienswijzen)

    def has_delete_permission(self, request, obj=None):
        return access.grants(request.user).is_admin  # the record of a council's decision

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if obj is not None and "responsible" in form.base_fields:
            # only people who act for this municipality, not every user of the registry
            form.base_fields["responsible"].queryset = User.objects.filter(
                registry_roles__organisation=obj.organisation_id
            ).distinct()
        return form
