"""The routes of /api/v1/ (namespace "api"): the viewsets on one router (the kernel's
organisations, this app's resources and those an app above it registered in
registry.api.routes), the computed paragraph, the OpenAPI document and its two readers,
served by the app itself, and the open-data files. Here, not in registry/, so the kernel
imports no app."""

from django.urls import path, re_path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView, SpectacularSwaggerView
from rest_framework.routers import DefaultRouter

from partnerships.api import open_data
from partnerships.api.finance import ContributionViewSet, CostKeyViewSet, FiguresViewSet
from partnerships.api.governance import BodyViewSet
from partnerships.api.overview import ComparisonView, ExitWhatIfView, OverviewMapView
from partnerships.api.paragraph import ParagraphView
from partnerships.api.participations import ParticipationViewSet
from partnerships.api.parties import PartyViewSet
from partnerships.cycle.api import CycleDocumentViewSet, ZienswijzeViewSet
from registry.api import routes
from registry.api.organisations import OrganisationViewSet
from registry.api.problems import NotFoundView
from registry.api.schema import RegistrySessionScheme  # noqa: F401 (registers it)

app_name = "api"


class Router(DefaultRouter):
    include_format_suffixes = False
    # the root lists the resources; the codes in the paths are not slugs only
    lookup_value_regex = "[^/]+"


router = Router(trailing_slash=True)
router.register("organisaties", OrganisationViewSet, basename="organisatie")
router.register("samenwerkingsverbanden", PartyViewSet, basename="samenwerkingsverband")
router.register("deelnemingen", ParticipationViewSet, basename="deelneming")
router.register("organen", BodyViewSet, basename="orgaan")
router.register("jaarcijfers", FiguresViewSet, basename="jaarcijfers")
router.register("bijdragen", ContributionViewSet, basename="bijdrage")
router.register("verdeelsleutels", CostKeyViewSet, basename="verdeelsleutel")
router.register("cyclusstukken", CycleDocumentViewSet, basename="cyclusstuk")
router.register("zienswijzen", ZienswijzeViewSet, basename="zienswijze")
for prefix, viewset, basename in routes.registered():
    router.register(prefix, viewset, basename=basename)

urlpatterns = [
    path(
        "organisaties/<str:sleutel>/paragraaf/<int:jaar>/",
        ParagraphView.as_view(),
        name="paragraaf",
    ),
    path(
        "samenwerkingsverbanden/<str:code>/uittreden/<str:sleutel>/<int:jaar>/",
        ExitWhatIfView.as_view(),
        name="uittreden",
    ),
    path(
        "provincies/<str:cbs_code>/overzichtskaart/",
        OverviewMapView.as_view(),
        name="overzichtskaart",
    ),
    path(
        "provincies/<str:cbs_code>/vergelijking/<int:jaar>/",
        ComparisonView.as_view(),
        name="vergelijking",
    ),
    path("opendata/catalogus.jsonld", open_data.catalogue_view, name="opendata"),
    re_path(
        r"^opendata/(?P<resource>[a-z]+)\.(?P<fmt>csv|json)$",
        open_data.file_view,
        name="opendata-file",
    ),
    path("openapi.yaml", SpectacularAPIView.as_view(), {"format": "yaml"}, name="schema-yaml"),
    path("openapi.json", SpectacularAPIView.as_view(), {"format": "json"}, name="schema-json"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema-json"), name="swagger"),
    path("redoc/", SpectacularRedocView.as_view(url_name="api:schema-json"), name="redoc"),
    *router.urls,
    re_path(r"^[\s\S]*$", NotFoundView.as_view(), name="not-found"),
]
