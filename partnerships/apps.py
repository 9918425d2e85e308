from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PartnershipsConfig(AppConfig):
    name = "partnerships"
    verbose_name = _("Samenwerkingsverbanden")

    def ready(self):
        from partnerships import policies, services

        policies.register()
        services.register()
