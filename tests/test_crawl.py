"""Every admin page, as each of the five demo roles, on the demo data: no 500, and no English
in what a user reads (the visible text, button labels, tooltips and the screen-reader texts;
not CSS classes or other attribute values). Also: the pages of someone not signed in, the
JavaScript catalogue of the admin's widgets, and the registry's own translations compiled."""

import gettext
import io
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib import admin
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.db import transaction
from django.test import Client, RequestFactory
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[1]
# Each test in a transaction of its own inside the module's (demo_site); it also runs these
# tests before the transactional ones, which empty the database.
pytestmark = pytest.mark.django_db

# Words of Django's English admin (and of django-simple-history) that must not reach a user.
ENGLISH = (
    "Home",
    "Add",
    "Change",
    "Delete",
    "History",
    "Save",
    "Filter",
    "Search",
    "Choose",
    "Revert",
    "Select all",
    "Log out",
    "Log in",
    "Forbidden",
    "Page not found",
    "Not Found",
    "Server Error",
    "View site",
    "View on site",
    "Welcome",
    "Model name",
    "Add link",
    "Changed by",
    "Change reason",
    "Date/time",
    "Remove",
    "Available",
    "Chosen",
    "Show all",
    "Clear",
    "Today",
    "Yes",
    "Unknown",
    "Password",
    "Username",
    "Permissions",
    "Groups",
    "Staff status",
    "Superuser status",
    "Personal info",
    "Important dates",
    "Recent actions",
    "Skip to main content",
    "Please correct",
    "This field is required",
    "Close",
    "entries",
    "None",
    "Action",
    "Go",
    "Error",
    "Created",
    "True",
    "False",
)
PATTERN = re.compile(r"\b(" + "|".join(re.escape(w) for w in ENGLISH) + r")\b")
READ_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt"}
BUTTON_TYPES = {"submit", "button", "reset"}


class ReadableText(HTMLParser):
    """What a user reads or hears: text outside <script>/<style>, and the attributes a
    browser shows (button labels, tooltips, placeholders, labels for screen readers)."""

    def __init__(self):
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in ("script", "style", "template"):
            self._hidden += 1
        attributes = dict(attrs)
        for name in READ_ATTRIBUTES & attributes.keys():
            self.parts.append(attributes[name] or "")
        if tag == "input" and attributes.get("type") in BUTTON_TYPES:
            self.parts.append(attributes.get("value") or "")

    def handle_endtag(self, tag):
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data):
        if not self._hidden:
            self.parts.append(data)


def english_in(html: str) -> list[str]:
    parser = ReadableText()
    parser.feed(html)
    found = []
    for part in parser.parts:
        for match in PATTERN.finditer(part):
            start = max(match.start() - 30, 0)
            found.append(f"{match.group(1)!r} in …{part[start : match.end() + 30].strip()}…")
    return found


@pytest.fixture(scope="module")
def demo_site(django_db_setup, django_db_blocker):
    """The demo data, loaded once for this module and rolled back after it."""
    with django_db_blocker.unblock(), transaction.atomic():
        call_command("load_demo_data", password="Demo-Toets-Wachtwoord-2026", stdout=io.StringIO())
        yield
        transaction.set_rollback(True)


def _first_version(model_admin, obj):
    history = getattr(obj, "history", None)
    record = history.order_by("history_id").first() if history is not None else None
    if record is None:
        return None
    meta = model_admin.model._meta
    return reverse(
        f"admin:{meta.app_label}_{meta.model_name}_simple_history",
        args=[obj.pk, record.history_id],
    )


def model_pages(user) -> list[str]:
    """Per registered model: the list, the add page, and for the first record the user
    sees its change page, history, one old version and the delete page."""
    request = RequestFactory().get("/admin/")
    request.user = user
    urls = []
    for model, model_admin in admin.site._registry.items():
        meta = model._meta
        name = f"admin:{meta.app_label}_{meta.model_name}"
        urls += [reverse(f"{name}_changelist"), reverse(f"{name}_add")]
        obj = model_admin.get_queryset(request).order_by("pk").first()
        if obj is None:
            continue
        urls += [
            reverse(f"{name}_change", args=[obj.pk]),
            reverse(f"{name}_history", args=[obj.pk]),
            reverse(f"{name}_delete", args=[obj.pk]),
        ]
        version = _first_version(model_admin, obj)
        if version:
            urls.append(version)
    return urls


APP_LABELS = ("registry", "partnerships", "cycle", "evaluations", "auth")


def custom_pages() -> list[str]:
    from partnerships.models import Participation, Party

    gbt = Party.objects.get(short_name="GBT")
    enschede_gbt = Participation.objects.get(party=gbt, organisation__cbs_code="GM0153")
    vrt = Party.objects.get(short_name="VRT")
    urls = [
        reverse("admin:index"),
        *(reverse("admin:app_list", args=[label]) for label in APP_LABELS),
        reverse("admin:password_change"),
        reverse("partnerships:paragraph"),
        reverse("partnerships:confirmations"),
        reverse("partnerships:spreadsheets"),
        reverse("partnerships:overview_network") + "?minimum=1",
        reverse("partnerships:exit_what_if", args=[enschede_gbt.pk]),
        reverse("partnerships:exit_what_if", args=[vrt.participations.first().pk]),
        reverse("evaluations:comparison", args=[gbt.pk]),
        reverse("agenda:index"),
        "/admin/bestaat-niet/",
        "/bestaat-niet/",
        *PUBLIC_PAGES,
    ]
    return urls


