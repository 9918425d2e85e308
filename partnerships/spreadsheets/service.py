"""The import: read the file, make the plan, and commit every row or none.

preview() writes nothing to the register; it keeps the file (an ImportRun in status
preview) so that confirm() can commit exactly what was shown. confirm() makes the plan again
inside one transaction and refuses when it differs from the preview (someone changed the
register in between), so a user never commits something other than what they saw.

A file naming a party the register does not hold, but close names of it, previews with
those candidates; choose() records the user's choice per name on the ImportRun and makes
the preview again with it, and confirm() commits with the same choices.
"""

import hashlib

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from partnerships.models.imports import ImportChannel, ImportRun, ImportStatus
from partnerships.spreadsheets import bulk_writes
from partnerships.spreadsheets.catalogue import KINDS
from partnerships.spreadsheets.files import read_table
from partnerships.spreadsheets.kinds import OrganisationFinder, SheetKind
from partnerships.spreadsheets.map_plan import make_map_plan
from partnerships.spreadsheets.overview_map import recognise
from partnerships.spreadsheets.plan import CHANGED, NEW, Plan, make_plan
from registry import access


class ImportRefused(Exception):
    """The import cannot go ahead; the message says why, in Dutch. Nothing was written."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


def check_may_import(user, kind: SheetKind) -> None:
    if not access.holds_role(access.for_import(user), *kind.roles):
        raise ImportRefused(
            _("U mag geen %(kind)s importeren.") % {"kind": str(kind.label).lower()}
        )


def plan_file(
    user, kind_name: str, data: bytes, progress=None, party_choices: dict | None = None
) -> Plan:
    """The plan of a file, a long list or (for a kind that reads them) an overview map;
    `party_choices`: name as written -> registry code, the user's choices among close names.
    Raises FileRefused (files.py) for a file that cannot be read."""
    kind = KINDS[kind_name]
    check_may_import(user, kind)
    table = read_table(data)
    acting = access.for_import(user)
    if kind.reads_overview_maps:
        organisations = OrganisationFinder()
        overview = recognise(table, organisations)
        if overview is not None:
            return make_map_plan(kind, overview, acting, organisations, progress, party_choices)
    return make_plan(kind, table, acting, progress, party_choices)


def preview(user, kind_name: str, data: bytes, file_name: str) -> tuple[Plan, ImportRun | None]:
    """The plan, and when it has something to commit or names parties to choose (also
    beside other errors, so the choice can be made while they are looked into) the
    ImportRun that keeps the file for choose() and confirm()."""
    plan = plan_file(user, kind_name, data)
    if not _worth_keeping(plan):
        return plan, None
    ImportRun.objects.filter(user=user, status=ImportStatus.PREVIEW).delete()
    run = _run(user, kind_name, data, file_name, plan, ImportStatus.PREVIEW, ImportChannel.ADMIN)
    return plan, run


def _worth_keeping(plan: Plan) -> bool:
    choosing = bool(plan.unknown_parties) and not plan.file_problems
    return (plan.ok and plan.changes_anything) or choosing


def hold(user, kind_name: str, data: bytes, file_name: str) -> ImportRun:
    """A file for a preview made in the background (partnerships/tasks.py): the ImportRun
    keeps it, without a plan yet; confirm() refuses it until preview_held() has made one."""
    check_may_import(user, KINDS[kind_name])
    ImportRun.objects.filter(user=user, status=ImportStatus.PREVIEW).delete()
    return ImportRun.objects.create(
        kind=kind_name,
        status=ImportStatus.PREVIEW,
        channel=ImportChannel.ADMIN,
        user=user,
        file_name=file_name[:255],
        file_size=len(data),
        file_sha256=hashlib.sha256(data).hexdigest(),
        content=data,
        plan_digest="",
    )


def preview_held(user, run: ImportRun, progress=None) -> tuple[Plan, ImportRun | None]:
    """The plan of a held file (with the parties chosen so far), as preview() makes it in the
    request: the run keeps its digest when it is worth confirming, else it is deleted."""
    if run.status != ImportStatus.PREVIEW or run.user_id != user.pk:
        raise ImportRefused(_("Deze voorvertoning is al doorgevoerd of niet van u."))
    try:
        plan = plan_file(user, run.kind, bytes(run.content), progress, run.party_choices)
    except Exception:
        run.delete()
        raise
    if not _worth_keeping(plan):
        run.delete()
        return plan, None
    counts = plan.counts
    run.plan_digest = plan.digest()
    run.rows, run.new, run.changed, run.unchanged = (
        len(plan.rows),
        counts[NEW],
        counts[CHANGED],
        counts["unchanged"],
    )
    run.save(update_fields=["plan_digest", "rows", "new", "changed", "unchanged"])
    return plan, run


def choose_later(user, run: ImportRun, party_choices: dict[str, str]) -> None:
    """The user's choices kept for a preview made again in the background: until it is
    made, the run has no plan to confirm."""
    if run.status != ImportStatus.PREVIEW or run.user_id != user.pk:
        raise ImportRefused(_("Deze voorvertoning is al doorgevoerd of niet van u."))
    run.party_choices = party_choices
    run.plan_digest = ""
    run.save(update_fields=["party_choices", "plan_digest"])


def choose(user, run: ImportRun, party_choices: dict[str, str]) -> Plan:
    """The preview again with the user's choice of party per unknown name; the run keeps
    the choices and the new plan's digest for confirm()."""
    if run.status != ImportStatus.PREVIEW or run.user_id != user.pk:
        raise ImportRefused(_("Deze voorvertoning is al doorgevoerd of niet van u."))
    plan = plan_file(user, run.kind, bytes(run.content), party_choices=party_choices)
    run.party_choices = party_choices
    run.plan_digest = plan.digest()
    run.save(update_fields=["party_choices", "plan_digest"])
    return plan


