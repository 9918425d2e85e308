"""The start page and the search: the three ways in of the seeds' map (by cooperation
name, by municipality, by theme) plus legal form and BBV category. A result shows the legal
form, the participants the reader may see, and whether the party is a verbonden partij for
the municipality chosen. Fixed query counts whatever the size (tests/site/)."""

from dataclasses import dataclass, field

from django import forms
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from partnerships import queries
from partnerships.choices import BBVCategory, LegalForm, VerbondenPartij
from partnerships.legal_forms import forms_in_category
from partnerships.models import Participation, Party, Theme
from registry import access
from registry.models import Organisation
from registry.queries import visible_organisations

PAGE_SIZE = 25


def visible_municipalities(user):
    """The municipalities whose page the reader may open: those that publish, and those the
    reader's roles let it read."""
    return visible_organisations(
        user, Organisation.objects.municipalities().select_related("province")
    )


class SearchForm(forms.Form):
    q = forms.CharField(
        label=_("Naam van het samenwerkingsverband"), required=False, max_length=100
    )
    gemeente = forms.ChoiceField(label=_("Gemeente"), required=False)
    thema = forms.ChoiceField(label=_("Thema"), required=False)
    categorie = forms.ChoiceField(
        label=_("BBV-categorie"), required=False, choices=[("", _("Alle")), *BBVCategory.choices]
    )
    vorm = forms.ChoiceField(
        label=_("Rechtsvorm"), required=False, choices=[("", _("Alle")), *LegalForm.choices]
    )

    def __init__(self, *args, municipalities, themes, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["gemeente"].choices = [("", _("Alle"))] + [
            (m.cbs_code, m.name) for m in municipalities
        ]
        self.fields["thema"].choices = [("", _("Alle"))] + [(str(t.pk), t.name) for t in themes]


@dataclass
class Result:
    party: Party
    participants: list[Participation]
    verbonden_partij: str = ""  # ja / nee / onbekend this year, for the municipality chosen


def _combined(statuses: set[str]) -> str:
    """Of a municipality's participations in one party: yes when one is, else unknown when
    one is unknown, else no."""
    for status in (VerbondenPartij.YES, VerbondenPartij.UNKNOWN):
        if status in statuses:
            return str(VerbondenPartij(status).label)
    return str(VerbondenPartij.NO.label)


@dataclass
class Search:
    form: SearchForm
    municipality: Organisation | None
    page: object = None
    results: list[Result] = field(default_factory=list)

    @property
    def asked(self) -> bool:
        return self.form.is_bound and any(self.form.cleaned_data.values())


def search(user, data, page_number) -> Search:
    municipalities = list(visible_municipalities(user).order_by("name"))
    themes = list(Theme.objects.order_by("name"))
    form = SearchForm(data or None, municipalities=municipalities, themes=themes)
    found = Search(form, None)
    if not form.is_bound or not form.is_valid():
        return found
    wanted = form.cleaned_data
    parties = Party.objects.all()
    if wanted["q"]:
        text = wanted["q"].strip()
        parties = parties.filter(
            Q(name__icontains=text) | Q(short_name__icontains=text) | Q(code__icontains=text)
        )
    if wanted["thema"]:
        parties = parties.filter(themes__pk=int(wanted["thema"]))
    if wanted["categorie"]:
        parties = parties.filter(legal_form__in=forms_in_category(wanted["categorie"]))
    if wanted["vorm"]:
        parties = parties.filter(legal_form=wanted["vorm"])
    visible = access.site_scope(user, Participation.objects.all())
    if wanted["gemeente"]:
        found.municipality = next(m for m in municipalities if m.cbs_code == wanted["gemeente"])
        parties = parties.filter(
            pk__in=visible.filter(organisation=found.municipality).values("party_id")
        )
    year = timezone.localdate().year
    shown = queries.participations_for_list(visible, year).order_by("organisation__name")
    parties = (
        parties.distinct()
        .order_by("name")
        .prefetch_related(Prefetch("participations", queryset=shown, to_attr="shown"))
    )
    found.page = Paginator(parties, PAGE_SIZE).get_page(page_number)
    for party in found.page:
        result = Result(party, party.shown)
        if found.municipality is not None:
            own = [p for p in party.shown if p.organisation_id == found.municipality.pk]
            result.verbonden_partij = _combined({p.vp_status for p in own})
        found.results.append(result)
    return found


@dataclass
class Home:
    provinces: list[tuple[str, list[Organisation]]]
    themes: list[Theme]
    categories: list[tuple[str, str, int]]
    legal_forms: list[tuple[str, str, int]]
    form: SearchForm


def home(user) -> Home:
    municipalities = list(visible_municipalities(user).order_by("province__name", "name"))
    by_province: dict[str, list[Organisation]] = {}
    for municipality in municipalities:
        name = municipality.province.name if municipality.province else ""
        by_province.setdefault(name, []).append(municipality)
    themes = list(Theme.objects.annotate(party_count=Count("parties")).order_by("name"))
    per_form = dict(Party.objects.values_list("legal_form").annotate(count=Count("pk")))
    categories = [
        (code, str(label), sum(per_form.get(f, 0) for f in forms_in_category(code)))
        for code, label in BBVCategory.choices
    ]
    legal_forms = [
        (code, str(label), per_form[code]) for code, label in LegalForm.choices if code in per_form
    ]
    form = SearchForm(municipalities=sorted(municipalities, key=lambda m: m.name), themes=themes)
    return Home(list(by_province.items()), themes, categories, legal_forms, form)
