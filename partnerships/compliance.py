"""Which Wgr regelingen regulate what every regeling had to regulate by 1 July 2024.

The Wgr as amended per 1 July 2022 (Wet versterking democratische legitimiteit Wgr) asks every
regeling to regulate the councils' zienswijze on the board's decisions, how residents are
involved, agreements on evaluation (the law sets no frequency) and exit; existing regelingen
had two years to be brought in line. (The articles and the transitional provision were not
confirmed here.) The legal basis in force keeps the assessment per provision
(LegalBasis.provisions): yes, no, or not assessed. A regeling that names no evaluation
interval is evaluated every ASSUMED_EVALUATION_YEARS years by the registry's schedule: an
assumption, shown as one.

`checks` reads any number of parties in two queries (for the supervisor's page and the party
list's filter).
"""

import datetime
from dataclasses import dataclass

from django.db.models import F, Prefetch, QuerySet
from django.utils.translation import gettext_lazy as _

from partnerships.legal_forms import forms_where
from partnerships.models import LegalBasis, Party
from registry.periods import overlaps_q

DEADLINE = datetime.date(2024, 7, 1)
ASSUMED_EVALUATION_YEARS = 4
PROVISIONS = (
    ("zienswijze", _("zienswijze op besluiten")),
    ("participation", _("inwonersparticipatie")),
    ("evaluation", _("evaluatie")),
    ("exit", _("uittreding")),
)


class Status:
    COMPLIES = "voldoet"
    FAILS = "voldoet_niet"
    UNKNOWN = "onbekend"
    NO_BASIS = "geen_regeling"
    LABELS = {
        COMPLIES: _("regelt alles"),
        FAILS: _("regelt niet alles"),
        UNKNOWN: _("niet (helemaal) beoordeeld"),
        NO_BASIS: _("geen regeling vastgelegd"),
    }


@dataclass(frozen=True)
class Check:
    party: Party
    basis: LegalBasis | None  # the version in force on the day asked
    provisions: dict[str, bool | None]

    @property
    def status(self) -> str:
        if self.basis is None:
            return Status.NO_BASIS
        values = list(self.provisions.values())
        if False in values:
            return Status.FAILS
        return Status.COMPLIES if all(values) else Status.UNKNOWN

    @property
    def status_label(self) -> str:
        return str(Status.LABELS[self.status])

    @property
    def interval_assumed(self) -> bool:
        return self.basis is None or not self.basis.evaluation_interval_years

    @property
    def evaluation_years(self) -> int:
        return (
            ASSUMED_EVALUATION_YEARS
            if self.interval_assumed
            else self.basis.evaluation_interval_years
        )

    @property
    def cells(self) -> list[tuple[str, bool | None]]:
        return [(str(label), self.provisions.get(name)) for name, label in PROVISIONS]


def wgr_parties(queryset: QuerySet[Party]) -> QuerySet[Party]:
    return queryset.filter(legal_form__in=forms_where(lambda p: p.wgr))


def checks(parties: QuerySet[Party], day: datetime.date) -> list[Check]:
    """Each Wgr party of `parties` with the legal basis in force on `day` (its latest version)."""
    in_force = LegalBasis.objects.filter(
        overlaps_q(day, day, "in_force_from", "in_force_until")
    ).order_by(F("in_force_from").asc(nulls_first=True), "pk")
    found = wgr_parties(parties).prefetch_related(
        Prefetch("legal_bases", queryset=in_force, to_attr="bases_in_force")
    )
    result = []
    for party in found.order_by("name"):
        basis = party.bases_in_force[-1] if party.bases_in_force else None
        provisions = basis.provisions() if basis else dict.fromkeys(n for n, _l in PROVISIONS)
        result.append(Check(party, basis, provisions))
    return result
