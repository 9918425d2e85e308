"""Formats of the identifiers the registry keeps (CBS codes, KvK numbers)."""

import re

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

CBS_CODE_PATTERNS = {
    "municipality": (re.compile(r"^GM\d{4}$"), _("GM gevolgd door 4 cijfers, bijvoorbeeld GM0153")),
    "province": (re.compile(r"^PV\d{2}$"), _("PV gevolgd door 2 cijfers, bijvoorbeeld PV23")),
    "water_board": (re.compile(r"^WS\d{4}$"), _("WS gevolgd door 4 cijfers, bijvoorbeeld WS0155")),
}

validate_kvk_number = RegexValidator(
    r"^\d{8}$",
    message=_("Een KvK-nummer bestaat uit precies 8 cijfers."),
    code="kvk_format",
)


def validate_cbs_code(kind: str, code: str) -> None:
    """Raise a ValidationError when `code` is not a valid CBS code for organisations of `kind`."""
    pattern = CBS_CODE_PATTERNS.get(kind)
    if pattern is None:
        raise ValidationError(
            _("Alleen gemeenten, provincies en waterschappen hebben een CBS-code."),
            code="cbs_not_applicable",
        )
    regex, example = pattern
    if not regex.match(code):
        raise ValidationError(
            _("Ongeldige CBS-code '%(code)s': verwacht %(example)s."),
            params={"code": code, "example": example},
            code="cbs_format",
        )
