"""Admin for organisations, population figures and users' roles (kept by administrators)."""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _

from registry import access
from registry.admin_base import ReferenceDataAdmin, RegisterInline
from registry.models import Organisation, PopulationFigure, Role

admin.site.site_header = _("Register verbonden partijen")
admin.site.site_title = _("Register verbonden partijen")
admin.site.index_title = _("Samenwerkingsverbanden en verbonden partijen")
admin.site.index_template = "registry/admin_index.html"  # adds the link to the paragraph
admin.site.site_url = "/"  # "Website bekijken": the public pages
_admin_index = admin.site.index


def _index(request, extra_context=None):
    """A council member lands on the public pages (made for it), not on a list of tables; it
    still reaches the admin's lists from there ("Beheeromgeving" opens the app list)."""
    if access.council_only(request.user) and "beheer" not in request.GET:
        return redirect("site:home")
    return _admin_index(request, extra_context)


admin.site.index = _index


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
    list_display = ("name", "cbs_code", "kind", "province", "end_date", "publishes")
    list_select_related = ("province",)
    list_filter = ("kind", "province", "publishes")
    search_fields = ("name", "cbs_code", "kvk_number")
    inlines = (PopulationFigureInline,)


@admin.register(PopulationFigure)
class PopulationFigureAdmin(ReferenceDataAdmin):
    list_display = ("organisation", "year", "reference_date", "inhabitants", "households")
    list_select_related = ("organisation",)
    list_filter = ("year",)
    search_fields = ("organisation__name", "organisation__cbs_code")


class RoleInline(admin.TabularInline):
    model = Role
    extra = 0
    autocomplete_fields = ("organisation",)


User = get_user_model()
admin.site.unregister(User)


@admin.register(User)
class RegistryUserAdmin(UserAdmin):
    inlines = (RoleInline,)
