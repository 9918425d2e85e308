"""Organisations (gemeenten, provincies, ...), their population figures and users' roles."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from registry.periods import dates_in_order
from registry.validators import validate_cbs_code, validate_kvk_number


class OrganisationKind(models.TextChoices):
    MUNICIPALITY = "municipality", _("Gemeente")
    PROVINCE = "province", _("Provincie")
    WATER_BOARD = "water_board", _("Waterschap")
    OTHER_PUBLIC = "other_public", _("Andere overheid (Rijk, ...)")
    PRIVATE = "private", _("Private partner")


class OrganisationQuerySet(models.QuerySet):
    def municipalities(self):
        return self.filter(kind=OrganisationKind.MUNICIPALITY)

    def provinces(self):
        return self.filter(kind=OrganisationKind.PROVINCE)


class Organisation(models.Model):
    name = models.CharField(_("naam"), max_length=200)
    kind = models.CharField(_("soort"), max_length=20, choices=OrganisationKind.choices)
    cbs_code = models.CharField(
        _("CBS-code"),
        max_length=6,
        unique=True,
        null=True,
        blank=True,
        help_text=_("GM + 4 cijfers voor gemeenten, PV + 2 cijfers voor provincies."),
    )
    kvk_number = models.CharField(
        _("KvK-nummer"), max_length=8, blank=True, validators=[validate_kvk_number]
    )
    province = models.ForeignKey(
        "self",
        verbose_name=_("provincie"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="members",
        limit_choices_to={"kind": OrganisationKind.PROVINCE},
        help_text=_("De provincie waarin een gemeente of waterschap ligt."),
    )
    start_date = models.DateField(_("ontstaan op"), null=True, blank=True)
    end_date = models.DateField(
        _("opgeheven op"),
        null=True,
        blank=True,
        help_text=_("Bijvoorbeeld de laatste dag vóór een herindeling."),
    )
    publishes = models.BooleanField(
        _("publiceert het register"),
        default=False,
        help_text=_(
            "Aan: iedereen leest op de openbare pagina's wat van deze organisatie openbaar is "
            "(deelnemingen, bijdragen, besloten zienswijzen, openbare evaluaties). Uit: alleen "
            "haar eigen gebruikers en de toezichthouder."
        ),
    )

    history = HistoricalRecords()
    objects = OrganisationQuerySet.as_manager()

    class Meta:
        verbose_name = _("organisatie")
        verbose_name_plural = _("organisaties")
        ordering = ["name"]
        constraints = [dates_in_order("organisation_dates_in_order")]

    def __str__(self):
        return f"{self.name} ({self.cbs_code})" if self.cbs_code else self.name

    def save(self, *args, **kwargs):
        self.cbs_code = self.cbs_code or None
        super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        self.cbs_code = (self.cbs_code or "").strip().upper() or None
        needs_code = self.kind in (OrganisationKind.MUNICIPALITY, OrganisationKind.PROVINCE)
        if self.cbs_code:
            try:
                validate_cbs_code(self.kind, self.cbs_code)
            except ValidationError as error:
                errors["cbs_code"] = error
        elif needs_code:
            errors["cbs_code"] = _("Een %(kind)s heeft een CBS-code.") % {
                "kind": self.get_kind_display().lower()
            }
        if self.kind == OrganisationKind.PROVINCE and self.province_id:
            errors["province"] = _("Een provincie ligt niet in een andere provincie.")
        elif self.kind == OrganisationKind.MUNICIPALITY and not self.province_id:
            errors["province"] = _("Geef de provincie op waarin de gemeente ligt.")
        elif self.province_id and self.province.kind != OrganisationKind.PROVINCE:
            errors["province"] = _("Kies een provincie.")
        if errors:
            raise ValidationError(errors)

    def exists_on(self, day: datetime.date) -> bool:
        return (self.start_date is None or self.start_date <= day) and (
            self.end_date is None or day <= self.end_date
        )


class PopulationFigure(models.Model):
    """Inhabitants and households of an organisation at a reference date (CBS)."""

    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("organisatie"),
        on_delete=models.CASCADE,
        related_name="population_figures",
    )
    year = models.PositiveSmallIntegerField(
        _("jaar"), validators=[MinValueValidator(1850), MaxValueValidator(2200)]
    )
    reference_date = models.DateField(
        _("peildatum"), help_text=_("Meestal 1 januari van het jaar (CBS).")
    )
    inhabitants = models.PositiveIntegerField(_("inwoners"))
    households = models.PositiveIntegerField(_("huishoudens"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("bevolkingscijfer")
        verbose_name_plural = _("bevolkingscijfers")
        ordering = ["organisation__name", "-year"]
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "year"],
                name="one_population_figure_per_year",
                violation_error_message=_("Voor dit jaar is al een bevolkingscijfer vastgelegd."),
            ),
        ]

    def __str__(self):
        return f"{self.organisation.name} {self.year}: {self.inhabitants} inwoners"

    def clean(self):
        if self.reference_date and self.year and abs(self.reference_date.year - self.year) > 1:
            raise ValidationError(
                {"reference_date": _("De peildatum hoort bij het jaar (of het jaar ervoor).")}
            )


class RoleKind(models.TextChoices):
    GRIFFIE = "griffie", _("Griffie (houdt het register bij)")
    FINANCE = "finance", _("Financiën (financieel belang)")
    COUNCIL = "council", _("Raadslid (alleen lezen)")
    SUPERVISOR = "supervisor", _("Provinciaal toezichthouder (IBT)")


class Role(models.Model):
    """What a user may do for one organisation. Administrators are Django superusers."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        on_delete=models.CASCADE,
        related_name="registry_roles",
    )
    organisation = models.ForeignKey(
        Organisation, verbose_name=_("organisatie"), on_delete=models.CASCADE, related_name="roles"
    )
    kind = models.CharField(_("rol"), max_length=20, choices=RoleKind.choices)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("rol")
        verbose_name_plural = _("rollen")
        constraints = [
            models.UniqueConstraint(
                fields=["user", "organisation", "kind"],
                name="one_role_per_user_organisation_kind",
                violation_error_message=_("Deze gebruiker heeft deze rol al bij deze organisatie."),
            ),
        ]

    def __str__(self):
        return f"{self.user} – {self.get_kind_display()} – {self.organisation.name}"

    def clean(self):
        if (
            self.kind == RoleKind.SUPERVISOR
            and self.organisation_id
            and self.organisation.kind != OrganisationKind.PROVINCE
        ):
            raise ValidationError(
                {"organisation": _("Een provinciaal toezichthouder hoort bij een provincie.")}
            )


