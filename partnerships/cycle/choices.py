from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    """The documents of a Wgr party's budget cycle for budget year Y, in the order they come."""

    FRAMEWORK = "framework", _("Kaderbrief")  # the general financial and policy framework
    DRAFT_BUDGET = "draft_budget", _("Ontwerpbegroting")  # to the councils
    # as adopted, to GS or, when a province takes part, the Minister of BZK (Wgr art. 58)
    BUDGET_TO_PROVINCE = "budget_to_province", _("Begroting aan toezichthouder")
    BUDGET_AMENDMENT = "budget_amendment", _("Begrotingswijziging")  # draft, to the councils
    PROVISIONAL_ACCOUNTS = "provisional_accounts", _("Voorlopige jaarrekening")  # to the councils
    ACCOUNTS_TO_PROVINCE = "accounts_to_province", _("Jaarrekening aan toezichthouder")


class Supervisor(models.TextChoices):
    """Who receives the adopted begroting and jaarrekening."""

    PROVINCE = "province", _("Gedeputeerde Staten")
    MINISTER = "minister", _("Minister van BZK (een provincie neemt deel, Wgr art. 58)")


class DocumentState(models.TextChoices):
    EXPECTED = "expected", _("verwacht")
    # judged on the day the document was sent, or received when that is not known
    OVERDUE = "overdue", _("te laat, nog niet verzonden of ontvangen")
    ON_TIME = "on_time", _("op tijd")
    LATE = "late", _("te laat")
    NO_DEADLINE = "no_deadline", _("termijn onbekend")


class ZienswijzeStatus(models.TextChoices):
    RECEIVED = "received", _("ontvangen")
    IN_PREPARATION = "in_preparation", _("in voorbereiding")
    DECIDED = "decided", _("besloten door de raad")
    SENT = "sent", _("verzonden aan de regeling")


class CouncilDecision(models.TextChoices):
    AGREE = "agree", _("instemmen (geen zienswijze)")
    REMARKS = "remarks", _("zienswijze met opmerkingen")
    REJECT = "reject", _("afwijzen")
