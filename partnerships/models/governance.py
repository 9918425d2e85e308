"""The party's bodies (AB, DB, AVA, RvC, ...) and who holds a seat in them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from partnerships.choices import BodyKind, LegalForm, SeatFunction, SeatHolderRole
from partnerships.legal_forms import profile
from registry.models import Organisation
from registry.periods import dates_in_order, overlaps


def body_refusal(legal_form: str, legal_form_label: str, kind: str) -> str | None:
    """Why a body of `kind` cannot exist under `legal_form`; None when it can."""
    allowed = profile(legal_form).bodies
    if kind in allowed:
        return None
    if legal_form == LegalForm.OPERATIONAL_ORGANISATION and kind == BodyKind.EXECUTIVE_BOARD:
        return _(
            "Een bedrijfsvoeringsorganisatie heeft één bestuur; een apart dagelijks bestuur "
            "is niet toegestaan."
        )
    if legal_form == LegalForm.CENTRE_MUNICIPALITY:
        return _(
            "Een centrumgemeenteregeling heeft geen eigen organen: de centrumgemeente voert uit."
        )
    return _("Een %(form)s kan geen %(kind)s hebben.") % {
        "form": legal_form_label.lower(),
        "kind": BodyKind(kind).label.lower(),
    }


class Body(models.Model):
    party = models.ForeignKey(
        "partnerships.Party",
        verbose_name=_("samenwerkingsverband"),
        on_delete=models.CASCADE,
        related_name="bodies",
    )
    kind = models.CharField(_("soort orgaan"), max_length=30, choices=BodyKind.choices)
    name = models.CharField(
        _("naam"), max_length=200, blank=True, help_text=_("Leeg: de soort is de naam.")
    )
    description = models.TextField(_("samenstelling en taken"), blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("orgaan")
        verbose_name_plural = _("organen")
        ordering = ["party__name", "kind", "name"]
        constraints = [
            models.UniqueConstraint(
                fields=["party", "kind", "name"],
                name="one_body_per_party_kind_name",
                violation_error_message=_("Dit orgaan bestaat al bij deze partij."),
            ),
        ]

    def __str__(self):
        label = self.name or self.get_kind_display()
        return f"{label} – {self.party.name}" if self.party_id else label

    def clean(self):
        if self.party_id and self.kind:
            refusal = body_refusal(
                self.party.legal_form, self.party.get_legal_form_display(), self.kind
            )
            if refusal:
                raise ValidationError({"kind": refusal})


class Seat(models.Model):
    body = models.ForeignKey(
        Body, verbose_name=_("orgaan"), on_delete=models.CASCADE, related_name="seats"
    )
    organisation = models.ForeignKey(
        Organisation,
        verbose_name=_("namens"),
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="seats",
        help_text=_("De deelnemer die de zetel bezet; leeg bij een externe of onafhankelijke."),
    )
    person_name = models.CharField(
        _("naam"),
        max_length=200,
        blank=True,
        help_text=_(
            "Persoonsgegeven: openbaar wie namens de organisatie bestuurt. Wis de naam zodra "
            "iemand de zetel niet meer heeft (zie /privacy/)."
        ),
    )
    holder_role = models.CharField(_("hoedanigheid"), max_length=20, choices=SeatHolderRole.choices)
    function = models.CharField(
        _("functie"), max_length=20, choices=SeatFunction.choices, default=SeatFunction.MEMBER
    )
    start_date = models.DateField(_("zittingstermijn vanaf"), null=True, blank=True)
    end_date = models.DateField(_("zittingstermijn tot en met"), null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("zetel")
        verbose_name_plural = _("zetels")
        ordering = ["body", "function", "person_name"]
        constraints = [dates_in_order("seat_dates_in_order")]

    def __str__(self):
        who = self.person_name or _("(naam onbekend)")
        return f"{who} – {self.get_function_display()}"

    def clean(self):
        if not (self.body_id and self.organisation_id):
            return
        participations = self.organisation.participations.filter(party_id=self.body.party_id)
        if not any(
            overlaps(self.start_date, self.end_date, p.start_date, p.end_date)
            for p in participations
        ):
            raise ValidationError(
                {
                    "organisation": _(
                        "%(organisation)s neemt in deze zittingstermijn niet deel aan %(party)s."
                    )
                    % {"organisation": self.organisation.name, "party": self.body.party.name}
                }
            )
