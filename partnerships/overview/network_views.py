"""The network page (admin, `/admin/netwerk/`): for supervisors of a province and
administrators. The SVG, the table of pairs (sortable, paged) and, after a click on a node or
a link, the cooperations behind it."""

from django import forms
from django.contrib import admin
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships.models import Theme
from partnerships.overview import network as net
from partnerships.overview.codes import MAP_CODE_OF
from registry import access
from registry.models import Organisation

DEFAULT_MINIMUM = 3  # links drawn by default: weight ≥ 3 (stated on the page)
PAGE_SIZE = 50
SORTS = {
    "gewicht": lambda lk: (-lk.weight, lk.a.name, lk.b.name),
    "a": lambda lk: (lk.a.name, lk.b.name),
    "b": lambda lk: (lk.b.name, lk.a.name),
    "grens": lambda lk: (not lk.crosses_border, -lk.weight, lk.a.name),
}


class NetworkForm(forms.Form):
    date = forms.DateField(label=_("Peildatum"), required=False)
    theme = forms.ModelChoiceField(
        label=_("Thema"), queryset=Theme.objects.order_by("name"), required=False
    )
    code = forms.ChoiceField(label=_("Juridische grondslag (code van de kaart)"), required=False)
    province = forms.TypedChoiceField(label=_("Provincie"), coerce=int, required=False)
    q = forms.CharField(label=_("Zoek gemeente of samenwerking"), required=False, max_length=100)
    minimum = forms.IntegerField(
        label=_("Tekenen vanaf gewicht"), min_value=1, max_value=1000, required=False
    )

    def __init__(self, *args, provinces=(), **kwargs):
        super().__init__(*args, **kwargs)
        codes = sorted(set(MAP_CODE_OF.values()))
        self.fields["code"].choices = [("", _("alle"))] + [(c, c) for c in codes]
        self.fields["province"].choices = [("", _("heel Nederland"))] + [
            (p.pk, p.name) for p in provinces
        ]


def network_view(request):
    if not access.supervised_provinces(request.user).exists():
        raise Http404
    provinces = list(Organisation.objects.provinces().order_by("name"))
    form = NetworkForm(request.GET or None, provinces=provinces)
    data = form.cleaned_data if form.is_valid() else {}
    date = data.get("date") or timezone.localdate()
    minimum = data.get("minimum") or DEFAULT_MINIMUM
    theme = data.get("theme")
    network = net.build_network(
        request.user,
        date,
        theme_id=theme.pk if theme else None,
        code=data.get("code") or "",
        province_id=data.get("province") or None,
        search=data.get("q") or "",
    )
    net.lay_out(network)
    drawn, lightest = net.drawn(network, minimum)
    heaviest = network.links[0].weight if network.links else 0
    drawn_nodes = {n for lk in drawn for n in (lk.a.pk, lk.b.pk)}
    sort = request.GET.get("sort", "gewicht")
    links = sorted(network.links, key=SORTS.get(sort, SORTS["gewicht"]))
    page = Paginator(links, PAGE_SIZE).get_page(request.GET.get("pagina"))
    query = request.GET.copy()
    for key in ("pagina", "sort", "knoop", "a", "b"):
        query.pop(key, None)
    context = {
        **admin.site.each_context(request),
        "title": _("Netwerk van samenwerking"),
        "form": form,
        "network": network,
        "date": date,
        "minimum": minimum,
        "lightest": lightest,
        "drawn": [(lk, net.stroke(lk.weight, heaviest)) for lk in drawn],
        "drawn_nodes": [n for n in network.nodes.values() if n.pk in drawn_nodes],
        "page": page,
        "sort": sort,
        "query": query.urlencode(),
        "size": net.SIZE,
        "detail": _detail(request, network),
    }
    return render(request, "overview/network.html", context)


def _int(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _detail(request, network):
    """The cooperations behind a clicked node (`knoop`) or link (`a`, `b`)."""
    node_id = _int(request.GET.get("knoop"))
    if node_id in network.nodes:
        node = network.nodes[node_id]
        return {
            "heading": _("Samenwerkingen van %(name)s") % {"name": node.name},
            "names": network.names(node.parties),
            "links": network.links_of(node_id),
            "node": node_id,
        }
    a, b = _int(request.GET.get("a")), _int(request.GET.get("b"))
    link = network.link(a, b) if a and b else None
    if link:
        return {
            "heading": _("Samenwerkingen van %(a)s en %(b)s")
            % {"a": link.a.name, "b": link.b.name},
            "names": network.names(link.parties),
            "crosses": link.crosses_border,
        }
    return None
