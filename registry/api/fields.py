"""Serializer fields every resource of the API uses the same way."""

from urllib.parse import quote

from django.db.models import Choices
from django.utils.http import RFC3986_SUBDELIMS
from rest_framework import serializers
from rest_framework.reverse import reverse

from registry.money import DECIMAL_PLACES, MAX_DIGITS

_KEY = "__sleutel__"  # a placeholder every detail route's "[^/]+" takes, kept by reverse()


def detail_url(context: dict, view_name: str, key) -> str:
    """The absolute URL of the detail `view_name` of `key`, as rest_framework's reverse
    gives it, reversed once per answer (the serializers' shared `context`) and filled in per
    row: Django's reverse() per row was a third of the open-data participations' time."""
    templates = context.setdefault("_detail_urls", {})
    template = templates.get(view_name)
    if template is None:
        template = reverse(view_name, args=[_KEY], request=context.get("request"))
        templates[view_name] = template
    return template.replace(_KEY, quote(str(key), safe=RFC3986_SUBDELIMS + "~:@"))


class DetailLink(serializers.HyperlinkedIdentityField):
    """A record's own URL (HyperlinkedIdentityField) through `detail_url`."""

    def get_url(self, obj, view_name, request, format):
        key = getattr(obj, self.lookup_field)
        if format or key in (None, ""):
            return super().get_url(obj, view_name, request, format)
        return detail_url(self.context, view_name, key)


def code_and_label(
    source: str, choices: type[Choices]
) -> tuple[serializers.Field, serializers.Field]:
    """A choice as the API gives it: the stable code (an enum in the OpenAPI document) and,
    beside it under `<name>_omschrijving`, the Dutch label a reader shows."""
    return (
        serializers.ChoiceField(source=source, choices=choices.choices, read_only=True),
        serializers.CharField(source=f"get_{source}_display", read_only=True),
    )


def amount(source: str, *, read_only: bool = True) -> serializers.DecimalField:
    """An amount in euros as a decimal string ("1234.50"); null is unknown, never zero.
    `read_only=False`: the same field in a write's body (optional, at most two decimals)."""
    return serializers.DecimalField(
        source=source,
        max_digits=MAX_DIGITS,
        decimal_places=DECIMAL_PLACES,
        allow_null=True,
        read_only=read_only,
        required=False,
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
