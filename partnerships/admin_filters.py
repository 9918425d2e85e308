"""List filters of the partnerships admin."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from partnerships import bbv
from partnerships.choices import BBVCategory
from partnerships.legal_forms import forms_in_category
from partnerships.models import Participation
from partnerships.queries import parties_verbonden_for
from registry import access
from registry.admin_base import OrganisationFilter
from registry.models import Organisation


class BBVCategoryFilter(admin.SimpleListFilter):
    title = _("BBV-categorie")
    parameter_name = "bbv"

    def lookups(self, request, model_admin):
        return BBVCategory.choices

    def queryset(self, request, queryset):
        if self.value() in BBVCategory.values:
            return queryset.filter(legal_form__in=forms_in_category(self.value()))
        return queryset


class _YesNoFilter(admin.SimpleListFilter):
    def lookups(self, request, model_admin):
        return [("ja", _("Ja")), ("nee", _("Nee"))]


class PartyVerbondenPartijFilter(_YesNoFilter):
    title = _("verbonden partij (voor uw organisaties)")
    parameter_name = "verbonden"

    def queryset(self, request, queryset):
        g = access.grants(request.user)
        condition = parties_verbonden_for(None if g.is_admin else g.readable)
        if self.value() == "ja":
            return queryset.filter(condition)
        if self.value() == "nee":
            return queryset.exclude(condition)
        return queryset


class ParticipationVerbondenPartijFilter(_YesNoFilter):
    title = _("verbonden partij")
    parameter_name = "verbonden"

    def queryset(self, request, queryset):
        if self.value() == "ja":
            return queryset.filter(bbv.verbonden_partij_q())
        if self.value() == "nee":
            return queryset.exclude(bbv.verbonden_partij_q())
        return queryset


class ParticipantFilter(OrganisationFilter):
    """Parties in which an organisation (that the user may see) takes part."""

    title = _("deelnemer")
    parameter_name = "deelnemer"

    def organisations(self, request):
        return access.offered(
            request.user,
            Organisation.objects.filter(pk__in=Participation.objects.values("organisation_id")),
        )

    def restrict(self, queryset, organisation_id):
        participations = Participation.objects.filter(organisation_id=organisation_id)
        if queryset.model is Participation:
            return queryset.filter(pk__in=participations.values("pk"))
        return queryset.filter(pk__in=participations.values("party_id"))
