"""The record of a spreadsheet import: who, when, which file, what it did."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportKind(models.TextChoices):
    ORGANISATIONS = "organisations", _("Organisaties")
    POPULATION = "population", _("Bevolkingscijfers")
    PARTIES = "parties", _("Samenwerkingsverbanden")
    PARTICIPATIONS = "participations", _("Deelnemingen")
    ANNUAL_FIGURES = "annual_figures", _("Jaarcijfers")
    CONTRIBUTIONS = "contributions", _("Bijdragen")


class ImportStatus(models.TextChoices):
    PREVIEW = "preview", _("Voorvertoning (nog niet doorgevoerd)")
    COMMITTED = "committed", _("Doorgevoerd")


class ImportChannel(models.TextChoices):
    ADMIN = "admin", _("Beheeromgeving")
    COMMAND = "command", _("Opdrachtregel")


class ImportRun(models.Model):
    """One file through the import. A preview keeps the file until it is confirmed; a
    committed import keeps it as evidence for settings.IMPORT_FILE_RETENTION_DAYS, after
    which prune_import_files empties `content` (partnerships/import_files.py). Records it
    touched name it in their history."""

    kind = models.CharField(_("soort"), max_length=20, choices=ImportKind.choices)
    status = models.CharField(_("status"), max_length=20, choices=ImportStatus.choices)
    channel = models.CharField(_("via"), max_length=20, choices=ImportChannel.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("door"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        help_text=_("Leeg: een beheerder op de opdrachtregel van de server."),
    )
    file_name = models.CharField(_("bestand"), max_length=255)
    file_size = models.PositiveIntegerField(_("grootte (bytes)"))
    file_sha256 = models.CharField(_("SHA-256 van het bestand"), max_length=64)
    content = models.BinaryField(_("inhoud"), editable=False)
    content_removed_at = models.DateTimeField(
        _("bestand verwijderd op"),
        null=True,
        blank=True,
        editable=False,
        help_text=_("Na de bewaartermijn; de gegevens, grootte en SHA-256 blijven bewaard."),
    )
    plan_digest = models.CharField(_("kenmerk van de voorvertoning"), max_length=64)
    party_choices = models.JSONField(
        _("gekozen samenwerkingsverbanden"),
        default=dict,
        blank=True,
        help_text=_(
            "Per naam in het bestand die het register niet kent: de registercode die de "
            "gebruiker in de voorvertoning koos."
        ),
    )
    created_at = models.DateTimeField(_("ingelezen op"), auto_now_add=True)
    committed_at = models.DateTimeField(_("doorgevoerd op"), null=True, blank=True)
    rows = models.PositiveIntegerField(_("rijen"), default=0)
    new = models.PositiveIntegerField(_("nieuw"), default=0)
    changed = models.PositiveIntegerField(_("gewijzigd"), default=0)
    unchanged = models.PositiveIntegerField(_("ongewijzigd"), default=0)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]

    def __str__(self):
        return _("Import %(id)s: %(file)s") % {"id": self.pk, "file": self.file_name}

    @property
    def change_reason(self) -> str:
        """What the history of every record this import touched says."""
        return str(self)[:100]
