"""django-filter filter sets of the kernel's records and the filters every app's API uses:
a year (`jaar`)."""

import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from registry.models import Organisation, OrganisationKind
from registry.organisation_keys import key_q
from registry.periods import overlaps_q

FIRST_YEAR, LAST_YEAR = 2000, 2100


@extend_schema_field(OpenApiTypes.INT)
class YearFilter(django_filters.Filter):
    """A year between 2000 and 2100; what it selects is the filter set's `method`."""

    field_class = forms.IntegerField

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Jaar"))
        kwargs.setdefault("min_value", FIRST_YEAR)
        kwargs.setdefault("max_value", LAST_YEAR)
        super().__init__(*args, **kwargs)


class OrganisationKeyFilter(django_filters.CharFilter):
    """An organisation by its key (registry.organisation_keys: the CBS code, or `org-<id>`);
    `field_name` is the path to the organisation."""

    def filter(self, qs, value):
        if not value:
            return qs
        return qs.filter(key_q(value, f"{self.field_name}__"))


class SortFilter(django_filters.OrderingFilter):
    """`sorteer=naam` or `sorteer=-naam` (descending), several comma-separated; the list's
    key comes last, so a page boundary never splits rows that sort alike."""

    descending_fmt = _("%s (aflopend)")

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label", _("Sorteren op (een - ervoor: aflopend; meer met komma's)"))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        sorted_qs = super().filter(qs, value)
        return sorted_qs if sorted_qs is qs else sorted_qs.order_by(*sorted_qs.query.order_by, "pk")


class OrganisationFilter(django_filters.FilterSet):
    soort = django_filters.ChoiceFilter(
        field_name="kind", choices=OrganisationKind.choices, label=_("Soort")
    )
    provincie = django_filters.CharFilter(
        field_name="province__cbs_code", lookup_expr="iexact", label=_("CBS-code van de provincie")
    )
    peildatum = django_filters.DateFilter(
        method="filter_peildatum", label=_("Bestaat op deze datum (JJJJ-MM-DD)")
    )
    sorteer = SortFilter(
        fields=(("name", "naam"), ("cbs_code", "cbs_code")),
        field_labels={"name": _("naam"), "cbs_code": _("CBS-code")},
    )

    class Meta:
        model = Organisation
        fields = []

    def filter_peildatum(self, queryset, name, value):
        return queryset.filter(overlaps_q(value, value))
