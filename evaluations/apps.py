from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EvaluationsConfig(AppConfig):
    name = "evaluations"
    verbose_name = _("Evaluaties")

    def ready(self):
        from evaluations import api, policies, schedule, services
        from partnerships.overview import comparison_deadlines
        from registry.api import routes

        policies.register()
        services.register()
        routes.register("evaluaties", api.EvaluationViewSet, "evaluatie")
        comparison_deadlines.register_overdue_evaluations(schedule.overdue_per_organisation)
