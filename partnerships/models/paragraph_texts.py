"""The texts of an organisation's paragraph "verbonden partijen" for a year that the registry
cannot derive: the visie on verbonden partijen and the beleidsvoornemens about them (BBV art.
15 lid 1 onder a). Kept by the organisation's finance staff or griffie; empty means missing,
and the paragraph says so."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.models.finance import year_field
from registry.models import Organisation


class ParagraphText(models.Model):
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.PROTECT,
        related_name="paragraph_texts",
    )
    year = year_field(_("jaar"), help_text=_("Het begrotingsjaar (of verslagjaar)."))
    vision = models.TextField(
        _("visie op verbonden partijen"),
        blank=True,
        help_text=_("In relatie tot de doelstellingen van de begroting (BBV art. 15 lid 1)."),
    )
    intentions = models.TextField(_("beleidsvoornemens omtrent verbonden partijen"), blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("tekst paragraaf verbonden partijen")
        verbose_name_plural = _("teksten paragraaf verbonden partijen")
        ordering = ["organisation__name", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"],
                name="one_paragraph_text_per_organisation_year",
                violation_error_message=_("Voor dit jaar is de tekst al vastgelegd."),
            )
        ]

    def __str__(self):
        return _("Paragraaf verbonden partijen %(year)s – %(organisation)s") % {
            "year": self.year,
            "organisation": self.organisation.name,
        }
