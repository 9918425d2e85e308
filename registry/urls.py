from django.contrib import admin
from django.urls import path
from django.views.generic import RedirectView

from evaluations.agenda.views import agenda_view
from evaluations.views import comparison_view
from partnerships.import_files import import_file_view
from partnerships.spreadsheet_views import (
    confirm_view,
    export_view,
    spreadsheets_view,
    template_view,
)
from partnerships.views import exit_what_if_view, paragraph_view
from registry.downloads import protected_file_view

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("admin/paragraaf/", admin.site.admin_view(paragraph_view), name="paragraph"),
    path(
        "admin/uittreding/<int:participation_id>/",
        admin.site.admin_view(exit_what_if_view),
        name="exit_what_if",
    ),
    path(
        "admin/evaluaties/vergelijking/<int:party_id>/",
        admin.site.admin_view(comparison_view),
        name="evaluation_comparison",
    ),
    path("admin/agenda/", admin.site.admin_view(agenda_view), name="agenda"),
    path("admin/spreadsheets/", admin.site.admin_view(spreadsheets_view), name="spreadsheets"),
    path(
        "admin/spreadsheets/doorvoeren/<int:run_id>/",
        admin.site.admin_view(confirm_view),
        name="spreadsheet_confirm",
    ),
    path(
        "admin/spreadsheets/<str:kind>/sjabloon/",
        admin.site.admin_view(template_view),
        name="spreadsheet_template",
    ),
    path(
        "admin/spreadsheets/<str:kind>/export.<str:file_format>",
        admin.site.admin_view(export_view),
        name="spreadsheet_export",
    ),
    path(
        "bestanden/<str:app_label>/<str:model_name>/<int:pk>/<str:field_name>/",
        protected_file_view,
        name="protected_file",
    ),
    path("bestanden/import/<int:run_id>/", import_file_view, name="import_file"),
    path("admin/", admin.site.urls),
]
