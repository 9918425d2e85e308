"""The financieel belang of a participation, per year: shares, guarantees, loans and the amount
at risk as they stand at the end of that year (31 December; for a year still to come, as
expected). The paragraph of year Y reads the end of Y-1 as the start of Y (BBV art. 15: the
interest at the start and the expected interest at the end of the year). An empty amount is
unknown, never zero."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.models.finance import year_field
from registry.money import amount_field, non_negative
from registry.periods import overlaps, year_span

AMOUNT_FIELDS = ("guarantees", "loans", "amount_at_risk")
INTEREST_FIELDS = ("shares_count", "share_nominal_value", *AMOUNT_FIELDS)


class FinancialInterest(models.Model):
    participation = models.ForeignKey(
        "partnerships.Participation",
        verbose_name=_("deelneming"),
        on_delete=models.CASCADE,
        related_name="financial_interests",
    )
    year = year_field(_("jaar"), help_text=_("De stand op 31 december van dit jaar."))
    shares_count = models.PositiveIntegerField(_("aantal aandelen"), null=True, blank=True)
    share_nominal_value = amount_field(_("nominale waarde per aandeel"))
    guarantees = amount_field(_("garanties en borgstellingen"))
    loans = amount_field(_("verstrekte leningen"))
    amount_at_risk = amount_field(
        _("bedrag dat verloren gaat bij faillissement"),
        help_text=_("Inbreng of aansprakelijkheid bij faillissement van de partij."),
    )
    notes = models.CharField(_("toelichting"), max_length=300, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("financieel belang per jaar")
        verbose_name_plural = _("financieel belang per jaar")
        ordering = ["participation__party__name", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["participation", "year"],
                name="one_financial_interest_per_participation_year",
                violation_error_message=_("Voor dit jaar is het financieel belang al vastgelegd."),
            ),
            *non_negative("financial_interest", "share_nominal_value", *AMOUNT_FIELDS),
        ]

    def __str__(self):
        return f"{self.participation} – {self.year}"

    @property
    def shares_value(self):
        """The nominal value of the shares held; None when either is unknown."""
        if self.shares_count is None or self.share_nominal_value is None:
            return None
        return self.shares_count * self.share_nominal_value

    def clean(self):
        if not (self.participation_id and self.year):
            return
        participation = self.participation
        if not overlaps(participation.start_date, participation.end_date, *year_span(self.year)):
            raise ValidationError(
                {
                    "year": _("%(participation)s loopt niet in %(year)s.")
                    % {"participation": participation, "year": self.year}
                }
            )
