"""Open data (issue 16, point 5): everything published, for anyone, as one file per resource
in CSV and JSON, and a DCAT-AP-NL description of them (JSON-LD) with licence, publisher and
modification date.

"Published" is what an anonymous reader gets from the API and the public pages: the rows of
the API's own viewsets and serializers for an anonymous request (registry.access.site_scope),
so a file never holds more than the pages show and has the API's field names.

A file is built when asked for, with the other format of the same rows, and both are kept
in the cache under the register's *version*: the newest change in the history of the
records it is made from, with their counts (a record created without history, by a bulk
load, still changes the count). A change makes a new version, so the next download
rebuilds; the version is also the ETag and Last-Modified, and a conditional request answers
304 without building anything."""

import csv
import datetime
import hashlib
import io
import json

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db.models import Max
from django.http import Http404, HttpResponse, QueryDict
from django.urls import reverse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date
from django.utils.translation import gettext_lazy as _
from rest_framework.request import Request

from partnerships.api.participations import ParticipationViewSet
from partnerships.api.parties import PartyViewSet
from partnerships.models import LegalBasis, Participation, Party, Theme
from registry.api.organisations import OrganisationViewSet
from registry.models import Organisation, PopulationFigure

# resource -> (viewset, title, description)
RESOURCES = {
    "organisaties": (
        OrganisationViewSet,
        _("Organisaties"),
        _("Gemeenten en provincies die publiceren, met CBS-code en inwoners per jaar."),
    ),
    "samenwerkingsverbanden": (
        PartyViewSet,
        _("Samenwerkingsverbanden"),
        _(
            "Gemeenschappelijke regelingen, vennootschappen, stichtingen en verenigingen, "
            "met rechtsvorm, BBV-categorie, thema's en juridische grondslag."
        ),
    ),
    "deelnemingen": (
        ParticipationViewSet,
        _("Deelnemingen"),
        _(
            "Welke organisatie deelneemt in welk samenwerkingsverband, en of het dit jaar een "
            "verbonden partij is (BBV art. 1), met de reden."
        ),
    ),
}
FORMATS = {"csv": "text/csv; charset=utf-8", "json": "application/json"}
# the EU file-type vocabulary DCAT-AP-NL uses for dct:format
FILE_TYPES = {
    "csv": "http://publications.europa.eu/resource/authority/file-type/CSV",
    "json": "http://publications.europa.eu/resource/authority/file-type/JSON",
}
# models the files are made from: their history gives the version
SOURCES = (Organisation, PopulationFigure, Party, Theme, LegalBasis, Participation)
CACHE_SECONDS = 24 * 60 * 60


def version() -> tuple[datetime.datetime | None, str]:
    """(the newest change, an ETag) of what the files are made from."""
    newest = None
    counts = []
    for model in SOURCES:
        changed = model.history.aggregate(at=Max("history_date"))["at"]
        if changed and (newest is None or changed > newest):
            newest = changed
        counts.append(model._default_manager.count())
    seed = f"{newest.isoformat() if newest else '-'}:{counts}"
    return newest, hashlib.sha256(seed.encode()).hexdigest()[:32]


def _anonymous(request) -> Request:
    """An anonymous API request with no parameters, on the host the file was asked from."""
    plain = request.__class__.__new__(request.__class__)
    plain.__dict__.update(request.__dict__)
    plain.GET = QueryDict()
    plain.user = AnonymousUser()
    api_request = Request(plain)
    api_request.user = AnonymousUser()
    return api_request


def rows(resource: str, request) -> list[dict]:
    """The resource as the API lists it to an anonymous reader, all pages at once."""
    viewset_class = RESOURCES[resource][0]
    view = viewset_class(request=_anonymous(request), format_kwarg=None, action="list")
    queryset = view.filter_queryset(view.get_queryset())
    return list(view.get_serializer(queryset, many=True).data)


def _flat(value, prefix: str, into: dict) -> None:
    """A nested row as columns `a.b`; a list of plain values joined by "; ", a list of
    objects as JSON in its cell."""
    if isinstance(value, dict):
        for key, inner in value.items():
            _flat(inner, f"{prefix}.{key}" if prefix else key, into)
    elif isinstance(value, list):
        if all(not isinstance(item, dict | list) for item in value):
            into[prefix] = "; ".join("" if item is None else str(item) for item in value)
        else:
            into[prefix] = json.dumps(value, ensure_ascii=False)
    else:
        into[prefix] = "" if value is None else value


def as_csv(data: list[dict]) -> bytes:
    flat = []
    for row in data:
        columns: dict = {}
        _flat(row, "", columns)
        flat.append(columns)
    header = list(dict.fromkeys(name for columns in flat for name in columns))
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=header, restval="", lineterminator="\r\n")
    writer.writeheader()
    writer.writerows(flat)
    return out.getvalue().encode("utf-8-sig")  # the BOM: Excel reads it as UTF-8


