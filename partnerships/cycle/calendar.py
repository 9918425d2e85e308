"""The budget-cycle calendar: which parties have one, its documents per budget year, and each
document's deadline under the rule set in force.

Deadlines are kept as the last allowed day ("uiterlijk") for *sending* the document (the Wgr:
"zendt … vóór"; queries.with_state judges the sent date, or the received date when no sent
date is known): "vóór 30 april" is 29 April, "binnen 12 weken na ontvangst" the day 12 weeks
after. Wgr art. 34, 34b and 35 (the terms since and before 1 July 2022; the texts of these
articles were not confirmed here, art. 58 was), art. 35 lid 5: begrotingswijzigingen follow
the procedure of the ontwerpbegroting.

Which rule set: the one in force while the term runs. A term starts on 1 January of the year
the document is due in (Y-1 for the kaderbrief and the begroting of budget year Y, Y+1 for its
jaarrekening, Y for a begrotingswijziging), or on receipt for a zienswijze; when a later rule
set comes into force before the term has ended, the term follows the later one. So the
begroting 2023 to GS, whose old term (vóór 1 augustus 2022) was still running on 1 July 2022,
gets the new one: vóór 15 september 2022; the kaderbrief 2023 (vóór 15 april 2022) keeps the
old one. (The transitional provisions of the amending act were not read; this follows the
common rule that a new term applies to a term still running.)

The Algemene termijnenwet (cycle.holidays), per rule set: a term "binnen … weken na" that ends
on a Saturday, Sunday or recognised holiday runs until the next working day (setting
`atw_after_event`, on by default: Atw art. 1 lid 1); a term "vóór [datum]" likewise when
`atw_before_date` is on (on by default: the Atw speaks of any term set by law that ends on such
a day; whether a fixed date is such a term is a legal judgement, so it can be switched off);
a term counted back from an event ("12 weken vóór de vergadering van het AB") never (art. 1
lid 2).
"""

import datetime
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _

from partnerships.choices import LegalForm
from partnerships.cycle import holidays
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
# The documents every budget year has (ensure_cycle); begrotingswijzigingen come as they come.
YEARLY_KINDS = tuple(k for k in DocumentKind.values if k != DocumentKind.BUDGET_AMENDMENT)
DUE_IN_YEAR_AFTER = {DocumentKind.PROVISIONAL_ACCOUNTS, DocumentKind.ACCOUNTS_TO_PROVINCE}
DUE_IN_BUDGET_YEAR = {DocumentKind.BUDGET_AMENDMENT}
ONE_DAY = datetime.timedelta(days=1)


def due_year(kind: str, year: int) -> int:
    if kind in DUE_IN_BUDGET_YEAR:
        return year
    return year + 1 if kind in DUE_IN_YEAR_AFTER else year - 1


@dataclass(frozen=True)
class Deadline:
    last_day: datetime.date | None
    rule: str


def _weeks_after(day: datetime.date, weeks: int) -> datetime.date:
    return day + datetime.timedelta(weeks=weeks)


def _extended(day: datetime.date, apply: bool) -> tuple[datetime.date, str]:
    """The last day after the Algemene termijnenwet, and a note when it moved."""
    if not apply:
        return day, ""
    moved = holidays.extended(day)
    if moved == day:
        return day, ""
    return moved, _(" (valt op een zaterdag, zondag of feestdag: tot en met %(day)s, Atw)") % {
        "day": formatting.date(moved)
    }


def _before(rules: RuleSet, name: str, year: int) -> tuple[datetime.date, str]:
    day = rules.before(name, year)
    last, note = _extended(day - ONE_DAY, rules.atw_before_date)
    return last, _("vóór %(day)s") % {"day": formatting.date(day)} + note


def _after(rules: RuleSet, day: datetime.date, weeks: int) -> tuple[datetime.date, str]:
    return _extended(_weeks_after(day, weeks), rules.atw_after_event)


def _to_supervisor(rules: RuleSet, document, weeks: int, name: str, year: int) -> Deadline:
    last, text = _before(rules, name, year)
    rule = _("binnen %(weeks)s weken na vaststelling en %(before)s") % {
        "weeks": weeks,
        "before": text,
    }
    if document.adopted_on:
        after, note = _after(rules, document.adopted_on, weeks)
        if after < last:
            last, rule = after, rule + note
    return Deadline(last, rule)


