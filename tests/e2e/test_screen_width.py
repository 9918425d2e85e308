"""In Chromium at 1366 × 768, as each demo role: every list on the admin index shows all its
columns without scrolling sideways, and the forms are no wider than the screen. Playwright
drives Debian's Chromium (/usr/bin/chromium); without it these tests are skipped."""

import io
import os
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.e2e.conftest import reseed

sync_api = pytest.importorskip("playwright.sync_api")
CHROMIUM = Path("/usr/bin/chromium")
pytestmark = [
    pytest.mark.e2e,
    pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium is not installed"),
]

WIDTH = 1366
ROLES = (
    "griffie.enschede",
    "financien.enschede",
    "raad.enschede",
    "toezicht.overijssel",
    "beheerder",
)
# Django's ORM may run in this thread while Playwright's own event loop is on it.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

MEASURE = """() => {
  const results = document.querySelector('.results');
  return {
    page: document.documentElement.scrollWidth,
    list: results ? results.scrollWidth - results.clientWidth : 0,
  };
}"""


@pytest.fixture
def demo(transactional_db, settings):
    """Committed, so the live server sees it (the seeded catalogues put back first)."""
    settings.SESSION_COOKIE_SECURE = False  # the live server speaks http
    settings.CSRF_COOKIE_SECURE = False
    reseed()
    call_command("load_demo_data", password="demo-pw", stdout=io.StringIO())


def _sign_in(page, base, username):
    page.goto(f"{base}/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", "demo-pw")
    page.click("input[type=submit]")


def _too_wide(page, url) -> str | None:
    page.goto(url)
    width = page.evaluate(MEASURE)
    if width["page"] > WIDTH or width["list"] > 0:
        return f"{url}: pagina {width['page']} px, lijst {width['list']} px te breed"
    return None


def _browser(playwright):
    return playwright.chromium.launch(
        executable_path=str(CHROMIUM),
        args=["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
    )


def _links(page, selector):
    return page.eval_on_selector_all(selector, "links => links.map(a => a.href)")


def test_lists_and_forms_fit_a_1366_pixel_screen(live_server, demo):
    """Every list as every role (they see other rows, so other widths); the change and add
    forms as the administrator, who sees every field editable."""
    problems = []
    with sync_api.sync_playwright() as playwright:
        browser = _browser(playwright)
        for username in ROLES:
            page = browser.new_page(viewport={"width": WIDTH, "height": 768})
            _sign_in(page, live_server.url, username)
            page.goto(f"{live_server.url}/admin/?beheer=1")  # council: past the public pages
            lists = _links(page, "#content-main th[scope=row] a")
            assert lists, username
            for url in lists:
                problems.append(_too_wide(page, url))
                if username != "beheerder":
                    continue
                forms = _links(page, "#result_list tbody tr th a")[:1]
                forms += _links(page, ".object-tools a.addlink")
                problems += [_too_wide(page, form) for form in forms]
            page.close()
        browser.close()
    problems = [problem for problem in problems if problem]
    assert not problems, "\n".join(problems)
