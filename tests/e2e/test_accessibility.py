"""WCAG 2.1 AA on every public page (issue 14, point 7): axe-core finds nothing, as an
anonymous visitor and as a council member (who sees more blocks, the what-if among them);
keyboard only, skip link, language, visible focus, print."""

import itertools

import pytest

from tests.e2e.conftest import axe_violations, log_in

PAGES = [
    "/",
    "/zoeken/?q=twente",
    "/zoeken/?gemeente=GM0153",
    "/gemeenten/GM0153/",
    "/gemeenten/GM0153/?jaar=2027",
    "/samenwerkingsverbanden/gbt/",
    "/samenwerkingsverbanden/gbt/?jaar=2027",
    "/samenwerkingsverbanden/vrt/?jaar=2027",
    "/samenwerkingsverbanden/ggd-twente/",
    "/toegankelijkheid/",
    "/privacy/",
]


def _violations_on_every_page(page) -> dict:
    found = {}
    for path in PAGES:
        response = page.goto(page.base + path)
        assert response.status == 200, path
        assert page.get_attribute("html", "lang") == "nl"
        violations = axe_violations(page)
        if violations:
            found[path] = violations
    return found


def test_axe_finds_nothing_on_any_public_page_for_a_visitor(page):
    assert _violations_on_every_page(page) == {}


def test_axe_finds_nothing_on_any_public_page_for_a_council_member(page):
    log_in(page, "raad.enschede")
    assert page.url.rstrip("/") == page.base  # a council member lands on the public pages
    assert _violations_on_every_page(page) == {}


def test_the_page_works_with_the_keyboard_alone(page):
    page.goto(page.base + "/gemeenten/GM0153/")
    page.keyboard.press("Tab")
    skip = page.evaluate("document.activeElement.textContent")
    assert skip.strip() == "Naar de inhoud"
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline != "none"  # the focus is visible
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#inhoud"
    # on to the first link of the content, and follow it with Enter
    for _ in range(12):
        page.keyboard.press("Tab")
        href = page.evaluate("document.activeElement.getAttribute('href') || ''")
        if "/samenwerkingsverbanden/" in href:
            break
    page.keyboard.press("Enter")
    page.wait_for_url("**/samenwerkingsverbanden/**")
    assert page.locator("h1").count() == 1


def test_headings_go_in_order_on_every_page(page):
    for path in PAGES:
        page.goto(page.base + path)
        levels = page.evaluate(
            "[...document.querySelectorAll('main h1, main h2, main h3, main h4')]"
            ".map(h => Number(h.tagName[1]))"
        )
        assert levels[0] == 1, path
        assert all(b - a <= 1 for a, b in itertools.pairwise(levels)), (path, levels)


@pytest.mark.parametrize("path", ["/gemeenten/GM0153/", "/samenwerkingsverbanden/gbt/"])
def test_a_page_prints_without_its_menus(page, path):
    page.goto(page.base + path)
    page.emulate_media(media="print")
    assert page.locator(".site-header").is_hidden()
    assert page.locator("h1").is_visible()
