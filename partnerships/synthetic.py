"""A deterministic data set the size of the Netherlands, for benchmarks and load tests.

12 provinces, 342 municipalities (the real number per province), about 1,500 parties and
15,000 participations with bodies and seats. The same seed gives the same rows. Synthetic
municipalities have CBS codes from GM5000 up, which no real municipality has, so the set
can live beside the demo data; its parties have codes starting with "syn-".

Rows are written with bulk_create in a handful of statements, so they bypass full_clean()
and history: the generator builds only what the model's rules allow (tested on a sample).
"""

import datetime
import random
from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction

from partnerships.choices import (
    BodyKind,
    Confirmation,
    CooperationModel,
    FiguresKind,
    LegalDocumentKind,
    LegalForm,
    PartyStatus,
    RegelingType,
    SeatHolderRole,
)
from partnerships.legal_forms import profile
from partnerships.models import (
    AnnualFigures,
    Body,
    Contribution,
    FinancialInterest,
    LegalBasis,
    Participation,
    Party,
    Seat,
    Theme,
)
from registry.models import Organisation, OrganisationKind, PopulationFigure, Role

SYNTHETIC_CODE_FROM = 5000
PARTY_CODE_PREFIX = "syn-"

# (CBS code, name, municipalities): the real count per province, 342 in all.
PROVINCES = (
    ("PV20", "Groningen", 10),
    ("PV21", "Fryslân", 18),
    ("PV22", "Drenthe", 12),
    ("PV23", "Overijssel", 25),
    ("PV24", "Flevoland", 6),
    ("PV25", "Gelderland", 51),
    ("PV26", "Utrecht", 26),
    ("PV27", "Noord-Holland", 44),
    ("PV28", "Zuid-Holland", 50),
    ("PV29", "Zeeland", 13),
    ("PV30", "Noord-Brabant", 56),
    ("PV31", "Limburg", 31),
)
PARTIES_PER_MUNICIPALITY = Decimal("4.4")  # 342 × 4.4 ≈ 1,500 parties
POPULATION_YEARS = (2025, 2026)
BUDGET_YEAR = 2027

# Legal forms with their weight in the mix (roughly the overview maps' proportions).
FORM_WEIGHTS = {
    LegalForm.PUBLIC_BODY: 30,
    LegalForm.JOINT_BODY: 3,
    LegalForm.OPERATIONAL_ORGANISATION: 8,
    LegalForm.CENTRE_MUNICIPALITY: 10,
    LegalForm.PLAIN_ARRANGEMENT: 6,
    LegalForm.PUBLIC_LIMITED: 8,
    LegalForm.PRIVATE_LIMITED: 6,
    LegalForm.COOPERATIVE: 3,
    LegalForm.FOUNDATION: 12,
    LegalForm.ASSOCIATION: 2,
    LegalForm.AGREEMENT: 12,
}
# The body whose members are the participants, per legal form; None: no seats.
GOVERNING_BODY = {
    LegalForm.PUBLIC_BODY: BodyKind.GENERAL_BOARD,
    LegalForm.OPERATIONAL_ORGANISATION: BodyKind.GENERAL_BOARD,
    LegalForm.JOINT_BODY: BodyKind.JOINT_BODY,
    LegalForm.PUBLIC_LIMITED: BodyKind.SHAREHOLDERS_MEETING,
    LegalForm.PRIVATE_LIMITED: BodyKind.SHAREHOLDERS_MEETING,
    LegalForm.COOPERATIVE: BodyKind.MEMBERS_MEETING,
    LegalForm.ASSOCIATION: BodyKind.MEMBERS_MEETING,
    LegalForm.FOUNDATION: None,
    LegalForm.PLAIN_ARRANGEMENT: BodyKind.CONSULTATION,
    LegalForm.AGREEMENT: BodyKind.CONSULTATION,
    LegalForm.CENTRE_MUNICIPALITY: None,
}
SECOND_BODY = {
    LegalForm.PUBLIC_BODY: BodyKind.EXECUTIVE_BOARD,
    LegalForm.PUBLIC_LIMITED: BodyKind.SUPERVISORY_BOARD,
    LegalForm.PRIVATE_LIMITED: BodyKind.SUPERVISORY_BOARD,
    LegalForm.FOUNDATION: BodyKind.FOUNDATION_BOARD,
}
SEAT_ROLE = {
    BodyKind.GENERAL_BOARD: SeatHolderRole.ALDERMAN,
    BodyKind.JOINT_BODY: SeatHolderRole.ALDERMAN,
    BodyKind.SHAREHOLDERS_MEETING: SeatHolderRole.ALDERMAN,
    BodyKind.MEMBERS_MEETING: SeatHolderRole.ALDERMAN,
    BodyKind.CONSULTATION: SeatHolderRole.CIVIL_SERVANT,
}
SHAREHOLDING_FORMS = {LegalForm.PUBLIC_LIMITED, LegalForm.PRIVATE_LIMITED}