class AuditAction(models.TextChoices):
    """What the audit trail records (BIO 12.4.1 "gebeurtenissen registreren"): who, when,
    what, from where. Recorded through `registry.audit.record`, never written elsewhere."""

    SIGN_IN = "sign_in", _("aangemeld")
    SIGN_IN_FAILED = "sign_in_failed", _("aanmelden mislukt")
    LOCKED_OUT = "locked_out", _("geblokkeerd na mislukte pogingen")
    SIGN_OUT = "sign_out", _("afgemeld")
    ROLE_CHANGED = "role_changed", _("rol gewijzigd")
    TOKEN_CREATED = "token_created", _("API-sleutel aangemaakt")
    TOKEN_REVOKED = "token_revoked", _("API-sleutel ingetrokken")
    TOKEN_USED = "token_used", _("API-sleutel gebruikt")
    FILE_DOWNLOADED = "file_downloaded", _("bestand gedownload")
    EXPORT_DOWNLOADED = "export_downloaded", _("export gedownload")
    PARAGRAPH_DOWNLOADED = "paragraph_downloaded", _("paragraaf gedownload")
    IMPORT = "import", _("import")


class AuditEvent(models.Model):
    """One line of the audit trail. Kept apart from the records' history (which says what a
    record was): this says who did what, when, from which address. The username is kept
    beside the user, so a failed sign-in (no user) and a deleted account stay readable."""

    at = models.DateTimeField(_("tijdstip"), default=timezone.now, db_index=True)
    action = models.CharField(_("gebeurtenis"), max_length=30, choices=AuditAction.choices)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gebruiker"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    username = models.CharField(_("gebruikersnaam"), max_length=150, blank=True)
    address = models.GenericIPAddressField(_("adres"), null=True, blank=True)
    target = models.CharField(_("waarover"), max_length=300, blank=True)
    detail = models.JSONField(_("details"), default=dict, blank=True)

    class Meta:
        verbose_name = _("gebeurtenis in het auditlog")
        verbose_name_plural = _("auditlog")
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["action", "at"], name="audit_action_at")]

    def __str__(self):
        return f"{self.at:%d-%m-%Y %H:%M} {self.username or '–'} {self.get_action_display()}"


class TokenScope(models.TextChoices):
    READ = "lezen", _("lezen")
    WRITE = "schrijven", _("schrijven")


