"""The Wgr budget cycle: the statutory terms (versioned rule sets), the documents of each party
per budget year with their computed deadline, and the council's zienswijze per municipality
with every step of its path through the municipality."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.cycle.choices import (
    CouncilDecision,
    DocumentKind,
    DocumentState,
    ZienswijzeStatus,
)
from partnerships.models.finance import year_field
from registry.files import DOCUMENTS, ProtectedFileField
from registry.periods import dates_in_order, overlaps


def _day_and_month(label: str, day: int, month: int):
    """A calendar day without a year ("vóór 30 april"), as two small numbers."""
    return (
        models.PositiveSmallIntegerField(
            _("%(label)s: dag") % {"label": label},
            default=day,
            validators=[MinValueValidator(1), MaxValueValidator(31)],
        ),
        models.PositiveSmallIntegerField(
            _("%(label)s: maand") % {"label": label},
            default=month,
            validators=[MinValueValidator(1), MaxValueValidator(12)],
        ),
    )


def _weeks(label: str, default: int):
    return models.PositiveSmallIntegerField(
        label, default=default, validators=[MinValueValidator(1), MaxValueValidator(52)]
    )


class RuleSet(models.Model):
    """The terms of the Wgr for the budget cycle over a period. The defaults are those since the
    amendment of 1 July 2022; the earlier terms are a second rule set (data migration). A term
    follows the rule set in force while it runs (cycle.calendar), and the Algemene
    termijnenwet extends it as the two settings below say (cycle.holidays)."""

    name = models.CharField(_("naam"), max_length=120)
    valid_from = models.DateField(_("geldig vanaf"), null=True, blank=True)
    valid_until = models.DateField(_("geldig tot en met"), null=True, blank=True)
    framework_before_day, framework_before_month = _day_and_month(
        _("kaderbrief vóór (jaar vóór het begrotingsjaar)"), 30, 4
    )
    draft_weeks_before_board = _weeks(
        _("ontwerpbegroting: weken vóór de vergadering van het AB"), 12
    )
    zienswijze_weeks = _weeks(_("zienswijze: weken na ontvangst"), 12)
    budget_to_province_weeks = _weeks(_("begroting aan GS: weken na vaststelling"), 2)
    budget_to_province_before_day, budget_to_province_before_month = _day_and_month(
        _("begroting aan GS vóór (jaar vóór het begrotingsjaar)"), 15, 9
    )
    provisional_accounts_before_day, provisional_accounts_before_month = _day_and_month(
        _("voorlopige jaarrekening vóór (jaar na het begrotingsjaar)"), 30, 4
    )
    accounts_to_province_weeks = _weeks(_("jaarrekening aan GS: weken na vaststelling"), 2)
    accounts_to_province_before_day, accounts_to_province_before_month = _day_and_month(
        _("jaarrekening aan GS vóór (jaar na het begrotingsjaar)"), 15, 7
    )
    atw_after_event = models.BooleanField(
        _("Algemene termijnenwet bij “binnen … weken na”"),
        default=True,
        help_text=_(
            "Een termijn die op een zaterdag, zondag of erkende feestdag eindigt, loopt door tot "
            "de eerstvolgende werkdag (Atw art. 1 lid 1)."
        ),
    )
    atw_before_date = models.BooleanField(
        _("Algemene termijnenwet bij “vóór [datum]”"),
        default=True,
        help_text=_(
            "Of de Atw ook een termijn tot een vaste datum verlengt (een juridische keuze): "
            "valt de laatste dag vóór de datum in het weekend, dan telt de eerstvolgende "
            "werkdag. Termijnen die terugrekenen (“12 weken vóór de vergadering”) worden nooit "
            "verlengd (Atw art. 1 lid 2)."
        ),
    )
    source = models.CharField(_("bron"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("termijnen begrotingscyclus")
        verbose_name_plural = _("termijnen begrotingscyclus")
        ordering = ["valid_from"]
        constraints = [dates_in_order("rule_set_dates_in_order", "valid_from", "valid_until")]

    def __str__(self):
        return self.name

    def before(self, name: str, year: int) -> datetime.date:
        """The date "vóór" which a document is due: `name` is e.g. "framework_before"."""
        return datetime.date(year, getattr(self, f"{name}_month"), getattr(self, f"{name}_day"))

    def in_force_on(self, day: datetime.date) -> bool:
        return overlaps(self.valid_from, self.valid_until, day, day)

    def clean(self):
        errors = {}
        for name in (
            "framework_before",
            "budget_to_province_before",
            "provisional_accounts_before",
            "accounts_to_province_before",
        ):
            try:
                self.before(name, 2001)  # not a leap year: 29 February is refused
            except (ValueError, TypeError):
                errors[f"{name}_day"] = _("Deze dag bestaat niet in die maand.")
        others = RuleSet.objects.exclude(pk=self.pk)
        clash = [
            other.name
            for other in others
            if overlaps(self.valid_from, self.valid_until, other.valid_from, other.valid_until)
        ]
        if clash:
            errors["valid_from"] = _("Deze periode overlapt met: %(names)s.") % {
                "names": ", ".join(clash)
            }
        if errors:
            raise ValidationError(errors)


class CycleDocument(models.Model):
    """One document of a party's budget cycle for budget year `year`; begrotingswijzigingen by
    sequence number. `due_on` is computed by cycle.calendar from the rule set in force (stored
    so lists and reminders can filter). The Wgr tests the day a document is sent ("zendt …
    vóór"); when that is not known, the day it was received stands in (queries.with_state)."""

    party = models.ForeignKey(
        "partnerships.Party",
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="cycle_documents",
    )
    year = year_field(_("begrotingsjaar"))
    kind = models.CharField(_("stuk"), max_length=30, choices=DocumentKind.choices)
    sequence = models.PositiveSmallIntegerField(
        _("volgnummer"), default=1, help_text=_("Bij meer begrotingswijzigingen in een jaar.")
    )
    without_zienswijze = models.BooleanField(
        _("zonder zienswijze"),
        default=False,
        help_text=_(
            "Een begrotingswijziging van een categorie waarvoor de regeling de zienswijze van "
            "de raden uitzondert (Wgr art. 35)."
        ),
    )
    board_meeting_on = models.DateField(
        _("vergadering algemeen bestuur"),
        null=True,
        blank=True,
        help_text=_("Waarin de begroting wordt vastgesteld; bepaalt de termijn van het ontwerp."),
    )
    sent_on = models.DateField(
        _("verzonden op"),
        null=True,
        blank=True,
        help_text=_(
            "Door het (dagelijks) bestuur. De Wgr toetst de verzending (“zendt … vóór”); zonder "
            "deze datum telt de ontvangst."
        ),
    )
    received_on = models.DateField(
        _("ontvangen op"),
        null=True,
        blank=True,
        help_text=_(
            "Door de raden, of bij een stuk aan de toezichthouder: door GS of de minister. "
            "Opent de zienswijzen op een ontwerpbegroting of begrotingswijziging."
        ),
    )
    adopted_on = models.DateField(_("vastgesteld op"), null=True, blank=True)
    due_on = models.DateField(_("uiterlijk"), null=True, blank=True, editable=False)
    due_rule = models.CharField(_("termijn"), max_length=200, blank=True, editable=False)
    url = models.URLField(_("link naar het stuk"), blank=True)
    document = ProtectedFileField(_("bestand"), upload_to="cycle/%Y/", blank=True, kinds=DOCUMENTS)
    notes = models.TextField(_("opmerkingen"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("stuk begrotingscyclus")
        verbose_name_plural = _("stukken begrotingscyclus")
        ordering = ["year", "party__name", "kind", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "year", "kind", "sequence"],
                name="one_cycle_document_per_kind_and_sequence",
                violation_error_message=_("Dit stuk staat al in de cyclus van dit jaar."),
            ),
            models.CheckConstraint(
                condition=models.Q(sent_on__isnull=True)
                | models.Q(received_on__isnull=True)
                | models.Q(received_on__gte=models.F("sent_on")),
                name="cycle_document_sent_before_received",
                violation_error_message=_(
                    "Een stuk wordt niet ontvangen vóórdat het verzonden is."
                ),
            ),
        ]

    def __str__(self):
        label = f"{self.party.name} – {self.get_kind_display()} {self.year}"
        if self.kind == DocumentKind.BUDGET_AMENDMENT:
            label += f" ({self.sequence})"
        return label

    @property
    def state_label(self) -> str:
        """The state that queries.with_state annotated, in words, saying what was judged: the
        sent date, or the received date when no sent date is known ("" when not annotated)."""
        state = getattr(self, "state", None)
        if state is None:
            return ""
        label = DocumentState(state).label
        if state not in (DocumentState.ON_TIME, DocumentState.LATE):
            return label
        if self.judged_on_receipt:
            return _("%(state)s ontvangen (verzenddatum onbekend)") % {"state": label}
        return _("%(state)s verzonden") % {"state": label}

    def clean(self):
        if self.kind != DocumentKind.BUDGET_AMENDMENT and self.sequence != 1:
            raise ValidationError(
                {"sequence": _("Alleen begrotingswijzigingen hebben een volgnummer.")}
            )
        if self.kind != DocumentKind.BUDGET_AMENDMENT and self.without_zienswijze:
            raise ValidationError(
                {"without_zienswijze": _("Alleen een begrotingswijziging kan zonder zienswijze.")}
            )


class Zienswijze(models.Model):
    """A council's view on a draft budget, on its way through the municipality. The status
    changes only through partnerships.cycle.services.take_step, which records every step."""

    document = models.ForeignKey(
        CycleDocument,
        verbose_name=_("stuk"),
        on_delete=models.CASCADE,
        related_name="zienswijzen",
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("gemeente"),
        on_delete=models.PROTECT,
        related_name="zienswijzen",
    )
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=ZienswijzeStatus.choices,
        default=ZienswijzeStatus.RECEIVED,
        editable=False,
    )
    due_on = models.DateField(_("uiterlijk"), null=True, blank=True, editable=False)
    responsible = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("behandelaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Krijgt de herinneringen; leeg: de griffie van de gemeente."),
    )
    council_meeting_on = models.DateField(_("raadsvergadering"), null=True, blank=True)
    decision = models.CharField(
        _("besluit van de raad"),
        max_length=20,
        choices=CouncilDecision.choices,
        blank=True,
        editable=False,
    )
    text = models.TextField(_("tekst van de zienswijze"), blank=True, editable=False)
    sent_on = models.DateField(_("verzonden op"), null=True, blank=True, editable=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("zienswijze")
        verbose_name_plural = _("zienswijzen")
        ordering = ["due_on", "document__party__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["document", "organisation"],
                name="one_zienswijze_per_document_and_organisation",
                violation_error_message=_("Deze gemeente heeft al een zienswijze op dit stuk."),
            )
        ]

    def __str__(self):
        return _("Zienswijze %(organisation)s op %(document)s") % {
            "organisation": self.organisation.name,
            "document": self.document,
        }


class ZienswijzeStep(models.Model):
    """One step of a zienswijze: who moved it from where to where, when, and why."""

    zienswijze = models.ForeignKey(
        Zienswijze, on_delete=models.CASCADE, related_name="steps", verbose_name=_("zienswijze")
    )
    source = models.CharField(_("van"), max_length=20, choices=ZienswijzeStatus.choices)
    target = models.CharField(_("naar"), max_length=20, choices=ZienswijzeStatus.choices)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    at = models.DateTimeField(_("op"), auto_now_add=True)
    comment = models.TextField(_("toelichting"), blank=True)

    class Meta:
        verbose_name = _("stap")
        verbose_name_plural = _("stappen")
        ordering = ["at", "pk"]

    def __str__(self):
        return f"{self.get_source_display()} → {self.get_target_display()}"
