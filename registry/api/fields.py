"""Serializer fields every resource of the API uses the same way."""

from django.db.models import Choices
from rest_framework import serializers

from registry.money import DECIMAL_PLACES, MAX_DIGITS


def code_and_label(
    source: str, choices: type[Choices]
) -> tuple[serializers.Field, serializers.Field]:
    """A choice as the API gives it: the stable code (an enum in the OpenAPI document) and,
    beside it under `<name>_omschrijving`, the Dutch label a reader shows."""
    return (
        serializers.ChoiceField(source=source, choices=choices.choices, read_only=True),
        serializers.CharField(source=f"get_{source}_display", read_only=True),
    )


def amount(source: str) -> serializers.DecimalField:
    """An amount in euros as a decimal string ("1234.50"); null is unknown, never zero."""
    return serializers.DecimalField(
        source=source,
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        allow_null=True,
        read_only=True,
    )


class OptionalURLField(serializers.URLField):
    """A link the register may not have: null, not "" (an empty string is no URI, and the
    OpenAPI document promises one)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("allow_null", True)
        kwargs.setdefault("read_only", True)
        super().__init__(**kwargs)

    def to_representation(self, value):
        return value or None


def optional_link(source: str) -> OptionalURLField:
    return OptionalURLField(source=source)
