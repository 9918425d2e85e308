"""The journey issue 14 is done by: from the start page, in three clicks or fewer, a council
member of Enschede and an anonymous visitor find what Enschede pays to the GGD Twente this
year and when its next evaluation is due, and the numbers are those of the paragraph
"verbonden partijen" of that year. A second way in goes through the search form.

Every click goes through `Journey.click`, so the count is the count of what the user did; the
screenshots land in var/screenshots/ to be looked at."""

from pathlib import Path

import pytest
from django.utils import timezone

from evaluations.schedule import schedule_of_party
from partnerships.models import Party
from partnerships.paragraph import Variant, build_paragraph
from registry.formatting import euro
from registry.models import Organisation
from tests.e2e.conftest import log_in

SCREENSHOTS = Path(__file__).resolve().parents[2] / "var" / "screenshots"


class Journey:
    def __init__(self, page, who: str):
        self.page, self.who, self.clicks = page, who, 0

    def click(self, locator) -> None:
        self.clicks += 1
        locator.click()
        self.page.wait_for_load_state()
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        self.page.screenshot(
            path=str(SCREENSHOTS / f"reis-{self.who}-{self.clicks}.png"), full_page=True
        )


def _what_the_paragraph_says() -> tuple[str, str]:
    """Enschede's contribution to the GGD Twente in the paragraph of this year's begroting, and
    the GGD's next evaluation as the registry's schedule computes it."""
    today = timezone.localdate()
    enschede = Organisation.objects.get(cbs_code="GM0153")
    paragraph = build_paragraph(enschede, today.year, Variant.BUDGET)
    ggd = next(entry for entry in paragraph.entries if entry.name == "GGD Twente")
    assert ggd.amount("contribution"), "the demo data has no contribution of this year"
    due = schedule_of_party(Party.objects.get(code="ggd-twente"), today).next_due
    return euro(ggd.amount("contribution")), due.strftime("%d-%m-%Y")


def _start(page, who: str) -> Journey:
    if who == "raadslid":
        log_in(page, "raad.enschede")  # signing in lands on the start page
    else:
        page.goto(page.base + "/")
    assert page.url.rstrip("/") == page.base
    return Journey(page, who)


@pytest.mark.parametrize("who", ["bezoeker", "raadslid"])
def test_what_enschede_pays_the_ggd_and_when_it_is_evaluated_in_three_clicks(page, who):
    contribution, due = _what_the_paragraph_says()
    journey = _start(page, who)

    journey.click(page.get_by_role("link", name="Enschede", exact=True))
    assert page.get_by_role("heading", level=1).inner_text().startswith("Enschede")
    year = timezone.localdate().year
    row = page.get_by_role("row").filter(
        has=page.get_by_role("link", name="GGD Twente", exact=True)
    )
    # the table of gemeenschappelijke regelingen: contribution of this year
    assert row.first.inner_text().endswith(contribution)
    assert page.get_by_text(f"Bijdrage {year}").first.is_visible()
    # the table of evaluations due
    evaluation_row = page.locator("#evaluaties ~ div tr", has_text="GGD Twente")
    assert due in evaluation_row.inner_text()

    journey.click(row.first.get_by_role("link", name="GGD Twente"))
    assert page.get_by_role("heading", level=1).inner_text() == "GGD Twente"
    enschede = page.get_by_role("row").filter(has_text="Enschede").first
    assert contribution in enschede.inner_text()
    assert due in page.locator("#volgende-evaluatie").inner_text()
    assert journey.clicks <= 3


def test_searching_for_the_ggd_finds_its_page_with_the_same_figures(page):
    contribution, due = _what_the_paragraph_says()
    journey = _start(page, "zoeker")
    page.fill("#id_q", "GGD")
    journey.click(page.get_by_role("button", name="Zoeken"))
    results = page.get_by_role("link", name="GGD Twente", exact=True)
    assert results.count() == 1
    journey.click(results)
    assert page.get_by_role("heading", level=1).inner_text() == "GGD Twente"
    assert contribution in page.get_by_role("row").filter(has_text="Enschede").first.inner_text()
    assert due in page.locator("#volgende-evaluatie").inner_text()
    assert journey.clicks == 2
