"""The paragraph's files as Word and Excel open them, ready for the budget book: the DOCX on
A4 in Dutch with the registry and the organisation in its properties, real header rows and
tables as wide as the text; the XLSX with widths, euro formats, a frozen header and a print
set-up; the list of missing figures in both variants; and a municipality's own Word template
(house style) used when it has uploaded one."""

import io
import re
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm, Emu, Pt
from openpyxl import load_workbook

from partnerships.models import ParagraphTemplate
from partnerships.paragraph import Variant, build_paragraph
from partnerships.paragraph_formats import render
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for
from tests.partnerships.test_paragraph import add_party

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


@pytest.fixture
def enschede_paragraph(enschede):
    add_party(enschede, "Gemeentelijk Belastingkantoor Twente")  # guarantees, loans unknown
    return build_paragraph(enschede, 2027, Variant.BUDGET)


def cm(length) -> float:
    return round(length.cm, 2)


def text_width(section) -> Emu:
    return Emu(section.page_width - section.left_margin - section.right_margin)


def docx_parts(content: bytes) -> dict[str, str]:
    archive = zipfile.ZipFile(io.BytesIO(content))
    return {name: archive.read(name).decode("utf-8", "replace") for name in archive.namelist()}


def test_the_docx_is_a4_in_dutch_with_the_registry_and_organisation_as_properties(
    enschede_paragraph,
):
    content = render(enschede_paragraph, "docx")
    document = Document(io.BytesIO(content))
    section = document.sections[0]
    assert (round(section.page_width.cm, 1), round(section.page_height.cm, 1)) == (21.0, 29.7)
    assert (cm(section.left_margin), cm(section.right_margin)) == (2.0, 2.0)
    assert (cm(section.top_margin), cm(section.bottom_margin)) == (2.5, 2.5)
    styles = document.styles.element
    default = styles.find(f"{W}docDefaults/{W}rPrDefault/{W}rPr/{W}lang")
    assert default.get(qn("w:val")) == "nl-NL"
    for name in ("Normal", "Heading 1", "Heading 2", "Heading 3", "List Bullet"):
        lang = document.styles[name].element.find(f"{W}rPr/{W}lang")
        assert lang.get(qn("w:val")) == "nl-NL", name
    parts = docx_parts(content)
    assert not [name for name, xml in parts.items() if "en-US" in xml]  # no English proofing
    assert not [name for name, xml in parts.items() if "python-docx" in xml]
    properties = document.core_properties
    assert properties.title == enschede_paragraph.title
    assert "Enschede" in properties.author and "Register verbonden partijen" in properties.author
    assert properties.language == "nl-NL" and properties.created.year >= 2026
    assert "<Company>Enschede</Company>" in parts["docProps/app.xml"]


def test_docx_tables_have_a_real_header_row_and_fit_the_text_column(enschede_paragraph):
    document = Document(io.BytesIO(render(enschede_paragraph, "docx")))
    width_of_text = text_width(document.sections[0])
    assert document.tables
    for grid in document.tables:
        rows = grid._tbl.findall(f"{W}tr")
        repeated = [row.find(f"{W}trPr/{W}tblHeader") is not None for row in rows]
        assert repeated == [True] + [False] * (len(rows) - 1)  # only the header row
        assert grid.rows[0].cells[0].text == "Onderdeel"
        assert grid.rows[1].cells[0].text != "Onderdeel"
        width = grid._tbl.tblPr.find(f"{W}tblW")
        assert (width.get(qn("w:type")), int(width.get(qn("w:w")))) == ("dxa", width_of_text.twips)
        columns = sum(int(c.get(qn("w:w"))) for c in grid._tbl.tblGrid.findall(f"{W}gridCol"))
        assert abs(columns - width_of_text.twips) <= len(grid.columns)  # rounding per column
        assert grid._tbl.tblPr.find(f"{W}tblLayout").get(qn("w:type")) == "fixed"


@pytest.mark.parametrize("variant", Variant.ALL)
def test_both_variants_list_every_figure_they_show_as_unknown(enschede, variant):
    unknown = {"guarantees": None, "loans": None}
    add_party(
        enschede, "Gemeentelijk Belastingkantoor Twente", interest={2026: unknown, 2027: unknown}
    )
    paragraph = build_paragraph(enschede, 2027, variant)
    document = Document(io.BytesIO(render(paragraph, "docx")))
    texts = [p.text for p in document.paragraphs]
    heading = texts.index("Ontbrekende gegevens")
    listed = " ".join(texts[heading + 1 :])
    assert "Gemeentelijk Belastingkantoor Twente: ontbreekt:" in listed
    assert "garanties begin jaar" in listed and "leningen eind jaar" in listed
    assert document.paragraphs[heading].style.name == "Heading 2"


