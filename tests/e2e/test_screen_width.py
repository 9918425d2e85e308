"""In Chromium at 1366 × 768, as each demo role: every list on the admin index shows all its
columns without scrolling sideways, and the forms are no wider than the screen (the
browser, the live server and the demo data come from tests/e2e/conftest.py)."""

import pytest

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

WIDTH = 1366
ROLES = (
    "griffie.enschede",
    "financien.enschede",
    "raad.enschede",
    "toezicht.overijssel",
    "beheerder",
)
MEASURE = """() => {
  const results = document.querySelector('.results');
  return {
    page: document.documentElement.scrollWidth,
    list: results ? results.scrollWidth - results.clientWidth : 0,
  };
}"""


def _too_wide(page, url) -> str | None:
    page.goto(url)
    width = page.evaluate(MEASURE)
    if width["page"] > WIDTH or width["list"] > 0:
        return f"{url}: pagina {width['page']} px, lijst {width['list']} px te breed"
    return None


def _links(page, selector):
    return page.eval_on_selector_all(selector, "links => links.map(a => a.href)")


def test_lists_and_forms_fit_a_1366_pixel_screen(browser, live_server, demo):
    """Every list as every role (they see other rows, so other widths); the change and add
    forms as the administrator, who sees every field editable."""
    problems = []
    for username in ROLES:
        context = browser.new_context(viewport={"width": WIDTH, "height": 768}, locale="nl-NL")
        page = context.new_page()
        page.base = live_server.url
        log_in(page, username)
        page.goto(f"{live_server.url}/admin/?beheer=1")  # a council member's way in, too
        lists = _links(page, "#content-main th[scope=row] a")
        assert lists, username
        for url in lists:
            problems.append(_too_wide(page, url))
            if username != "beheerder":
                continue
            forms = _links(page, "#result_list tbody tr th a")[:1]
            forms += _links(page, ".object-tools a.addlink")
            problems += [_too_wide(page, form) for form in forms]
        context.close()
    problems = [problem for problem in problems if problem]
    assert not problems, "\n".join(problems)
