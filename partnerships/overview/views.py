"""The overview map's page (admin, for supervisors of the province and administrators)."""

from django import forms
from django.contrib import admin
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.overview import xlsx
from partnerships.overview.queries import build_map
from registry import access

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


class MapForm(forms.Form):
    date = forms.DateField(label=_("Peildatum"))
    previous = forms.DateField(
        label=_("Vergelijken met de kaart van"),
        required=False,
        help_text=_(
            "Leeg: geen vergelijking; anders “Nieuw” en “niet meer” ten opzichte van deze datum."
        ),
    )


def overview_map_view(request, province_id: int):
    """A province the user does not supervise is "not found", as one that does not exist."""
    provinces = access.supervised_provinces(request.user)
    province = provinces.filter(pk=province_id).first()
    if province is None:
        raise Http404
    today = timezone.localdate()
    form = MapForm(request.GET or None, initial={"date": today})
    date, previous = today, None
    if request.GET and form.is_valid():
        date = form.cleaned_data["date"]
        previous = form.cleaned_data["previous"]
    overview = build_map(request.user, province, date, previous)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(xlsx.render(overview), content_type=XLSX)
        name = f"overzichtskaart-{province.cbs_code or province.pk}-{date.isoformat()}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    context = {
        **admin.site.each_context(request),
        "title": _("Overzichtskaart verbonden partijen %(province)s") % {"province": province.name},
        "form": form,
        "map": overview,
    }
    return render(request, "partnerships/overview_map.html", context)
