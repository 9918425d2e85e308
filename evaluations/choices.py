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


class Presence(models.TextChoices):
    """Is the factor present in the cooperation, in the respondent's view?"""

    YES = "yes", _("ja")
    PARTLY = "partly", _("deels")
    NO = "no", _("nee")


class AbsenceProblem(models.TextChoices):
    """Where the factor is (partly) missing: is that experienced as a problem?"""

    YES = "yes", _("ja, een probleem")
    NO = "no", _("nee, geen probleem")
