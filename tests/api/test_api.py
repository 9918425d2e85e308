"""The API reads what the public pages show each reader (anonymous / council member of the
municipality / council member elsewhere / supervisor), answers errors as problem details and
sends its version on every answer."""

import datetime

import pytest
from django.core.management import call_command

from partnerships.paragraph import Variant, build_paragraph
from registry.api import API_VERSION
from tests.api.conftest import rows as _rows
from tests.site.conftest import ALL, ANONYMOUS, ELSEWHERE, OWN, SUPERVISOR, YEAR

# (what, url, params, key of a row, value, readers who get that row) — as the public pages
MATRIX = [
    ("Enschede publishes", "/api/v1/organisaties/", {}, "naam", "Enschede", ALL),
    ("Almelo does not", "/api/v1/organisaties/", {}, "naam", "Almelo", {ELSEWHERE, SUPERVISOR}),
    ("a party is public", "/api/v1/samenwerkingsverbanden/", {}, "code", "gbt", ALL),
    (
        "Enschede's participation",
        "/api/v1/deelnemingen/",
        {"samenwerkingsverband": "gbt"},
        "organisatie",
        "Enschede",
        ALL,
    ),
    (
        "Almelo's participation",
        "/api/v1/deelnemingen/",
        {"samenwerkingsverband": "gbt"},
        "organisatie",
        "Almelo",
        {ELSEWHERE, SUPERVISOR},
    ),
    (
        "a party found by Almelo, a participant not public",
        "/api/v1/samenwerkingsverbanden/",
        {"organisatie": "GM0141"},
        "code",
        "gbt",
        {ELSEWHERE, SUPERVISOR},
    ),
]


def _value(row, key):
    value = row[key]
    return value["naam"] if isinstance(value, dict) else value


@pytest.mark.parametrize(
    ("what", "url", "params", "key", "value", "shown_to"), MATRIX, ids=[m[0] for m in MATRIX]
)
def test_each_list_gives_each_reader_the_rows_of_the_public_pages(
    clients, what, url, params, key, value, shown_to
):
    seen = {
        reader
        for reader, client in clients.items()
        if value in [_value(row, key) for row in _rows(client, url, **params)]
    }
    assert seen == shown_to


def test_a_municipality_that_does_not_publish_is_404_for_an_anonymous_reader(clients):
    assert clients[ANONYMOUS].get("/api/v1/organisaties/GM0141/").status_code == 404
    assert clients[ELSEWHERE].get("/api/v1/organisaties/GM0141/").status_code == 200
    paragraph = f"/api/v1/organisaties/GM0141/paragraaf/{YEAR}/"
    assert clients[ANONYMOUS].get(paragraph).status_code == 404
    assert clients[ELSEWHERE].get(paragraph).status_code == 200


def test_a_participation_says_whether_it_is_a_verbonden_partij_and_why(clients):
    (row,) = _rows(
        clients[ANONYMOUS],
        "/api/v1/deelnemingen/",
        organisatie="GM0153",
        jaar=YEAR,
        samenwerkingsverband="gbt",
    )
    status = row["verbonden_partij"]
    assert status["jaar"] == YEAR
    assert status["status"] in {"yes", "no", "unknown"}
    assert status["omschrijving"] in {"ja", "nee", "onbekend"}
    assert status["reden"]


def _amounts(entry):
    return {key: value for key, value in entry["bedragen"].items()}


def test_the_paragraph_has_the_names_categories_and_amounts_of_build_paragraph(clients, enschede):
    expected = build_paragraph(enschede, YEAR, Variant.BUDGET)
    for reader in (ANONYMOUS, OWN):
        response = clients[reader].get(f"/api/v1/organisaties/GM0153/paragraaf/{YEAR}/")
        assert response.status_code == 200
        body = response.json()
        got = [
            (category["code"], entry["naam"], entry["bedragen"]["bijdrage"])
            for category in body["categorieen"]
            for entry in category["partijen"]
        ]
        want = [
            (
                category.code,
                entry.name,
                None
                if entry.amount("contribution") is None
                else f"{entry.amount('contribution'):.2f}",
            )
            for category in expected.categories
            for entry in category.entries
        ]
        assert got == want
        assert [c["naam"] for c in body["categorieen"]] == [c.label for c in expected.categories]


def test_the_paragraph_shows_a_civil_servants_seat_only_to_its_own_readers(clients, enschede):
    """build_paragraph for finance names every seat; the API narrows it to the reader."""
    url = f"/api/v1/organisaties/GM0153/paragraaf/{YEAR}/"

    def representation(reader):
        body = clients[reader].get(url).json()
        return " ".join(
            line
            for category in body["categorieen"]
            for entry in category["partijen"]
            for line in entry["vertegenwoordiging"]
        )

    full = " ".join(
        line
        for entry in build_paragraph(enschede, YEAR, Variant.BUDGET).entries
        for line in entry.representation
    )
    assert "Ambtenaar Enschede" in full
    assert "Ambtenaar Enschede" not in representation(ANONYMOUS)
    assert "Ambtenaar Enschede" in representation(OWN)


