"""Admin for finance staff: cost-allocation keys, annual figures with risks, contributions, and
the financial interest of each participation per year."""

from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.forms.models import BaseInlineFormSet
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from partnerships import batch_tasks, services
from partnerships.models import (
    AnnualFigures,
    Contribution,
    CostKey,
    CostKeyPercentage,
    FinancialInterest,
    ParagraphTemplate,
    ParagraphText,
    Risk,
    UsageFigure,
)
from registry import access, audit, jobs
from registry.admin_base import (
    RegisterAdmin,
    RegisterInline,
    amount_column,
    number_column,
    offered_to,
)
from registry.models import RoleKind


class CostKeyPercentageFormSet(BaseInlineFormSet):
    """A key of fixed percentages is saved only when they add up to 100; another key has none
    (the rule of partnerships.services.save_percentages)."""

    def clean(self):
        super().clean()
        kept = [
            form.cleaned_data
            for form in self.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        problem = services.percentages_refusal(
            self.instance, [row.get("percentage") or 0 for row in kept]
        )
        if problem:
            raise ValidationError(problem)


class CostKeyPercentageInline(RegisterInline):
    model = CostKeyPercentage
    formset = CostKeyPercentageFormSet
    fields = ("organisation", "percentage")
    autocomplete_fields = ("organisation",)
    show_change_link = False


@admin.register(CostKey)
class CostKeyAdmin(RegisterAdmin):
    list_display = ("party", "method", "valid_from_year", "valid_until_year", "pro_rata")
    list_select_related = ("party",)
    list_filter = ("method",)
    search_fields = ("party__name", "party__short_name")
    autocomplete_fields = ("party",)
    inlines = (CostKeyPercentageInline,)


class RiskInline(RegisterInline):
    model = Risk
    fields = ("description", "level", "amount")
    show_change_link = False


@admin.register(AnnualFigures)
class AnnualFiguresAdmin(RegisterAdmin):
    list_display = (
        "party",
        "year",
        "kind",
        amount_column(AnnualFigures, "contributions_total"),
        amount_column(AnnualFigures, "result"),
        amount_column(AnnualFigures, "equity_end"),
        amount_column(AnnualFigures, "debt_end"),
        "version",
    )
    list_totals = ("contributions_total", "result", "equity_end", "debt_end")
    list_select_related = ("party",)
    list_filter = ("kind", "year")
    search_fields = ("party__name", "party__short_name", "source_document")
    autocomplete_fields = ("party",)
    inlines = (RiskInline,)
    actions = ("compute_contributions",)
    fieldsets = (
        (None, {"fields": ("party", "year", "kind", "version", "source_document", "source_url")}),
        (
            _("Vermogen en resultaat"),
            {
                "fields": (
                    ("equity_start", "equity_end"),
                    ("debt_start", "debt_end"),
                    "result",
                    ("expenses", "revenues"),
                    "contributions_total",
                    "resilience",
                )
            },
        ),
        (_("Ontwikkelingen"), {"fields": ("developments",)}),
    )

    @offered_to(RoleKind.FINANCE)
    @admin.action(description=_("Begrote bijdragen berekenen met de verdeelsleutel"))
    def compute_contributions(self, request, queryset):
        """In the request for a few budgets, as a background job from
        settings.BACKGROUND_CONTRIBUTIONS_FROM_BUDGETS on (services.run_contributions both
        ways: one transaction, a budget whose key cannot be applied left with its reason)."""
        ids = list(queryset.values_list("pk", flat=True))
        if len(ids) >= settings.BACKGROUND_CONTRIBUTIONS_FROM_BUDGETS:
            job = jobs.start(
                user=request.user,
                kind=batch_tasks.CONTRIBUTIONS,
                title=_("Begrote bijdragen berekenen (%(n)d jaarcijfers)") % {"n": len(ids)},
                task=batch_tasks.contributions,
                arguments={"ids": ids, "address": audit.client_address(request)},
            )
            return redirect("job", job.pk)
        for line in services.run_contributions(user=request.user, figures=queryset):
            self.message_user(
                request, str(line), messages.ERROR if line.problem else messages.SUCCESS
            )
        return None


@admin.register(UsageFigure)
class UsageFigureAdmin(RegisterAdmin):
    list_display = ("party", "organisation", "year", number_column(UsageFigure, "units"))
    list_select_related = ("party", "organisation")
    list_filter = ("year",)
    search_fields = ("party__name", "organisation__name")
    autocomplete_fields = ("party", "organisation")


@admin.register(Contribution)
class ContributionAdmin(RegisterAdmin):
    list_display = (
        "participation",
        "year",
        amount_column(Contribution, "budgeted", cents=True),
        amount_column(Contribution, "realised", cents=True),
        "basis",
        "explanation",
    )
    list_totals = ("budgeted", "realised")
    list_select_related = ("participation__party", "participation__organisation")
    list_filter = ("year", "basis")
    search_fields = ("participation__party__name", "participation__organisation__name")
    autocomplete_fields = ("participation",)


@admin.register(FinancialInterest)
class FinancialInterestAdmin(RegisterAdmin):
    list_display = (
        "participation",
        "year",
        "shares_count",
        "guarantees",
        "loans",
        "amount_at_risk",
    )
    list_select_related = ("participation__party", "participation__organisation")
    list_filter = ("year",)
    search_fields = ("participation__party__name", "participation__organisation__name")
    autocomplete_fields = ("participation",)


@admin.register(ParagraphText)
class ParagraphTextAdmin(RegisterAdmin):
    """The visie and beleidsvoornemens of the paragraph (BBV art. 15 lid 1), by finance or
    griffie; the paragraph lists them as missing while they are empty."""

    list_display = ("organisation", "year", "has_vision", "has_intentions")
    list_select_related = ("organisation",)
    list_filter = ("year",)
    search_fields = ("organisation__name", "vision", "intentions")
    fields = ("organisation", "year", "vision", "intentions")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation":
            kwargs["queryset"] = access.writable_organisations(
                request.user, RoleKind.FINANCE, RoleKind.GRIFFIE
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

    @admin.display(description=_("visie"), boolean=True)
    def has_vision(self, text):
        return bool(text.vision)

    @admin.display(description=_("beleidsvoornemens"), boolean=True)
    def has_intentions(self, text):
        return bool(text.intentions)


@admin.register(ParagraphTemplate)
class ParagraphTemplateAdmin(RegisterAdmin):
    """The house style of the paragraph's Word document, per organisation (finance staff of
    the organisation); saved by registry.writes like every record without side effects."""

    list_display = ("organisation", "file", "notes")
    list_select_related = ("organisation",)
    fields = ("organisation", "file", "notes")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name == "organisation":
            kwargs["queryset"] = access.writable_organisations(request.user, RoleKind.FINANCE)
        return super().formfield_for_foreignkey(db_field, request, **kwargs)
