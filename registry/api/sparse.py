"""Partial answers and embedded resources, where they save a client calls (the Dutch API
Design Rules' `fields` and `expand`):

- `?fields=id,samenwerkingsverband`: each row (or the one record) holds only those fields;
- `?expand=samenwerkingsverband`: a reference (code, name, link) becomes the whole resource,
  read in the same fixed number of queries (the expansion's own prefetches, not one per row).

Both on GET only; a name the resource does not have is a 400 problem detail naming the
parameter. The OpenAPI document describes the answer with `sparse_schema`: the same fields,
none of them required (a partial answer leaves them out)."""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter
from rest_framework import exceptions, permissions, serializers

FIELDS = "fields"
EXPAND = "expand"


@dataclass(frozen=True)
class Expansion:
    field: Callable[[], serializers.Field]  # the whole resource in place of the reference
    prefetch: Callable  # (view, queryset) -> the queryset reading what `field` shows


def _names(request, parameter: str) -> list[str]:
    raw = request.query_params.get(parameter, "") if request is not None else ""
    return list(dict.fromkeys(name.strip() for name in raw.split(",") if name.strip()))


def _unknown(parameter: str, unknown: list[str], offered) -> exceptions.ValidationError:
    return exceptions.ValidationError(
        {
            parameter: [
                _("Onbekend: %(unknown)s. Mogelijk zijn: %(offered)s.")
                % {"unknown": ", ".join(unknown), "offered": ", ".join(offered)}
            ]
        }
    )


class SparseFields:
    """Mixed into a SiteScopedViewSet (before it): `fields` on its list and detail, and
    `expand` of the names in `expansions`."""

    expansions: dict[str, Expansion] = {}

    def _reading(self) -> bool:
        return self.request is not None and self.request.method in permissions.SAFE_METHODS

    def expanded(self) -> list[str]:
        if not self._reading():
            return []
        names = _names(self.request, EXPAND)
        unknown = [name for name in names if name not in self.expansions]
        if unknown:
            raise _unknown(EXPAND, unknown, self.expansions)
        return names

    def get_queryset(self):
        queryset = super().get_queryset()
        for name in self.expanded():
            queryset = self.expansions[name].prefetch(self, queryset)
        return queryset

    def get_serializer(self, *args, **kwargs):
        serializer = super().get_serializer(*args, **kwargs)
        if not self._reading():
            return serializer
        record = getattr(serializer, "child", serializer)
        for name in self.expanded():
            record.fields[name] = self.expansions[name].field()
        wanted = _names(self.request, FIELDS)
        if wanted:
            unknown = [name for name in wanted if name not in record.fields]
            if unknown:
                raise _unknown(FIELDS, unknown, record.fields)
            for name in [name for name in record.fields if name not in wanted]:
                record.fields.pop(name)
        return serializer


def sparse_schema(serializer_class, name: str, **replaced):
    """For the OpenAPI document: `serializer_class` with none of its fields required (as a
    partial answer gives them), `replaced` fields (an expandable one: its sparse whole)
    instead of its own."""

    class Sparse(serializer_class):
        def get_fields(self):
            fields = {**super().get_fields(), **{key: make() for key, make in replaced.items()}}
            for field in fields.values():
                field.required = False
                field.read_only = False  # a read-only field is required in an answer's schema
            return fields

    Sparse.__name__ = Sparse.__qualname__ = f"{name}Serializer"
    return Sparse


def parameters(serializer_class, expansions=()) -> list[OpenApiParameter]:
    """The `fields` (and `expand`) query parameters of a resource, for the OpenAPI document."""
    names = ", ".join(f"`{name}`" for name in serializer_class().fields)
    found = [
        OpenApiParameter(
            FIELDS,
            OpenApiTypes.STR,
            description=_(
                "Alleen deze velden, kommagescheiden (bijvoorbeeld `%(example)s`). "
                "Mogelijk: %(names)s. Een onbekend veld geeft 400."
            )
            % {"example": ",".join(list(serializer_class().fields)[:2]), "names": names},
        )
    ]
    if expansions:
        found.append(
            OpenApiParameter(
                EXPAND,
                OpenApiTypes.STR,
                enum=list(expansions),
                description=_(
                    "Neem het hele gegeven op in plaats van de verwijzing (code, naam, link), "
                    "zonder extra verzoek."
                ),
            )
        )
    return found
