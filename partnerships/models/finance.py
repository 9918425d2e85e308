"""Money: cost-allocation keys per party and year, annual figures with risks, contributions."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.choices import (
    ContributionBasis,
    FiguresKind,
    KeyMethod,
    PopulationReference,
    RiskLevel,
)
from registry.models import Organisation
from registry.money import amount_field, non_negative

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2200)]


def year_field(verbose_name, **kwargs):
    return models.PositiveSmallIntegerField(verbose_name, validators=YEAR_VALIDATORS, **kwargs)


class CostKey(models.Model):
    """The verdeelsleutel of a party from a year on, until a later version replaces it."""

    party = models.ForeignKey(
        "partnerships.Party",
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="cost_keys",
    )
    valid_from_year = year_field(_("geldig vanaf jaar"))
    valid_until_year = year_field(_("geldig tot en met jaar"), null=True, blank=True)
    method = models.CharField(_("verdeelmethode"), max_length=20, choices=KeyMethod.choices)
    base_amount = amount_field(
        _("vast bedrag per deelnemer"), help_text=_("Alleen bij een samengestelde sleutel.")
    )
    rest_method = models.CharField(
        _("verdeling van de rest"),
        max_length=20,
        choices=[c for c in KeyMethod.choices if c[0] != KeyMethod.COMPOSITE],
        blank=True,
        help_text=_("Alleen bij een samengestelde sleutel."),
    )
    population_reference = models.CharField(
        _("peildatum bevolking"),
        max_length=20,
        choices=PopulationReference.choices,
        default=PopulationReference.PREVIOUS_YEAR,
    )
    unit_label = models.CharField(
        _("eenheid van afname"), max_length=60, blank=True, help_text=_("Bijvoorbeeld uren.")
    )
    pro_rata = models.BooleanField(
        _("naar rato van dagen"),
        default=True,
        help_text=_(
            "Een deelnemer die in de loop van het jaar toe- of uittreedt betaalt naar rato."
        ),
    )
    source = models.CharField(
        _("vindplaats"), max_length=200, blank=True, help_text=_("Artikel van de regeling.")
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("verdeelsleutel")
        verbose_name_plural = _("verdeelsleutels")
        ordering = ["party", "valid_from_year"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "valid_from_year"],
                name="one_cost_key_per_party_start_year",
                violation_error_message=_("Er is al een verdeelsleutel vanaf dit jaar."),
            ),
            models.CheckConstraint(
                condition=Q(valid_until_year__isnull=True)
                | Q(valid_until_year__gte=F("valid_from_year")),
                name="cost_key_years_in_order",
                violation_error_message=_("Het eindjaar ligt vóór het beginjaar."),
            ),
            *non_negative("cost_key", "base_amount"),
        ]

    def __str__(self):
        until = self.valid_until_year or "…"
        return f"{self.get_method_display()} ({self.valid_from_year}–{until})"

    def covers(self, year: int) -> bool:
        return self.valid_from_year <= year and (
            self.valid_until_year is None or year <= self.valid_until_year
        )

    def clean(self):
        errors = {}
        if self.method == KeyMethod.COMPOSITE:
            if self.base_amount is None:
                errors["base_amount"] = _("Een samengestelde sleutel heeft een vast bedrag.")
            if not self.rest_method:
                errors["rest_method"] = _("Geef aan hoe de rest wordt verdeeld.")
        elif self.rest_method or self.base_amount is not None:
            errors["rest_method"] = _(
                "Vast bedrag en restverdeling horen alleen bij een samengestelde sleutel."
            )
        if self.party_id and self.valid_from_year:
            others = CostKey.objects.filter(party_id=self.party_id).exclude(pk=self.pk)
            until = self.valid_until_year or 9999
            for other in others:
                if other.valid_from_year <= until and self.valid_from_year <= (
                    other.valid_until_year or 9999
                ):
                    errors["valid_from_year"] = _(
                        "Deze periode overlapt met de verdeelsleutel %(other)s."
                    ) % {"other": other}
                    break
        if errors:
            raise ValidationError(errors)


class CostKeyPercentage(models.Model):
    key = models.ForeignKey(
        CostKey,
        verbose_name=_("verdeelsleutel"),
        on_delete=models.CASCADE,
        related_name="percentages",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("deelnemer"), on_delete=models.PROTECT
    )
    percentage = models.DecimalField(
        _("percentage"),
        max_digits=7,
        decimal_places=4,
        validators=[MinValueValidator(0), MaxValueValidator(100)],
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("percentage in de verdeelsleutel")
        verbose_name_plural = _("percentages in de verdeelsleutel")
        constraints = [
            models.UniqueConstraint(
                fields=["key", "organisation"],
                name="one_percentage_per_key_organisation",
                violation_error_message=_("Deze deelnemer heeft al een percentage."),
            ),
            models.CheckConstraint(
                condition=Q(percentage__gte=0) & Q(percentage__lte=100),
                name="percentage_between_0_and_100",
                violation_error_message=_("Een percentage ligt tussen 0 en 100."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation.name}: {self.percentage}%"


class UsageFigure(models.Model):
    """Units a participant takes from the party in a year (hours, products), for usage keys."""

    party = models.ForeignKey(
        "partnerships.Party",
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="usage_figures",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("deelnemer"), on_delete=models.PROTECT
    )
    year = year_field(_("jaar"))
    units = models.DecimalField(
        _("eenheden"), max_digits=14, decimal_places=2, validators=[MinValueValidator(0)]
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("afname")
        verbose_name_plural = _("afname per deelnemer")
        ordering = ["party", "year", "organisation__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "organisation", "year"],
                name="one_usage_figure_per_party_organisation_year",
                violation_error_message=_("Voor dit jaar is de afname al vastgelegd."),
            ),
            *non_negative("usage_figure", "units"),
        ]

    def __str__(self):
        return f"{self.organisation.name} {self.year}: {self.units}"


class AnnualFigures(models.Model):
    """A party's figures for a year from one document (begroting, wijziging, jaarrekening)."""

    party = models.ForeignKey(
        "partnerships.Party",
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="annual_figures",
    )
    year = year_field(_("jaar"))
    kind = models.CharField(_("soort"), max_length=20, choices=FiguresKind.choices)
    version = models.PositiveSmallIntegerField(
        _("volgnummer"), default=1, help_text=_("Bij meerdere begrotingswijzigingen in een jaar.")
    )
    equity_start = amount_field(_("eigen vermogen begin jaar"), non_negative=False)
    equity_end = amount_field(_("eigen vermogen eind jaar"), non_negative=False)
    debt_start = amount_field(_("vreemd vermogen begin jaar"))
    debt_end = amount_field(_("vreemd vermogen eind jaar"))
    result = amount_field(_("resultaat"), non_negative=False)
    expenses = amount_field(_("totale lasten"))
    revenues = amount_field(_("totale baten"))
    contributions_total = amount_field(
        _("totaal bijdragen deelnemers"),
        help_text=_("Het bedrag dat de verdeelsleutel over de deelnemers verdeelt."),
    )
    resilience = amount_field(_("weerstandsvermogen"), non_negative=False)
    developments = models.TextField(_("ontwikkelingen"), blank=True)
    source_document = models.CharField(_("brondocument"), max_length=300, blank=True)
    source_url = models.URLField(_("link naar het document"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("jaarcijfers")
        verbose_name_plural = _("jaarcijfers")
        ordering = ["party", "-year", "kind", "-version"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "year", "kind", "version"],
                name="one_figures_per_party_year_kind_version",
                violation_error_message=_("Deze cijfers zijn voor dit jaar al vastgelegd."),
            ),
            *non_negative(
                "annual_figures",
                "debt_start",
                "debt_end",
                "expenses",
                "revenues",
                "contributions_total",
            ),
        ]

    def __str__(self):
        return f"{self.party.name} – {self.get_kind_display()} {self.year}"


