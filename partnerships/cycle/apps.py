from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CycleConfig(AppConfig):
    name = "partnerships.cycle"
    label = "cycle"
    verbose_name = _("Begrotingscyclus en zienswijzen")

    def ready(self):
        from partnerships.cycle import policies, services

        policies.register()
        services.register()