def _before_the_board(rules: RuleSet, document) -> Deadline:
    """Counted back from the AB's meeting: never extended (Atw art. 1 lid 2)."""
    rule = _("%(weeks)s weken vóór de vergadering van het algemeen bestuur") % {
        "weeks": rules.draft_weeks_before_board
    }
    if document.kind == DocumentKind.BUDGET_AMENDMENT:
        rule += _(" (begrotingswijziging, Wgr art. 35)")
    if document.board_meeting_on is None:
        return Deadline(None, rule + _(" (datum van de vergadering onbekend)"))
    last = document.board_meeting_on - datetime.timedelta(weeks=rules.draft_weeks_before_board)
    if not holidays.is_working_day(last):
        rule += _("; terugrekening, niet verlengd (Atw art. 1 lid 2)")
    return Deadline(last, rule)


def deadline(document: CycleDocument, rules: RuleSet | None) -> Deadline:
    """The deadline of `document` under one rule set."""
    if rules is None:
        return Deadline(None, _("Geen termijnen vastgelegd voor dit jaar."))
    year, kind = document.year, document.kind
    if kind == DocumentKind.FRAMEWORK:
        return Deadline(*_before(rules, "framework_before", year - 1))
    if kind in (DocumentKind.DRAFT_BUDGET, DocumentKind.BUDGET_AMENDMENT):
        return _before_the_board(rules, document)
    if kind == DocumentKind.BUDGET_TO_PROVINCE:
        return _to_supervisor(
            rules, document, rules.budget_to_province_weeks, "budget_to_province_before", year - 1
        )
    if kind == DocumentKind.PROVISIONAL_ACCOUNTS:
        return Deadline(*_before(rules, "provisional_accounts_before", year + 1))
    return _to_supervisor(
        rules,
        document,
        rules.accounts_to_province_weeks,
        "accounts_to_province_before",
        year + 1,
    )


def while_running(
    start: datetime.date,
    end_under: Callable[[RuleSet], datetime.date | None],
    rule_sets: list[RuleSet],
) -> RuleSet | None:
    """The rule set a term that starts on `start` follows: the one in force then, or a later
    one that came into force before the term (as the earlier set counts it) had ended.
    `end_under(rules)` is the term's last day under a rule set (None: unknown)."""
    ordered = sorted(rule_sets, key=lambda r: r.valid_from or datetime.date.min)
    rules = next((r for r in ordered if r.in_force_on(start)), None)
    while rules is not None:
        end = end_under(rules) or start
        since = rules.valid_from or datetime.date.min
        later = next((r for r in ordered if r.valid_from and since < r.valid_from <= end), None)
        if later is None:
            return rules
        later_end = end_under(later)
        if later_end is not None and later_end < later.valid_from:
            return rules  # under the later terms it had run out before they came in force
        rules = later
    return None


def rule_set_for(document: CycleDocument, rule_sets: list[RuleSet]) -> RuleSet | None:
    start = datetime.date(due_year(document.kind, document.year), 1, 1)
    return while_running(start, lambda rules: deadline(document, rules).last_day, rule_sets)


def zienswijze_deadline(document: CycleDocument, rule_sets: list[RuleSet]) -> datetime.date | None:
    """Councils may send a zienswijze within n weeks of receiving the draft (Wgr art. 35)."""
    if document.received_on is None:
        return None

    def end_under(rules: RuleSet) -> datetime.date:
        return _after(rules, document.received_on, rules.zienswijze_weeks)[0]

    rules = while_running(document.received_on, end_under, rule_sets)
    return None if rules is None else end_under(rules)


def apply_deadline(document: CycleDocument, rule_sets: list[RuleSet] | None = None) -> None:
    """Set `due_on` and `due_rule` of an (unsaved or changed) document."""
    if rule_sets is None:
        rule_sets = list(RuleSet.objects.all())
    found = deadline(document, rule_set_for(document, rule_sets))
    document.due_on, document.due_rule = found.last_day, found.rule


def has_cycle(party: Party) -> bool:
    return party.legal_form in CYCLE_LEGAL_FORMS