def confirm(user, run: ImportRun, progress=None, saving=None) -> Plan:
    """Commit the previewed file, if the plan is still what the user saw."""
    if run.status != ImportStatus.PREVIEW or run.user_id != user.pk:
        raise ImportRefused(_("Deze voorvertoning is al doorgevoerd of niet van u."))
    if not run.plan_digest:
        raise ImportRefused(
            _("De voorvertoning van dit bestand is nog niet klaar; bekijk haar eerst.")
        )
    return commit(
        user,
        run.kind,
        bytes(run.content),
        run.file_name,
        channel=ImportChannel.ADMIN,
        expected_digest=run.plan_digest,
        run=run,
        progress=progress,
        saving=saving,
        party_choices=run.party_choices,
    )


def commit(
    user,
    kind_name: str,
    data: bytes,
    file_name: str,
    *,
    channel: str,
    expected_digest: str | None = None,
    run: ImportRun | None = None,
    progress=None,
    saving=None,
    party_choices: dict[str, str] | None = None,
) -> Plan:
    """Every row or none: returns the plan; plan.ok is False (and nothing written) when any
    row has an error or names a party the user has not chosen. `user` None is an
    administrator on the server's command line. `progress(done, total)` follows the rows'
    checking, `saving()` is called when the writing starts."""
    try:
        with transaction.atomic():
            plan = plan_file(user, kind_name, data, progress, party_choices)
            if not plan.ok:
                return plan
            if expected_digest and plan.digest() != expected_digest:
                raise ImportRefused(
                    _(
                        "Het register is gewijzigd sinds de voorvertoning; bekijk de "
                        "voorvertoning opnieuw voordat u doorvoert."
                    )
                )
            if run is not None and not _still_a_preview(run):
                raise ImportRefused(_("Deze voorvertoning is al doorgevoerd."))
            if run is None:
                run = _run(user, kind_name, data, file_name, plan, ImportStatus.COMMITTED, channel)
                run.party_choices = party_choices or {}
            else:
                run.status = ImportStatus.COMMITTED
            run.committed_at = timezone.now()
            run.save()
            if saving:
                saving()
            _write(plan, run, user)
    except IntegrityError:
        raise ImportRefused(
            _(
                "Iemand anders legde tegelijk dezelfde gegevens vast; er is niets opgeslagen. "
                "Probeer het opnieuw."
            )
        ) from None
    return plan


def _still_a_preview(run: ImportRun) -> bool:
    """Locks the run, so that a double click on "Doorvoeren" commits once."""
    return (
        ImportRun.objects.select_for_update()
        .filter(pk=run.pk, status=ImportStatus.PREVIEW)
        .exists()
    )


def _run(user, kind_name, data, file_name, plan: Plan, status, channel) -> ImportRun:
    counts = plan.counts
    return ImportRun.objects.create(
        kind=kind_name,
        status=status,
        channel=channel,
        user=user if user is not None and user.pk else None,
        file_name=file_name[:255],
        file_size=len(data),
        file_sha256=hashlib.sha256(data).hexdigest(),
        content=data,
        plan_digest=plan.digest(),
        rows=len(plan.rows),
        new=counts[NEW],
        changed=counts[CHANGED],
        unchanged=counts["unchanged"],
    )


def _write(plan: Plan, run: ImportRun, user) -> None:
    model = plan.kind.model
    new = [row for row in plan.rows if row.status == NEW]
    changed = [row for row in plan.rows if row.status == CHANGED]
    many_to_many = {f.name for f in model._meta.many_to_many}
    fields = sorted(set().union(*(row.changed_fields for row in changed)) - many_to_many)
    bulk_writes.write(
        model,
        [row.instance for row in new],
        [row.instance for row in changed],
        fields,
        [(row.instance, row.many_to_many) for row in new + changed if row.many_to_many],
        user=run.user,
        reason=run.change_reason,
    )
