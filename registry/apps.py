from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class RegistryConfig(AppConfig):
    name = "registry"
    verbose_name = _("Organisaties en gebruikers")

    def ready(self):
        from django.db.models import Q

        from registry import access
        from registry.models import Organisation, PopulationFigure, Role
        from registry.policies import AdminOnly, ReferenceData

        access.register(Organisation, ReferenceData())
        access.register(PopulationFigure, ReferenceData())
        access.register(Role, AdminOnly())
        for model in (Organisation, PopulationFigure):
            access.register_public(model, Q())
