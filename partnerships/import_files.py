"""The file an import keeps (ImportRun.content): its download, for the user who ran the
import and administrators (access.own_import_runs), and its retention."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.http import Http404, HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.views.decorators.http import require_safe

from partnerships.models import ImportRun
from partnerships.models.imports import ImportStatus
from registry import access, audit
from registry.downloads import harden
from registry.files import kind_of
from registry.models import AuditAction

PREVIEW_LIFETIME = datetime.timedelta(days=1)  # a preview not confirmed within a day is stale


@require_safe
@login_required
def import_file_view(request, run_id: int):
    runs = ImportRun.objects.filter(pk=run_id, content_removed_at__isnull=True)
    run = access.own_import_runs(request.user, runs).first()
    if run is None or not run.content:
        raise Http404
    kind = kind_of(run.file_name)
    response = HttpResponse(
        bytes(run.content),
        content_type=kind.content_type if kind else "application/octet-stream",
    )
    response["Content-Disposition"] = content_disposition_header(True, run.file_name)
    audit.record(
        action=AuditAction.FILE_DOWNLOADED,
        request=request,
        target=run.file_name,
        detail={"bij": str(run), "id": run.pk},
    )
    return harden(response)


@dataclass(frozen=True)
class Pruned:
    emptied: int  # committed imports whose file was removed
    previews: int  # stale previews deleted


def prune(*, dry_run: bool = False, now: datetime.datetime | None = None) -> Pruned:
    """Empty the file of every committed import older than IMPORT_FILE_RETENTION_DAYS (the
    record, its size and SHA-256 stay) and delete previews older than a day."""
    now = now or timezone.now()
    retention = datetime.timedelta(days=settings.IMPORT_FILE_RETENTION_DAYS)
    expired = ImportRun.objects.filter(
        status=ImportStatus.COMMITTED,
        committed_at__lt=now - retention,
        content_removed_at__isnull=True,
    )
    stale = ImportRun.objects.filter(
        status=ImportStatus.PREVIEW, created_at__lt=now - PREVIEW_LIFETIME
    ).only("pk")
    if dry_run:
        return Pruned(expired.count(), stale.count())
    with transaction.atomic():
        emptied = expired.update(content=b"", content_removed_at=now)
        previews = stale.delete()[0]
    return Pruned(emptied, previews)
