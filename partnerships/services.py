"""Every write of the partnerships app: parties, participations (and who confirms them),
and the records without special needs (legal basis, bodies, seats, money) through
registry.writes. The admin, its inlines and actions, the import and the commands call these.

How a municipality becomes a participant of a shared party (it does not declare itself
one): a participation registered by a griffie is *confirmed* at once when the griffie may
confirm it itself — its organisation keeps the party's dossier, already takes part in it
(confirmed), or the user may change the party through another organisation — and when an
administrator or the supervisor of the municipality's province (IBT, also through its
import) registers it. Otherwise it is *aangemeld* and waits until the griffie of a current,
confirmed participant, the dossierhouder, the supervisor or an administrator confirms or
declines it ("Aanmeldingen" in the admin). Until it is confirmed and has started, a
participation gives no rights on the shared party; it is the municipality's own record
from the start (its paragraph lists it).
"""

from dataclasses import dataclass
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from partnerships.allocation import AllocationError, percentages_problem
from partnerships.choices import Confirmation, ContributionBasis, FiguresKind, KeyMethod
from partnerships.contributions import budget_allocation, member_key, participations_in
from partnerships.models import (
    AnnualFigures,
    Contribution,
    CostKey,
    CostKeyPercentage,
    ParagraphText,
    Participation,
    Party,
)
from partnerships.models.regions import Region, municipalities_outside
from registry import access, writes
from registry.models import RoleKind
from registry.workflow import StepRefused

GRIFFIE = RoleKind.GRIFFIE


# Parties.


def prepare_party(user, party: Party, changed) -> None:
    """A new party's dossierhouder is the griffie's own organisation when it has one."""
    if party.pk is None and party.maintainer_id is None:
        griffie = access.grants(user).orgs(GRIFFIE) - access.grants(user).imports_for
        if len(griffie) == 1:
            party.maintainer_id = next(iter(griffie))


def save_party(
    *, user, party: Party, changed=None, themes=None, validate=True, reason: str = ""
) -> Party:
    """Save the party through the write check; then its themes, when given."""
    writes.save(user=user, record=party, changed=changed, validate=validate, reason=reason)
    if themes is not None:
        party.themes.set(themes)
    return party


# Participations and their confirmation.


def may_confirm(user, participation: Participation) -> bool:
    """May `user` confirm (or decline) that this organisation takes part in this party?"""
    g = access.grants(user)
    if g.is_admin:
        return True
    province = participation.organisation.province_id if participation.organisation_id else None
    if access.supervises(user, province) or participation.organisation_id in g.imports_for:
        return True
    return participation.party_id in g.parties(GRIFFIE)


def _already_confirmed(participation: Participation, siblings=None) -> bool:
    """Does the organisation take part in the party already, confirmed (another period)?
    `siblings`: its other participations in the party, when the caller has them."""
    if siblings is None:
        siblings = Participation.objects.filter(
            party_id=participation.party_id, organisation_id=participation.organisation_id
        ).exclude(pk=participation.pk)
    return any(s.confirmation == Confirmation.CONFIRMED for s in siblings)


def confirmation_on_registering(user, participation: Participation, siblings=None) -> str:
    if may_confirm(user, participation) or _already_confirmed(participation, siblings):
        return Confirmation.CONFIRMED
    return Confirmation.PENDING


def prepare_participation(user, participation: Participation, changed) -> None:
    if participation.pk is None:
        participation.confirmation = confirmation_on_registering(user, participation)


def save_participation(
    *, user, participation: Participation, changed=None, validate=True, reason: str = ""
):
    return writes.save(
        user=user, record=participation, changed=changed, validate=validate, reason=reason
    )


def to_confirm(user) -> QuerySet[Participation]:
    """The registrations waiting for `user`'s confirmation."""
    g = access.grants(user)
    pending = Participation.objects.filter(confirmation=Confirmation.PENDING).select_related(
        "party", "organisation"
    )
    if not g.is_admin:
        supervised = Q(organisation__province_id__in=g.orgs(RoleKind.SUPERVISOR))
        pending = pending.filter(Q(party_id__in=g.parties(GRIFFIE)) | supervised)
    return pending.order_by("party__name", "organisation__name")


@transaction.atomic
def decide_confirmation(
    participation: Participation, *, by, confirm: bool, note: str = ""
) -> Participation:
    """Confirm or decline a registration; StepRefused (Dutch) when `by` may not, when it was
    decided already, or when declining without a reason."""
    participation = Participation.objects.select_for_update().get(pk=participation.pk)
    if participation.confirmation != Confirmation.PENDING:
        raise StepRefused(
            _("Deze aanmelding is al beoordeeld: %(state)s.")
            % {"state": participation.get_confirmation_display().lower()}
        )
    if not may_confirm(by, participation):
        raise StepRefused(
            _(
                "Alleen de griffie van een deelnemer, de dossierhouder of de toezichthouder "
                "van de provincie bevestigt een nieuwe deelnemer."
            )
        )
    if not confirm and not note.strip():
        raise StepRefused(_("Geef de reden waarom de aanmelding wordt afgewezen."))
    participation.confirmation = Confirmation.CONFIRMED if confirm else Confirmation.DECLINED
    participation.confirmation_note = note.strip()
    participation._history_user = by if getattr(by, "pk", None) else None
    participation._change_reason = _("Aanmelding bevestigd") if confirm else note.strip()
    participation.save(update_fields=["confirmation", "confirmation_note"])
    return participation


# Money.


