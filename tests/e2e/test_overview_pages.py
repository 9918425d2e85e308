"""The supervisor's pages of issue 15 in the browser: axe-core finds nothing on the
comparison of municipalities (with its chart) and on the start page."""

import pytest

from tests.e2e.conftest import axe_violations, log_in

pytestmark = pytest.mark.e2e


def _province_id(page) -> int:
    from registry.models import Organisation

    return Organisation.objects.get(name="Overijssel").pk


def test_the_comparison_with_its_chart_is_accessible(page):
    log_in(page, "toezicht.overijssel")
    url = f"{page.base}/admin/gemeenten-vergeleken/{_province_id(page)}/?year=2026"
    response = page.goto(url)  # the demo has contributions and inhabitants for 2026
    assert response.status == 200
    chart = page.locator("svg#comparison-chart")
    assert chart.get_attribute("role") == "img"
    assert "comparison" in chart.get_attribute("aria-describedby").split()
    assert chart.locator("rect").count() >= 1
    assert axe_violations(page) == []
