"""The party (samenwerkingsverband) and the policy themes it serves."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.choices import (
    BBVCategory,
    CooperationModel,
    LegalForm,
    PartyStatus,
    RegelingType,
)
from partnerships.legal_forms import profile
from registry.models import Organisation, OrganisationKind
from registry.periods import dates_in_order
from registry.validators import validate_kvk_number


def party_code(short_name: str, name: str) -> str:
    """The registry code a party gets when none is given: a slug of its short name or name."""
    return slugify(short_name or name)[:80]


class Theme(models.Model):
    name = models.CharField(_("naam"), max_length=100, unique=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("thema")
        verbose_name_plural = _("thema's")
        ordering = ["name"]

    def __str__(self):
        return self.name


class Party(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    short_name = models.CharField(_("korte naam"), max_length=60, blank=True)
    code = models.SlugField(
        _("registercode"),
        max_length=80,
        unique=True,
        blank=True,
        help_text=_("Vaste sleutel voor import en export; leeg laten om af te leiden van de naam."),
    )
    legal_form = models.CharField(_("rechtsvorm"), max_length=30, choices=LegalForm.choices)
    regeling_type = models.CharField(
        _("soort regeling"),
        max_length=20,
        choices=RegelingType.choices,
        blank=True,
        help_text=_("Alleen bij Wgr-vormen: wie de regeling heeft getroffen."),
    )
    seat = models.CharField(_("vestigingsplaats"), max_length=100, blank=True)
    kvk_number = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True, validators=[validate_kvk_number]
    )
    public_interest = models.TextField(
        _("openbaar belang"), blank=True, help_text=_("Welk publiek belang de partij dient.")
    )
    description = models.TextField(_("toelichting"), blank=True)
    themes = models.ManyToManyField(
        Theme, verbose_name=_("thema's"), blank=True, related_name="parties"
    )
    task_policy_making = models.BooleanField(_("beleidsvorming"), default=False)
    task_policy_execution = models.BooleanField(_("beleidsuitvoering"), default=False)
    task_operations = models.BooleanField(_("bedrijfsvoering"), default=False)
    cooperation_model = models.CharField(
        _("samenwerkingsmodel"), max_length=20, choices=CooperationModel.choices, blank=True
    )
    participation_mandatory = models.BooleanField(
        _("deelname wettelijk verplicht"),
        default=False,
        help_text=_("Bijvoorbeeld veiligheidsregio, GGD of omgevingsdienst."),
    )
    centre_organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("centrumgemeente of gastheer"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="centre_of",
        help_text=_("Verplicht bij een centrumgemeenteregeling."),
    )
    maintainer = models.ForeignKey(
        Organisation,
        verbose_name=_("dossierhouder"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="maintained_parties",
        help_text=_(
            "Organisatie die het gedeelde dossier bijhoudt zolang er nog geen deelnemers zijn."
        ),
    )
    start_date = models.DateField(_("begindatum"), null=True, blank=True)
    end_date = models.DateField(_("einddatum"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=PartyStatus.choices, default=PartyStatus.ACTIVE
    )
    website = models.URLField(_("website"), blank=True)

    history = HistoricalRecords(m2m_fields=[themes])

    class Meta:
        verbose_name = _("samenwerkingsverband")
        verbose_name_plural = _("samenwerkingsverbanden")
        ordering = ["name"]
        constraints = [dates_in_order("party_dates_in_order")]

    def __str__(self):
        return self.name

    def save(self, *args, **kwargs):
        if not self.code:
            self.code = party_code(self.short_name, self.name)
        super().save(*args, **kwargs)

    @property
    def bbv_category(self) -> str:
        return profile(self.legal_form).bbv_category

    def get_bbv_category_display(self) -> str:
        return BBVCategory(self.bbv_category).label

    @property
    def is_wgr(self) -> bool:
        return profile(self.legal_form).wgr

    @property
    def has_legal_personality(self) -> bool:
        return profile(self.legal_form).legal_personality

    def _centre_does_not_take_part(self) -> bool:
        """Participants are registered, and the centre is not among them."""
        participants = set(self.participations.values_list("organisation_id", flat=True))
        return bool(participants) and self.centre_organisation_id not in participants

    def clean(self):
        if not self.code:
            # derived here too, so the uniqueness check that follows judges it (a 400 with
            # the field, not an IntegrityError at save)
            self.code = party_code(self.short_name, self.name)
        if not self.legal_form:
            return
        form = profile(self.legal_form)
        label = self.get_legal_form_display()
        errors: dict[str, list] = {}

        def refuse(field, message):
            errors.setdefault(field, []).append(message)

        if self.regeling_type and not form.wgr:
            refuse(
                "regeling_type",
                _("Alleen een gemeenschappelijke regeling (Wgr) heeft een soort regeling."),
            )
        if self.legal_form == LegalForm.OPERATIONAL_ORGANISATION and (
            self.regeling_type != RegelingType.COLLEGES
        ):
            refuse(
                "regeling_type",
                _("Een bedrijfsvoeringsorganisatie is altijd een collegeregeling."),
            )
        if self.legal_form == LegalForm.CENTRE_MUNICIPALITY:
            if not self.centre_organisation_id:
                refuse(
                    "centre_organisation",
                    _("Een centrumgemeenteregeling noemt de centrumgemeente."),
                )
            elif self.centre_organisation.kind != OrganisationKind.MUNICIPALITY:
                refuse("centre_organisation", _("De centrumgemeente moet een gemeente zijn."))
            elif self.pk and self._centre_does_not_take_part():
                refuse(
                    "centre_organisation",
                    _("De centrumgemeente neemt zelf deel aan de regeling (Wgr art. 8 lid 4)."),
                )
        if self.kvk_number and not form.legal_personality:
            refuse(
                "kvk_number",
                _("Een %(form)s heeft geen rechtspersoonlijkheid en dus geen KvK-nummer.")
                % {"form": label.lower()},
            )
        if self.status == PartyStatus.DISSOLVED and not self.end_date:
            refuse("end_date", _("Geef de datum van opheffing op."))
        if self.pk:
            misfits = sorted(
                {
                    body.get_kind_display()
                    for body in self.bodies.all()
                    if body.kind not in form.bodies
                }
            )
            if misfits:
                refuse(
                    "legal_form",
                    _("Een %(form)s kan deze organen niet hebben: %(bodies)s. Verwijder ze eerst.")
                    % {"form": label.lower(), "bodies": ", ".join(str(m) for m in misfits)},
                )
        if errors:
            raise ValidationError(errors)