def as_json(data: list[dict]) -> bytes:
    return json.dumps(data, ensure_ascii=False, indent=1).encode()


def _iso(moment) -> str | None:
    return moment.isoformat() if moment else None


def catalogue(request, modified) -> dict:
    """The DCAT-AP-NL description (JSON-LD) of the files."""
    publisher = {
        "@type": "foaf:Agent",
        "foaf:name": settings.OPEN_DATA_PUBLISHER,
    }
    licence = {"@id": settings.OPEN_DATA_LICENSE}
    datasets = []
    for resource, (_viewset, title, description) in RESOURCES.items():
        distributions = [
            {
                "@type": "dcat:Distribution",
                "dct:title": f"{title} ({fmt.upper()})",
                "dcat:accessURL": {"@id": request.build_absolute_uri(_file_url(resource, fmt))},
                "dcat:downloadURL": {"@id": request.build_absolute_uri(_file_url(resource, fmt))},
                "dcat:mediaType": FORMATS[fmt].split(";")[0],
                "dct:format": {"@id": FILE_TYPES[fmt]},
                "dct:license": licence,
                "dct:modified": _iso(modified),
            }
            for fmt in FORMATS
        ]
        datasets.append(
            {
                "@type": "dcat:Dataset",
                "dct:identifier": request.build_absolute_uri(_file_url(resource, "json")),
                "dct:title": str(title),
                "dct:description": str(description),
                "dct:language": {
                    "@id": "http://publications.europa.eu/resource/authority/language/NLD"
                },
                "dct:license": licence,
                "dct:publisher": publisher,
                "dct:modified": _iso(modified),
                "dcat:keyword": ["verbonden partijen", "gemeenschappelijke regelingen", "BBV"],
                "dcat:contactPoint": {
                    "@type": "vcard:Organization",
                    "vcard:fn": settings.OPEN_DATA_PUBLISHER,
                    "vcard:hasURL": {"@id": settings.SITE_URL},
                },
                "dcat:distribution": distributions,
            }
        )
    return {
        "@context": {
            "dcat": "http://www.w3.org/ns/dcat#",
            "dct": "http://purl.org/dc/terms/",
            "foaf": "http://xmlns.com/foaf/0.1/",
            "vcard": "http://www.w3.org/2006/vcard/ns#",
        },
        "@type": "dcat:Catalog",
        "dct:title": settings.SITE_NAME,
        "dct:description": str(
            _("Open data van het register van verbonden partijen: wat de openbare pagina's tonen.")
        ),
        "dct:publisher": publisher,
        "dct:license": licence,
        "dct:modified": _iso(modified),
        "dcat:dataset": datasets,
    }


def _file_url(resource: str, fmt: str) -> str:
    return reverse("api:opendata-file", args=[resource, fmt])


def _cache_key(request, etag: str, name: str) -> str:
    return f"opendata:{etag}:{request.get_host()}:{request.scheme}:{name}"


def _serve(request, name: str, content_type: str, build, *, attachment: str = ""):
    """A file of the current version: 304 when the client has it, from the cache when built
    before, else built now and kept. `build(modified)` gives {file name: body}, so the files
    made from the same rows are built together."""
    modified, etag = version()
    quoted = f'"{etag}"'
    unchanged = get_conditional_response(
        request,
        etag=quoted,
        last_modified=int(modified.timestamp()) if modified else None,
    )
    if unchanged is None:
        body = cache.get(_cache_key(request, etag, name))
        if body is None:
            built = build(modified)  # {name: body}: this file, and any made from the same rows
            cache.set_many(
                {_cache_key(request, etag, other): made for other, made in built.items()},
                CACHE_SECONDS,
            )
            body = built[name]
        response = HttpResponse(body, content_type=content_type)
        if attachment:
            response["Content-Disposition"] = f'attachment; filename="{attachment}"'
    else:
        response = unchanged
    response["ETag"] = quoted
    if modified:
        response["Last-Modified"] = http_date(modified.timestamp())
    response["Cache-Control"] = "public, max-age=0, must-revalidate"
    return response


def file_view(request, resource: str, fmt: str):
    if resource not in RESOURCES or fmt not in FORMATS or request.method not in ("GET", "HEAD"):
        raise Http404

    def build(_modified):
        data = rows(resource, request)  # once for both formats
        return {f"{resource}.csv": as_csv(data), f"{resource}.json": as_json(data)}

    return _serve(request, f"{resource}.{fmt}", FORMATS[fmt], build, attachment=f"{resource}.{fmt}")


def catalogue_view(request):
    if request.method not in ("GET", "HEAD"):
        raise Http404

    def build(modified):
        body = json.dumps(catalogue(request, modified), ensure_ascii=False, indent=1)
        return {"catalogus.jsonld": body.encode()}

    return _serve(request, "catalogus.jsonld", "application/ld+json", build)
