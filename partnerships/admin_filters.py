"""List filters of the partnerships admin."""

from django.contrib import admin
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships import compliance
from partnerships.choices import BBVCategory, VerbondenPartij
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


class _VerbondenPartijFilter(admin.SimpleListFilter):
    """Yes / no / unknown in the current year (partnerships.bbv)."""

    parameter_name = "verbonden"

    def lookups(self, request, model_admin):
        return VerbondenPartij.choices


class PartyVerbondenPartijFilter(_VerbondenPartijFilter):
    title = _("verbonden partij dit jaar (voor uw organisaties)")

    def queryset(self, request, queryset):
        if self.value() not in VerbondenPartij.values:
            return queryset
        g = access.grants(request.user)
        year = timezone.localdate().year
        readable = None if g.is_admin else g.readable
        return queryset.filter(parties_verbonden_for(year, readable, self.value()))


class ParticipationVerbondenPartijFilter(_VerbondenPartijFilter):
    """On a list annotated by queries.participations_for_list (for the current year)."""

    title = _("verbonden partij dit jaar")

    def queryset(self, request, queryset):
        if self.value() not in VerbondenPartij.values:
            return queryset
        return queryset.filter(vp_status=self.value())


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


class WgrProvisionsFilter(admin.SimpleListFilter):
    """Wgr regelingen by what their legal basis in force regulates of the provisions required
    since 1 July 2024 (partnerships.compliance): for supervisors and griffies alike."""

    title = _("Wgr-bepalingen sinds 1 juli 2024")
    parameter_name = "wgr2024"

    def lookups(self, request, model_admin):
        return list(compliance.Status.LABELS.items())

    def queryset(self, request, queryset):
        if self.value() not in compliance.Status.LABELS:
            return queryset
        found = compliance.checks(queryset, timezone.localdate())
        return queryset.filter(pk__in=[c.party.pk for c in found if c.status == self.value()])
