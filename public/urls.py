"""Routes of the public pages (namespace "site")."""

from django.urls import path

from public import views

app_name = "site"

urlpatterns = [
    path("", views.home_view, name="home"),
    path("zoeken/", views.search_view, name="search"),
    path("gemeenten/<str:cbs_code>/", views.municipality_view, name="municipality"),
    path("samenwerkingsverbanden/<slug:code>/", views.cooperation_view, name="cooperation"),
    path("toegankelijkheid/", views.accessibility_view, name="accessibility"),
    path("privacy/", views.privacy_view, name="privacy"),
]
