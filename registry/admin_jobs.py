"""The user's own background jobs (registry/jobs.py) in the admin: read only, each linking to
its page (progress, outcome, file). Nobody sees another user's jobs (access.own_jobs)."""

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from registry import access
from registry.admin_base import ReadOnlyAdmin
from registry.models import BackgroundJob


@admin.register(BackgroundJob)
class BackgroundJobAdmin(ReadOnlyAdmin):
    list_display = ("job_link", "status", "created_at", "finished_at", "message")
    list_filter = ("status",)
    list_display_links = None

    def get_queryset(self, request):
        jobs = super().get_queryset(request).defer("file_content", "result")
        return access.own_jobs(request.user, jobs)

    @admin.display(description=_("taak"), ordering="title")
    def job_link(self, job):
        return format_html('<a href="{}">{}</a>', reverse("job", args=[job.pk]), job.title)

    def change_view(self, request, object_id, form_url="", extra_context=None):
        job = self.get_object(request, object_id)
        if job is None:
            return self._get_obj_does_not_exist_redirect(request, self.opts, object_id)
        return redirect("job", job.pk)

    def has_module_permission(self, request):
        return access.is_registry_user(request.user)

    def has_view_permission(self, request, obj=None):
        return access.is_registry_user(request.user)
