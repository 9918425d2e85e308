"""Money fields: Decimal with two places, never negative where the rule says so."""

import math
from decimal import Decimal
from fractions import Fraction

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


CENT = Decimal("0.01")


def to_cent_half_up(value: Decimal | Fraction) -> Decimal:
    """An amount rounded to the cent, a half cent away from zero (€ 2.500,025 -> € 2.500,03;
    Decimal's own quantize would round half to even). For a single amount that is not part
    of a split; a split rounds with the largest remainder (partnerships.allocation)."""
    cents = abs(Fraction(value)) * 100
    whole = math.floor(cents + Fraction(1, 2))
    return (Decimal(whole) * CENT).copy_sign(Decimal(1) if value >= 0 else Decimal(-1))
