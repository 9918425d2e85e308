"""The preview of an overview map (overview_map.py): the same plan rows a long list makes,
one per arrangement × municipality with a mark, judged by the participations kind and the
one write check like every other row (plan.judge).

Per arrangement, the party is found once (registry code, KvK, exact name, or the user's
choice among close names). A name the register does not hold gives one row "onbekende
partij" with its candidates, and its marks wait for that choice. A municipality column
without a mark where the register holds a running participation gives a row "niet meer op
de kaart": nothing is ended, since the map gives no date of leaving (README "Spreadsheets in
and out"); only for organisations the user may read, so the preview is no oracle.
"""

from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships.choices import LegalForm
from partnerships.spreadsheets.files import column_letter
from partnerships.spreadsheets.kinds import Context, PartyUnknown, RowRefused, SheetKind
from partnerships.spreadsheets.overview_map import OverviewMap
from partnerships.spreadsheets.plan import (
    ERROR,
    NO_ACCESS,
    NOT_ON_MAP,
    UNCHANGED,
    UNKNOWN_PARTY,
    Plan,
    Problem,
    RowOutcome,
    judge,
)
from registry import access


def make_map_plan(
    kind: SheetKind,
    overview: OverviewMap,
    acting,
    organisations,
    progress=None,
    party_choices: dict[str, str] | None = None,
) -> Plan:
    plan = Plan(kind, notices=list(overview.notices), file_problems=list(overview.problems))
    if plan.file_problems:
        return plan
    context = Context(acting=acting, party_choices=party_choices or {})
    context.lookups["organisations"] = organisations
    kind.prepare(
        [{"organisation": c.organisation.cbs_code} for c in overview.municipalities], context
    )
    grants = access.grants(acting)
    readable = {
        c.index
        for c in overview.municipalities
        if grants.is_admin or c.organisation.pk in grants.readable
    }
    seen: dict[tuple, int] = {}
    for done, arrangement in enumerate(overview.arrangements, start=1):
        plan.rows.extend(_arrangement_rows(kind, overview, arrangement, context, seen, readable))
        if progress:
            progress(done, len(overview.arrangements))
    plan.notices += context.lookups.get("form_notices", [])
    return plan


def _arrangement_rows(kind, overview, arrangement, context, seen, readable) -> list[RowOutcome]:
    name_letter = column_letter(overview.name_index)
    reference = {"party_name": arrangement.name, "legal_form": arrangement.legal_form}
    try:
        party = context.lookups["parties"].find(reference)
    except PartyUnknown as unknown:
        marks = len(arrangement.marks)
        outcome = RowOutcome(
            arrangement.row,
            UNKNOWN_PARTY,
            record=arrangement.name,
            column=name_letter,
            party_written=unknown.name,
            candidates=unknown.candidates,
            note=_("%(count)d markeringen wachten op deze keuze") % {"count": marks},
        )
        outcome.problems.append(_problem(outcome, overview.name_header, arrangement.name, unknown))
        return [outcome]
    except RowRefused as refused:
        outcome = RowOutcome(arrangement.row, ERROR, record=arrangement.name, column=name_letter)
        outcome.problems.append(_problem(outcome, overview.name_header, arrangement.name, refused))
        return [outcome]
    rows = [_bad_cell(overview, arrangement, *bad) for bad in arrangement.bad_cells]
    running = _running(context, party)
    for column in overview.municipalities:
        if column.index in arrangement.marks:
            rows.append(_marked(kind, overview, arrangement, column, context, seen))
        elif column.index in readable and (column.organisation.pk in running):
            participation = running[column.organisation.pk]
            rows.append(
                RowOutcome(
                    arrangement.row,
                    NOT_ON_MAP,
                    record=str(participation),
                    column=column.letter,
                    note=_(
                        "het register kent deze deelname als lopend; de kaart heeft geen "
                        "markering. Er wordt niets beëindigd: beëindig de deelname in het "
                        "register als zij is geëindigd."
                    ),
                )
            )
    if arrangement.legal_form and party.legal_form != arrangement.legal_form:
        context.lookups.setdefault("form_notices", []).append(
            _(
                "Rij %(row)d “%(name)s”: de kaart zegt “%(code)s” (%(map)s), het register "
                "%(register)s; de rechtsvorm wordt niet gewijzigd."
            )
            % {
                "row": arrangement.row,
                "name": arrangement.name,
                "code": arrangement.code,
                "map": LegalForm(arrangement.legal_form).label,
                "register": party.get_legal_form_display(),
            }
        )
    return rows


def _running(context, party) -> dict:
    """The participations in `party` that still run, by organisation."""
    today = timezone.localdate()
    running = {}
    for (organisation_id, party_id), participations in context.lookups["existing"].items():
        if party_id != party.pk:
            continue
        for participation in participations:
            if participation.end_date is None or participation.end_date >= today:
                running.setdefault(organisation_id, participation)
    return running


def _marked(kind, overview, arrangement, column, context, seen) -> RowOutcome:
    outcome = RowOutcome(arrangement.row, UNCHANGED, column=column.letter)
    outcome.values = {
        "organisation": column.organisation.cbs_code,
        "party_name": arrangement.name,
        "legal_form": arrangement.legal_form,
        "participates": True,
        "on_map": True,
    }
    outcome.raw = {"organisation": column.header, "party_name": arrangement.name}
    letters = {
        "organisation": column.letter,
        "party_name": column_letter(overview.name_index),
        "participates": column.letter,
    }
    headers = {
        "organisation": column.header,
        "participates": column.header,
        "party_name": overview.name_header,
    }
    judge(kind, outcome, context, seen, letters, headers)
    if outcome.problems and outcome.status not in (NO_ACCESS, UNKNOWN_PARTY):
        outcome.status = ERROR
    if arrangement.marks[column.index] and outcome.status not in (NO_ACCESS, ERROR):
        outcome.note = "; ".join(filter(None, (_("Nieuw op de kaart"), outcome.note)))
    return outcome


def _bad_cell(overview, arrangement, index, raw, message) -> RowOutcome:
    column = next(c for c in overview.municipalities if c.index == index)
    outcome = RowOutcome(arrangement.row, ERROR, record=arrangement.name, column=column.letter)
    found = "" if raw in (None, "") else str(raw)
    outcome.problems.append(Problem(arrangement.row, column.letter, column.header, found, message))
    return outcome


def _problem(outcome, header, name, refused) -> Problem:
    return Problem(outcome.row, outcome.column, header, name, refused.message)
