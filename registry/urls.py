"""The routes: the public pages at the root, the checked file downloads, the API, each app's own
pages, the password reset, the second factor, the single sign-on and the admin, included
here (this module imports no app)."""

from django.contrib import admin
from django.urls import include, path

from registry.admin_site import password_reset_urls
from registry.downloads import protected_file_view
from registry.job_views import job_file_view, job_state_view, job_view
from registry.signin import views as signin_views

urlpatterns = [
    path("", include("public.urls")),
    path("api/v1/", include("partnerships.api.urls")),
    path("admin/wachtwoord-vergeten/", include(password_reset_urls())),
    path("admin/tweede-stap/", signin_views.second_factor, name="second_factor"),
    path(
        "admin/tweede-stap/instellen/",
        signin_views.second_factor_setup,
        name="second_factor_setup",
    ),
    path("admin/tweede-stap/qr.svg", signin_views.second_factor_qr, name="second_factor_qr"),
    path("admin/taken/<int:job_id>/", job_view, name="job"),
    path("admin/taken/<int:job_id>/stand/", job_state_view, name="job_state"),
    path("admin/taken/<int:job_id>/bestand/", job_file_view, name="job_file"),
    path("oidc/", include("registry.sso.urls")),  # single sign-on (registry/sso/)
    path(
        "bestanden/<str:app_label>/<str:model_name>/<int:pk>/<str:field_name>/",
        protected_file_view,
        name="protected_file",
    ),
    path("", include("partnerships.urls")),
    path("", include("evaluations.urls")),
    path("", include("evaluations.agenda.urls")),
    path("admin/", admin.site.urls),
]
