"""Admin for griffie and finance staff: parties, legal basis, bodies, participations."""

from django.contrib import admin
from django.db.models import Count
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext_lazy as _

from partnerships import (
    admin_finance,  # noqa: F401 (registers the money admins)
    admin_imports,  # noqa: F401 (registers the list of imports)
    queries,
    services,
)
from partnerships.admin_filters import (
    BBVCategoryFilter,
    ParticipantFilter,
    ParticipationVerbondenPartijFilter,
    PartyVerbondenPartijFilter,
    WgrProvisionsFilter,
)
from partnerships.choices import Confirmation
from partnerships.cycle.admin import create_next_budget_cycle
from partnerships.models import (
    Body,
    FinancialInterest,
    LegalBasis,
    Participation,
    Party,
    Region,
    Seat,
    Theme,
)
from partnerships.models.interests import INTEREST_FIELDS
from registry import access
from registry.admin_base import (
    ReadOnlyRowsInline,
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


def this_year() -> int:
    return timezone.localdate().year


@admin.display(description=_("verbonden partij dit jaar"), ordering="vp_status")
def verbonden_partij(participation):
    """Yes / no / unknown in the current year, with the reason (partnerships.bbv)."""
    if participation.pk is None:
        return "-"
    found = participation.verbonden_partij(this_year())
    return format_html("<strong>{}</strong>: {}", found.label, found.reason)


@admin.display(description=_("deelnemer"), ordering="organisation__name")
def participant(participation):
    """The participant, and whether its registration still waits for confirmation."""
    if participation.confirmation == Confirmation.CONFIRMED:
        return participation.organisation.name
    return format_html(
        "{}<br><small>{}</small>",
        participation.organisation.name,
        participation.get_confirmation_display().lower(),
    )


@admin.display(description=_("verbonden partij (BBV art. 1)"))
def verbonden_partij_by_year(participation):
    """On the change form: this year and next (the begroting being prepared)."""
    if participation.pk is None:
        return _("Wordt bepaald na het opslaan.")
    year = this_year()
    rows = [(y, participation.verbonden_partij(y)) for y in (year, year + 1)]
    return format_html_join(
        "", "<p><strong>{} – {}</strong>: {}</p>", ((y, v.label, v.reason) for y, v in rows)
    )


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


class ParticipationInline(OrganisationChoicesMixin, ReadOnlyRowsInline):
    """Editable rows up to ReadOnlyRowsInline.editable_up_to participants, read-only
    beyond (PartyAdmin's queryset counts them: participant_count)."""

    model = Participation
    fields = ("organisation", "start_date", "end_date", "seats", "voting_weight", verbonden_partij)
    readonly_fields = (verbonden_partij,)
    autocomplete_fields = ()
    count_attribute = "participant_count"
    row_fields = ("organisation", "start_date", "end_date", "confirmation", verbonden_partij)

    def get_queryset(self, request):
        return queries.participations_for_list(super().get_queryset(request), this_year())


class FinancialInterestInline(RegisterInline):
    """The financieel belang per year, kept by finance (the participation's own record)."""

    model = FinancialInterest
    fields = ("year", *INTEREST_FIELDS, "notes")
    show_change_link = False


class SeatInline(OrganisationChoicesMixin, ReadOnlyRowsInline):
    """Editable rows up to ReadOnlyRowsInline.editable_up_to seats, read-only beyond
    (BodyAdmin's queryset counts them: seat_count)."""

    model = Seat
    fields = ("organisation", "person_name", "holder_role", "function", "start_date", "end_date")
    count_attribute = "seat_count"
    row_fields = fields

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("organisation")


@admin.register(Theme)
class ThemeAdmin(ReferenceDataAdmin):
    search_fields = ("name",)
    list_display = ("name",)


@admin.register(Region)
class RegionAdmin(RegisterAdmin):
    """Regions of a province, kept by its supervisors (partnerships.policies.RegionPolicy)."""

    list_display = ("name", "province", "municipality_count")
    list_filter = ("province",)
    search_fields = ("name",)
    fields = ("name", "province", "municipalities")
    filter_horizontal = ("municipalities",)

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .select_related("province")
            .annotate(n_municipalities=Count("municipalities"))
        )

    @admin.display(description=_("gemeenten"), ordering="n_municipalities")
    def municipality_count(self, region):
        return region.n_municipalities

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "province":
            kwargs["queryset"] = access.supervised_provinces(request.user)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    def formfield_for_manytomany(self, db_field, request, **kwargs):
        if db_field.name == "municipalities":
            kwargs["queryset"] = (
                Organisation.objects.municipalities()
                .filter(province__in=access.supervised_provinces(request.user))
                .order_by("name")
            )
        return super().formfield_for_manytomany(db_field, request, **kwargs)

    def save_model(self, request, obj, form, change):
        services.save_region(
            user=request.user,
            region=obj,
            changed=form.changed_data,
            municipalities=list(form.cleaned_data.get("municipalities") or []),
            validate=False,
        )

    def save_related(self, request, form, formsets, change):
        # the municipalities were set by services.save_region, after its check
        for formset in formsets:
            self.save_formset(request, form, formset, change=change)


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
        WgrProvisionsFilter,
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

    def get_queryset(self, request):
        return queries.bodies_with_seat_count(super().get_queryset(request), request.user)


@admin.register(Participation)
class ParticipationAdmin(OrganisationChoicesMixin, RegisterAdmin):
    # what matters first, the what-if link early: the list fits a 1366-pixel screen
    list_display = (
        "party",
        participant,
        verbonden_partij,
        exit_what_if_link,
        period_column(_("deelname")),
    )
    list_filter = (
        ParticipationVerbondenPartijFilter,
        ParticipantFilter,
        "party__legal_form",
        "confirmation",
    )
    search_fields = ("party__name", "organisation__name", "organisation__cbs_code")
    autocomplete_fields = ("party",)
    readonly_fields = (
        verbonden_partij_by_year,
        exit_what_if_link,
        "confirmation",
        "confirmation_note",
    )
    inlines = (FinancialInterestInline,)  # once the participation exists (get_inlines)
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
            _("Verbonden partij"),
            {
                "fields": (verbonden_partij_by_year, exit_what_if_link),
                "description": _(
                    "Het financieel belang staat per jaar hieronder (stand op 31 december)."
                ),
            },
        ),
    )

    def get_queryset(self, request):
        return queries.participations_for_list(super().get_queryset(request), this_year())

    def get_inlines(self, request, obj):
        return self.inlines if obj is not None else ()


@admin.register(Seat)
class SeatAdmin(OrganisationChoicesMixin, RegisterAdmin):
    list_display = ("__str__", "body", "organisation", "holder_role", period_column(_("termijn")))
    list_select_related = ("body__party", "organisation")
    list_filter = ("holder_role", "function", "body__kind")
    search_fields = ("person_name", "body__party__name", "organisation__name")
    autocomplete_fields = ("body",)