@dataclass(frozen=True)
class Counts:
    provinces: int
    municipalities: int
    population_figures: int
    parties: int
    participations: int
    bodies: int
    seats: int
    legal_bases: int
    annual_figures: int
    contributions: int


def delete_synthetic() -> None:
    """Remove an earlier synthetic set (never the demo or real records).

    Raw deletes, child tables first: the synthetic rows were bulk-inserted without history,
    and per-row delete signals would make regenerating take minutes instead of seconds.
    """
    parties = Party.objects.filter(code__startswith=PARTY_CODE_PREFIX)
    organisations = Organisation.objects.filter(
        cbs_code__startswith="GM", cbs_code__gte=f"GM{SYNTHETIC_CODE_FROM}"
    )
    for queryset in (
        Contribution.objects.filter(participation__party__in=parties),
        FinancialInterest.objects.filter(participation__party__in=parties),
        AnnualFigures.objects.filter(party__in=parties),
        Seat.objects.filter(body__party__in=parties),
        Body.objects.filter(party__in=parties),
        LegalBasis.objects.filter(party__in=parties),
        Participation.objects.filter(party__in=parties),
        Party.themes.through.objects.filter(party__in=parties),
        parties,
        PopulationFigure.objects.filter(organisation__in=organisations),
        Role.objects.filter(organisation__in=organisations),
        organisations,
    ):
        queryset._raw_delete(queryset.db)


def _provinces() -> list[Organisation]:
    existing = {o.cbs_code: o for o in Organisation.objects.provinces()}
    missing = [
        Organisation(cbs_code=code, name=name, kind=OrganisationKind.PROVINCE)
        for code, name, _ in PROVINCES
        if code not in existing
    ]
    Organisation.objects.bulk_create(missing)
    existing.update({o.cbs_code: o for o in Organisation.objects.provinces()})
    return [existing[code] for code, _, _ in PROVINCES]


def _municipalities(
    rng: random.Random, provinces
) -> tuple[dict[int, list[Organisation]], dict[int, int]]:
    """The municipalities per province, and the inhabitants of each (by pk)."""
    rows = []
    number = SYNTHETIC_CODE_FROM
    for province, (_, name, count) in zip(provinces, PROVINCES, strict=True):
        for index in range(1, count + 1):
            rows.append(
                Organisation(
                    cbs_code=f"GM{number}",
                    name=f"Gemeente {name} {index:02d}",
                    kind=OrganisationKind.MUNICIPALITY,
                    province=province,
                )
            )
            number += 1
    Organisation.objects.bulk_create(rows)
    created = Organisation.objects.filter(cbs_code__in=[o.cbs_code for o in rows]).order_by(
        "cbs_code"
    )
    by_province: dict[int, list[Organisation]] = {}
    for municipality in created:
        by_province.setdefault(municipality.province_id, []).append(municipality)
    figures, inhabitants_of = [], {}
    for municipality in created:
        inhabitants = int(min(950_000, max(900, rng.lognormvariate(10.2, 0.8))))
        inhabitants_of[municipality.pk] = inhabitants
        for year in POPULATION_YEARS:
            grown = int(inhabitants * (1 + Decimal("0.004") * (year - POPULATION_YEARS[0])))
            figures.append(
                PopulationFigure(
                    organisation=municipality,
                    year=year,
                    reference_date=datetime.date(year, 1, 1),
                    inhabitants=grown,
                    households=int(grown / 2.15),
                )
            )
    PopulationFigure.objects.bulk_create(figures)
    return by_province, inhabitants_of


