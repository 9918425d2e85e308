"""The comparison's further columns (issue 15, point 3): guarantees and amounts at risk, late
cycle documents, late zienswijzen, overdue evaluations, contributions per theme; sortable,
in the XLSX, and in a fixed number of queries."""

import datetime
from decimal import Decimal
from io import BytesIO

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from evaluations.choices import EvaluationStatus
from partnerships.cycle.choices import DocumentKind, ZienswijzeStatus
from partnerships.cycle.models import CycleDocument, Zienswijze
from partnerships.models import Contribution, Participation
from partnerships.overview.comparison import build_comparison
from partnerships.overview.comparison_deadlines import evaluation_day
from registry import writes
from tests import factories
from tests.conftest import client_for
from tests.overview.conftest import supervisor

D = datetime.date
K = DocumentKind
TODAY = D(2026, 6, 1)


def document(party, year, kind, **fields):
    return writes.save(
        user=factories.SERVER, record=CycleDocument(party=party, year=year, kind=kind, **fields)
    )


def lines_by_name(comparison):
    return {line.municipality.name: line for line in comparison.lines}


def test_guarantees_and_amounts_at_risk_are_the_years_financial_interests(
    twente, overijssel, enschede, almelo
):
    region, foundation = twente
    in_region = Participation.objects.get(party=region, organisation=enschede)
    in_foundation = Participation.objects.get(party=foundation, organisation=almelo)
    factories.FinancialInterestFactory(
        participation=in_region, year=2026, guarantees=Decimal("500000"), amount_at_risk=25_000
    )
    factories.FinancialInterestFactory(participation=in_region, year=2025, guarantees=9)
    factories.FinancialInterestFactory(
        participation=in_foundation, year=2026, guarantees=None, amount_at_risk=1_000
    )
    lines = lines_by_name(build_comparison(supervisor(overijssel), overijssel, 2026, today=TODAY))
    assert (lines["Enschede"].guarantees, lines["Enschede"].amount_at_risk) == (500_000, 25_000)
    # no guarantee recorded: unknown, not zero
    assert (lines["Almelo"].guarantees, lines["Almelo"].amount_at_risk) == (None, 1_000)


def test_late_and_missing_cycle_documents_of_the_budget_year(twente, overijssel, enschede):
    region, _foundation = twente
    document(region, 2026, K.FRAMEWORK)  # due before 15 April 2025, still missing
    document(region, 2026, K.BUDGET_TO_PROVINCE, sent_on=D(2025, 10, 1))  # after 15 September
    document(region, 2026, K.DRAFT_BUDGET, board_meeting_on=D(2025, 7, 1), sent_on=D(2025, 4, 1))
    document(region, 2026, K.PROVISIONAL_ACCOUNTS)  # due in 2027: expected, not late
    document(region, 2025, K.FRAMEWORK)  # another budget year
    lines = lines_by_name(build_comparison(supervisor(overijssel), overijssel, 2026, today=TODAY))
    assert lines["Enschede"].late_documents == 2
    # Almelo left the safety region at the end of 2024: not its documents of 2026
    assert lines["Almelo"].late_documents == 0


def test_zienswijzen_not_sent_by_their_last_day(twente, overijssel, enschede, almelo):
    region, _foundation = twente
    draft = document(
        region,
        2026,
        K.DRAFT_BUDGET,
        board_meeting_on=D(2025, 7, 1),
        sent_on=D(2025, 4, 1),
        received_on=D(2025, 4, 2),
    )
    opened = Zienswijze.objects.get(document=draft, organisation=enschede)  # due 25 June 2025
    assert opened.due_on == D(2025, 6, 25)
    supervisor_of = supervisor(overijssel)
    lines = lines_by_name(build_comparison(supervisor_of, overijssel, 2026, today=TODAY))
    assert lines["Enschede"].late_zienswijzen == 1
    # sent, but after the last day: late all the same
    Zienswijze.objects.filter(pk=opened.pk).update(
        status=ZienswijzeStatus.SENT, sent_on=D(2025, 7, 1)
    )
    lines = lines_by_name(build_comparison(supervisor_of, overijssel, 2026, today=TODAY))
    assert lines["Enschede"].late_zienswijzen == 1
    Zienswijze.objects.filter(pk=opened.pk).update(sent_on=D(2025, 6, 20))
    lines = lines_by_name(build_comparison(supervisor_of, overijssel, 2026, today=TODAY))
    assert lines["Enschede"].late_zienswijzen == 0
    # before the last day nothing is late yet
    Zienswijze.objects.filter(pk=opened.pk).update(status=ZienswijzeStatus.DECIDED, sent_on=None)
    early = build_comparison(supervisor_of, overijssel, 2026, today=D(2025, 6, 25))
    assert lines_by_name(early)["Enschede"].late_zienswijzen == 0
    assert lines_by_name(early)["Almelo"].late_zienswijzen == 0


