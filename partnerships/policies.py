"""The access policies of the partnerships app, registered with registry.access in
PartnershipsConfig.ready(): who reads and keeps parties, their legal basis, bodies and
seats, participations and money. The rules in words are in registry/access.py."""

import datetime

from django.db.models import Q
from django.utils.translation import gettext as _

from partnerships.choices import Confirmation, SeatHolderRole
from partnerships.models import (
    AnnualFigures,
    Body,
    Contribution,
    CostKey,
    CostKeyPercentage,
    FinancialInterest,
    LegalBasis,
    ParagraphTemplate,
    ParagraphText,
    Participation,
    Party,
    Region,
    Risk,
    Seat,
    Theme,
    UsageFigure,
)
from registry import access
from registry.access import ADD, DELETE, VIEW
from registry.models import RoleKind
from registry.periods import overlaps_q
from registry.policies import OwnOrShared, OwnRecord, Policy, ReferenceData, SharedRecord

GRIFFIE, FINANCE = RoleKind.GRIFFIE, RoleKind.FINANCE


def giving_rights(today: datetime.date):
    """The participations that give rights on their shared party: confirmed and running
    today (one whose start date is unknown counts as running)."""
    return Participation.objects.filter(confirmation=Confirmation.CONFIRMED).filter(
        overlaps_q(today, today)
    )


def current_parties(organisation_ids, role: str, today: datetime.date) -> set[int]:
    ids = set(
        giving_rights(today)
        .filter(organisation_id__in=organisation_ids)
        .values_list("party_id", flat=True)
    )
    if role == GRIFFIE:
        ids |= set(
            Party.objects.filter(maintainer_id__in=organisation_ids).values_list("pk", flat=True)
        )
    return ids


def parties_all_within(organisation_ids, today: datetime.date) -> set[int]:
    """Parties taken part in (or kept) by these organisations only: what a supervisor's
    import may change for its province."""
    running = giving_rights(today)
    inside = Q(pk__in=running.filter(organisation_id__in=organisation_ids).values("party_id"))
    inside |= Q(maintainer_id__in=organisation_ids)
    outside = running.exclude(organisation_id__in=organisation_ids).values("party_id")
    return set(Party.objects.filter(inside).exclude(pk__in=outside).values_list("pk", flat=True))


class PartyPolicy(Policy):
    """The shared catalogue: read by every registry user; kept by the griffie of a current,
    confirmed participant or of the dossierhouder; registered by any griffie, which becomes
    its dossierhouder; deleted only when no other organisation takes part."""

    created_by = GRIFFIE
    party = "pk"

    def rows(self, g, action):
        if action == VIEW:
            return Q()
        writable = Q(pk__in=g.parties(GRIFFIE))
        if action == DELETE:
            others = Participation.objects.exclude(organisation_id__in=g.orgs(GRIFFIE))
            return writable & ~Q(pk__in=others.values("party_id"))
        return writable

    def allows(self, g, record, action):
        if action == ADD:
            return record.maintainer_id in g.orgs(GRIFFIE) or (
                record.maintainer_id is None and bool(g.imports_for)
            )
        return record.pk in g.parties(GRIFFIE)

    def editable(self, g, record, names):
        # the dossierhouder is one of the user's own organisations (or none)
        if record.maintainer_id is not None and record.maintainer_id not in g.orgs(GRIFFIE):
            return set(names) - {"maintainer"}
        return set(names)

    def choices(self, g, name):
        return g.orgs(GRIFFIE) if name == "maintainer" else None

    def refusal(self, g, record):
        if record.pk is None:
            return _("Kies als dossierhouder een organisatie waarvoor u de griffie bent.")
        return SharedRecord("pk").refusal(g, record)


