"""The list of spreadsheet imports: read only; administrators see all, others their own.
The stored file is never loaded for the list; it is downloaded through its own link."""

from django.contrib import admin
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from partnerships.models import ImportRun
from registry import access, formatting
from registry.admin_base import ReadOnlyAdmin


@admin.register(ImportRun)
class ImportRunAdmin(ReadOnlyAdmin):
    list_display = (
        "__str__",
        "kind",
        "status",
        "user",
        "channel",
        "created_at",
        "committed_at",
        "rows",
        "new",
        "changed",
        "unchanged",
        "stored_file",
    )
    list_select_related = ("user",)
    list_filter = ("kind", "status", "channel")
    search_fields = ("file_name",)
    exclude = ("content",)
    readonly_fields = [
        *(f.name for f in ImportRun._meta.concrete_fields if f.name != "content"),
        "stored_file",
    ]

    def get_queryset(self, request):
        runs = super().get_queryset(request).defer("content")
        return access.own_import_runs(request.user, runs)

    @admin.display(description=gettext_lazy("opgeslagen bestand"))
    def stored_file(self, run):
        if run.content_removed_at is not None:
            removed_on = timezone.localdate(run.content_removed_at)
            return _("verwijderd op %(date)s") % {"date": formatting.date(removed_on)}
        return format_html(
            '<a href="{}">{}</a>',
            reverse("partnerships:import_file", args=[run.pk]),
            _("downloaden"),
        )

    def has_module_permission(self, request):
        return access.is_registry_user(request.user)

    def has_view_permission(self, request, obj=None):
        return access.is_registry_user(request.user)
