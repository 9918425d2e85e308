"""Issue 15's "done when": the generated overview map of the demo's Twente region, read back
by the import of participations (the service `import_spreadsheet --kind participations`
calls) in preview, changes nothing: every mark is an unchanged participation."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.utils import timezone

from partnerships.models import Region
from partnerships.overview import xlsx
from partnerships.overview.queries import MARK, build_map
from partnerships.spreadsheets import service


@pytest.fixture
def demo(db):
    call_command("load_demo_data", password="Demo-Toets-Wachtwoord-2026", stdout=io.StringIO())
    return get_user_model().objects


def test_the_twente_region_map_round_trips_with_no_change(demo):
    supervisor = demo.get(username="toezicht.overijssel")
    region = Region.objects.get(name="Twente")
    assert region.municipalities.count() == 14
    overview = build_map(supervisor, region.province, timezone.localdate(), region=region)
    marks = sum(
        cell == MARK for group in overview.groups for row in group.rows for cell in row.cells[:14]
    )
    assert marks > 14  # the demo's Twente: Regio Twente, the safety region, Enexis, ...
    plan = service.plan_file(supervisor, "participations", xlsx.render(overview))
    assert plan.file_problems == []
    assert [str(p) for p in plan.problems] == []
    assert plan.notices[0].startswith("Overzichtskaart herkend")
    assert "14 gemeentekolommen" in plan.notices[0]
    statuses = {}
    for row in plan.rows:
        statuses[row.status] = statuses.get(row.status, 0) + 1
    assert statuses == {"unchanged": marks}
