"""The network of cooperation (issue 15, point 4): municipalities and provinces as nodes, a
link between two of them weighted by the number of parties both take part in on a date
(peildatum); filters on theme, the overview map's legal-basis code (codes.py) and province;
a search on a municipality's or a cooperation's name; a link between organisations of two
provinces is marked as crossing the border.

Read through access.site_scope, as the overview map: a supervisor reads every participation
of its province and, elsewhere, what the organisations publish; an administrator everything.
The network covers the whole country for a supervisor (cooperation crosses province borders,
seed 000), so links between two other provinces appear as far as both sides publish.

Two queries whatever the size: the participants (municipalities and provinces) and the
(party, organisation) rows of the date; the pairs are counted in Python over the rows."""

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass, field
from itertools import combinations

from django.db.models import Q

from partnerships.models import Participation
from partnerships.overview.codes import MAP_CODE_OF
from registry import access
from registry.models import Organisation, OrganisationKind
from registry.periods import overlaps_q

KINDS = (OrganisationKind.MUNICIPALITY, OrganisationKind.PROVINCE)


@dataclass
class Node:
    pk: int
    name: str
    kind: str
    province_id: int | None  # a province is its own
    province_name: str = ""
    parties: set = field(default_factory=set)  # party ids
    x: float = 0.0
    y: float = 0.0

    @property
    def is_province(self) -> bool:
        return self.kind == OrganisationKind.PROVINCE

    @property
    def corner(self) -> tuple[float, float]:
        """The top left of a province's square."""
        return round(self.x - 5, 1), round(self.y - 5, 1)

    @property
    def label_y(self) -> float:
        return round(self.y - 8, 1)


@dataclass
class Link:
    a: Node
    b: Node
    parties: list  # party ids both take part in

    @property
    def weight(self) -> int:
        return len(self.parties)

    @property
    def crosses_border(self) -> bool:
        return self.a.province_id != self.b.province_id


@dataclass
class Network:
    date: datetime.date
    nodes: dict[int, Node]
    links: list[Link]  # heaviest first, then by names
    party_names: dict[int, str]

    def links_of(self, node_id: int) -> list[Link]:
        return [link for link in self.links if node_id in (link.a.pk, link.b.pk)]

    def link(self, a: int, b: int) -> Link | None:
        pair = {a, b}
        return next((lk for lk in self.links if {lk.a.pk, lk.b.pk} == pair), None)

    def names(self, party_ids) -> list[str]:
        return sorted(self.party_names[p] for p in party_ids)

    @property
    def crossing(self) -> int:
        return sum(1 for link in self.links if link.crosses_border)


def forms_of_code(code: str) -> list[str]:
    """The legal forms the map prints with `code`."""
    return [form for form, form_code in MAP_CODE_OF.items() if form_code == code]


def build_network(
    user,
    date: datetime.date,
    *,
    theme_id: int | None = None,
    code: str = "",
    province_id: int | None = None,
    search: str = "",
) -> Network:
    organisations = Organisation.objects.filter(kind__in=KINDS).select_related("province")
    nodes = {}
    for org in organisations.only("pk", "name", "kind", "province_id", "province__name"):
        own = org.pk if org.kind == OrganisationKind.PROVINCE else org.province_id
        province_name = org.name if own == org.pk else (org.province.name if org.province else "")
        nodes[org.pk] = Node(org.pk, org.name, org.kind, own, province_name)
    rows = access.site_scope(user, Participation.objects.all()).filter(
        overlaps_q(date, date), organisation__kind__in=KINDS
    )
    if theme_id:
        rows = rows.filter(party__themes=theme_id)
    if code:
        rows = rows.filter(party__legal_form__in=forms_of_code(code))
    search = search.strip()
    if search:
        # a cooperation by its name, or every cooperation of a municipality by its name
        named = access.site_scope(user, Participation.objects.all()).filter(
            overlaps_q(date, date), organisation__name__icontains=search
        )
        rows = rows.filter(Q(party__name__icontains=search) | Q(party__in=named.values("party")))
    members: dict[int, set[int]] = defaultdict(set)
    party_names = {}
    for party_id, party_name, org_id in rows.values_list(
        "party_id", "party__name", "organisation_id"
    ).distinct():
        members[party_id].add(org_id)
        party_names[party_id] = party_name
    pairs: dict[tuple[int, int], list[int]] = defaultdict(list)
    for party_id, orgs in members.items():
        for org_id in orgs:
            nodes[org_id].parties.add(party_id)
        for a, b in combinations(sorted(orgs), 2):
            pairs[(a, b)].append(party_id)
    links = []
    for (a, b), parties in pairs.items():
        first, second = sorted((nodes[a], nodes[b]), key=lambda n: (n.name, n.pk))
        links.append(Link(first, second, parties))
    if province_id:
        links = [lk for lk in links if province_id in (lk.a.province_id, lk.b.province_id)]
    links.sort(key=lambda lk: (-lk.weight, lk.a.name, lk.b.name))
    connected = {n for lk in links for n in (lk.a.pk, lk.b.pk)}
    if province_id:
        connected |= {n.pk for n in nodes.values() if n.province_id == province_id and n.parties}
    kept = {pk: nodes[pk] for pk in connected}
    return Network(date=date, nodes=kept, links=links, party_names=party_names)


# -- the drawing ------------------------------------------------------------------------------

SIZE = 900
CENTRE = SIZE / 2
RADIUS = 380


def lay_out(network: Network) -> None:
    """A deterministic circular layout: the nodes around one circle, grouped by province (its
    name, then the province itself first, then the municipalities by name), so that a link
    inside a province is a short chord and a link across a border a long one."""
    ordered = sorted(
        network.nodes.values(),
        key=lambda n: (n.province_name, not n.is_province, n.name),
    )
    count = max(len(ordered), 1)
    for index, node in enumerate(ordered):
        angle = 2 * math.pi * index / count - math.pi / 2
        node.x = round(CENTRE + RADIUS * math.cos(angle), 1)
        node.y = round(CENTRE + RADIUS * math.sin(angle), 1)


def drawn(network: Network, minimum: int, limit: int = 1500) -> tuple[list[Link], int]:
    """The links drawn: weight at least `minimum`, at most `limit` of the heaviest; and the
    smallest weight drawn (0: nothing drawn)."""
    chosen = [lk for lk in network.links if lk.weight >= minimum][:limit]
    return chosen, (chosen[-1].weight if chosen else 0)


def stroke(weight: int, heaviest: int) -> float:
    return round(0.5 + 5.5 * weight / max(heaviest, 1), 2)
