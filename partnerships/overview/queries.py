"""The provincial overview map, generated from the register (issue 15, point 1), in the shape
supervisors keep it (seed 002, appendices A and B): rows are the parties grouped by theme with
the map's legal-basis code, columns the province's municipalities by name, then "Provincie",
"Andere gemeenten buiten OV" (other provinces) and "Andere partners" (other kinds of
organisation); a mark where a column takes part on the reference date, "Nieuw" and "niet
meer" against a second date; per municipality the map's five footer counts and, beside them,
the register's count of verbonden partijen (BBV art. 1 lid 1 sub b: a bestuurlijk and a
financieel belang, partnerships.bbv) with the reason for each difference.

Read through access.site_scope: a supervisor reads every participation of its province, and of
the organisations outside it what they publish (the public pages show the same); an
administrator everything. In a fixed number of queries whatever the province's size."""

import datetime
from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Prefetch, Q
from django.utils.translation import gettext as _

from partnerships.choices import VerbondenPartij
from partnerships.models import Participation, Theme
from partnerships.overview.codes import OTHER_PUBLIC, PRIVATE, PUBLIC_OL, footer_group, map_code
from registry import access
from registry.models import Organisation, OrganisationKind
from registry.periods import overlaps_q

MARK = "x"
NEW = "Nieuw"
GONE = "niet meer"
NO_THEME = "Overig"

# The columns after the municipalities, in the map's order.
PROVINCE_COLUMN = "Provincie"
INSIDE_COLUMN = "Andere gemeenten in de provincie"  # a region's map: the rest of the province
OUTSIDE_COLUMN = "Andere gemeenten buiten OV"
PARTNERS_COLUMN = "Andere partners"


@dataclass
class MapRow:
    party: object
    code: str
    marks: dict  # column key -> MARK / NEW / GONE
    cells: list[str] = field(default_factory=list)  # the marks in column order


@dataclass
class ThemeGroup:
    theme: str
    rows: list[MapRow]


@dataclass
class Difference:
    party: object
    map_says: str  # "verbonden partij" or "geen verbonden partij" by the map's form
    register_says: str  # ja / nee / onbekend (partnerships.bbv)
    reason: str


@dataclass
class Footer:
    public_ol: int = 0
    private: int = 0
    other_public: int = 0
    bbv: int = 0
    differences: list[Difference] = field(default_factory=list)

    @property
    def subtotal(self) -> int:
        return self.public_ol + self.private

    @property
    def total(self) -> int:
        return self.subtotal + self.other_public


@dataclass
class OverviewMap:
    province: Organisation
    date: datetime.date
    previous: datetime.date | None
    municipalities: list[Organisation]
    extra_columns: list[tuple[str, str]]  # (key, heading)
    groups: list[ThemeGroup]
    footers: dict[int, Footer]  # municipality id -> its counts
    region: object = None  # partnerships.Region when the map is a region's

    @property
    def place(self) -> str:
        """What the map covers: the region's name (with its province) or the province's."""
        if self.region is None:
            return self.province.name
        return f"{self.region.name} ({self.province.name})"

    @property
    def columns(self) -> list[tuple[str, str]]:
        return [(str(m.pk), m.name) for m in self.municipalities] + self.extra_columns

    @property
    def differences(self) -> list[tuple[Organisation, Difference]]:
        return [(m, d) for m in self.municipalities for d in self.footers[m.pk].differences]

    def footer_lines(self):
        """The footer rows as the map prints them: (label, counts in municipality order)."""
        lines = (
            (_("Totaal publiek WGR+OL"), "public_ol"),
            (_("Totaal privaat"), "private"),
            (_("Subtotaal (= verbonden partijen)"), "subtotal"),
            (_("Totaal overig publiek"), "other_public"),
            (_("Totaal"), "total"),
            (_("Verbonden partijen volgens het register (BBV art. 1 lid 1 sub b)"), "bbv"),
        )
        return [
            (label, [getattr(self.footers[m.pk], name) for m in self.municipalities])
            for label, name in lines
        ]


def _column_of(organisation, province, members: set[int] | None = None) -> str:
    """The column of `organisation`; `members`: a region's municipalities (None: the
    province's map, every municipality of the province has its own column)."""
    if organisation.pk == province.pk:
        return PROVINCE_COLUMN
    if organisation.kind == OrganisationKind.MUNICIPALITY:
        if organisation.province_id != province.pk:
            return OUTSIDE_COLUMN
        if members is None or organisation.pk in members:
            return str(organisation.pk)
        return INSIDE_COLUMN
    return PARTNERS_COLUMN


def _mark(now: bool, before: bool, compared: bool) -> str | None:
    if now and (before or not compared):
        return MARK
    if now:
        return NEW
    if before:
        return GONE
    return None


