import io
from pathlib import Path

import pytest
from openpyxl import Workbook

from partnerships.choices import LegalForm
from registry.models import RoleKind
from tests import factories

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "spreadsheets"


def xlsx(rows, title="Gegevens", setup=None) -> bytes:
    """A real workbook written by openpyxl; `setup(sheet)` may merge cells, add formulas."""
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = title
    for row in rows:
        sheet.append(row)
    if setup:
        setup(sheet)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def fixture(name: str) -> bytes:
    return (FIXTURES / name).read_bytes()


@pytest.fixture
def ggd(db):
    return factories.PartyFactory(
        name="GGD Twente",
        short_name="GGD Twente",
        code="ggd-twente",
        legal_form=LegalForm.PUBLIC_BODY,
    )


@pytest.fixture
def griffie(enschede):
    return factories.user_with_role(RoleKind.GRIFFIE, enschede)


@pytest.fixture
def finance(enschede):
    return factories.user_with_role(RoleKind.FINANCE, enschede)


@pytest.fixture
def supervisor(overijssel):
    return factories.user_with_role(RoleKind.SUPERVISOR, overijssel)
