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
from partnerships.models import AnnualFigures, Contribution, Risk
from partnerships.paragraph import Variant, build_paragraph
from partnerships.paragraph_formats import missing_data, render, sections, total_fields
from registry import formatting
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for


def add_party(organisation, name, legal_form=LegalForm.PUBLIC_BODY, figures=True, **money):
    party = factories.PartyFactory(
        name=name, legal_form=legal_form, seat="Enschede", public_interest="Belastingen heffen"
    )
    participation = factories.ParticipationFactory(
        party=party, organisation=organisation, seats=1, **money
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


@pytest.fixture
def paragraph(enschede):
    add_party(enschede, "Gemeentelijk Belastingkantoor Twente")
    add_party(
        enschede,
        "Twence BV",
        LegalForm.PRIVATE_LIMITED,
        figures=False,
        shares_count=1200,
        voting_weight=Decimal(3),
        guarantees=Decimal("400000"),
    )
    factories.ParticipationFactory(
        organisation=enschede, party=factories.PartyFactory(legal_form=LegalForm.AGREEMENT)
    )  # a covenant is not a verbonden partij
    return build_paragraph(enschede, 2027, Variant.BUDGET)


def test_paragraph_groups_verbonden_partijen_by_bbv_category(paragraph):
    by_category = {c.label: [e.name for e in c.entries] for c in paragraph.categories}
    assert by_category == {
        "Gemeenschappelijke regelingen": ["Gemeentelijk Belastingkantoor Twente"],
        "Vennootschappen en coöperaties": ["Twence BV"],
        "Stichtingen en verenigingen": [],
        "Overige verbonden partijen": [],
    }
    gbt = paragraph.categories[0].entries[0]
    assert gbt.contribution == Decimal("1250000")
    assert gbt.result == Decimal("-12500")
    assert gbt.representation == ["Algemeen bestuur: J. Jansen (wethouder, lid)"]
    assert gbt.risks == ["Lagere WOZ-opbrengst (gemiddeld)"]


def test_missing_figures_are_unknown_and_warned_never_zero(paragraph):
    twence = paragraph.categories[1].entries[0]
    assert twence.equity_start is None
    assert paragraph.warnings == [
        "Twence BV: onbekend: eigen vermogen begin jaar, eigen vermogen eind jaar, "
        "vreemd vermogen begin jaar, vreemd vermogen eind jaar, resultaat."
    ]
    total = paragraph.total("equity_start")
    assert (total.amount, total.complete) == (Decimal("500000"), False)
    assert dict(total_fields(paragraph))["Eigen vermogen begin jaar"].text == (
        "€ 500.000 (onvolledig)"
    )


def test_jaarverslag_uses_realised_contribution(enschede):
    add_party(enschede, "Gemeentelijk Belastingkantoor Twente")
    report = build_paragraph(enschede, 2027, Variant.ANNUAL_REPORT)
    entry = report.entries[0]
    assert entry.contribution == Decimal("1300000")
    assert entry.equity_end is None  # no jaarrekening figures yet


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.texts = []

    def handle_data(self, data):
        if data.strip():
            self.texts.append(data.strip())


def texts_of(content: bytes, file_format: str) -> set[str]:
    if file_format == "csv":
        rows = csv.reader(io.StringIO(content.decode("utf-8-sig")), delimiter=";")
        return {cell.removeprefix("'") for row in rows for cell in row}
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
                        found.add(str(value).removeprefix("'"))
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


@pytest.mark.parametrize("file_format", ["docx", "xlsx", "csv", "html"])
def test_every_format_carries_the_same_content(paragraph, file_format):
    expected = {paragraph.title, *missing_data(paragraph)}
    for section in sections(paragraph):
        for name, fields in section["entries"]:
            expected.add(name)
            expected |= {cell.text for _label, cell in fields}
            expected |= {label for label, _cell in fields}
        if section["entries"]:
            expected |= {cell.text for _label, cell in section["totals"]}
    expected |= {cell.text for _label, cell in total_fields(paragraph)}
    found = texts_of(render(paragraph, file_format), file_format)
    assert expected - found == set()
    assert "-€ 12.500" in found and "€ 1.250.000" in found and "onbekend" in found


def test_exported_cells_cannot_run_as_formulas(enschede):
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
        add_party(enschede, f"Partij {number}", shares_count=10)
    assert queries_for_paragraph() == few == 6


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
    assert "let op: Twence BV" in stdout.getvalue()


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
