"""The agenda page (inside the admin's login)."""

from django.contrib import admin
from django.urls import path

from evaluations.agenda.views import agenda_view

app_name = "agenda"

urlpatterns = [path("admin/agenda/", admin.site.admin_view(agenda_view), name="index")]
