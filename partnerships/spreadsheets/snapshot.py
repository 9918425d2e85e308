"""What the preview page shows of a plan, as plain values: the same page is rendered from it
whether the plan was made in the request or by the worker (which keeps it on its job,
registry/jobs.py). Everything a user reads is in it, no more: the counts are whole, the
problems and the rows that change are cut at SHOWN_ROWS."""

from partnerships.spreadsheets.plan import CHANGED, NEW, NOT_ON_MAP, SKIPPED, UNCHANGED, Plan

SHOWN_ROWS = 500  # the preview lists this many problems and changed rows; the counts are whole
SHOWN_STATUSES = (NEW, CHANGED, UNCHANGED, SKIPPED, NOT_ON_MAP)


def snapshot(plan: Plan) -> dict:
    problems = plan.problems
    shown_rows = [row for row in plan.rows if row.status in SHOWN_STATUSES]
    return {
        "kind": plan.kind.name,
        "kind_label": str(plan.kind.label),
        "summary": plan.summary(),
        "ok": plan.ok,
        "awaits_choices": plan.awaits_choices,
        "changes_anything": plan.changes_anything,
        "counts": plan.counts,
        "rows": len(plan.rows),
        "file_problems": [str(problem) for problem in plan.file_problems],
        "notices": [str(notice) for notice in plan.notices],
        "problems": [
            {
                "row": p.row,
                "column": p.column,
                "header": p.header,
                "value": p.value,
                "message": str(p.message),
            }
            for p in problems[:SHOWN_ROWS]
        ],
        "more_problems": max(0, len(problems) - SHOWN_ROWS),
        "changed_rows": [
            {
                "row": row.row,
                "column": row.column,
                "status_label": str(row.status_label),
                "record": str(row.record),
                "note": str(row.note),
                "changes": [
                    {"label": str(c.label), "old": str(c.old), "new": str(c.new)}
                    for c in row.changes
                ],
            }
            for row in shown_rows[:SHOWN_ROWS]
        ],
        "more_rows": max(0, len(shown_rows) - SHOWN_ROWS),
        "unknown_parties": [
            {
                "row": row.row,
                "party_written": row.party_written,
                "candidates": [{"code": p.code, "name": p.name} for p in row.candidates],
            }
            for row in plan.unknown_parties
        ],
    }
