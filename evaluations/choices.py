from django.db import models
from django.utils.translation import gettext_lazy as _


class Catalogue(models.TextChoices):
    PROVINCIAL = "provincial", _("Criteria van de provincie Overijssel")
    SUCCESS_FACTORS = "success_factors", _("Succesfactoren van samenwerking")
    OWN = "own", _("Eigen criterium")


class Performer(models.TextChoices):
    AUDIT_OFFICE = "audit_office", _("Rekenkamer(commissie)")
    EXTERNAL = "external", _("Extern bureau")
    INTERNAL = "internal", _("Intern")


class EvaluationStatus(models.TextChoices):
    PLANNED = "planned", _("gepland")
    IN_PROGRESS = "in_progress", _("in uitvoering")
    COMPLETED = "completed", _("afgerond")
    CANCELLED = "cancelled", _("vervallen")


class ActionStatus(models.TextChoices):
    OPEN = "open", _("open")
    IN_PROGRESS = "in_progress", _("in uitvoering")
    DONE = "done", _("afgerond")
    DROPPED = "dropped", _("vervallen")