def test_the_xlsx_is_ready_to_print_and_to_calculate_with(enschede_paragraph):
    workbook = load_workbook(io.BytesIO(render(enschede_paragraph, "xlsx")))
    sheet = workbook["Verbonden partijen"]
    header = [cell.value for cell in sheet[2]]
    assert header[:2] == ["Categorie", "Verbonden partij"]
    assert sheet.freeze_panes == "C3"
    assert sheet.print_title_rows == "$2:$2"
    assert int(sheet.page_setup.paperSize) == int(sheet.PAPERSIZE_A4)
    assert sheet.page_setup.orientation == "landscape"
    assert (sheet.page_setup.fitToWidth, sheet.page_setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    used = {cell.column_letter for row in sheet.iter_rows(min_row=2) for cell in row if cell.value}
    widths = {letter: sheet.column_dimensions[letter].width for letter in used}
    assert all(width and width >= 10 for width in widths.values()), widths
    amounts = [c for row in sheet.iter_rows(min_row=3) for c in row if isinstance(c.value, int)]
    assert amounts and all("#,##0" in c.number_format and "€" in c.number_format for c in amounts)
    assert all(widths[c.column_letter] >= 14 for c in amounts)  # € 999.999.999, never ###
    result = header.index("Resultaat (verwacht)") + 1
    assert sheet.cell(row=3, column=result).value == -12500  # a number, minus and all
    texts = [c.value for row in sheet.iter_rows() for c in row if isinstance(c.value, str)]
    assert not any(text.startswith("'") for text in texts)  # no apostrophes
    assert "geen" in texts  # "no shares", in words
    vision = workbook["Visie en beleid"]
    assert vision["A2"].value == "Visie op verbonden partijen"
    missing = workbook["Ontbrekende gegevens"]
    assert missing["A1"].value == "Ontbrekende gegevens"  # its header row
    assert "visie" in missing["A2"].value


def house_template(kind: str = "dotx") -> bytes:
    """A municipality's house style as Word saves it: other margins, a header with the
    municipality's name, its own heading style; as a template (.dotx) or a document."""
    document = Document()
    section = document.sections[0]
    section.left_margin = section.right_margin = Cm(3)
    section.header.paragraphs[0].text = "Gemeente Enschede – huisstijl"
    document.styles["Heading 1"].font.size = Pt(20)
    document.add_paragraph("Deze voorbeeldtekst hoort niet in de paragraaf.")
    buffer = io.BytesIO()
    document.save(buffer)
    if kind == "docx":
        return buffer.getvalue()
    source, target = zipfile.ZipFile(buffer), io.BytesIO()
    with zipfile.ZipFile(target, "w") as archive:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"template.main+xml")
            archive.writestr(item, data)
    return target.getvalue()


@pytest.mark.parametrize("kind", ["dotx", "docx"])
def test_the_paragraph_takes_the_house_style_of_the_uploaded_template(enschede_paragraph, kind):
    document = Document(io.BytesIO(render(enschede_paragraph, "docx", house_template(kind))))
    section = document.sections[0]
    assert cm(section.left_margin) == 3.0  # the template's page, not the registry's
    assert section.header.paragraphs[0].text == "Gemeente Enschede – huisstijl"
    assert document.styles["Heading 1"].font.size == Pt(20)
    texts = [p.text for p in document.paragraphs]
    assert texts[0] == enschede_paragraph.title
    assert "Deze voorbeeldtekst hoort niet in de paragraaf." not in texts
    width = document.tables[0]._tbl.tblPr.find(f"{W}tblW")
    assert int(width.get(qn("w:w"))) == text_width(section).twips  # tables fit its text column


def test_finance_uploads_the_house_style_and_the_paragraph_download_uses_it(enschede):
    add_party(enschede, "Gemeentelijk Belastingkantoor Twente")
    finance = client_for(factories.user_with_role(RoleKind.FINANCE, enschede))
    upload = SimpleUploadedFile("huisstijl.dotx", house_template("dotx"))
    response = finance.post(
        reverse("admin:partnerships_paragraphtemplate_add"),
        {"organisation": enschede.pk, "file": upload, "notes": "versie 2026"},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert ParagraphTemplate.objects.get().history.get().history_user is not None
    document = finance.get(
        reverse("partnerships:paragraph"),
        {"organisation": enschede.pk, "year": 2027, "variant": "begroting", "file_format": "docx"},
    )
    assert cm(Document(io.BytesIO(document.content)).sections[0].left_margin) == 3.0


def test_a_file_that_is_no_word_template_is_refused_in_dutch(enschede):
    finance = client_for(factories.user_with_role(RoleKind.FINANCE, enschede))
    not_word = io.BytesIO()
    with zipfile.ZipFile(not_word, "w") as archive:
        archive.writestr("iets.txt", "geen Word")
    response = finance.post(
        reverse("admin:partnerships_paragraphtemplate_add"),
        {
            "organisation": enschede.pk,
            "file": SimpleUploadedFile("huisstijl.dotx", not_word.getvalue()),
        },
    )
    assert response.status_code == 200
    assert "geen Word-document of -sjabloon" in response.content.decode()
    assert not ParagraphTemplate.objects.exists()


def test_the_house_style_is_kept_by_the_organisations_own_finance_staff(enschede, almelo):
    factories.ParagraphTemplateFactory(organisation=enschede)
    others = client_for(factories.user_with_role(RoleKind.FINANCE, almelo))
    listing = others.get(reverse("admin:partnerships_paragraphtemplate_changelist"))
    assert list(listing.context["cl"].result_list) == []
    add = others.get(reverse("admin:partnerships_paragraphtemplate_add"))
    assert set(add.context["adminform"].form.fields["organisation"].queryset) == {almelo}


def test_amounts_in_the_docx_are_dutch_and_right_aligned_in_totals(enschede_paragraph):
    document = Document(io.BytesIO(render(enschede_paragraph, "docx")))
    texts = {cell.text for grid in document.tables for row in grid.rows for cell in row.cells}
    assert "€ 1.250.000" in texts and "-€ 12.500" in texts
    totals = document.tables[-1]
    assert totals.rows[1].cells[1].paragraphs[0].alignment == 2  # right
    assert re.fullmatch(r"€ [\d.]+", totals.rows[1].cells[1].text)
