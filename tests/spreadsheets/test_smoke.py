import datetime
from decimal import Decimal

from partnerships.models import Participation
from partnerships.spreadsheets import service
from tests.spreadsheets.conftest import xlsx

HEADERS = ["CBS-code deelnemer", "Registercode samenwerkingsverband", "Deelname vanaf", "Zetels", "Garanties en borgstellingen"]


def test_smoke(supervisor, enschede, almelo, ggd):
    data = xlsx([HEADERS, ["GM0153", "ggd-twente", "01-01-2020", 2, "1.234,56"], ["gm0141", "GGD-TWENTE", datetime.date(2020, 1, 1), 1, None]])
    plan = service.plan_file(supervisor, "participations", data)
    assert plan.file_problems == []
    assert [str(p) for p in plan.problems] == []
    assert plan.counts["new"] == 2
    plan = service.commit(supervisor, "participations", data, "x.xlsx", channel="command")
    assert plan.ok
    p = Participation.objects.get(organisation=enschede)
    assert p.guarantees == Decimal("1234.56") and p.seats == 2
    assert p.history.first().history_change_reason.startswith("Import")
    again = service.plan_file(supervisor, "participations", data)
    assert again.counts["unchanged"] == 2, [r.changes for r in again.rows]
