"""The paragraph "verbonden partijen": content, unknowns, four formats with the same content,
a fixed number of queries, and access for finance staff of the organisation only."""

import csv
import io
from decimal import Decimal
from html.parser import HTMLParser

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerships.choices import BodyKind, FiguresKind, LegalForm, RiskLevel
from partnerships.models import AnnualFigures, Contribution, FinancialInterest, Risk
from partnerships.paragraph import Variant, build_paragraph
from partnerships.paragraph_formats import (
    Cell,
    introduction,
    missing_data,
    render,
    sections,
    table,
    total_fields,
)
from registry import formatting
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for


def add_party(
    organisation, name, legal_form=LegalForm.PUBLIC_BODY, figures=True, interest=None, **fields
):
    """A party `organisation` takes part in, with a seat, a contribution for 2027, the
    financial interest at the end of 2026 and 2027 (`interest`: the amounts of both) and,
    with `figures`, the party's begroting 2027."""
    party = factories.PartyFactory(
        name=name, legal_form=legal_form, seat="Enschede", public_interest="Belastingen heffen"
    )
    participation = factories.ParticipationFactory(
        party=party, organisation=organisation, seats=1, **fields
    )
    for year in (2026, 2027):
        FinancialInterest.objects.create(
            participation=participation,
            year=year,
            **{"guarantees": 0, "loans": 0, "amount_at_risk": 0, **(interest or {}).get(year, {})},
        )
    board = factories.BodyFactory(party=party, kind=BodyKind.GENERAL_BOARD)
    factories.SeatFactory(body=board, organisation=organisation, person_name="J. Jansen")
    Contribution.objects.create(
        participation=participation,
        year=2027,
        budgeted=Decimal("1250000"),
        realised=Decimal("1300000"),
    )
    if figures:
        figures = AnnualFigures.objects.create(
            party=party,
            year=2027,
            kind=FiguresKind.BUDGET,
            equity_start=Decimal("500000"),
            equity_end=Decimal("450000"),
            debt_start=Decimal("2000000"),
            debt_end=Decimal("1800000"),
            result=Decimal("-12500"),
            developments="Groei door toetreding van Losser.",
        )
        Risk.objects.create(
            figures=figures, description="Lagere WOZ-opbrengst", level=RiskLevel.MEDIUM
        )
    return party


TWENCE_SHARES = {
    2026: {
        "shares_count": 1200,
        "share_nominal_value": Decimal("1"),
        "guarantees": Decimal("400000"),
    },
    2027: {
        "shares_count": 1200,
        "share_nominal_value": Decimal("1"),
        "guarantees": Decimal("350000"),
    },
}


@pytest.fixture
def paragraph(enschede):
    factories.ParagraphTextFactory(
        organisation=enschede,
        year=2027,
        vision="Samenwerken waar het de inwoners meer oplevert.",
        intentions="De GR Belastingen evalueren in 2027.",
    )
    add_party(enschede, "Gemeentelijk Belastingkantoor Twente")
    add_party(
        enschede, "Twence BV", LegalForm.PRIVATE_LIMITED, figures=False, interest=TWENCE_SHARES
    )
    factories.ParticipationFactory(
        organisation=enschede, party=factories.PartyFactory(legal_form=LegalForm.AGREEMENT)
    )  # a covenant is not a verbonden partij
    return build_paragraph(enschede, 2027, Variant.BUDGET)


def test_paragraph_groups_verbonden_partijen_by_bbv_category_with_the_reason(paragraph):
    by_category = {c.label: [e.name for e in c.entries] for c in paragraph.categories}
    assert by_category == {
        "Gemeenschappelijke regelingen": ["Gemeentelijk Belastingkantoor Twente"],
        "Vennootschappen en coöperaties": ["Twence BV"],
        "Stichtingen en verenigingen": [],
        "Overige verbonden partijen": [],
    }
    gbt, twence = paragraph.entries
    assert gbt.amount("contribution") == Decimal("1250000")
    assert gbt.amount("result") == Decimal("-12500")
    assert gbt.representation == ["Algemeen bestuur: J. Jansen (wethouder, lid)"]
    assert gbt.risks == ["Lagere WOZ-opbrengst (gemiddeld)"]
    assert gbt.reason.startswith("bestuurlijk belang: elke deelnemer wijst leden van het")
    assert twence.reason == (
        "bestuurlijk belang: 1 zetel, een zetel in een bestuursorgaan van de partij, aandelen "
        "met stemrecht in de AVA (BW 2:118, 2:228); financieel belang: 1.200 aandelen, "
        "garanties € 350.000"
    )


