"""Money fields: Decimal with two places, never negative where the rule says so."""

from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

MAX_DIGITS = 15
DECIMAL_PLACES = 2


def amount_field(verbose_name, *, help_text="", non_negative=True):
    """An optional amount in euros; empty means unknown, never zero."""
    return models.DecimalField(
        verbose_name,
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        null=True,
        blank=True,
        validators=[MinValueValidator(0)] if non_negative else [],
        help_text=help_text,
    )


def non_negative(model_name: str, *fields: str):
    """One CheckConstraint per field, with a Dutch message naming the field."""
    return [
        models.CheckConstraint(
            condition=Q(**{f"{field}__isnull": True}) | Q(**{f"{field}__gte": 0}),
            name=f"{model_name}_{field}_not_negative",
            violation_error_message=_("Een negatieve waarde is hier niet toegestaan."),
        )
        for field in fields
    ]