def test_overdue_evaluations_follow_the_evaluation_schedule(twente, overijssel, enschede, almelo):
    region, foundation = twente
    region.start_date = D(2015, 1, 1)  # no evaluation since: due in 2019 (four years assumed)
    region.save()
    foundation.start_date = D(2020, 1, 1)
    foundation.save()
    factories.EvaluationFactory(
        party=foundation, status=EvaluationStatus.COMPLETED, actual_end=D(2025, 5, 1)
    )
    lines = lines_by_name(build_comparison(supervisor(overijssel), overijssel, 2026, today=TODAY))
    assert lines["Enschede"].overdue_evaluations == 1
    assert lines["Almelo"].overdue_evaluations == 0  # evaluated in 2025, next due in 2029
    # judged on 31 December of a past year: Almelo's foundation had been due since 2024
    assert evaluation_day(2024, TODAY) == D(2024, 12, 31)
    assert evaluation_day(2027, TODAY) == TODAY
    past = lines_by_name(build_comparison(supervisor(overijssel), overijssel, 2024, today=TODAY))
    assert past["Enschede"].overdue_evaluations == 1


def test_contributions_per_theme_in_euros(twente, overijssel, enschede):
    region, _foundation = twente
    in_region = Participation.objects.get(party=region, organisation=enschede)
    Contribution.objects.create(participation=in_region, year=2026, budgeted=Decimal("1200000"))
    plain = factories.ParticipationFactory(organisation=enschede)  # a party without a theme
    Contribution.objects.create(participation=plain, year=2026, budgeted=Decimal("300000"))
    Contribution.objects.create(participation=plain, year=2025, budgeted=Decimal("7"))
    comparison = build_comparison(supervisor(overijssel), overijssel, 2026, today=TODAY)
    assert comparison.contribution_themes() == ["Overig", "Veiligheid"]
    rows = {line.municipality.name: amounts for line, amounts in comparison.contribution_rows()}
    assert rows["Enschede"] == [Decimal("300000"), Decimal("1200000")]
    assert rows["Almelo"] == [None, None]
    assert lines_by_name(comparison)["Enschede"].contributions == Decimal("1500000")


@pytest.fixture
def late_enschede(twente):
    region, _foundation = twente
    document(region, 2026, K.FRAMEWORK)
    document(region, 2026, K.BUDGET_TO_PROVINCE)
    return region


def test_the_page_sorts_on_late_documents_and_shows_the_tables(late_enschede, overijssel, enschede):
    client = client_for(supervisor(overijssel))
    url = reverse("partnerships:overview_comparison", args=[overijssel.pk])
    html = client.get(url, {"year": 2026, "sorteer": "-stukken"}).content.decode()
    table = html[html.index('id="comparison"') :]
    assert table.index("Enschede<") < table.index("Almelo<")
    assert "Stukken begrotingscyclus te laat" in table and 'aria-sort="descending"' in table
    assert 'id="comparison-contributions"' in html
    assert "Wgr art. 34, 34b en 35" in html


