"""The supervisor's start page (admin, `/admin/toezicht/`): for a province's supervisors and
administrators (access.supervised_provinces, as the map); anyone else "not found"."""

from django.contrib import admin
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships import compliance
from partnerships.overview.supervision import build_start_page
from registry import access


def supervision_view(request):
    """`?provincie=<id>`: one of the user's provinces only (an administrator has twelve)."""
    provinces = access.supervised_provinces(request.user)
    chosen = request.GET.get("provincie", "")
    if chosen.isdigit():
        provinces = provinces.filter(pk=int(chosen))
    provinces = list(provinces)
    if not provinces:
        raise Http404
    start = build_start_page(request.user, provinces, timezone.localdate())
    context = {
        **admin.site.each_context(request),
        "title": _("Toezicht: startpagina"),
        "start": start,
        "chosen": chosen,
        "provisions": [str(label) for _name, label in compliance.PROVISIONS],
    }
    return render(request, "partnerships/supervision.html", context)