def _weighted_sample(rng: random.Random, pool: list[Organisation], count: int, inhabitants):
    """`count` municipalities without repeats, a larger one more likely (weight: its
    inhabitants), as cities take part in more cooperations (Efraimidis-Spirakis). With seed 1
    the largest has 64 verbonden partijen among 118 participations, the median 22."""
    keyed = sorted(pool, key=lambda m: rng.random() ** (1 / inhabitants[m.pk]))
    return keyed[-count:]


def _participant_count(rng: random.Random, pool: int) -> int:
    """Most parties have a few participants; some cover (nearly) the whole province."""
    if rng.random() < 0.08:
        return pool
    return min(pool, max(2, int(rng.expovariate(1 / 8))))


def _party(rng: random.Random, number: int, province_name: str, themes) -> tuple[Party, Theme]:
    form = rng.choices(list(FORM_WEIGHTS), weights=list(FORM_WEIGHTS.values()))[0]
    form_profile = profile(form)
    start = datetime.date(rng.randint(1970, 2022), rng.choice((1, 7)), 1)
    if form == LegalForm.OPERATIONAL_ORGANISATION:
        regeling_type = RegelingType.COLLEGES
        start = max(start, datetime.date(2015, 1, 1))
    elif form_profile.wgr:
        regeling_type = rng.choice(RegelingType.values)
    else:
        regeling_type = ""
    theme = rng.choice(themes)
    return Party(
        code=f"{PARTY_CODE_PREFIX}{number:04d}",
        name=f"{theme.name} {province_name} {number:04d}",
        short_name=f"SYN{number:04d}",
        legal_form=form,
        regeling_type=regeling_type,
        seat=province_name,
        kvk_number=f"{50000000 + number}" if form_profile.legal_personality else "",
        public_interest=f"Gezamenlijke uitvoering op het gebied van {theme.name.lower()}.",
        task_policy_making=rng.random() < 0.2,
        task_policy_execution=rng.random() < 0.6,
        task_operations=rng.random() < 0.4,
        cooperation_model=rng.choice(CooperationModel.values),
        participation_mandatory=rng.random() < 0.05,
        start_date=start,
        status=PartyStatus.ACTIVE,
    ), theme


def _participation(rng, party: Party, municipality: Organisation) -> Participation:
    governing = GOVERNING_BODY[party.legal_form]
    has_seat = governing is not None and governing != BodyKind.CONSULTATION
    joined = (
        party.start_date if rng.random() < 0.8 else datetime.date(rng.randint(2016, 2024), 1, 1)
    )
    return Participation(
        party=party,
        organisation=municipality,
        start_date=max(joined, party.start_date),
        confirmation=Confirmation.CONFIRMED,
        seats=1 if has_seat else 0,
        voting_weight=Decimal(rng.randint(1, 20)) if has_seat else None,
    )


def _interest(rng, participation: Participation, year: int) -> FinancialInterest:
    """The financial interest at the end of `year`: shares in a company, and now and then a
    guarantee or a loan; the rest known to be nothing."""
    shares = participation.party.legal_form in SHAREHOLDING_FORMS
    return FinancialInterest(
        participation=participation,
        year=year,
        shares_count=rng.randint(100, 50_000) if shares else 0,
        share_nominal_value=Decimal("1.00") if shares else None,
        guarantees=Decimal(rng.randrange(0, 5_000_000, 1000)) if rng.random() < 0.1 else 0,
        loans=Decimal(rng.randrange(0, 2_000_000, 1000)) if rng.random() < 0.05 else 0,
        amount_at_risk=0,
    )


