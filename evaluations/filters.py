"""django-filter filter set of the API's evaluations."""

import django_filters
from django.utils.translation import gettext_lazy as _

from evaluations.choices import EvaluationStatus
from evaluations.models import Evaluation
from partnerships.filters import OfParty
from registry.filters import OrganisationKeyFilter


class EvaluationFilter(OfParty):
    organisatie = OrganisationKeyFilter(
        field_name="organisation",
        label=_("Sleutel (CBS-code of org-<nummer>): alleen de evaluaties van haar deelname"),
    )
    status = django_filters.ChoiceFilter(choices=EvaluationStatus.choices, label=_("Status"))

    class Meta:
        model = Evaluation
        fields = []
