"""Admin for organisations and population figures (kept by administrators); users and their
roles are in registry/admin_users.py."""

from django.contrib import admin

from registry import (
    admin_audit,  # noqa: F401 (registers the audit trail)
    admin_jobs,  # noqa: F401 (registers the background jobs)
    admin_tokens,  # noqa: F401 (registers the API keys)
    admin_users,  # noqa: F401 (registers the user admin)
)
from registry.admin_base import ReferenceDataAdmin, RegisterInline, number_column
from registry.models import Organisation, PopulationFigure


class PopulationFigureInline(RegisterInline):
    model = PopulationFigure
    fields = ("year", "reference_date", "inhabitants", "households")
    show_change_link = False

    def has_add_permission(self, request, obj=None):
        return request.user.is_superuser

    def has_change_permission(self, request, obj=None):
        return request.user.is_superuser

    has_delete_permission = has_change_permission


@admin.register(Organisation)
class OrganisationAdmin(ReferenceDataAdmin):
    list_display = ("name", "cbs_code", "kind", "province", "end_date")
    list_select_related = ("province",)
    list_filter = ("kind", "province")
    search_fields = ("name", "cbs_code", "kvk_number")
    inlines = (PopulationFigureInline,)


@admin.register(PopulationFigure)
class PopulationFigureAdmin(ReferenceDataAdmin):
    list_display = (
        "organisation",
        "year",
        "reference_date",
        number_column(PopulationFigure, "inhabitants"),
        number_column(PopulationFigure, "households"),
    )
    list_select_related = ("organisation",)
    list_filter = ("year",)
    search_fields = ("organisation__name", "organisation__cbs_code")