def test_every_answer_carries_the_api_version(clients):
    for url in (
        "/api/v1/",
        "/api/v1/organisaties/",
        "/api/v1/bestaat-niet/",
        "/api/v1/samenwerkingsverbanden/bestaat-niet/",
    ):
        assert clients[ANONYMOUS].get(url)["API-Version"] == API_VERSION


@pytest.mark.parametrize(
    ("url", "status", "title"),
    [
        ("/api/v1/samenwerkingsverbanden/bestaat-niet/", 404, "Niet gevonden"),
        ("/api/v1/bestaat-niet/", 404, "Niet gevonden"),
        ("/api/v1/deelnemingen/?jaar=1999", 400, "Ongeldige vraag"),
        ("/api/v1/samenwerkingsverbanden/?rechtsvorm=geen", 400, "Ongeldige vraag"),
        ("/api/v1/organisaties/GM0153/paragraaf/1999/", 400, "Ongeldige vraag"),
    ],
)
def test_errors_are_problem_details_in_dutch(clients, url, status, title):
    response = clients[ANONYMOUS].get(url)
    assert response.status_code == status
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body["status"] == status
    assert body["title"] == title
    assert body["detail"]
    if status == 400:
        assert body["invalidParams"][0]["name"] in {"jaar", "rechtsvorm"}
        assert body["invalidParams"][0]["reason"]


def test_a_write_is_refused_with_403_problem_details(clients):
    response = clients[OWN].post("/api/v1/organen/", {}, "application/json")
    assert response.status_code == 403
    assert response["Content-Type"] == "application/problem+json"
    assert "alleen-lezen" in response.json()["detail"]


def test_a_list_pages_with_links(clients):
    body = clients[SUPERVISOR].get("/api/v1/organisaties/", {"pagina_grootte": 1}).json()
    assert body["aantal"] == 3  # Overijssel, Enschede, Almelo
    assert len(body["resultaten"]) == 1
    assert "pagina=2" in body["_links"]["next"]["href"]
    assert "pagina=3" in body["_links"]["last"]["href"]


def test_the_schema_generates_without_warnings(tmp_path):
    target = tmp_path / "openapi.yaml"
    call_command("spectacular", "--validate", "--fail-on-warn", "--file", str(target))
    assert "/api/v1/organisaties/{cbs_code}/paragraaf/{jaar}/" in target.read_text()


def test_the_schema_and_its_readers_are_served_without_a_cdn(clients):
    client = clients[ANONYMOUS]
    assert client.get("/api/v1/openapi.json").json()["info"]["version"] == API_VERSION
    assert client.get("/api/v1/openapi.yaml").status_code == 200
    for url in ("/api/v1/docs/", "/api/v1/redoc/"):
        page = client.get(url).content.decode()
        assert "cdn" not in page.lower()
        assert "/static/drf_spectacular_sidecar/" in page


def test_v1_announced_to_end_says_so_in_deprecation_and_sunset_headers(clients, settings):
    anonymous = clients[ANONYMOUS]
    assert "Deprecation" not in anonymous.get("/api/v1/organisaties/")
    settings.API_V1_DEPRECATED_ON = datetime.date(2027, 1, 1)
    settings.API_V1_SUNSET_ON = datetime.date(2028, 1, 1)
    settings.API_CHANGELOG_URL = "https://register.example/api-changelog"
    response = anonymous.get("/api/v1/organisaties/")
    assert response["Deprecation"] == "@1798761600"
    assert response["Sunset"] == "Sat, 01 Jan 2028 00:00:00 GMT"
    assert response["Link"] == '<https://register.example/api-changelog>; rel="deprecation"'


def test_a_list_sorts_on_the_keys_it_offers_and_refuses_another(clients):
    def names(**params):
        return [
            row["naam"] for row in _rows(clients[SUPERVISOR], "/api/v1/organisaties/", **params)
        ]

    ascending = names()
    assert ascending == sorted(ascending)
    assert names(sorteer="-naam") == ascending[::-1]
    parties = _rows(clients[ANONYMOUS], "/api/v1/samenwerkingsverbanden/", sorteer="-code")
    assert [row["code"] for row in parties] == sorted(
        (row["code"] for row in parties), reverse=True
    )
    refused = clients[ANONYMOUS].get("/api/v1/deelnemingen/", {"sorteer": "stemgewicht"})
    assert refused.status_code == 400
    assert refused["Content-Type"].startswith("application/problem+json")
    assert refused.json()["invalidParams"][0]["name"] == "sorteer"
