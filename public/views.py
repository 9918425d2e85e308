"""The views of the public pages: they parse the request, ask a builder for the page's data
and render it; 404 for a municipality the reader may not see (as for one that does not
exist)."""

from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_safe

from partnerships.models import Party
from public.cooperation import cooperation_page
from public.directory import home, search, visible_municipalities
from public.municipality import MAP_LABELS, municipality_page
from registry import privacy

FIRST_YEAR, LAST_YEAR = 2000, 2100


def chosen_year(request) -> int:
    """The year asked for (?jaar=2027), else this year."""
    try:
        year = int(request.GET.get("jaar", ""))
    except ValueError:
        return timezone.localdate().year
    if not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404
    return year


@require_safe
def home_view(request):
    return render(request, "site/home.html", {"home": home(request.user)})


@require_safe
def search_view(request):
    found = search(request.user, request.GET, request.GET.get("pagina"))
    others = request.GET.copy()
    others.pop("pagina", None)
    context = {
        "search": found,
        "search_crumbs": [(None, "Zoeken")],
        "query_without_page": others.urlencode(),
    }
    return render(request, "site/search.html", context)


@require_safe
def municipality_view(request, cbs_code: str):
    organisation = get_object_or_404(visible_municipalities(request.user), cbs_code=cbs_code)
    year = chosen_year(request)
    today = timezone.localdate()
    page = municipality_page(request.user, organisation, year, today)
    context = {
        "page": page,
        "crumbs": [(None, organisation.name)],
        "map_labels": MAP_LABELS,
        "today": today,
    }
    return render(request, "site/municipality.html", context)


@require_safe
def cooperation_view(request, code: str):
    party = get_object_or_404(
        Party.objects.select_related("centre_organisation").prefetch_related("themes"), code=code
    )
    year = chosen_year(request)
    today = timezone.localdate()
    page = cooperation_page(request.user, party, year, today)
    crumbs = [(reverse("site:search"), "Zoeken"), (None, party.name)]
    context = {"page": page, "crumbs": crumbs, "today": today}
    return render(request, "site/cooperation.html", context)


@require_safe
def accessibility_view(request):
    return render(request, "site/accessibility.html", {"crumbs": [(None, "Toegankelijkheid")]})


@require_safe
def privacy_view(request):
    """What personal data the registry keeps, why, who sees it, how long: for residents and
    for the municipality's processing register (registry/privacy.py is the one list)."""
    return render(
        request,
        "site/privacy.html",
        {
            "crumbs": [(None, "Privacy")],
            "personal_data": privacy.PERSONAL_DATA,
            "lawful_basis": privacy.LAWFUL_BASIS,
        },
    )