def test_the_interest_at_start_and_end_of_the_year_comes_from_the_years_positions(paragraph):
    twence = paragraph.entries[1]
    assert (twence.amount("guarantees_start"), twence.amount("guarantees_end")) == (
        Decimal("400000"),
        Decimal("350000"),
    )
    assert twence.amount("shares_end") == Decimal("1200")
    assert twence.shares == "1.200 aandelen à € 1,00"
    labels = dict(paragraph.money_columns)
    assert labels["guarantees_end"] == "Belang: garanties eind jaar (verwacht)"


def test_a_jaarverslag_made_later_prints_the_values_of_its_own_year(enschede):
    party = add_party(enschede, "GBT", interest={2026: {"guarantees": Decimal(7)}})
    participation = party.participations.get()
    FinancialInterest.objects.create(participation=participation, year=2025, guarantees=3)
    report = build_paragraph(enschede, 2026, Variant.ANNUAL_REPORT)
    entry = report.entries[0]
    assert (entry.amount("guarantees_start"), entry.amount("guarantees_end")) == (3, 7)
    assert dict(report.money_columns)["guarantees_end"] == "Belang: garanties eind jaar"


def test_missing_items_are_unknown_and_listed_never_zero(paragraph, enschede):
    twence = paragraph.entries[1]
    assert twence.amount("equity_start") is None
    assert paragraph.warnings == [
        "Twence BV: ontbreekt: eigen vermogen begin jaar, eigen vermogen eind jaar (verwacht), "
        "vreemd vermogen begin jaar, vreemd vermogen eind jaar (verwacht), resultaat (verwacht)."
    ]
    total = paragraph.total("equity_start")
    assert (total.amount, total.complete) == (Decimal("500000"), False)
    assert dict(total_fields(paragraph, paragraph))["Eigen vermogen begin jaar"].text == (
        "€ 500.000 (onvolledig)"
    )


def test_missing_seat_public_interest_and_texts_are_listed(enschede):
    party = add_party(enschede, "GBT")
    party.seat, party.public_interest = "", ""
    party.save()
    FinancialInterest.objects.filter(year=2026).delete()
    paragraph = build_paragraph(enschede, 2027, Variant.BUDGET)
    assert paragraph.warnings == [
        "De visie op verbonden partijen ontbreekt (BBV art. 15 lid 1).",
        "De beleidsvoornemens omtrent verbonden partijen ontbreken (BBV art. 15 lid 1).",
        "GBT: ontbreekt: vestigingsplaats, openbaar belang, financieel belang begin jaar "
        "(stand 31-12-2026).",
    ]
    assert introduction(paragraph) == [
        ("Visie op verbonden partijen", "ontbreekt"),
        ("Beleidsvoornemens omtrent verbonden partijen", "ontbreekt"),
    ]


def test_an_unknown_one_is_listed_with_its_reason_under_ontbrekende_gegevens(enschede):
    party = factories.PartyFactory(name="Kennispark Twente", legal_form=LegalForm.FOUNDATION)
    factories.ParticipationFactory(party=party, organisation=enschede, seats=None)
    paragraph = build_paragraph(enschede, 2027, Variant.BUDGET)
    assert paragraph.entries == []
    assert paragraph.warnings[-1] == (
        "Kennispark Twente: onbekend of dit een verbonden partij is (stichtingen en "
        "verenigingen) – bestuurlijk belang onbekend; financieel belang onbekend; ontbreekt: "
        "aantal zetels, financieel belang 2027."
    )