def build_map(
    user, province, date: datetime.date, previous: datetime.date | None = None, *, region=None
):
    """The overview map of `province` on `date` (against `previous` when given). With a
    `region` (of that province) its columns are the region's municipalities, then
    "Provincie", "Andere gemeenten in <provincie>", "Andere gemeenten buiten <provincie>" and
    "Andere partners", and its rows the parties in which a municipality of the region takes
    part (on either date)."""
    if region is not None:
        municipalities = list(region.municipalities.order_by("name"))
    else:
        municipalities = list(
            Organisation.objects.municipalities().filter(province=province).order_by("name")
        )
    dates = [date] + ([previous] if previous else [])
    periods = Q()
    for day in dates:
        periods |= overlaps_q(day, day)
    if region is not None:
        in_map = Q(organisation__in=[m.pk for m in municipalities])
    else:
        in_map = Q(organisation__province=province) | Q(organisation=province)
    participations = (
        access.site_scope(user, Participation.objects.all())
        .filter(periods)
        .filter(party__in=Participation.objects.filter(in_map).values("party"))
        .with_verbonden_partij(date.year)
        .select_related("party", "organisation")
        .prefetch_related(
            Prefetch("party__themes", queryset=Theme.objects.order_by("name"), to_attr="map_themes")
        )
        .order_by("party__name", "organisation__name")
    )
    return _assemble(province, date, previous, municipalities, list(participations), region)


def _on(participation, day) -> bool:
    start, end = participation.start_date, participation.end_date
    return (start is None or start <= day) and (end is None or end >= day)


def _assemble(province, date, previous, municipalities, participations, region=None) -> OverviewMap:
    compared = previous is not None
    members = None if region is None else {m.pk for m in municipalities}
    by_party: dict[int, dict[str, list[bool]]] = defaultdict(
        lambda: defaultdict(lambda: [False, False])
    )
    parties = {}
    footers = {m.pk: Footer() for m in municipalities}
    for p in participations:
        parties[p.party_id] = p.party
        column = _column_of(p.organisation, province, members)
        seen = by_party[p.party_id][column]
        now = _on(p, date)
        seen[0] = seen[0] or now
        if compared:
            seen[1] = seen[1] or _on(p, previous)
        if now and p.organisation_id in footers:
            _count(footers[p.organisation_id], p, date.year)
    groups: dict[str, list[MapRow]] = defaultdict(list)
    for party_id, columns in by_party.items():
        party = parties[party_id]
        marks = {}
        for column, (now, before) in columns.items():
            mark = _mark(now, before, compared)
            if mark:
                marks[column] = mark
        if not marks:
            continue
        themes = getattr(party, "map_themes", [])
        theme = themes[0].name if themes else NO_THEME
        groups[theme].append(MapRow(party=party, code=map_code(party.legal_form), marks=marks))
    extra = [(PROVINCE_COLUMN, _("Provincie"))]
    if region is not None:
        extra.append(
            (INSIDE_COLUMN, _("Andere gemeenten in %(province)s") % {"province": province.name})
        )
    extra += [
        (OUTSIDE_COLUMN, _("Andere gemeenten buiten %(province)s") % {"province": province.name}),
        (PARTNERS_COLUMN, _("Andere partners")),
    ]
    keys = [str(m.pk) for m in municipalities] + [key for key, _heading in extra]
    for rows in groups.values():
        for row in rows:
            row.cells = [row.marks.get(key, "") for key in keys]
    ordered = [
        ThemeGroup(theme=theme, rows=sorted(rows, key=lambda r: r.party.name))
        for theme, rows in sorted(groups.items(), key=lambda item: (item[0] == NO_THEME, item[0]))
    ]
    return OverviewMap(
        province=province,
        date=date,
        previous=previous,
        municipalities=municipalities,
        extra_columns=extra,
        groups=ordered,
        footers=footers,
        region=region,
    )


def _count(footer: Footer, participation, year: int) -> None:
    group = footer_group(participation.party.legal_form)
    if group == PUBLIC_OL:
        footer.public_ol += 1
    elif group == PRIVATE:
        footer.private += 1
    else:
        footer.other_public += 1
    # the status the query annotated (bbv.annotate); the verdict with its reason, which
    # costs a translated sentence, only where the map and the register differ
    register_counts = participation.vp_status == VerbondenPartij.YES
    footer.bbv += register_counts
    counted_by_map = group != OTHER_PUBLIC
    if counted_by_map != register_counts:
        verdict = participation.verbonden_partij(year)
        footer.differences.append(
            Difference(
                party=participation.party,
                map_says=_("verbonden partij") if counted_by_map else _("geen verbonden partij"),
                register_says=verdict.label,
                reason=verdict.reason,
            )
        )
