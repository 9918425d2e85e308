"""The budget-cycle calendar: which parties have one, its documents per budget year, and each
document's deadline under the rule set in force.

Deadlines are kept as the last allowed day ("uiterlijk"): "vóór 30 april" is 29 April, "binnen
12 weken na ontvangst" is the day 12 weeks after. A document follows the rule set in force on
1 January of the year it is due in (Y-1 for the kaderbrief and the begroting of budget year Y,
Y+1 for its jaarrekening): the cycle of budget year 2023, begun before the amendment of 1 July
2022, keeps the old terms; the jaarrekening 2022, due in 2023, gets the new ones.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from partnerships.choices import LegalForm
from partnerships.cycle.choices import DocumentKind
from partnerships.cycle.models import CycleDocument, RuleSet
from partnerships.models import Party
from registry import formatting

# Wgr forms with an own begroting and jaarrekening (art. 34-35; art. 50 for the orgaan).
CYCLE_LEGAL_FORMS = (
    LegalForm.PUBLIC_BODY,
    LegalForm.OPERATIONAL_ORGANISATION,
    LegalForm.JOINT_BODY,
)
DUE_IN_YEAR_AFTER = {DocumentKind.PROVISIONAL_ACCOUNTS, DocumentKind.ACCOUNTS_TO_PROVINCE}
ONE_DAY = datetime.timedelta(days=1)


def due_year(kind: str, year: int) -> int:
    return year + 1 if kind in DUE_IN_YEAR_AFTER else year - 1


def rule_set_for(kind: str, year: int, rule_sets: list[RuleSet]) -> RuleSet | None:
    day = datetime.date(due_year(kind, year), 1, 1)
    return next((rules for rules in rule_sets if rules.in_force_on(day)), None)


@dataclass(frozen=True)
class Deadline:
    last_day: datetime.date | None
    rule: str


def _weeks_after(day: datetime.date, weeks: int) -> datetime.date:
    return day + datetime.timedelta(weeks=weeks)


def _before(rules: RuleSet, name: str, year: int) -> tuple[datetime.date, str]:
    day = rules.before(name, year)
    return day - ONE_DAY, _("vóór %(day)s") % {"day": formatting.date(day)}


def _to_province(rules: RuleSet, document, weeks: int, name: str, year: int) -> Deadline:
    last, text = _before(rules, name, year)
    rule = _("binnen %(weeks)s weken na vaststelling en %(before)s") % {
        "weeks": weeks,
        "before": text,
    }
    if document.adopted_on:
        last = min(last, _weeks_after(document.adopted_on, weeks))
    return Deadline(last, rule)


def deadline(document: CycleDocument, rules: RuleSet | None) -> Deadline:
    if rules is None:
        return Deadline(None, _("Geen termijnen vastgelegd voor dit jaar."))
    year, kind = document.year, document.kind
    if kind == DocumentKind.FRAMEWORK:
        return Deadline(*_before(rules, "framework_before", year - 1))
    if kind == DocumentKind.DRAFT_BUDGET:
        rule = _("%(weeks)s weken vóór de vergadering van het algemeen bestuur") % {
            "weeks": rules.draft_weeks_before_board
        }
        if document.board_meeting_on is None:
            return Deadline(None, rule + _(" (datum van de vergadering onbekend)"))
        weeks = datetime.timedelta(weeks=rules.draft_weeks_before_board)
        return Deadline(document.board_meeting_on - weeks, rule)
    if kind == DocumentKind.BUDGET_TO_PROVINCE:
        return _to_province(
            rules, document, rules.budget_to_province_weeks, "budget_to_province_before", year - 1
        )
    if kind == DocumentKind.PROVISIONAL_ACCOUNTS:
        return Deadline(*_before(rules, "provisional_accounts_before", year + 1))
    return _to_province(
        rules,
        document,
        rules.accounts_to_province_weeks,
        "accounts_to_province_before",
        year + 1,
    )


def zienswijze_deadline(document: CycleDocument, rules: RuleSet | None) -> datetime.date | None:
    """Councils may send a zienswijze within n weeks of receiving the draft budget."""
    if rules is None or document.received_on is None:
        return None
    return _weeks_after(document.received_on, rules.zienswijze_weeks)


def apply_deadline(document: CycleDocument, rule_sets: list[RuleSet] | None = None) -> None:
    """Set `due_on` and `due_rule` of an (unsaved or changed) document."""
    if rule_sets is None:
        rule_sets = list(RuleSet.objects.all())
    found = deadline(document, rule_set_for(document.kind, document.year, rule_sets))
    document.due_on, document.due_rule = found.last_day, found.rule


def has_cycle(party: Party) -> bool:
    return party.legal_form in CYCLE_LEGAL_FORMS
