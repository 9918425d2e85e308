"""The documents a party rests on (regeling, amendments, statuten, convenant, DVO), over time,
and what a Wgr regeling regulates of the provisions every regeling had to contain by 1 July
2024 (the Wgr as amended per 1 July 2022, Wet versterking democratische legitimiteit Wgr, with
two years to bring regelingen in line; the articles were not confirmed here): the councils'
zienswijze on the board's decisions, how residents are involved (inwonersparticipatie),
agreements on evaluation, and exit. Each is yes / no / not assessed (empty)."""

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.choices import ExitCostMethod, LegalDocumentKind
from registry.files import DOCUMENTS, ProtectedFileField
from registry.periods import dates_in_order


def assessment(verbose_name, help_text=""):
    return models.BooleanField(
        verbose_name,
        null=True,
        blank=True,
        help_text=help_text or _("Ja, nee, of leeg als het niet beoordeeld is."),
    )


class LegalBasis(models.Model):
    """One version of a founding document; a later version replaces it from its in-force date."""

    party = models.ForeignKey(
        "partnerships.Party",
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="legal_bases",
    )
    kind = models.CharField(_("soort document"), max_length=30, choices=LegalDocumentKind.choices)
    title = models.CharField(_("titel"), max_length=300)
    adopted_on = models.DateField(_("vastgesteld op"), null=True, blank=True)
    in_force_from = models.DateField(_("in werking vanaf"), null=True, blank=True)
    in_force_until = models.DateField(_("in werking tot en met"), null=True, blank=True)
    publication_reference = models.CharField(
        _("vindplaats"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld Staatscourant 2022, 12345 of gemeenteblad."),
    )
    url = models.URLField(_("link"), blank=True)
    document = ProtectedFileField(
        _("bestand"), upload_to="legal_basis/%Y/", blank=True, kinds=DOCUMENTS
    )
    evaluation_interval_years = models.PositiveSmallIntegerField(
        _("evaluatie elke (jaren)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(20)],
        help_text=_("Uit de evaluatiebepaling; leeg als de regeling er geen noemt."),
    )
    exit_notice_months = models.PositiveSmallIntegerField(
        _("opzegtermijn uittreding (maanden)"), null=True, blank=True
    )
    exit_cost_method = models.CharField(
        _("berekening uittreedsom"),
        max_length=30,
        choices=ExitCostMethod.choices,
        default=ExitCostMethod.NOT_SET,
    )
    exit_cost_factor = models.DecimalField(
        _("factor uittreedsom"),
        max_digits=5,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)],
        help_text=_("Bij een veelvoud van de bijdrage: hoeveel jaarbijdragen."),
    )
    exit_clause = models.TextField(_("uittredingsbepaling"), blank=True)
    # the provisions required since 1 July 2024 (Wgr); None: not assessed
    regulates_zienswijze = assessment(
        _("regelt de zienswijze van de raden op besluiten van het bestuur")
    )
    regulates_participation = assessment(_("regelt de inwonersparticipatie"))
    regulates_evaluation = assessment(
        _("bevat afspraken over evaluatie"),
        help_text=_("Leeg: niet beoordeeld; een evaluatietermijn hierboven telt als ja."),
    )
    regulates_exit = assessment(
        _("regelt de uittreding"),
        help_text=_("Leeg: niet beoordeeld; een opzegtermijn of uittreedsom telt als ja."),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("juridische grondslag")
        verbose_name_plural = _("juridische grondslag (documenten en versies)")
        ordering = ["party", "in_force_from", "pk"]
        constraints = [
            dates_in_order("legal_basis_in_force_in_order", "in_force_from", "in_force_until"),
            dates_in_order("legal_basis_adopted_before_end", "adopted_on", "in_force_until"),
        ]

    def __str__(self):
        return self.title

    def provisions(self) -> dict[str, bool | None]:
        """The four provisions of 1 July 2024 as this version regulates them (None: not
        assessed); an evaluation interval or an exit clause counts as regulated."""
        evaluation = self.regulates_evaluation
        if evaluation is None and self.evaluation_interval_years:
            evaluation = True
        exit_ = self.regulates_exit
        if exit_ is None and (
            self.exit_notice_months or self.exit_cost_method != ExitCostMethod.NOT_SET
        ):
            exit_ = True
        return {
            "zienswijze": self.regulates_zienswijze,
            "participation": self.regulates_participation,
            "evaluation": evaluation,
            "exit": exit_,
        }

    def clean(self):
        if self.exit_cost_method == ExitCostMethod.CONTRIBUTION_MULTIPLE and (
            self.exit_cost_factor is None
        ):
            raise ValidationError(
                {"exit_cost_factor": _("Geef aan hoeveel jaarbijdragen de uittreedsom is.")}
            )
