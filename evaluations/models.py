"""Evaluations of cooperations: the criteria catalogue, each evaluation (of a whole party, or
of one municipality's participation) with its scorecard (respondents and their answers) and
follow-up actions."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from evaluations.choices import (
    AbsenceProblem,
    ActionStatus,
    Catalogue,
    EvaluationStatus,
    Performer,
    Presence,
)
from registry.files import REPORTS, ProtectedFileField
from registry.periods import dates_in_order


class Criterion(models.Model):
    """A criterion of the scorecard; administrators maintain the catalogue."""

    name = models.CharField(_("naam"), max_length=120)
    description = models.TextField(_("toelichting"), blank=True)
    catalogue = models.CharField(_("herkomst"), max_length=20, choices=Catalogue.choices)
    order = models.PositiveSmallIntegerField(_("volgorde"), default=0)
    active = models.BooleanField(_("in gebruik"), default=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("criterium")
        verbose_name_plural = _("criteria (scorekaart)")
        ordering = ["catalogue", "order", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["catalogue", "name"],
                name="one_criterion_per_name",
                violation_error_message=_("Dit criterium staat al in de catalogus."),
            )
        ]

    def __str__(self):
        return self.name


class Evaluation(models.Model):
    """An evaluation of `party`; with `organisation`, of that municipality's participation
    only. The status changes only through evaluations.workflow."""

    party = models.ForeignKey(
        "partnerships.Party",
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="evaluations",
    )
    organisation = models.ForeignKey(
        "registry.Organisation",
        verbose_name=_("alleen de deelname van"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="evaluations",
        help_text=_("Leeg: een evaluatie van de hele samenwerking."),
    )
    title = models.CharField(_("titel"), max_length=200)
    scope = models.TextField(_("reikwijdte en onderzoeksvragen"), blank=True)
    performer = models.CharField(_("uitgevoerd door"), max_length=20, choices=Performer.choices)
    performer_name = models.CharField(_("naam uitvoerder"), max_length=200, blank=True)
    status = models.CharField(
        _("status"),
        max_length=20,
        choices=EvaluationStatus.choices,
        default=EvaluationStatus.PLANNED,
        editable=False,
    )
    planned_start = models.DateField(_("geplande start"), null=True, blank=True)
    planned_end = models.DateField(_("gepland gereed"), null=True, blank=True)
    actual_start = models.DateField(_("werkelijke start"), null=True, blank=True, editable=False)
    actual_end = models.DateField(_("afgerond op"), null=True, blank=True, editable=False)
    cancel_reason = models.TextField(_("reden vervallen"), blank=True, editable=False)
    report = ProtectedFileField(
        _("rapport"), upload_to="evaluations/%Y/", blank=True, kinds=REPORTS
    )
    report_url = models.URLField(_("link naar het rapport"), blank=True)
    conclusions = models.TextField(_("conclusies"), blank=True)
    recommendations = models.TextField(_("aanbevelingen"), blank=True)
    public = models.BooleanField(
        _("openbaar na afronding"),
        default=False,
        help_text=_(
            "Aan: een afgeronde evaluatie (conclusies, aanbevelingen, scores als "
            "samenvatting) staat op de openbare pagina's, als de gemeente publiceert."
        ),
    )
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("evaluatie")
        verbose_name_plural = _("evaluaties")
        ordering = ["party__name", "-planned_end"]
        constraints = [
            dates_in_order("evaluation_planned_in_order", "planned_start", "planned_end"),
            dates_in_order("evaluation_actual_in_order", "actual_start", "actual_end"),
        ]

    def __str__(self):
        return self.title


class Respondent(models.Model):
    """Someone who filled in the scorecard of an evaluation, by name or anonymously (then no
    name is kept). Pages show what respondents answered together (evaluations.scorecard),
    never one respondent's answers; only who keeps the evaluation enters them."""

    evaluation = models.ForeignKey(
        Evaluation,
        verbose_name=_("evaluatie"),
        on_delete=models.CASCADE,
        related_name="respondents",
    )
    anonymous = models.BooleanField(
        _("anoniem"), default=False, help_text=_("Dan wordt er geen naam vastgelegd.")
    )
    name = models.CharField(_("naam"), max_length=200, blank=True)
    capacity = models.CharField(
        _("hoedanigheid"),
        max_length=200,
        blank=True,
        help_text=_("Bijvoorbeeld raadslid, wethouder, griffier, ambtenaar of directeur."),
    )
    answered_on = models.DateField(_("ingevuld op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("respondent")
        verbose_name_plural = _("respondenten (scorekaart)")
        ordering = ["evaluation", "pk"]

    def __str__(self):
        if self.anonymous or not self.name:
            return _("anonieme respondent") + (f" ({self.capacity})" if self.capacity else "")
        return self.name

    def clean(self):
        if self.anonymous and self.name.strip():
            raise ValidationError(
                {"name": _("Een anonieme respondent heeft geen naam; laat de naam leeg.")}
            )
        if not self.anonymous and not self.name.strip():
            raise ValidationError(
                {"name": _("Vul de naam in, of kies “anoniem” als de respondent dat wil.")}
            )


class Answer(models.Model):
    """One respondent on one factor: is it present (ja / deels / nee), is its absence
    experienced as a problem, the score 1–5 and the explanation (seed 004: factors can be
    missing without anyone minding)."""

    respondent = models.ForeignKey(
        Respondent, verbose_name=_("respondent"), on_delete=models.CASCADE, related_name="answers"
    )
    criterion = models.ForeignKey(
        Criterion, verbose_name=_("criterium"), on_delete=models.PROTECT, related_name="answers"
    )
    presence = models.CharField(_("aanwezig"), max_length=10, choices=Presence.choices, blank=True)
    absence_problem = models.CharField(
        _("ontbreken een probleem?"),
        max_length=10,
        choices=AbsenceProblem.choices,
        blank=True,
        help_text=_("Alleen als de factor er niet of deels is."),
    )
    score = models.PositiveSmallIntegerField(
        _("score (1–5)"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(5)],
    )
    explanation = models.TextField(_("toelichting"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("antwoord")
        verbose_name_plural = _("antwoorden")
        ordering = ["criterion__catalogue", "criterion__order"]
        constraints = [
            models.UniqueConstraint(
                fields=["respondent", "criterion"],
                name="one_answer_per_respondent_and_criterion",
                violation_error_message=_("Deze respondent beantwoordde dit criterium al."),
            ),
            models.CheckConstraint(
                condition=models.Q(score__isnull=True) | models.Q(score__gte=1, score__lte=5),
                name="score_from_1_to_5",
                violation_error_message=_("Een score ligt tussen 1 en 5."),
            ),
            models.CheckConstraint(
                condition=~models.Q(presence="", score__isnull=True),
                name="answer_says_something",
                violation_error_message=_("Geef aan of de factor aanwezig is, of een score."),
            ),
            models.CheckConstraint(
                condition=~models.Q(presence=Presence.YES) | models.Q(absence_problem=""),
                name="no_absence_problem_when_present",
                violation_error_message=_(
                    "Een factor die er is, ontbreekt niet: laat “ontbreken een probleem?” leeg."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.criterion}: {self.get_presence_display() or self.score}"


class FollowUpAction(models.Model):
    """What is done with a recommendation: who, by when, how far."""

    evaluation = models.ForeignKey(
        Evaluation, verbose_name=_("evaluatie"), on_delete=models.CASCADE, related_name="actions"
    )
    description = models.TextField(_("actie"))
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("eigenaar"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        help_text=_("Krijgt de herinneringen."),
    )
    owner_name = models.CharField(
        _("eigenaar (naam of functie)"),
        max_length=200,
        blank=True,
        help_text=_("Liever een functie dan een naam: een naam is een persoonsgegeven."),
    )
    due_on = models.DateField(_("uiterlijk"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=ActionStatus.choices, default=ActionStatus.OPEN
    )
    done_on = models.DateField(_("afgerond op"), null=True, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("vervolgactie")
        verbose_name_plural = _("vervolgacties")
        ordering = ["due_on", "pk"]

    def __str__(self):
        return self.description[:80]

    def clean(self):
        if self.status == ActionStatus.DONE and self.done_on is None:
            raise ValidationError({"done_on": _("Vul in wanneer de actie is afgerond.")})
