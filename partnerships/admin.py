"""Admin for griffie and finance staff: parties, legal basis, bodies, participations."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from partnerships import (
    admin_finance,  # noqa: F401 (registers the money admins)
    admin_imports,  # noqa: F401 (registers the list of imports)
    queries,
)
from partnerships.admin_filters import (
    BBVCategoryFilter,
    ParticipantFilter,
    ParticipationVerbondenPartijFilter,
    PartyVerbondenPartijFilter,
)
from partnerships.cycle.admin import create_next_budget_cycle
from partnerships.models import Body, LegalBasis, Participation, Party, Seat, Theme
from partnerships.models.participations import FINANCIAL_FIELDS
from registry import access
from registry.admin_base import (
    ReferenceDataAdmin,
    RegisterAdmin,
    RegisterInline,
    page_link,
    period_column,
)
from registry.models import Organisation, OrganisationKind


class OrganisationChoicesMixin:
    """Limit who a record can be registered for to the organisations the user acts for."""

    own_organisation_fields = ("organisation", "maintainer")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.own_organisation_fields:
            kwargs["queryset"] = access.writable_organisations(request.user)
        elif db_field.name == "centre_organisation":
            kwargs["queryset"] = Organisation.objects.filter(kind=OrganisationKind.MUNICIPALITY)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


@admin.display(description=_("verbonden partij"), boolean=True)
def verbonden_partij(participation):
    annotated = getattr(participation, "verbonden_partij", None)
    return participation.is_verbonden_partij if annotated is None else annotated


@admin.display(description=_("uittreding"))
def exit_what_if_link(participation):
    return page_link(participation, "partnerships:exit_what_if", _("doorrekenen"), participation.pk)


class LegalBasisInline(RegisterInline):
    """The versions in a row each; the exit clause (notice, how the exit cost is computed)
    on the legal basis's own page, behind the change link, so the form fits the screen."""

    model = LegalBasis
    fields = (
        "kind",
        "title",
        "adopted_on",
        "in_force_from",
        "in_force_until",
        "evaluation_interval_years",
    )


class BodyInline(RegisterInline):
    model = Body
    fields = ("kind", "name", "description")


class ParticipationInline(OrganisationChoicesMixin, RegisterInline):
    model = Participation
    fields = ("organisation", "start_date", "end_date", "seats", "voting_weight", verbonden_partij)
    readonly_fields = (verbonden_partij,)
    autocomplete_fields = ()

    def get_queryset(self, request):
        return queries.participations_for_list(super().get_queryset(request))


class SeatInline(OrganisationChoicesMixin, RegisterInline):
    model = Seat
    fields = ("organisation", "person_name", "holder_role", "function", "start_date", "end_date")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")


@admin.register(Theme)
class ThemeAdmin(ReferenceDataAdmin):
    search_fields = ("name",)
    list_display = ("name",)


@admin.register(Party)
class PartyAdmin(OrganisationChoicesMixin, RegisterAdmin):
    list_display = (
        "name",
        "legal_form",
        "bbv_category_label",
        "status",
        "theme_list",
        "participant_count",
    )
    list_filter = (
        BBVCategoryFilter,
        "legal_form",
        "themes",
        ParticipantFilter,
        "status",
        PartyVerbondenPartijFilter,
        "participation_mandatory",
    )
    search_fields = ("name", "short_name", "code", "kvk_number", "seat")
    filter_horizontal = ("themes",)
    readonly_fields = ("bbv_category_label", "legal_personality")
    inlines = (LegalBasisInline, BodyInline, ParticipationInline)
    actions = (create_next_budget_cycle,)
    fieldsets = (
        (None, {"fields": ("name", "short_name", "code", "status", "start_date", "end_date")}),
        (
            _("Juridische vorm"),
            {
                "fields": (
                    "legal_form",
                    "regeling_type",
                    "bbv_category_label",
                    "legal_personality",
                    "kvk_number",
                    "seat",
                    "centre_organisation",
                    "participation_mandatory",
                    "maintainer",
                )
            },
        ),
        (
            _("Inhoud"),
            {
                "fields": (
                    "public_interest",
                    "description",
                    "themes",
                    ("task_policy_making", "task_policy_execution", "task_operations"),
                    "cooperation_model",
                    "website",
                )
            },
        ),
    )

    def get_queryset(self, request):
        return queries.parties_for_list(super().get_queryset(request), request.user)

    @admin.display(description=_("BBV-categorie"))
    def bbv_category_label(self, party):
        return party.get_bbv_category_display() if party.legal_form else "-"

    @admin.display(description=_("rechtspersoonlijkheid"), boolean=True)
    def legal_personality(self, party):
        return party.has_legal_personality if party.legal_form else None

    @admin.display(description=_("thema's"))
    def theme_list(self, party):
        return ", ".join(theme.name for theme in party.themes.all())

    @admin.display(description=_("deelnemers (zichtbaar voor u)"), ordering="participant_count")
    def participant_count(self, party):
        return party.participant_count


@admin.register(LegalBasis)
class LegalBasisAdmin(RegisterAdmin):
    list_display = (
        "title",
        "party",
        "kind",
        period_column(_("in werking"), "in_force_from", "in_force_until"),
        "adopted_on",
    )
    list_select_related = ("party",)
    list_filter = ("kind",)
    search_fields = ("title", "party__name", "publication_reference")
    date_hierarchy = "in_force_from"
    autocomplete_fields = ("party",)


@admin.register(Body)
class BodyAdmin(RegisterAdmin):
    list_display = ("__str__", "kind", "party")
    list_select_related = ("party",)
    list_filter = ("kind",)
    search_fields = ("name", "party__name")
    autocomplete_fields = ("party",)
    inlines = (SeatInline,)


@admin.register(Participation)
class ParticipationAdmin(OrganisationChoicesMixin, RegisterAdmin):
    # what matters first, the what-if link early: the list fits a 1366-pixel screen
    list_display = (
        "party",
        "organisation",
        verbonden_partij,
        exit_what_if_link,
        period_column(_("deelname")),
        "confirmation",
    )
    list_filter = (
        ParticipationVerbondenPartijFilter,
        ParticipantFilter,
        "party__legal_form",
        "confirmation",
    )
    search_fields = ("party__name", "organisation__name", "organisation__cbs_code")
    autocomplete_fields = ("party",)
    readonly_fields = (verbonden_partij, exit_what_if_link, "confirmation", "confirmation_note")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "party",
                    "organisation",
                    "start_date",
                    "end_date",
                    "notes",
                    ("confirmation", "confirmation_note"),
                )
            },
        ),
        (_("Bestuurlijk belang"), {"fields": ("seats", "voting_weight")}),
        (
            _("Financieel belang"),
            {"fields": (*FINANCIAL_FIELDS, verbonden_partij, exit_what_if_link)},
        ),
    )

    def get_queryset(self, request):
        return queries.participations_for_list(super().get_queryset(request))


@admin.register(Seat)
class SeatAdmin(OrganisationChoicesMixin, RegisterAdmin):
    list_display = ("__str__", "body", "organisation", "holder_role", period_column(_("termijn")))
    list_select_related = ("body__party", "organisation")
    list_filter = ("holder_role", "function", "body__kind")
    search_fields = ("person_name", "body__party__name", "organisation__name")
    autocomplete_fields = ("body",)
