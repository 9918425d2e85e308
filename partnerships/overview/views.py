"""The overview map's page (admin, for supervisors of the province and administrators)."""

from urllib.parse import urlencode

from django import forms
from django.contrib import admin
from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.text import slugify
from django.utils.translation import gettext_lazy as _

from partnerships.models import Region
from partnerships.overview import comparison_xlsx, xlsx
from partnerships.overview.comparison import COLUMNS, SORT_KEYS, build_comparison
from partnerships.overview.comparison_deadlines import evaluation_day
from partnerships.overview.queries import build_map
from registry import access, charts

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def regions_of(request, province):
    """The regions of `province` the user keeps (a supervisor of the province, an
    administrator): partnerships.policies.RegionPolicy through access.scope."""
    return access.scope(request.user, Region.objects.filter(province=province)).order_by("name")


class MapForm(forms.Form):
    region = forms.ModelChoiceField(
        label=_("Regio"),
        queryset=Region.objects.none(),
        required=False,
        empty_label=_("De hele provincie"),
        help_text=_("Leeg: alle gemeenten van de provincie als kolom."),
    )
    date = forms.DateField(label=_("Peildatum"))

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        if regions is not None:
            self.fields["region"].queryset = regions

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
    form = MapForm(
        request.GET or None, initial={"date": today}, regions=regions_of(request, province)
    )
    date, previous, region = today, None, None
    if request.GET and form.is_valid():
        date = form.cleaned_data["date"]
        previous = form.cleaned_data["previous"]
        region = form.cleaned_data["region"]
    overview = build_map(request.user, province, date, previous, region=region)
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(xlsx.render(overview), content_type=XLSX)
        place = slugify(region.name) if region else (province.cbs_code or province.pk)
        name = f"overzichtskaart-{place}-{date.isoformat()}.xlsx"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    context = {
        **admin.site.each_context(request),
        "title": _("Overzichtskaart verbonden partijen %(province)s")
        % {"province": overview.place},
        "form": form,
        "map": overview,
    }
    return render(request, "partnerships/overview_map.html", context)


def _province_or_404(request, province_id: int):
    province = access.supervised_provinces(request.user).filter(pk=province_id).first()
    if province is None:
        raise Http404
    return province


PER_INHABITANT = next(i for i, (key, *_rest) in enumerate(COLUMNS) if key == "per-inwoner")


def per_inhabitant_chart(rows, medians, median_label: str):
    """The contributions per inhabitant as horizontal bars in the table's order, with the
    median as a line; its numbers are the main table's (`#comparison`, aria-describedby)."""
    outliers = {"hoog": _("uitschieter: hoog"), "laag": _("uitschieter: laag")}
    bars = []
    for line, cells in rows:
        value, _money, outlier = cells[PER_INHABITANT]
        bars.append((line.municipality.name, value, str(outliers[outlier]) if outlier else ""))
    return charts.horizontal_bar_chart(
        "comparison-chart",
        str(_("Begrote bijdragen per inwoner, per gemeente, met de mediaan")),
        bars,
        reference=(median_label, medians[PER_INHABITANT][0]),
        described_by="comparison",
    )


def comparison_view(request, province_id: int):
    """The province's municipalities compared for a year (default: this year)."""
    province = _province_or_404(request, province_id)
    try:
        year = int(request.GET.get("year", ""))
    except ValueError:
        year = timezone.localdate().year
    year = min(max(year, 2000), 2100)
    regions = regions_of(request, province)
    region = None
    if request.GET.get("regio", "").isdigit():
        # a region of another province, or one the user may not see, is "not found"
        region = regions.filter(pk=int(request.GET["regio"])).first()
        if region is None:
            raise Http404
    place = f"{region.name} ({province.name})" if region else province.name
    comparison = build_comparison(request.user, province, year, region=region)
    sort = request.GET.get("sorteer", "naam")
    if sort.lstrip("-") not in SORT_KEYS:
        sort = "naam"
    rows, medians = comparison.table(sort)
    query = {"year": year, **({"regio": region.pk} if region else {})}
    headings = [
        (
            heading,
            "?" + urlencode({**query, "sorteer": f"-{key}" if sort == key else key}),
            "oplopend" if sort == key else "aflopend" if sort == f"-{key}" else "",
        )
        for key, heading, _attribute, _money in COLUMNS
    ]
    name_link = "?" + urlencode({**query, "sorteer": "-naam" if sort == "naam" else "naam"})
    title = _("Gemeenten vergeleken: %(province)s, %(year)s") % {"province": place, "year": year}
    if request.GET.get("format") == "xlsx":
        response = HttpResponse(
            comparison_xlsx.render(comparison, str(title), sort), content_type=XLSX
        )
        name = slugify(f"gemeenten-vergeleken-{place}-{year}")
        response["Content-Disposition"] = f'attachment; filename="{name}.xlsx"'
        return response
    xlsx_link = "?" + urlencode({**query, "sorteer": sort, "format": "xlsx"})
    median_label = _("Mediaan van de regio") if region else _("Mediaan van de provincie")
    context = {
        **admin.site.each_context(request),
        "title": title,
        "xlsx_link": xlsx_link,
        "comparison": comparison,
        "rows": rows,
        "medians": medians,
        "headings": headings,
        "name_link": name_link,
        "sort": sort,
        "regions": list(regions),
        "region": region,
        "year": year,
        "evaluation_day": evaluation_day(year, timezone.localdate()),
        "chart": per_inhabitant_chart(rows, medians, str(median_label)),
    }
    return render(request, "partnerships/overview_comparison.html", context)
