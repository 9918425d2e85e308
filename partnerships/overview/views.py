"""The overview map's page (admin, for supervisors of the province and administrators)."""

from django import forms
from django.contrib import admin
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.overview import xlsx
from partnerships.overview.comparison import build_comparison
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
    province = _province_or_404(request, province_id)
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


def _province_or_404(request, province_id: int):
    province = access.supervised_provinces(request.user).filter(pk=province_id).first()
    if province is None:
        raise Http404
    return province


def comparison_view(request, province_id: int):
    """The province's municipalities compared for a year (default: this year)."""
    province = _province_or_404(request, province_id)
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2100)
    context = {
        **admin.site.each_context(request),
        "title": _("Gemeenten vergeleken: %(province)s, %(year)s")
        % {"province": province.name, "year": year},
        "comparison": build_comparison(request.user, province, year),
    }
    return render(request, "partnerships/overview_comparison.html", context)