def test_the_xlsx_has_the_new_columns_and_the_contributions_sheet(
    late_enschede, overijssel, enschede
):
    in_region = Participation.objects.get(party=late_enschede, organisation=enschede)
    Contribution.objects.create(participation=in_region, year=2026, budgeted=Decimal("1200000"))
    client = client_for(supervisor(overijssel))
    url = reverse("partnerships:overview_comparison", args=[overijssel.pk])
    response = client.get(url, {"year": 2026, "format": "xlsx"})
    workbook = load_workbook(BytesIO(response.content))
    rows = list(workbook["Vergelijking"].iter_rows(values_only=True))
    header = list(rows[1])
    late = header.index("Stukken begrotingscyclus te laat")
    assert "Garanties en borgstellingen" in header and "Evaluaties achterstallig" in header
    by_name = {row[0]: row for row in rows[2:4]}
    # judged today: the framework and the begroting of 2026 were due in 2025
    assert by_name["Enschede"][late] == 2 and by_name["Almelo"][late] == 0
    themes = list(workbook["Bijdragen per thema"].iter_rows(values_only=True))
    assert themes[1] == ("Gemeente", "Veiligheid")
    assert ("Enschede", 1200000) in themes[2:]
    cell = workbook["Bijdragen per thema"]["B4"]
    assert "€" in cell.number_format


def _municipality_with_everything(province, theme):
    """A municipality with a row for every column: contribution, financial interest, a late
    document, a zienswijze past its day and an evaluation overdue."""
    municipality = factories.MunicipalityFactory(province=province)
    party = factories.PartyFactory(start_date=D(2010, 1, 1))
    party.themes.add(theme)
    participation = factories.ParticipationFactory(party=party, organisation=municipality)
    Contribution.objects.create(participation=participation, year=2026, budgeted=100)
    factories.FinancialInterestFactory(participation=participation, year=2026, guarantees=5)
    document(party, 2026, K.FRAMEWORK)
    document(party, 2026, K.DRAFT_BUDGET, received_on=D(2025, 4, 2))  # opens its zienswijze
    factories.PopulationFigureFactory(organisation=municipality, year=2026, inhabitants=1000)


# municipalities, the user's roles and the organisations it reads, participations (+ their
# themes), contributions, financial interests, late documents, late zienswijzen, the
# evaluations' schedule (participations, legal bases, last completed, own schedules),
# population figures
COMPARISON_QUERIES = 14


def test_the_comparison_takes_a_fixed_number_of_queries_at_two_sizes(
    overijssel, django_assert_num_queries
):
    theme = factories.ThemeFactory()
    user = supervisor(overijssel)

    def fresh():  # the roles are read once per user object
        return type(user).objects.get(pk=user.pk)

    _municipality_with_everything(overijssel, theme)
    reader = fresh()
    with django_assert_num_queries(COMPARISON_QUERIES):
        small = build_comparison(reader, overijssel, 2026, today=TODAY)
    for _ in range(5):
        _municipality_with_everything(overijssel, theme)
    reader = fresh()
    with django_assert_num_queries(COMPARISON_QUERIES):
        large = build_comparison(reader, overijssel, 2026, today=TODAY)
    assert len(large.lines) == 6 and len(small.lines) == 1
    assert all(line.late_documents == 1 and line.late_zienswijzen == 1 for line in large.lines)
    assert all(line.overdue_evaluations == 1 and line.guarantees == 5 for line in large.lines)


def test_the_page_draws_the_contributions_per_inhabitant_with_the_median(
    twente, overijssel, enschede, almelo
):
    for municipality, amount in ((enschede, 1_600_000), (almelo, 300_000)):
        participation = Participation.objects.filter(organisation=municipality).first()
        Contribution.objects.create(participation=participation, year=2026, budgeted=amount)
        factories.PopulationFigureFactory(organisation=municipality, year=2026, inhabitants=100_000)
    client = client_for(supervisor(overijssel))
    url = reverse("partnerships:overview_comparison", args=[overijssel.pk])
    html = client.get(url, {"year": 2026, "sorteer": "-per-inwoner"}).content.decode()
    start = html.index('<svg class="site-chart" id="comparison-chart"')
    chart = html[start : html.index("</svg>", start)]
    assert 'aria-describedby="comparison-chart-desc comparison"' in chart
    # in the table's order: Enschede € 16,00 before Almelo € 3,00; the median between
    assert "Enschede: € 16,00; Almelo: € 3,00; Mediaan van de provincie: € 9,50" in chart
    assert chart.count("<rect") == 2
