"""The network page (issue 15, point 4) in the browser: axe-core finds nothing, a node is
reached with the keyboard and opening it lists the cooperations behind it."""

import pytest

from tests.e2e.conftest import axe_violations, log_in

pytestmark = pytest.mark.e2e

URL = "/admin/netwerk/?minimum=1"


def test_the_network_page_is_accessible_and_a_node_opens_with_the_keyboard(page):
    log_in(page, "toezicht.overijssel")
    response = page.goto(page.base + URL)
    assert response.status == 200
    assert page.locator("svg a").count() > 0
    assert axe_violations(page) == []
    node = page.locator("svg a[href*='knoop=']").first
    name = node.get_attribute("aria-label").split(":")[0].removesuffix(" (provincie)")
    node.focus()
    assert page.evaluate("document.activeElement.getAttribute('href')") == node.get_attribute(
        "href"
    )
    page.keyboard.press("Enter")
    page.wait_for_url("**knoop=**")
    heading = page.locator("#network-detail-heading")
    assert heading.inner_text() == f"Samenwerkingen van {name}"
    assert page.locator("#network-detail li").count() >= 1
    assert axe_violations(page) == []


def test_a_link_in_the_drawing_lists_the_shared_cooperations(page):
    log_in(page, "toezicht.overijssel")
    page.goto(page.base + URL)
    page.locator("svg a[href*='&b=']").first.focus()
    page.keyboard.press("Enter")
    page.wait_for_url("**b=**")
    assert page.locator("#network-detail-heading").inner_text().startswith("Samenwerkingen van ")
    assert page.locator("#network-detail li").count() >= 1
