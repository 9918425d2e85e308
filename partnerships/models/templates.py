"""A municipality's own Word template (house style) for the paragraph "verbonden partijen":
the DOCX is then written on its pages (margins, headers and footers, logo) with its
styles (partnerships/docx_layout.py)."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry.files import WORD_TEMPLATES, ProtectedFileField


class ParagraphTemplate(models.Model):
    organisation = models.OneToOneField(
        "registry.Organisation",
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="paragraph_template",
    )
    file = ProtectedFileField(
        _("Word-sjabloon"),
        upload_to="templates/%Y/",
        kinds=WORD_TEMPLATES,
        help_text=_(
            "Een Word-sjabloon (.dotx) of -document (.docx) in de huisstijl: de paragraaf "
            "krijgt zijn bladspiegel, kop- en voetteksten en de stijlen Kop 1 tot en met 3, "
            "Opsommingsteken en (als het er is) de tabelstijl Licht lijst - accent 1."
        ),
    )
    notes = models.CharField(_("opmerking"), max_length=200, blank=True)
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Word-sjabloon van de paragraaf")
        verbose_name_plural = _("Word-sjablonen (huisstijl) van de paragraaf")
        ordering = ["organisation__name"]

    def __str__(self):
        return _("Huisstijl van %(organisation)s") % {"organisation": self.organisation.name}

    def clean(self):
        from partnerships.docx_layout import TemplateUnreadable, open_template

        if not self.file or getattr(self.file, "_committed", True):
            return  # a stored template was checked when it was uploaded
        upload = self.file.file
        upload.seek(0)
        try:
            open_template(upload.read())
        except TemplateUnreadable as error:
            raise ValidationError({"file": str(error)}) from error
        finally:
            upload.seek(0)