PUBLIC_PAGES = (
    "/",
    "/zoeken/?q=twente&gemeente=GM0153",
    "/gemeenten/GM0153/",
    "/samenwerkingsverbanden/gbt/?jaar=2027",
    "/samenwerkingsverbanden/vrt/?jaar=2027",
    "/toegankelijkheid/",
)


def step_pages(client) -> list:
    """The intermediate pages of the status steps (POSTs that write nothing)."""
    from evaluations.models import Evaluation
    from partnerships.cycle.models import Zienswijze

    responses = []
    zienswijze = Zienswijze.objects.filter(organisation__cbs_code="GM0153").first()
    evaluation = Evaluation.objects.first()
    for url, action, pk in (
        (reverse("admin:cycle_zienswijze_changelist"), "step_decided", zienswijze.pk),
        (reverse("admin:evaluations_evaluation_changelist"), "step_cancelled", evaluation.pk),
    ):
        responses.append(
            (f"POST {url} {action}", client.post(url, {"action": action, ACTION_CHECKBOX_NAME: pk}))
        )
    return responses


def crawl(client, urls) -> tuple[list[str], list[str]]:
    errors, english = [], []
    for url in urls:
        response = client.get(url)
        errors += _judge(url, response, english)
    return errors, english


def _judge(url, response, english) -> list[str]:
    if response.status_code >= 500:
        return [f"{url}: {response.status_code}"]
    content_type = response.get("Content-Type", "")
    if response.status_code in (200, 403, 404) and content_type.startswith("text/html"):
        english += [f"{url}: {found}" for found in english_in(response.content.decode())]
    return []


DEMO_ROLES = ("griffie.enschede", "financien.enschede", "raad.enschede", "toezicht.overijssel")


@pytest.mark.parametrize("username", [*DEMO_ROLES, "beheerder"])
def test_every_admin_page_is_dutch_and_none_fails(demo_site, username):
    user = get_user_model().objects.get(username=username)
    client = Client(raise_request_exception=False)
    client.force_login(user)
    errors, english = crawl(client, custom_pages() + model_pages(user))
    for label, response in step_pages(client):
        errors += _judge(label, response, english)
    assert not errors, "\n".join(errors)
    assert not english, "\n".join(sorted(set(english)))


def test_the_pages_before_signing_in_are_dutch(demo_site):
    client = Client(raise_request_exception=False)
    urls = [
        reverse("admin:login"),
        reverse("admin_password_reset"),
        reverse("password_reset_done"),
        reverse("password_reset_complete"),
        "/bestaat-niet/",
        *PUBLIC_PAGES,
    ]
    errors, english = crawl(client, urls)
    wrong = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    errors += _judge("POST login", wrong, english)
    assert not errors, "\n".join(errors)
    assert not english, "\n".join(sorted(set(english)))


def test_a_council_member_opening_the_paragraph_gets_the_dutch_403_with_the_reason(demo_site):
    client = Client(raise_request_exception=False)
    client.force_login(get_user_model().objects.get(username="raad.enschede"))
    response = client.get(reverse("partnerships:paragraph"))
    page = response.content.decode()
    assert response.status_code == 403
    assert "Geen toegang" in page and "stelt de afdeling financiën" in page
    assert reverse("admin:index") in page  # a way back
    assert english_in(page) == []


def test_a_refused_form_gets_the_dutch_403(demo_site):
    client = Client(enforce_csrf_checks=True, raise_request_exception=False)
    response = client.post(reverse("admin:login"), {"username": "x", "password": "y"})
    assert response.status_code == 403
    assert "Het formulier is verlopen" in response.content.decode()
    assert english_in(response.content.decode()) == []


def test_a_server_error_shows_the_dutch_500_with_a_way_back(db, settings):
    from django.views.defaults import server_error

    response = server_error(RequestFactory().get("/"))
    page = response.content.decode()
    assert response.status_code == 500
    assert "Er ging iets mis" in page and reverse("admin:index") in page
    assert english_in(page) == []


def test_the_widgets_javascript_catalogue_is_dutch(demo_site):
    """The themes picker and the calendar are written by the admin's JavaScript from the
    catalogue at admin/jsi18n/: every string the admin's scripts ask for is translated."""
    import json

    client = Client()
    client.force_login(get_user_model().objects.get(username="griffie.enschede"))
    source = client.get(reverse("admin:jsi18n")).content.decode()
    catalog = json.loads(re.search(r"const newcatalog = (\{.*?\});\n", source, re.S).group(1))
    scripts = Path(admin.__file__).parent / "static" / "admin" / "js"
    asked = set()
    for script in scripts.glob("*.js"):
        text = script.read_text()
        asked |= set(re.findall(r"\bgettext\('((?:[^'\\]|\\.)*)'\)", text))
    untranslated = sorted(msgid for msgid in asked if msgid.replace("\\'", "'") not in catalog)
    assert untranslated == []
    assert catalog["Choose all %s"] == "Alle %s kiezen"


@pytest.mark.parametrize("domain", ["django", "djangojs"])
def test_the_registry_translations_are_compiled(domain):
    """locale/nl holds the Dutch Django's catalogues lack; the .mo files say what the .po
    files say (msgfmt -o X.mo X.po after a change)."""
    folder = ROOT / "locale" / "nl" / "LC_MESSAGES"
    pairs = re.findall(
        r'^msgid "(.+)"\nmsgstr "(.*)"$', (folder / f"{domain}.po").read_text(), re.M
    )
    compiled = gettext.GNUTranslations((folder / f"{domain}.mo").open("rb"))
    unescape = lambda text: text.replace('\\"', '"')  # noqa: E731
    assert pairs
    assert {unescape(i): compiled.gettext(unescape(i)) for i, _s in pairs} == {
        unescape(i): unescape(s) for i, s in pairs
    }
