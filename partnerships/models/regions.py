"""A region: a named set of municipalities of one province that its supervisors keep (issue
15: "Twente's fourteen"), for the overview map and the comparison of that set."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry.models import Organisation, OrganisationKind


class Region(models.Model):
    name = models.CharField(_("naam"), max_length=100)
    province = models.ForeignKey(
        Organisation,
        verbose_name=_("provincie"),
        on_delete=models.CASCADE,
        related_name="regions",
        limit_choices_to={"kind": OrganisationKind.PROVINCE},
    )
    municipalities = models.ManyToManyField(
        Organisation,
        verbose_name=_("gemeenten"),
        related_name="in_regions",
        limit_choices_to={"kind": OrganisationKind.MUNICIPALITY},
        blank=True,
        help_text=_("Alleen gemeenten van de provincie van de regio."),
    )

    history = HistoricalRecords(m2m_fields=[municipalities])

    class Meta:
        verbose_name = _("regio")
        verbose_name_plural = _("regio's")
        ordering = ["province__name", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["province", "name"], name="region_name_unique_in_province"
            )
        ]

    def __str__(self):
        return self.name

    def clean(self):
        if self.province_id and self.province.kind != OrganisationKind.PROVINCE:
            raise ValidationError({"province": _("Kies een provincie.")})


def municipalities_outside(region_province_id: int, municipalities) -> list[str]:
    """The names of `municipalities` that are not municipalities of the region's province."""
    return sorted(
        m.name
        for m in municipalities
        if m.kind != OrganisationKind.MUNICIPALITY or m.province_id != region_province_id
    )