def test_category_d_holds_a_cv(enschede):
    add_party(
        enschede,
        "Grondexploitatie CV",
        LegalForm.LIMITED_PARTNERSHIP,
        voting_weight=Decimal(50),
        interest={2027: {"amount_at_risk": Decimal(2_000_000)}},
    )
    paragraph = build_paragraph(enschede, 2027, Variant.BUDGET)
    assert [e.name for e in paragraph.categories[3].entries] == ["Grondexploitatie CV"]
    assert paragraph.categories[3].label == "Overige verbonden partijen"


def test_jaarverslag_uses_realised_contribution(enschede):
    add_party(enschede, "Gemeentelijk Belastingkantoor Twente")
    report = build_paragraph(enschede, 2027, Variant.ANNUAL_REPORT)
    entry = report.entries[0]
    assert entry.amount("contribution") == Decimal("1300000")
    assert entry.amount("equity_end") is None  # no jaarrekening figures yet


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.texts = []

    def handle_data(self, data):
        if data.strip():
            self.texts.append(data.strip())


def _amount(cell: str) -> Decimal | None:
    try:
        return Decimal(cell.replace(",", "."))
    except ArithmeticError:
        return None


def texts_of(content: bytes, file_format: str) -> set[str]:
    """The texts a reader sees; amounts in the spreadsheets as they would be shown (€ ...)."""
    if file_format == "csv":
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
        found = set()
        for row in rows:
            for cell in row:
                amount = _amount(cell) if cell[:1] in "-0123456789" else None
                found.add(cell if amount is None else formatting.euro(amount))
        return found
    if file_format == "xlsx":
        from openpyxl import load_workbook

        workbook = load_workbook(io.BytesIO(content))
        found = set()
        for sheet in workbook:
            for row in sheet.iter_rows(values_only=True):
                for value in row:
                    if isinstance(value, int | float | Decimal):
                        found.add(formatting.euro(Decimal(str(value))))
                    elif value is not None:
                        found.add(str(value))
        return found
    if file_format == "docx":
        from docx import Document

        document = Document(io.BytesIO(content))
        found = {p.text for p in document.paragraphs}
        for grid in document.tables:
            found |= {cell.text for row in grid.rows for cell in row.cells}
        return found
    parser = _Text()
    parser.feed(content.decode("utf-8"))
    return set(parser.texts)


def _shown(cell: Cell) -> str:
    return formatting.euro(cell.amount) if cell.amount is not None else cell.text


@pytest.mark.parametrize("file_format", ["docx", "xlsx", "csv", "html"])
def test_every_format_carries_the_same_content(paragraph, file_format):
    expected = {paragraph.title, *missing_data(paragraph)}
    for label, text in introduction(paragraph):
        expected |= {label, text}
    if file_format in ("docx", "html"):
        for section in sections(paragraph):
            for name, fields in section["entries"]:
                expected.add(name)
                expected |= {cell.text for _label, cell in fields}
                expected |= {label for label, _cell in fields}
            if section["entries"]:
                expected |= {cell.text for _label, cell in section["totals"]}
        expected |= {cell.text for _label, cell in total_fields(paragraph, paragraph)}
    else:
        expected |= {_shown(cell) for row in table(paragraph) for cell in row} - {""}
    found = texts_of(render(paragraph, file_format), file_format)
    assert expected - found == set()
    assert "-€ 12.500" in found and "€ 1.250.000" in found and "onbekend" in found


def test_spreadsheets_hold_amounts_as_numbers_and_no_quote_before_them(paragraph):
    content = render(paragraph, "csv").decode("utf-8-sig")
    assert "'-" not in content and "'€" not in content
    assert ";-12500,00;" in content and ";1250000,00;" in content
    assert ";geen;" in content and ";1.200 aandelen à € 1,00;" in content
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(render(paragraph, "xlsx"))).active
    values = [c.value for row in sheet.iter_rows() for c in row]
    assert Decimal("-12500") in values and not [v for v in values if str(v).startswith("'")]


