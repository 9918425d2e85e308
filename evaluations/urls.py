"""Pages of the evaluations app beside its model admins (inside the admin's login)."""

from django.contrib import admin
from django.urls import path

from evaluations.views import comparison_view

app_name = "evaluations"

urlpatterns = [
    path(
        "admin/evaluaties/vergelijking/<int:party_id>/",
        admin.site.admin_view(comparison_view),
        name="comparison",
    ),
]
