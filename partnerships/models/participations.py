"""The participation of one organisation in a party, with its bestuurlijk belang (seats,
voting weight); its financieel belang is kept per year (models.interests)."""

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships import bbv
from partnerships.choices import Confirmation
from registry.models import Organisation
from registry.money import non_negative
from registry.periods import dates_in_order, overlaps, within

REGISTER_FIELDS = (
    "party",
    "organisation",
    "start_date",
    "end_date",
    "seats",
    "voting_weight",
    "notes",
)


class ParticipationQuerySet(models.QuerySet):
    def with_verbonden_partij(self, year: int):
        """Each participation's status as a verbonden partij in `year` (`vp_status`) and what
        decides it, in the same query (partnerships.bbv)."""
        return bbv.annotate(self, year)


class Participation(models.Model):
    party = models.ForeignKey(
        "partnerships.Party",
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="participations",
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("deelnemer"),
        on_delete=models.PROTECT,
        related_name="participations",
    )
    start_date = models.DateField(_("deelname vanaf"), null=True, blank=True)
    end_date = models.DateField(_("deelname tot en met"), null=True, blank=True)
    # bestuurlijk belang; empty is unknown, never zero (partnerships.bbv)
    seats = models.PositiveSmallIntegerField(
        _("zetels"),
        null=True,
        blank=True,
        help_text=_("Zetels in het hoogste bestuursorgaan; leeg is onbekend, 0 is geen zetel."),
    )
    voting_weight = models.DecimalField(
        _("stemgewicht"),
        max_digits=9,
        decimal_places=3,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_(
            "Aantal stemmen of percentage volgens de regeling of statuten; leeg is onbekend. "
            "0 bij aandelen of een lidmaatschap zonder stemrecht."
        ),
    )
    notes = models.TextField(_("toelichting"), blank=True)
    # Set only by partnerships.services: a new participation waits for the party's side
    # unless its registrar may confirm it; only a confirmed one gives rights on the party.
    confirmation = models.CharField(
        _("bevestiging"),
        max_length=20,
        choices=Confirmation.choices,
        default=Confirmation.PENDING,
        editable=False,
    )
    confirmation_note = models.TextField(
        _("toelichting bij de bevestiging"), blank=True, editable=False
    )

    history = HistoricalRecords()
    objects = ParticipationQuerySet.as_manager()

    class Meta:
        verbose_name = _("deelneming")
        verbose_name_plural = _("deelnemingen")
        ordering = ["party__name", "organisation__name", "start_date"]
        constraints = [
            dates_in_order("participation_dates_in_order"),
            *non_negative("participation", "voting_weight"),
        ]

    def __str__(self):
        return f"{self.organisation.name} in {self.party.name}"

    def verbonden_partij(self, year: int) -> "bbv.Verdict":
        """Is this participation a verbonden partij in `year`, and why (or what is missing)?
        Reads what a `with_verbonden_partij(year)` query annotated, else asks the database."""
        return bbv.verdict_of(self, year)

    def clean(self):
        if not (self.party_id and self.organisation_id):
            return
        others = Participation.objects.filter(
            party_id=self.party_id, organisation_id=self.organisation_id
        ).exclude(pk=self.pk)
        self.check_against(others)

    def check_against(self, others) -> None:
        """The rules of clean() given the other participations of the same organisation in
        the same party (an import passes the ones it already loaded or is about to write)."""
        errors = []
        if any(overlaps(self.start_date, self.end_date, o.start_date, o.end_date) for o in others):
            errors.append(
                _("%(organisation)s neemt in deze periode al deel aan %(party)s.")
                % {"organisation": self.organisation.name, "party": self.party.name}
            )
        org = self.organisation
        if not within(self.start_date, self.end_date, org.start_date, org.end_date):
            errors.append(
                _("De deelname valt buiten het bestaan van %(organisation)s.")
                % {"organisation": org.name}
            )
        if not within(self.start_date, self.end_date, self.party.start_date, self.party.end_date):
            errors.append(_("De deelname valt buiten de looptijd van het samenwerkingsverband."))
        if errors:
            raise ValidationError(errors)
