"""The agenda page: what an organisation has due in the next 90 days, overdue first."""

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from evaluations.agenda.items import agenda_for
from registry import access
from registry.models import Organisation

HORIZON_DAYS = 90


def agenda_organisations(user):
    """Municipalities whose agenda `user` may see: those it reads (its own; a supervisor's
    province); all for administrators."""
    g = access.grants(user)
    municipalities = Organisation.objects.municipalities()
    return municipalities if g.is_admin else municipalities.filter(pk__in=g.readable)


class AgendaForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.none()
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = agenda_organisations(user)


def agenda_view(request):
    first = agenda_organisations(request.user).first()
    if first is None:
        raise PermissionDenied
    form = AgendaForm(request.GET or {"organisation": first.pk}, user=request.user)
    if not form.is_valid():
        raise PermissionDenied(  # an organisation the user may not read
            _("U ziet de agenda van de organisaties waarvoor u een rol heeft.")
        )
    organisation = form.cleaned_data["organisation"]
    today = timezone.localdate()
    items = agenda_for(organisation.pk, today, HORIZON_DAYS)
    context = {
        **admin.site.each_context(request),
        "title": _("Agenda van %(organisation)s") % {"organisation": organisation.name},
        "form": form,
        "items": items,
        "overdue": sum(1 for item in items if item.overdue),
        "horizon": HORIZON_DAYS,
        "today": today,
    }
    return render(request, "agenda/agenda.html", context)
