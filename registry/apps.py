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

        from django.contrib import admin
        from django_otp.plugins.otp_static.models import StaticDevice
        from django_otp.plugins.otp_totp.models import TOTPDevice

        # django-otp's admin pages are English only (its labels are not translatable) and show
        # the secrets; an administrator resets a user's second factor from the user list.
        for model in (TOTPDevice, StaticDevice):
            if admin.site.is_registered(model):
                admin.site.unregister(model)


class RegistryConfig(AppConfig):
    default = True
    name = "registry"
    verbose_name = _("Organisaties en gebruikers")

    def ready(self):
        from django.db.models import Q

        from registry import access, audit_events
        from registry.models import APIToken, Organisation, PopulationFigure, Role
        from registry.policies import AdminOnly, ReferenceData
        from registry.sso import checks  # noqa: F401  (registers the configuration check)

        access.register(Organisation, ReferenceData())
        access.register(PopulationFigure, ReferenceData())
        access.register(Role, AdminOnly())
        access.register(APIToken, AdminOnly())
        for model in (Organisation, PopulationFigure):
            access.register_public(model, Q())
        audit_events.connect()
