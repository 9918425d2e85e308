"""Overview maps as supervisors draw them (seed 002, appendices A and B), imported by the same
command and admin page as a long list: recognised by their shape, every mark accounted for."""

import pytest

from partnerships.choices import LegalForm
from partnerships.legal_forms import MAP_CODES
from partnerships.spreadsheets import cells, service
from partnerships.spreadsheets.cells import CellProblem
from tests import factories
from tests.fixtures.spreadsheets import overview_maps as maps

GUESSED_FORMS = {"Besluit (BVO)": LegalForm.OPERATIONAL_ORGANISATION, "": LegalForm.NONE}


def legal_form(code: str) -> str:
    try:
        return cells.choice(code, LegalForm, MAP_CODES) or GUESSED_FORMS[code]
    except CellProblem:
        return GUESSED_FORMS.get(code, LegalForm.CENTRE_MUNICIPALITY)


@pytest.fixture
def twente(overijssel):
    return {
        name: factories.MunicipalityFactory(name=name, cbs_code=code, province=overijssel)
        for name, code in maps.TWENTE.items()
    }


@pytest.fixture
def parties(db):
    """The map's arrangements as the register names them; RUD Twente an openbaar lichaam
    (the map says Ovk)."""
    made = {}
    for register_name, map_name, code in maps.register_parties():
        form = LegalForm.PUBLIC_BODY if map_name == "RUD Twente" else legal_form(code)
        made[map_name] = factories.PartyFactory(name=register_name, legal_form=form)
    return made


def plan(user, data=None, choices=None):
    return service.plan_file(
        user, "participations", data or maps.twente_map(), party_choices=choices
    )


CHOICES = {
    "GGD Twente (WGR)": "ggd-twente",
    "BNG NV": "bng-bank-n-v",
    "Naoberkracht Dinkelland Tubbergen": "noaberkracht-dinkelland-tubbergen",
}


def test_smoke(supervisor, twente, parties):
    result = plan(supervisor)
    for n in result.notices:
        print(n)
    for r in result.rows:
        print(r.row, r.column, r.status, r.record, r.note, [str(p) for p in r.problems])
    print(result.summary())
    print({p.name: p.code for p in parties.values()})
    assert 0