def test_exported_text_that_starts_like_a_formula_is_neutralised(enschede):
    add_party(enschede, '=HYPERLINK("http://kwaad")')
    paragraph = build_paragraph(enschede, 2027, Variant.BUDGET)
    content = render(paragraph, "csv").decode("utf-8-sig")
    assert "'=HYPERLINK" in content
    from openpyxl import load_workbook

    sheet = load_workbook(io.BytesIO(render(paragraph, "xlsx"))).active
    cells = [c for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    (formula_like,) = [c for c in cells if c.value.startswith("=")]
    assert formula_like.data_type == "s" and formula_like.quotePrefix  # text, runs nothing
    assert not any(c.value.startswith("'") for c in cells)  # and shows no apostrophe


def test_query_count_is_fixed_whatever_the_number_of_parties(enschede):
    def queries_for_paragraph():
        with CaptureQueriesContext(connection) as captured:
            paragraph = build_paragraph(enschede, 2027, Variant.BUDGET)
            for file_format in ("docx", "xlsx", "csv", "html"):
                render(paragraph, file_format)
        return len(captured)

    add_party(enschede, "Partij 1")
    few = queries_for_paragraph()
    for number in range(2, 25):
        add_party(enschede, f"Partij {number}", LegalForm.PUBLIC_LIMITED, interest=TWENCE_SHARES)
    factories.ParticipationFactory(
        organisation=enschede,
        party=factories.PartyFactory(legal_form=LegalForm.FOUNDATION),
        seats=None,
    )  # unknown, explained from the same query
    assert queries_for_paragraph() == few == 8


def test_paragraph_is_exported_by_finance_staff_of_the_organisation_only(
    paragraph, enschede, almelo
):
    url = reverse("partnerships:paragraph")
    query = {
        "organisation": enschede.pk,
        "year": 2027,
        "variant": "begroting",
        "file_format": "docx",
    }
    finance = client_for(factories.user_with_role(RoleKind.FINANCE, enschede))
    response = finance.get(url, query)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'attachment; filename="verbonden-partijen-begroting-2027-GM0153.docx"'
    )
    other = client_for(factories.user_with_role(RoleKind.FINANCE, almelo))
    assert other.get(url, query).status_code == 403
    council = client_for(factories.user_with_role(RoleKind.COUNCIL, enschede))
    assert council.get(url, query).status_code == 403


def test_export_paragraph_command_writes_the_file(paragraph, tmp_path):
    output = tmp_path / "paragraaf.xlsx"
    stdout = io.StringIO()
    call_command(
        "export_paragraph",
        organisation="gm0153",
        year=2027,
        variant="begroting",
        file_format="xlsx",
        output=output,
        stdout=stdout,
    )
    assert output.read_bytes()[:2] == b"PK"
    assert "2 verbonden partijen" in stdout.getvalue()
    assert "let op: Twence BV: ontbreekt" in stdout.getvalue()


def test_form_preselects_the_one_organisation_of_finance_staff(enschede, almelo):
    finance = client_for(factories.user_with_role(RoleKind.FINANCE, enschede))
    form = finance.get(reverse("partnerships:paragraph")).context["form"]
    assert form["organisation"].value() == enschede.pk
    admin = client_for(factories.admin_user())
    assert (
        admin.get(reverse("partnerships:paragraph")).context["form"]["organisation"].value() is None
    )


def test_docx_has_real_headings_and_styled_tables_for_the_budget_book(paragraph):
    from docx import Document

    document = Document(io.BytesIO(render(paragraph, "docx")))
    styles = {p.text: p.style.name for p in document.paragraphs}
    assert styles[paragraph.title] == "Heading 1"
    assert styles[sections(paragraph)[0]["label"]] == "Heading 2"
    assert styles[paragraph.entries[0].name] == "Heading 3"
    assert styles[missing_data(paragraph)[0]] == "List Bullet"
    assert {grid.style.name for grid in document.tables} == {"Light List Accent 1"}


def test_export_paragraph_writes_csv_to_standard_output(paragraph):
    stdout, stderr = io.StringIO(), io.StringIO()
    call_command(
        "export_paragraph",
        organisation="GM0153",
        year=2027,
        variant="begroting",
        file_format="csv",
        output="-",
        stdout=stdout,
        stderr=stderr,
    )
    rows = list(csv.reader(io.StringIO(stdout.getvalue()), delimiter=";"))
    assert rows[0] == [paragraph.title]
    assert rows[4][:2] == ["Gemeenschappelijke regelingen", "Gemeentelijk Belastingkantoor Twente"]
    assert "2 verbonden partijen → -" in stderr.getvalue()