def _budget(rng, parties, participations) -> tuple[int, int]:
    """Budget figures of BUDGET_YEAR per party (one in ten left out: unknown) and each
    participation's budgeted contribution, for the paragraph benchmarks."""
    figures = []
    for party in parties:
        if rng.random() < 0.1:
            continue
        size = Decimal(rng.randrange(100_000, 80_000_000, 1000))
        equity = (size * Decimal(rng.uniform(0.02, 0.2))).quantize(Decimal(1))
        debt = (size * Decimal(rng.uniform(0.1, 0.8))).quantize(Decimal(1))
        result = (size * Decimal(rng.uniform(-0.02, 0.02))).quantize(Decimal(1))
        figures.append(
            AnnualFigures(
                party=party,
                year=BUDGET_YEAR,
                kind=FiguresKind.BUDGET,
                equity_start=equity,
                equity_end=equity + result,
                debt_start=debt,
                debt_end=debt,
                result=result,
                expenses=size,
                revenues=size + result,
                contributions_total=(size * Decimal("0.8")).quantize(Decimal(1)),
            )
        )
    AnnualFigures.objects.bulk_create(figures, batch_size=2000)
    contributions = [
        Contribution(
            participation=p,
            year=BUDGET_YEAR,
            budgeted=Decimal(rng.randrange(1_000, 5_000_000, 100)),
        )
        for p in participations
    ]
    Contribution.objects.bulk_create(contributions, batch_size=2000)
    return len(figures), len(contributions)


def _founding_document(legal_form: str) -> str:
    form = profile(legal_form)
    if form.wgr:
        return LegalDocumentKind.REGELING
    return LegalDocumentKind.STATUTES if form.legal_personality else LegalDocumentKind.COVENANT


@transaction.atomic
def generate(seed: int) -> Counts:
    rng = random.Random(seed)
    delete_synthetic()
    provinces = _provinces()
    by_province, inhabitants = _municipalities(rng, provinces)
    themes = list(Theme.objects.order_by("name"))

    parties, party_themes, members = [], [], []
    number = 1
    for province, (_, name, count) in zip(provinces, PROVINCES, strict=True):
        pool = by_province[province.pk]
        for _ in range(int(count * PARTIES_PER_MUNICIPALITY)):
            party, theme = _party(rng, number, name, themes)
            chosen = _weighted_sample(rng, pool, _participant_count(rng, len(pool)), inhabitants)
            if party.legal_form == LegalForm.CENTRE_MUNICIPALITY:
                party.centre_organisation = chosen[0]
            parties.append(party)
            party_themes.append(theme)
            members.append(chosen)
            number += 1
    Party.objects.bulk_create(parties)

    through = Party.themes.through
    through.objects.bulk_create(
        through(party=party, theme=theme)
        for party, theme in zip(parties, party_themes, strict=True)
    )
    participations = [
        _participation(rng, party, municipality)
        for party, chosen in zip(parties, members, strict=True)
        for municipality in chosen
    ]
    Participation.objects.bulk_create(participations, batch_size=2000)
    FinancialInterest.objects.bulk_create(
        (
            _interest(rng, participation, year)
            for participation in participations
            for year in (BUDGET_YEAR - 1, BUDGET_YEAR)
        ),
        batch_size=2000,
    )

    bodies = []
    for party in parties:
        for kind in (GOVERNING_BODY[party.legal_form], SECOND_BODY.get(party.legal_form)):
            if kind is not None:
                bodies.append(Body(party=party, kind=kind))
    Body.objects.bulk_create(bodies, batch_size=2000)

    governing_bodies = {
        body.party_id: body for body in bodies if body.kind == GOVERNING_BODY[body.party.legal_form]
    }
    seats = [
        Seat(
            body=governing_bodies[p.party_id],
            organisation=p.organisation,
            person_name=f"Bestuurder {p.organisation.name}",
            holder_role=SEAT_ROLE[governing_bodies[p.party_id].kind],
            start_date=p.start_date,
        )
        for p in participations
        if p.party_id in governing_bodies
    ]
    Seat.objects.bulk_create(seats, batch_size=2000)

    legal_bases = [
        LegalBasis(
            party=party,
            kind=_founding_document(party.legal_form),
            title=f"Grondslag {party.name}",
            adopted_on=party.start_date,
            in_force_from=party.start_date,
            evaluation_interval_years=rng.choice((None, 4, 4, 5)),
        )
        for party in parties
    ]
    LegalBasis.objects.bulk_create(legal_bases, batch_size=2000)

    figures, contributions = _budget(rng, parties, participations)

    return Counts(
        provinces=len(provinces),
        municipalities=sum(len(v) for v in by_province.values()),
        population_figures=sum(len(v) for v in by_province.values()) * len(POPULATION_YEARS),
        parties=len(parties),
        participations=len(participations),
        bodies=len(bodies),
        seats=len(seats),
        legal_bases=len(legal_bases),
        annual_figures=figures,
        contributions=contributions,
    )
