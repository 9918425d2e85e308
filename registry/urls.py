"""The site's routes: each app's own, included here (this module imports no app).

"/" leads to the admin until the public site takes its place (the admin's "Website
bekijken" links to "/"); it redirects once, to a page that does not redirect back."""

from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from registry.admin_site import password_reset_urls
from registry.downloads import protected_file_view

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="admin:index", permanent=False)),
    path("admin/wachtwoord-vergeten/", include(password_reset_urls())),
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
