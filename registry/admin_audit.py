"""The audit trail in the admin (issue 17, point 6): read by administrators only, never
added to, changed or deleted here (prune_audit_events is the one way out), and exported as
CSV, streamed, the export itself an event of the trail."""

import csv

from django.contrib import admin
from django.http import StreamingHttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from registry import audit
from registry.admin_base import ReadOnlyAdmin
from registry.models import AuditAction, AuditEvent

CSV_HEADER = ["tijdstip", "gebeurtenis", "gebruikersnaam", "adres", "waarover", "details"]
CSV_BATCH = 2000


class _Line:
    """A file-like that hands back what csv.writer writes to it."""

    def write(self, value):
        return value


def csv_lines(events):
    writer = csv.writer(_Line(), delimiter=";")
    yield "\ufeff" + writer.writerow(CSV_HEADER)  # the BOM: Excel reads it as UTF-8
    for event in events.iterator(chunk_size=CSV_BATCH):
        yield writer.writerow(
            [
                timezone.localtime(event.at).strftime("%d-%m-%Y %H:%M:%S"),
                event.get_action_display(),
                event.username,
                event.address or "",
                event.target,
                "; ".join(f"{key}: {value}" for key, value in event.detail.items()),
            ]
        )


def _administrator(request) -> bool:
    return request.user.is_active and request.user.is_superuser


@admin.register(AuditEvent)
class AuditEventAdmin(ReadOnlyAdmin):
    list_display = ("at", "action", "username", "address", "target")
    # "user": the accounts (a bounded list); a name typed at a failed sign-in: the search
    list_filter = ("action", ("at", admin.DateFieldListFilter), "user")
    search_fields = ("username", "target")
    date_hierarchy = "at"
    fields = ("at", "action", "user", "username", "address", "target", "detail")
    readonly_fields = fields
    actions = ("export_csv",)
    list_per_page = 100
    show_full_result_count = False

    def has_module_permission(self, request):
        return _administrator(request)

    def has_view_permission(self, request, obj=None):
        return _administrator(request)

    @admin.action(description=_("Geselecteerde gebeurtenissen exporteren (CSV)"))
    def export_csv(self, request, queryset):
        audit.record(
            action=AuditAction.EXPORT_DOWNLOADED,
            request=request,
            target="auditlog.csv",
            detail={"gebeurtenissen": queryset.count()},
        )
        response = StreamingHttpResponse(
            csv_lines(queryset.order_by("at", "pk")), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = 'attachment; filename="auditlog.csv"'
        return response
