"""The Content-Security-Policy breaks nothing (issue 17, point 5): the public pages and the
admin (its index, a change list, a change form with autocomplete and "add another" inlines)
load in Chromium without one violation reported. A policy too strict for the admin's own
JavaScript would fail silently otherwise."""

import pytest

from tests.e2e.conftest import log_in

pytestmark = pytest.mark.e2e

PUBLIC = ["/", "/zoeken/?q=twente", "/gemeenten/GM0153/", "/samenwerkingsverbanden/gbt/"]
ADMIN = ["/admin/", "/admin/auth/user/", "/admin/auth/user/add/", "/admin/registry/auditevent/"]

LISTEN = """() => {
  window.__violations = [];
  document.addEventListener('securitypolicyviolation',
    e => window.__violations.push(e.violatedDirective + ' ' + e.blockedURI));
}"""


def _violations(page, paths) -> dict:
    console = []
    page.on(
        "console",
        lambda m: console.append(m.text) if "Content Security Policy" in m.text else None,
    )
    page.add_init_script(script=f"({LISTEN})()")
    found = {}
    for path in paths:
        console.clear()
        response = page.goto(page.base + path)
        assert response.status == 200, path
        assert "default-src 'self'" in response.headers["content-security-policy"]
        page.wait_for_load_state("networkidle")
        reported = page.evaluate("window.__violations") + console
        if reported:
            found[path] = reported
    return found


def test_no_public_page_reports_a_violation(page):
    assert _violations(page, PUBLIC) == {}


def test_the_admin_reports_no_violation_and_its_scripts_run(page):
    log_in(page, "beheerder")
    assert _violations(page, ADMIN) == {}
    page.goto(page.base + "/admin/auth/user/add/")
    # the admin's own scripts ran: the inline formset's "add another" link is drawn by JS
    page.click(".add-row a")
    assert page.locator(".dynamic-registry_roles").count() >= 2