class APIToken(models.Model):
    """A key for a system calling the API (registry/tokens.py, registry/api/tokens.py). It
    acts for a user (with that user's roles) or for an organisation (reading its records,
    or keeping them as its griffie and finance do); `scope` lezen refuses every write. Only
    a hash of the secret is stored: the key is shown once, when an administrator creates it."""

    name = models.CharField(
        _("omschrijving"), max_length=100, help_text=_("Welk systeem gebruikt deze sleutel.")
    )
    prefix = models.CharField(_("sleutelbegin"), max_length=12, unique=True, editable=False)
    secret_hash = models.CharField(max_length=64, editable=False)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("namens gebruiker"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text=_("De sleutel heeft de rollen van deze gebruiker."),
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("namens organisatie"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="api_tokens",
        help_text=_(
            "Lezen: wat de organisatie zelf leest. Schrijven: haar eigen gegevens bijhouden, "
            "zoals haar griffie en financiën dat doen."
        ),
    )
    scope = models.CharField(
        _("bereik"), max_length=10, choices=TokenScope.choices, default=TokenScope.READ
    )
    expires_at = models.DateTimeField(
        _("geldig tot"), null=True, blank=True, help_text=_("Leeg: geldig tot intrekken.")
    )
    created_at = models.DateTimeField(_("aangemaakt op"), default=timezone.now, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("aangemaakt door"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )
    revoked_at = models.DateTimeField(_("ingetrokken op"), null=True, blank=True, editable=False)
    last_used_at = models.DateTimeField(_("laatst gebruikt"), null=True, blank=True, editable=False)

    class Meta:
        verbose_name = _("API-sleutel")
        verbose_name_plural = _("API-sleutels")
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                name="api_token_user_or_organisation",
                condition=(
                    models.Q(user__isnull=False, organisation__isnull=True)
                    | models.Q(user__isnull=True, organisation__isnull=False)
                ),
                violation_error_message=_(
                    "Een API-sleutel hoort bij een gebruiker óf bij een organisatie."
                ),
            )
        ]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    def clean(self):
        if bool(self.user_id) == bool(self.organisation_id):
            raise ValidationError(
                _("Kies een gebruiker óf een organisatie waarvoor de sleutel geldt.")
            )
        if self._state.adding and self.expires_at and self.expires_at <= timezone.now():
            raise ValidationError(
                {"expires_at": _("Deze datum is al voorbij: de sleutel zou nooit werken.")}
            )

    @property
    def label(self) -> str:
        """Who the token acts for, in the audit trail and the history."""
        return f"API-sleutel {self.prefix}"

    def is_valid(self, now=None) -> bool:
        now = now or timezone.now()
        return self.revoked_at is None and (self.expires_at is None or self.expires_at > now)


class JobStatus(models.TextChoices):
    QUEUED = "wachtrij", _("in de wachtrij")
    RUNNING = "bezig", _("bezig")
    DONE = "klaar", _("klaar")
    FAILED = "mislukt", _("mislukt")


class BackgroundJob(models.Model):
    """Long work a user started (an import of a large file, a national export), run by the
    worker (`manage.py db_worker`, django-tasks) outside the request: registry/jobs.py. The
    user follows it on its page; its progress while it runs is kept outside the database
    (the worker's transaction would hide it), its outcome here."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("gestart door"),
        on_delete=models.CASCADE,
        related_name="background_jobs",
    )
    kind = models.CharField(_("soort"), max_length=40)
    title = models.CharField(_("taak"), max_length=200)
    status = models.CharField(
        _("stand"), max_length=10, choices=JobStatus.choices, default=JobStatus.QUEUED
    )
    task_id = models.CharField(max_length=64, blank=True, editable=False)
    arguments = models.JSONField(default=dict, blank=True, editable=False)
    created_at = models.DateTimeField(_("gestart op"), default=timezone.now, editable=False)
    started_at = models.DateTimeField(_("begonnen op"), null=True, blank=True, editable=False)
    finished_at = models.DateTimeField(_("klaar op"), null=True, blank=True, editable=False)
    message = models.TextField(_("uitkomst"), blank=True)
    result = models.JSONField(default=dict, blank=True, editable=False)
    result_url = models.CharField(max_length=300, blank=True, editable=False)
    file_name = models.CharField(_("bestand"), max_length=255, blank=True)
    file_content = models.BinaryField(editable=False, null=True, blank=True)

    class Meta:
        verbose_name = _("taak op de achtergrond")
        verbose_name_plural = _("taken op de achtergrond")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["user", "-created_at"], name="job_user_created")]

    def __str__(self):
        return self.title

    @property
    def finished(self) -> bool:
        return self.status in (JobStatus.DONE, JobStatus.FAILED)
