"""/oidc/start/ (the login page's button) and /oidc/callback/ (the redirect URI)."""

from django.urls import path

from registry.sso.views import CallbackView, StartView

urlpatterns = [
    path("start/", StartView.as_view(), name="oidc_authentication_init"),
    path("callback/", CallbackView.as_view(), name="oidc_authentication_callback"),
]
