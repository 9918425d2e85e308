"""django-filter filter sets of the API's lists of parties and participations. A filter on
an organisation or province selects through the participations the reader may see, so a
filter never tells of a participation that is not public."""

import django_filters
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema_field

from partnerships.choices import BBVCategory, BodyKind, FiguresKind, LegalForm, VerbondenPartij
from partnerships.legal_forms import forms_in_category
from partnerships.models import (
    AnnualFigures,
    Body,
    Contribution,
    CostKey,
    Participation,
    Party,
    Theme,
)
from registry import access
from registry.filters import OrganisationKeyFilter, SortFilter, YearFilter
from registry.organisation_keys import key_q
from registry.periods import overlaps_q, year_span


@extend_schema_field(OpenApiTypes.STR)
class ThemeFilter(django_filters.ModelChoiceFilter):
    """A theme by its name."""


class _Common(django_filters.FilterSet):
    """Theme, legal form and BBV category of the party at `party_path` ("" for a party)."""

    party_path = ""

    thema = ThemeFilter(
        queryset=Theme.objects.all(),
        to_field_name="name",
        method="filter_thema",
        label=_("Thema (naam)"),
    )
    rechtsvorm = django_filters.ChoiceFilter(
        choices=LegalForm.choices, method="filter_rechtsvorm", label=_("Rechtsvorm")
    )
    bbv_categorie = django_filters.ChoiceFilter(
        choices=BBVCategory.choices, method="filter_bbv_categorie", label=_("BBV-categorie")
    )

    def _party(self, name: str) -> str:
        return f"{self.party_path}__{name}" if self.party_path else name

    def filter_thema(self, queryset, name, theme):
        return queryset.filter(**{self._party("themes"): theme}).distinct()

    def filter_rechtsvorm(self, queryset, name, value):
        return queryset.filter(**{self._party("legal_form"): value})

    def filter_bbv_categorie(self, queryset, name, value):
        return queryset.filter(**{f"{self._party('legal_form')}__in": forms_in_category(value)})


class PartyFilter(_Common):
    organisatie = django_filters.CharFilter(
        method="filter_organisatie", label=_("Sleutel van een deelnemer (CBS-code of org-<nummer>)")
    )
    provincie = django_filters.CharFilter(
        method="filter_provincie", label=_("CBS-code van de provincie van een deelnemer")
    )
    jaar = YearFilter(method="filter_jaar", label=_("Loopt in dit jaar"))
    peildatum = django_filters.DateFilter(
        method="filter_peildatum", label=_("Loopt op deze datum (JJJJ-MM-DD)")
    )
    sorteer = SortFilter(
        fields=(("name", "naam"), ("code", "code"), ("start_date", "begindatum")),
        field_labels={"name": _("naam"), "code": _("registercode"), "start_date": _("begindatum")},
    )

    class Meta:
        model = Party
        fields = []

    def _with_participants(self, queryset, *conditions, **lookup):
        participants = Participation.objects.filter(*conditions, **lookup)
        visible = access.site_scope(self.request.user, participants)
        return queryset.filter(pk__in=visible.values("party_id"))

    def filter_organisatie(self, queryset, name, value):
        return self._with_participants(queryset, key_q(value, "organisation__"))

    def filter_provincie(self, queryset, name, value):
        return self._with_participants(queryset, organisation__province__cbs_code__iexact=value)

    def filter_jaar(self, queryset, name, value):
        return queryset.filter(overlaps_q(*year_span(value)))

    def filter_peildatum(self, queryset, name, value):
        return queryset.filter(overlaps_q(value, value))


class ParticipationFilter(_Common):
    """`jaar` (this year when not given) is the year of the BBV status, and only the
    participations that run in it are listed when it is given."""

    party_path = "party"

    samenwerkingsverband = django_filters.CharFilter(
        field_name="party__code", label=_("Registercode van het samenwerkingsverband")
    )
    organisatie = OrganisationKeyFilter(
        field_name="organisation", label=_("Sleutel van de deelnemer (CBS-code of org-<nummer>)")
    )
    provincie = django_filters.CharFilter(
        field_name="organisation__province__cbs_code",
        lookup_expr="iexact",
        label=_("CBS-code van de provincie van de deelnemer"),
    )
    jaar = YearFilter(method="filter_jaar", label=_("Jaar van de BBV-status; loopt in dit jaar"))
    verbonden_partij = django_filters.ChoiceFilter(
        field_name="vp_status",
        choices=VerbondenPartij.choices,
        label=_("Verbonden partij in het jaar"),
    )
    peildatum = django_filters.DateFilter(
        method="filter_peildatum", label=_("Loopt op deze datum (JJJJ-MM-DD)")
    )
    sorteer = SortFilter(
        fields=(
            ("party__name", "samenwerkingsverband"),
            ("organisation__name", "organisatie"),
            ("start_date", "deelname_vanaf"),
        ),
        field_labels={
            "party__name": _("samenwerkingsverband"),
            "organisation__name": _("organisatie"),
            "start_date": _("deelname vanaf"),
        },
    )

    class Meta:
        model = Participation
        fields = []

    def filter_queryset(self, queryset):
        year = self.form.cleaned_data.get("jaar") or timezone.localdate().year
        return super().filter_queryset(queryset.with_verbonden_partij(year))

    def filter_jaar(self, queryset, name, value):
        return queryset.filter(overlaps_q(*year_span(value)))

    def filter_peildatum(self, queryset, name, value):
        return queryset.filter(overlaps_q(value, value))


class OfParty(django_filters.FilterSet):
    """The filters of a party's own records: the party by its registry code."""

    party_field = "party"

    samenwerkingsverband = django_filters.CharFilter(
        method="filter_samenwerkingsverband",
        label=_("Registercode van het samenwerkingsverband"),
    )

    def filter_samenwerkingsverband(self, queryset, name, value):
        return queryset.filter(**{f"{self.party_field}__code": value})


class BodyFilter(OfParty):
    soort = django_filters.ChoiceFilter(
        field_name="kind", choices=BodyKind.choices, label=_("Soort orgaan")
    )

    class Meta:
        model = Body
        fields = []


class FiguresFilter(OfParty):
    jaar = YearFilter(field_name="year")
    soort = django_filters.ChoiceFilter(
        field_name="kind", choices=FiguresKind.choices, label=_("Soort document")
    )

    class Meta:
        model = AnnualFigures
        fields = []


class ContributionFilter(OfParty):
    party_field = "participation__party"

    organisatie = OrganisationKeyFilter(
        field_name="participation__organisation",
        label=_("Sleutel van de deelnemer (CBS-code of org-<nummer>)"),
    )
    provincie = django_filters.CharFilter(
        field_name="participation__organisation__province__cbs_code",
        lookup_expr="iexact",
        label=_("CBS-code van de provincie van de deelnemer"),
    )
    jaar = YearFilter(field_name="year")

    class Meta:
        model = Contribution
        fields = []


class CostKeyFilter(OfParty):
    jaar = YearFilter(method="filter_jaar", label=_("Geldt in dit jaar"))

    class Meta:
        model = CostKey
        fields = []

    def filter_jaar(self, queryset, name, value):
        return queryset.filter(valid_from_year__lte=value).filter(
            Q(valid_until_year__isnull=True) | Q(valid_until_year__gte=value)
        )
