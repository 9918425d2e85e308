from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.utils.translation import gettext_lazy as _


class RegistryAdminConfig(admin_apps.AdminConfig):
    """django.contrib.admin with the registry's site (registry/admin_site.py)."""

    default = False  # "registry" itself is RegistryConfig
    default_site = "registry.admin_site.RegistryAdminSite"

    def ready(self):
        super().ready()
        from django.contrib.admin.templatetags import admin_list

        from registry.admin_site import boolean_icon

        # Django's yes/no icons are read out as "True"/"False"/"None"; every admin page
        # (lists, read-only fields) takes them from here.
        admin_list._boolean_icon = boolean_icon


class RegistryConfig(AppConfig):
    default = True
    name = "registry"
    verbose_name = _("Organisaties en gebruikers")

    def ready(self):
        from django.db.models import Q

        from registry import access, audit_events
        from registry.models import Organisation, PopulationFigure, Role
        from registry.policies import AdminOnly, ReferenceData

        access.register(Organisation, ReferenceData())
        access.register(PopulationFigure, ReferenceData())
        access.register(Role, AdminOnly())
        for model in (Organisation, PopulationFigure):
            access.register_public(model, Q())
        audit_events.connect()