@transaction.atomic
def store_budgeted_contributions(
    party: Party, year: int, *, user, leave_alone=None, reason: str = ""
) -> list[Contribution]:
    """Write the computed contribution for `year` of each participant that `user` keeps the
    money of (finance staff store their own organisation's; administrators all), in one
    transaction. AllocationError (Dutch problems) when the key cannot be applied.
    `leave_alone(contribution)`: True for a stored contribution not to overwrite (the demo
    loader's: one a user changed)."""
    participations = participations_in(party, year)
    allocation = budget_allocation(party, year, participations=participations)
    by_code = {s.member.key: s for s in allocation.shares}
    existing = {
        c.participation_id: c
        for c in Contribution.objects.filter(participation__in=participations, year=year)
    }
    stored = []
    for participation in participations:
        contribution = existing.get(participation.pk)
        if contribution is not None and leave_alone and leave_alone(contribution):
            continue
        contribution = contribution or Contribution(participation=participation, year=year)
        share = by_code[member_key(participation.organisation)]
        computed = (share.amount, ContributionBasis.COMPUTED, share.explanation[:300])
        before = (contribution.budgeted, contribution.basis, contribution.explanation)
        contribution.budgeted, contribution.basis, contribution.explanation = computed
        changed = {"budgeted", "basis", "explanation", "participation", "year"}
        if access.save_refusal(user, contribution, changed) is not None:
            continue
        if contribution.pk and before == computed:
            stored.append(contribution)  # as computed before: no new history
            continue
        stored.append(writes.save(user=user, record=contribution, changed=changed, reason=reason))
    return stored


@dataclass
class ContributionRunLine:
    """One budget of a contribution run: how many contributions were stored, or why not."""

    figures: AnnualFigures
    stored: int = 0
    problem: str = ""

    def __str__(self) -> str:
        where = f"{self.figures.party} {self.figures.year}"
        if self.problem:
            return f"{where}: {self.problem}"
        return ngettext(
            "%(where)s: %(count)d bijdrage berekend.",
            "%(where)s: %(count)d bijdragen berekend.",
            self.stored,
        ) % {"where": where, "count": self.stored}


@transaction.atomic
def run_contributions(*, user, figures: QuerySet, progress=None) -> list[ContributionRunLine]:
    """Store the computed contributions of each budget (or budget amendment) in `figures`
    (the admin action "Begrote bijdragen berekenen", in the request or in the worker:
    partnerships/tasks.py). One transaction: a budget whose key cannot be applied is left
    alone with its reason (its own savepoint), and a run that stops halfway stores nothing.
    `progress(done, total)` is told after each budget."""
    budgets = list(
        figures.filter(kind__in=[FiguresKind.BUDGET, FiguresKind.BUDGET_AMENDMENT])
        .select_related("party")
        .order_by("party__name", "year", "pk")
    )
    lines = []
    for done, budget in enumerate(budgets, start=1):
        try:
            stored = store_budgeted_contributions(budget.party, budget.year, user=user)
        except AllocationError as error:
            lines.append(ContributionRunLine(budget, problem=str(error)))
        else:
            lines.append(ContributionRunLine(budget, stored=len(stored)))
        if progress is not None:
            progress(done, len(budgets))
    return lines


def save_percentages(*, user, key: CostKey, percentages: dict[int, Decimal]) -> None:
    """Replace the fixed percentages of `key` (organisation id -> percentage) as one whole:
    they add up to 100, and only a key of fixed percentages has them (the rule the
    allocation applies, partnerships.allocation.percentages_problem)."""
    problem = percentages_refusal(key, list(percentages.values()))
    if problem:
        raise ValidationError(problem)
    with transaction.atomic():
        for row in key.percentages.exclude(organisation_id__in=percentages):
            writes.delete(user=user, record=row)
        current = {row.organisation_id: row for row in key.percentages.all()}
        for organisation_id, percentage in percentages.items():
            row = current.get(organisation_id) or CostKeyPercentage(
                key=key, organisation_id=organisation_id
            )
            row.percentage = percentage
            writes.save(user=user, record=row, changed={"percentage", "organisation", "key"})


def percentages_refusal(key: CostKey, percentages: list[Decimal]) -> str | None:
    if key.method != KeyMethod.FIXED_PERCENTAGES:
        if percentages:
            return _("Alleen een sleutel met vaste percentages heeft percentages per deelnemer.")
        return None
    return percentages_problem(sum(percentages, Decimal(0)))


# The paragraph's own texts.


def save_paragraph_text(*, user, organisation, year: int, vision: str, intentions: str):
    """The visie and beleidsvoornemens of `organisation`'s paragraph for `year` (BBV art. 15
    lid 1 onder a), created or replaced, by its finance staff or griffie."""
    text = ParagraphText.objects.filter(organisation=organisation, year=year).first()
    if text is None:
        text = ParagraphText(organisation=organisation, year=year)
    text.vision, text.intentions = vision.strip(), intentions.strip()
    changed = {"vision", "intentions"} | ({"organisation", "year"} if text.pk is None else set())
    return writes.save(user=user, record=text, changed=changed)


# Regions (issue 15): a supervisor's named set of municipalities of its province.


@transaction.atomic
def save_region(*, user, region: Region, changed=None, municipalities=None, validate=True):
    """Save `region` through the write check; `municipalities` (when given) must all be
    municipalities of the region's province."""
    writes.save(user=user, record=region, changed=changed, validate=validate)
    if municipalities is not None:
        outside = municipalities_outside(region.province_id, municipalities)
        if outside:
            raise ValidationError(
                {
                    "municipalities": _("Niet van de provincie %(province)s: %(names)s.")
                    % {"province": region.province.name, "names": ", ".join(outside)}
                }
            )
        region.municipalities.set(municipalities)
    return region


def register() -> None:
    writes.on_save(Party, prepare=prepare_party)
    writes.on_save(Participation, prepare=prepare_participation)