class Risk(models.Model):
    figures = models.ForeignKey(
        AnnualFigures,
        verbose_name=_("jaarcijfers"),
        on_delete=models.CASCADE,
        related_name="risks",
    )
    description = models.TextField(_("omschrijving"))
    level = models.CharField(_("niveau"), max_length=10, choices=RiskLevel.choices)
    amount = amount_field(_("bedrag (indien bekend)"))
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("risico")
        verbose_name_plural = _("risico's")
        constraints = [*non_negative("risk", "amount")]

    def __str__(self):
        return self.description[:80]


class Contribution(models.Model):
    """What one participant pays a party in a year: budgeted and realised."""

    participation = models.ForeignKey(
        "partnerships.Participation",
        verbose_name=_("deelneming"),
        on_delete=models.CASCADE,
        related_name="contributions",
    )
    year = year_field(_("jaar"))
    budgeted = amount_field(_("begrote bijdrage"), non_negative=False)
    basis = models.CharField(
        _("grondslag"),
        max_length=20,
        choices=ContributionBasis.choices,
        default=ContributionBasis.ENTERED,
    )
    explanation = models.CharField(_("berekening"), max_length=300, blank=True)
    realised = amount_field(_("gerealiseerde bijdrage"), non_negative=False)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bijdrage")
        verbose_name_plural = _("bijdragen")
        ordering = ["participation__party__name", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["participation", "year"],
                name="one_contribution_per_participation_year",
                violation_error_message=_("Voor dit jaar is de bijdrage al vastgelegd."),
            ),
        ]

    def __str__(self):
        return f"{self.participation} {self.year}"
