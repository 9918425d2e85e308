"""Browser tests: Playwright for Python driving Debian's Chromium against the live server,
with axe-core (from node_modules, installed by `make install`) for the WCAG checks.

Playwright cannot download its own browser here; the tests use /usr/bin/chromium (CI
installs it, see .ci/run) and fail, not skip, when it is missing."""

import importlib
import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

# Playwright's sync API runs an event loop in this thread; the test's own ORM calls are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
# Debug is off, as in production: the documented demo password would be refused there.
PASSWORD = "e2e-Eigen-Wachtwoord-2026"


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), "Installeer Chromium: apt-get install chromium (zie README)"
    assert AXE.exists(), "Installeer de front-end-pakketten: make install (npm ci)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield chromium
        chromium.close()


# The reference data the migrations seed (a transactional test's flush removes it).
SEEDS = (
    "partnerships.migrations.0002_seed_themes:seed_themes",
    "partnerships.cycle.migrations.0002_statutory_rule_sets:create",
    "evaluations.migrations.0002_criteria_catalogue:create",
)


def reseed() -> None:
    """Put the seeded reference data back when a flush took it (pytest-django does not always
    serialize the database for a rollback of it)."""
    from django.apps import apps

    from evaluations.models import Criterion

    if Criterion.objects.exists():
        return
    for seed in SEEDS:
        module, function = seed.split(":")
        getattr(importlib.import_module(module), function)(apps, None)


@pytest.fixture
def demo(transactional_db, settings):
    settings.DEBUG = False
    reseed()
    call_command("load_demo_data", password=PASSWORD, stdout=io.StringIO())


@pytest.fixture
def page(browser, live_server, demo):
    context = browser.new_context(viewport={"width": 1366, "height": 900}, locale="nl-NL")
    tab = context.new_page()
    tab.base = live_server.url
    yield tab
    context.close()


def log_in(page, username: str) -> None:
    """Password, and for those who must give it the code of an app the test holds."""
    device = app_of(username)
    page.goto(f"{page.base}/admin/login/?next=/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.click("input[type=submit]")
    if device is not None:
        page.wait_for_url("**/admin/tweede-stap/**")
        page.fill("#id_code", totp_code(device.bin_key))
        page.click("input[type=submit]")


def totp_code(key: bytes) -> str:
    from django_otp.oath import TOTP

    return f"{TOTP(key).token():06d}"


def app_of(username: str):
    """The confirmed app of a user who must give a second factor (made when it has none),
    its replay guard reset so that the same code may sign in twice within 30 seconds."""
    from django.contrib.auth import get_user_model
    from django_otp.plugins.otp_totp.models import TOTPDevice

    from registry.signin.factors import requires_second_factor

    user = get_user_model().objects.get(username=username)
    if not requires_second_factor(user):
        return None
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="e2e", confirmed=True)
    device.last_t = -1
    device.throttle_reset(commit=False)
    device.save()
    return device


def axe_violations(page) -> list[dict]:
    """axe-core's WCAG 2.1 A and AA violations on the page as it is, with where they are."""
    # evaluated, not added as an inline <script> (the Content-Security-Policy refuses those)
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "async tags => await axe.run(document, {runOnly: {type: 'tag', values: tags}})",
        WCAG_21_AA,
    )
    return [
        {
            "rule": v["id"],
            "impact": v["impact"],
            "help": v["help"],
            "where": [node["target"] for node in v["nodes"]][:5],
        }
        for v in result["violations"]
    ]
