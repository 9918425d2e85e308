"""The list of spreadsheet imports: read only; administrators see all, others their own."""

from django.contrib import admin

from partnerships.models import ImportRun
from registry import access


@admin.register(ImportRun)
class ImportRunAdmin(admin.ModelAdmin):
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
    )
    list_select_related = ("user",)
    list_filter = ("kind", "status", "channel")
    search_fields = ("file_name",)
    exclude = ("content",)
    readonly_fields = [f.name for f in ImportRun._meta.concrete_fields if f.name != "content"]

    def get_queryset(self, request):
        return access.own_import_runs(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return access.is_registry_user(request.user)

    def has_view_permission(self, request, obj=None):
        return access.is_registry_user(request.user)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
