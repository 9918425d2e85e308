"""django-filter filter set of the API's evaluations."""

import django_filters
from django.utils.translation import gettext_lazy as _

from evaluations.choices import EvaluationStatus
from evaluations.models import Evaluation
from partnerships.filters import OfParty


class EvaluationFilter(OfParty):
    organisatie = django_filters.CharFilter(
        field_name="organisation__cbs_code",
        lookup_expr="iexact",
        label=_("CBS-code: alleen de evaluaties van de deelname van deze gemeente"),
    )
    status = django_filters.ChoiceFilter(choices=EvaluationStatus.choices, label=_("Status"))

    class Meta:
        model = Evaluation
        fields = []
