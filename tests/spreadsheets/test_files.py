"""Hostile and broken files are refused with a clear Dutch message, and nothing is saved."""

import io
import zipfile

import pytest

from partnerships.models import ImportRun, Participation
from partnerships.spreadsheets import service
from partnerships.spreadsheets.files import FileRefused
from tests.spreadsheets.conftest import fixture, xlsx

HEADERS = ["CBS-code deelnemer", "Registercode samenwerkingsverband", "Zetels"]


def refusal(user, data: bytes) -> str:
    with pytest.raises(FileRefused) as refused:
        service.commit(user, "participations", data, "bestand", channel="command")
    assert Participation.objects.count() == 0
    assert ImportRun.objects.count() == 0
    return refused.value.message


def committed(user, data: bytes):
    return service.commit(user, "participations", data, "bestand", channel="command")


@pytest.fixture
def user(supervisor, enschede, almelo, ggd):
    return supervisor


def test_a_pdf_is_not_a_spreadsheet(user):
    assert refusal(user, b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj") == (
        "Dit is geen spreadsheet: lever een .xlsx- of CSV-bestand aan."
    )


def test_binary_data_is_not_a_spreadsheet(user):
    assert "geen spreadsheet" in refusal(user, b"\x00\x01\x02\x03" * 100)


def test_a_word_document_is_refused_as_a_zip_that_is_no_workbook(user):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    assert "geen Excel-werkmap" in refusal(user, buffer.getvalue())


def test_a_password_protected_workbook_is_refused(user):
    message = refusal(user, fixture("beveiligd-met-wachtwoord.xlsx"))
    assert message.startswith("Het Excel-bestand is met een wachtwoord beveiligd.")


def test_an_old_xls_file_is_refused(user):
    """An .xls is an OLE compound file like a protected .xlsx, without encryption info."""
    ole = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 504 + "Workbook".encode("utf-16-le")
    assert (
        refusal(user, ole)
        == "Dit is een oud Excel-bestand (.xls). Sla het op als .xlsx of als CSV."
    )


def test_a_truncated_workbook_is_refused_as_corrupt(user):
    data = xlsx([HEADERS, ["GM0153", "ggd-twente", 1]])
    assert refusal(user, data[: len(data) // 2]).startswith("Het Excel-bestand is beschadigd")


def test_a_workbook_with_broken_xml_is_refused_as_corrupt(user):
    source = zipfile.ZipFile(io.BytesIO(xlsx([HEADERS, ["GM0153", "ggd-twente", 1]])))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                content = content[: len(content) // 2]
            target.writestr(item, content)
    assert refusal(user, buffer.getvalue()).startswith("Het Excel-bestand is beschadigd")


def test_a_zip_bomb_is_refused_before_it_is_unpacked(user):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", "<workbook/>")
        archive.writestr("xl/worksheets/sheet1.xml", b"<" + b"a" * 50_000_000 + b"/>")
    data = buffer.getvalue()
    assert len(data) < 100_000
    message = refusal(user, data)
    assert message == (
        f"Het Excel-bestand pakt uit tot 47,7 MB uit {round(len(data) / 1024)} kB; dat is niet "
        "in verhouding tot een gewone werkmap en wordt niet gelezen."
    )


def test_a_file_over_the_size_limit_is_refused(user, settings):
    settings.IMPORT_MAX_BYTES = 20 * 1024
    data = "CBS-code deelnemer;Registercode samenwerkingsverband\n" + "GM0153;ggd-twente\n" * 2000
    assert refusal(user, data.encode()) == "Het bestand is 35 kB; de grens is 20 kB."


def test_a_file_over_the_row_limit_is_refused(user, settings):
    settings.IMPORT_MAX_ROWS = 3
    rows = [HEADERS] + [["GM0153", "ggd-twente", 1]] * 4
    assert refusal(user, xlsx(rows)) == "Het bestand heeft meer dan 3 rijen; splits het op."
    assert committed(user, xlsx(rows[:4])).file_problems == []


def test_an_empty_file_is_refused(user):
    assert refusal(user, b"  \n") == "Het bestand is leeg."


def test_a_formula_uses_the_value_excel_stored(user):
    """openpyxl cannot store a formula's value, so the stored value is written into the XML
    the way Excel does: <f>1+1</f><v>2</v>."""
    data = _with_stored_value(xlsx([HEADERS, ["GM0153", "ggd-twente", "=1+1"]]))
    plan = committed(user, data)
    assert plan.ok, [str(p) for p in plan.problems]
    assert Participation.objects.get().seats == 2


def test_a_formula_without_stored_value_is_refused_on_its_cell(user):
    plan = committed(user, xlsx([HEADERS, ["GM0153", "ggd-twente", "=1+1"]]))
    assert [str(p) for p in plan.problems] == [
        "rij 2, kolom C (Zetels) – formule zonder opgeslagen uitkomst; open en bewaar het "
        "bestand in Excel"
    ]
    assert Participation.objects.count() == 0


def _with_stored_value(data: bytes) -> bytes:
    source = zipfile.ZipFile(io.BytesIO(data))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                assert b"<f>1+1</f><v></v>" in content
                content = content.replace(b"<f>1+1</f><v></v>", b"<f>1+1</f><v>2</v>")
            target.writestr(item, content)
    return buffer.getvalue()


def test_merged_cells_are_reported_on_every_row_they_cover(user, almelo):
    def merge(sheet):
        sheet.merge_cells("B2:B3")

    data = xlsx(
        [HEADERS, ["GM0153", "ggd-twente", 1], ["GM0141", None, 1]],
        setup=merge,
    )
    plan = committed(user, data)
    assert [(p.row, p.column, p.message) for p in plan.problems] == [
        (3, "B", "samengevoegde cel (B2:B3): vul de waarde op elke rij in")
    ]
    assert Participation.objects.count() == 0


def test_csv_in_utf8_with_bom_and_dutch_formats(user, enschede, almelo):
    plan = committed(user, fixture("deelnemingen-utf8-bom.csv"))
    assert plan.ok, [str(p) for p in plan.problems]
    enschede_part = Participation.objects.get(organisation=enschede)
    assert str(enschede_part.voting_weight) == "12.500"
    assert Participation.objects.get(organisation=almelo).notes == "Gemeente Almelo – één zetel"
    assert plan.notices == [
        "Kolom G “Garanties” hoort nu bij “Financieel belang per jaar” en wordt hier niet "
        "ingelezen."
    ]
    interests = service.commit(
        user, "financial_interests", fixture("financieel-belang-utf8-bom.csv"), "f", channel="c"
    )
    assert interests.ok, [str(p) for p in interests.problems]
    assert str(enschede_part.financial_interests.get(year=2027).guarantees) == "1234567.89"


def test_csv_in_windows_1252_with_semicolons(user, enschede):
    plan = committed(user, fixture("deelnemingen-windows-1252.csv"))
    assert plan.ok, [str(p) for p in plan.problems]
    participation = Participation.objects.get(organisation=enschede)
    assert participation.notes == "Inbreng coöperatie, zie raadsbesluit"
    assert participation.start_date.isoformat() == "2018-12-31"


def test_a_formula_without_value_in_a_required_column_is_one_problem(user):
    plan = committed(user, xlsx([HEADERS, ['=CONCAT("GM","0153")', "ggd-twente", 1]]))
    assert [(p.row, p.column, p.message) for p in plan.problems] == [
        (2, "A", "formule zonder opgeslagen uitkomst; open en bewaar het bestand in Excel")
    ]
