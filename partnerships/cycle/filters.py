"""django-filter filter sets of the API's cycle documents and zienswijzen."""

import django_filters
from django.utils.translation import gettext_lazy as _

from partnerships.cycle.choices import DocumentKind, DocumentState, ZienswijzeStatus
from partnerships.cycle.models import CycleDocument, Zienswijze
from partnerships.filters import OfParty
from registry.filters import OrganisationKeyFilter, YearFilter


class CycleDocumentFilter(OfParty):
    jaar = YearFilter(field_name="year", label=_("Begrotingsjaar"))
    soort = django_filters.ChoiceFilter(
        field_name="kind", choices=DocumentKind.choices, label=_("Stuk")
    )
    stand = django_filters.ChoiceFilter(
        field_name="state",
        choices=DocumentState.choices,
        label=_("Stand ten opzichte van de termijn"),
    )

    class Meta:
        model = CycleDocument
        fields = []


class ZienswijzeFilter(OfParty):
    party_field = "document__party"

    organisatie = OrganisationKeyFilter(
        field_name="organisation", label=_("Sleutel van de raad (CBS-code of org-<nummer>)")
    )
    jaar = YearFilter(field_name="document__year", label=_("Begrotingsjaar van het stuk"))
    status = django_filters.ChoiceFilter(choices=ZienswijzeStatus.choices, label=_("Status"))
    te_laat = django_filters.BooleanFilter(
        field_name="overdue", label=_("Over de termijn en nog niet verzonden")
    )

    class Meta:
        model = Zienswijze
        fields = []