class ParticipationPolicy(Policy):
    """An organisation's own: read by it, its supervisor and administrators; registered,
    changed and deleted by its griffie. Finance opens it to keep its financial interest per
    year (FinancialInterest, its own record) but changes none of its fields."""

    created_by = GRIFFIE
    party = "party"
    locked = ("party", "organisation")

    def rows(self, g, action):
        keepers = {VIEW: None, DELETE: (GRIFFIE,)}.get(action, (GRIFFIE, FINANCE))
        return Q(organisation_id__in=g.readable if keepers is None else g.orgs(*keepers))

    def allows(self, g, record, action):
        keepers = (GRIFFIE,) if action in (ADD, DELETE) else (GRIFFIE, FINANCE)
        return record.organisation_id in g.orgs(*keepers)

    def editable(self, g, record, names):
        return set(names) if GRIFFIE in g.roles_for(record.organisation_id) else set()

    def choices(self, g, name):
        return g.orgs(GRIFFIE) if name == "organisation" else None

    def refusal(self, g, record):
        name = record.organisation.name if record.organisation_id else _("deze organisatie")
        return _("U mag geen deelnemingen van %(organisation)s vastleggen of wijzigen.") % {
            "organisation": name
        }


class RegionPolicy(Policy):
    """A region is kept, and seen, by the supervisors of its province (and administrators):
    a supervisor of Overijssel neither sees nor edits Gelderland's regions."""

    created_by = RoleKind.SUPERVISOR
    locked = ("province",)

    def rows(self, g, action):
        return Q(province_id__in=g.orgs(RoleKind.SUPERVISOR))

    def allows(self, g, record, action):
        return record.province_id in g.orgs(RoleKind.SUPERVISOR)

    def choices(self, g, name):
        return g.orgs(RoleKind.SUPERVISOR) if name == "province" else None

    def refusal(self, g, record):
        return _("U mag alleen regio's van de provincie waarvan u toezichthouder bent bijhouden.")


def register() -> None:
    access.register_party_rights(current=current_parties, all_within=parties_all_within)
    griffie_shared = {model: SharedRecord("party") for model in (LegalBasis, Body)}
    money = {
        CostKey: SharedRecord("party", FINANCE),
        CostKeyPercentage: SharedRecord("key__party", FINANCE, locked=("key",)),
        AnnualFigures: SharedRecord("party", FINANCE),
        Risk: SharedRecord("figures__party", FINANCE, locked=("figures",)),
        UsageFigure: OwnRecord("organisation", (FINANCE,), party="party", locked=("party",)),
        **{
            model: OwnRecord(
                "participation__organisation",
                (FINANCE,),
                party="participation__party",
                locked=("participation",),
            )
            for model in (Contribution, FinancialInterest)
        },
    }
    policies = {
        Party: PartyPolicy(),
        Participation: ParticipationPolicy(),
        Seat: OwnOrShared("organisation", "body__party", locked=("body",)),
        **griffie_shared,
        **money,
        Theme: ReferenceData(),
        Region: RegionPolicy(),
        ParagraphText: OwnRecord("organisation", (FINANCE, GRIFFIE), locked=("organisation",)),
        # the paragraph's house style: kept by finance, who make the paragraph
        ParagraphTemplate: OwnRecord("organisation", (FINANCE,), locked=("organisation",)),
    }
    for model, policy in policies.items():
        access.register(model, policy)
    register_public()


# Office holders sit in a party's bodies in public; civil servants and externals do not.
PUBLIC_HOLDERS = (SeatHolderRole.MAYOR, SeatHolderRole.ALDERMAN, SeatHolderRole.COUNCILLOR)


def register_public() -> None:
    """What the public pages show to anyone: the shared catalogue (parties, their legal basis,
    bodies, keys and figures, which come from adopted, published documents) and, of an
    organisation that publishes (Organisation.publishes), its participations (not a declined
    registration), contributions, financial interest per year, usage, the texts of its
    paragraph and the seats its office holders hold."""
    for model in (Party, LegalBasis, Body, CostKey, CostKeyPercentage, AnnualFigures, Risk, Theme):
        access.register_public(model, Q())
    publishes = Q(organisation__publishes=True)
    access.register_public(Participation, publishes & ~Q(confirmation=Confirmation.DECLINED))
    for model in (Contribution, FinancialInterest):
        access.register_public(model, Q(participation__organisation__publishes=True))
    access.register_public(ParagraphText, publishes)
    access.register_public(UsageFigure, publishes)
    access.register_public(Seat, publishes & Q(holder_role__in=PUBLIC_HOLDERS))
