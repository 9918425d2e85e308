"""Pages of the partnerships app beside its model admins (all inside the admin's login)."""

from django.contrib import admin
from django.urls import path

from partnerships.confirmation_views import confirmations_view
from partnerships.import_files import import_file_view
from partnerships.overview.network_views import network_view
from partnerships.overview.views import comparison_view, overview_map_view
from partnerships.spreadsheet_views import (
    choose_view,
    confirm_view,
    export_view,
    job_preview_view,
    spreadsheets_view,
    template_view,
)
from partnerships.views import (
    exit_what_if_view,
    paragraph_batch_view,
    paragraph_view,
    wgr_compliance_view,
)

app_name = "partnerships"
staff = admin.site.admin_view

urlpatterns = [
    path("admin/paragraaf/", staff(paragraph_view), name="paragraph"),
    path("admin/paragraaf/alle/", staff(paragraph_batch_view), name="paragraph_batch"),
    path(
        "admin/uittreding/<int:participation_id>/",
        staff(exit_what_if_view),
        name="exit_what_if",
    ),
    path("admin/aanmeldingen/", staff(confirmations_view), name="confirmations"),
    path("admin/wgr-bepalingen/", staff(wgr_compliance_view), name="wgr_compliance"),
    path(
        "admin/overzichtskaart/<int:province_id>/",
        staff(overview_map_view),
        name="overview_map",
    ),
    path(
        "admin/gemeenten-vergeleken/<int:province_id>/",
        staff(comparison_view),
        name="overview_comparison",
    ),
    path("admin/netwerk/", staff(network_view), name="overview_network"),
    path("admin/spreadsheets/", staff(spreadsheets_view), name="spreadsheets"),
    path(
        "admin/spreadsheets/doorvoeren/<int:run_id>/",
        staff(confirm_view),
        name="spreadsheet_confirm",
    ),
    path(
        "admin/spreadsheets/kiezen/<int:run_id>/",
        staff(choose_view),
        name="spreadsheet_choose",
    ),
    path(
        "admin/spreadsheets/taak/<int:job_id>/",
        staff(job_preview_view),
        name="spreadsheet_job_preview",
    ),
    path(
        "admin/spreadsheets/<str:kind>/sjabloon/",
        staff(template_view),
        name="spreadsheet_template",
    ),
    path(
        "admin/spreadsheets/<str:kind>/export.<str:file_format>",
        staff(export_view),
        name="spreadsheet_export",
    ),
    path("bestanden/import/<int:run_id>/", import_file_view, name="import_file"),
]
