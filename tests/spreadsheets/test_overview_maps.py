"""Overview maps as supervisors draw them (seed 002, appendices A and B), imported by the same
command and admin page as a long list: recognised by their shape, every mark accounted for."""

import datetime
import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from partnerships.choices import LegalForm
from partnerships.legal_forms import MAP_CODES
from partnerships.models import ImportRun, Participation
from partnerships.spreadsheets import cells, service
from partnerships.spreadsheets.cells import CellProblem
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for
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
    "BNG NV": "bng-bank-nv",
    "Naoberkracht Dinkelland Tubbergen": "noaberkracht-dinkelland-tubbergen",
}
MARKS = sum(len(marks) for _name, _code, marks in maps.arrangements())


def statuses(result) -> dict:
    counts = {}
    for row in result.rows:
        counts[row.status] = counts.get(row.status, 0) + 1
    return counts


def test_the_twente_map_is_recognised_with_every_mark_and_skipped_row_accounted_for(
    supervisor, twente, parties
):
    result = plan(supervisor)
    notices = result.notices
    assert notices[0] == (
        "Overzichtskaart herkend: kopregel op rij 3, 14 gemeentekolommen (Enschede, Hengelo, "
        "Borne, Almelo, Oldenzaal, Losser, Tubbergen, Dinkelland, Wierden, Rijssen-Holten, "
        "Twenterand, Hellendoorn, Hof van Twente, Haaksbergen), 38 regelingen in 8 thema's."
    )
    assert notices[1].startswith(
        "Kolom Q “Provincie” (de provincie als partner) wordt niet ingelezen: de kaart noemt "
        "daar geen gemeente van het register."
    )
    assert [n.split("”")[0] for n in notices[2:5]] == [
        "Kolom R “Andere gemeenten in OV.",
        "Kolom S “Andere gemeenten buiten OV",
        "Kolom T “Andere partners",
    ]
    skipped = [n for n in notices if n.endswith("wordt overgeslagen.")]
    assert [n for n in skipped if "een telling" in n] == [
        *(
            f"Rij {50 + i} “{label}” is een telling en wordt overgeslagen."
            for i, (label, _count) in enumerate(maps.FOOTERS)
        ),
        "Rij 63 “Totaal aantal (gerealiseerde) intenties per gemeente” is een telling en "
        "wordt overgeslagen.",
    ]
    assert "Rij 54 “Totaal per gemeente” klopt met de gelezen markeringen." in notices
    assert sum("een intentie, geen deelneming" in n for n in skipped) == 7
    assert sum("het kopje van de intenties" in n for n in skipped) == 1
    assert sum("is de legenda" in n for n in skipped) == len(maps.LEGEND)
    assert len(skipped) == 5 + 1 + 7 + 1 + len(maps.LEGEND)  # the intentions' total too
    assert (
        "Rij 39 “Samenwerking soza Borne/Hengelo”: juridische basis “Besluit (BVO)” is geen "
        "bekende code van de kaart; de rechtsvorm in het register blijft zoals hij is."
    ) in notices
    assert (
        "Rij 17 “RUD Twente”: de kaart zegt “Ovk” (Overeenkomst / convenant), het register "
        "Openbaar lichaam (Wgr); de rechtsvorm wordt niet gewijzigd."
    ) in notices
    waiting = {row.party_written: row for row in result.rows if row.status == "unknown_party"}
    assert {name: [p.code for p in row.candidates] for name, row in waiting.items()} == {
        name: [code] for name, code in CHOICES.items()
    }
    waiting_marks = sum(len(marks) for name, _c, marks in maps.arrangements() if name in CHOICES)
    assert statuses(result) == {"new": MARKS - waiting_marks, "unknown_party": 3}
    assert not result.ok and result.awaits_choices
    assert str(result.problems[0]) == (
        "rij 33, kolom A (Gemeenten en andere partners): gevonden “BNG NV” – onbekende partij "
        "“BNG NV” — bedoelt u: BNG Bank N.V. (bng-bank-nv)? Kies in de voorvertoning."
    )
    assert Participation.objects.count() == 0


def test_an_unconfirmed_unknown_party_keeps_the_whole_map_from_committing(
    supervisor, twente, parties
):
    partial = {"BNG NV": "bng-bank-nv"}
    result = service.commit(
        supervisor,
        "participations",
        maps.twente_map(),
        "kaart.xlsx",
        channel="command",
        party_choices=partial,
    )
    assert not result.ok and statuses(result)["unknown_party"] == 2
    assert Participation.objects.count() == 0 and not ImportRun.objects.exists()


def test_the_twente_map_imported_through_the_command_with_the_candidates_accepted(
    supervisor, twente, parties, tmp_path
):
    path = tmp_path / "overzichtskaart-twente.xlsx"
    path.write_bytes(maps.twente_map())
    with pytest.raises(CommandError, match="Er is niets opgeslagen"):
        call_command("import_spreadsheet", path, kind="participations", stdout=io.StringIO())
    out = io.StringIO()
    call_command(
        "import_spreadsheet", path, kind="participations", accept_candidates=True, stdout=out
    )
    printed = out.getvalue()
    assert "Gekozen: “GGD Twente (WGR)” is samenwerkingsverband ggd-twente." in printed
    assert "Gekozen: “BNG NV” is samenwerkingsverband bng-bank-nv." in printed
    assert f"{MARKS} rijen: {MARKS} nieuw, 0 gewijzigd" in printed
    assert Participation.objects.count() == MARKS
    marked = {
        (parties[name].pk, twente[head.replace("/", "-")].pk)
        for name, _code, marks in maps.arrangements()
        for head in marks
    }
    assert set(Participation.objects.values_list("party", "organisation")) == marked
    bng = parties["BNG NV"]
    assert bng.name == "BNG Bank N.V." and bng.participations.count() == 14
    assert set(
        Participation.objects.filter(
            party=parties["Naoberkracht Dinkelland Tubbergen"]
        ).values_list("organisation__name", flat=True)
    ) == {"Dinkelland", "Tubbergen"}
    again = io.StringIO()
    call_command(
        "import_spreadsheet",
        path,
        kind="participations",
        stdout=again,
        party=[f"{name}={code}" for name, code in CHOICES.items()],
    )
    assert f"{MARKS} rijen: 0 nieuw, 0 gewijzigd, {MARKS} ongewijzigd" in again.getvalue()


def test_the_twente_map_through_the_admin_upload_preview_choose_and_commit(
    supervisor, twente, parties
):
    client = client_for(supervisor)
    page = client.post(
        reverse("partnerships:spreadsheets"),
        {"kind": "participations", "file": SimpleUploadedFile("kaart.xlsx", maps.twente_map())},
    ).content.decode()
    assert "Overzichtskaart herkend" in page and "onbekende partij" in page
    assert "bedoelt u: GGD Twente (ggd-twente)?" in page
    assert '<option value="ggd-twente">GGD Twente (ggd-twente)</option>' in page
    assert "Nog niet door te voeren" in page and "Doorvoeren:" not in page
    run = ImportRun.objects.get()
    names = [row.party_written for row in plan(supervisor).unknown_parties]
    form = {f"naam-{i}": name for i, name in enumerate(names)}
    form.update({f"partij-{i}": CHOICES[name] for i, name in enumerate(names)})
    chosen = client.post(reverse("partnerships:spreadsheet_choose", args=[run.pk]), form)
    page = chosen.content.decode()
    assert f"{MARKS} rijen: {MARKS} nieuw" in page and "Doorvoeren:" in page
    assert "“BNG NV” is bng-bank-nv" in page
    assert "<td>33, C</td><td>nieuw</td><td>Enschede in BNG Bank N.V." in page
    assert Participation.objects.count() == 0
    response = client.post(reverse("partnerships:spreadsheet_confirm", args=[run.pk]))
    assert response.status_code == 302
    assert Participation.objects.count() == MARKS
    assert parties["GGD Twente (WGR)"].participations.count() == 14
    run.refresh_from_db()
    assert run.status == "committed" and run.party_choices == dict(
        zip(names, [CHOICES[n] for n in names], strict=True)
    )


def test_a_running_participation_without_a_mark_is_reported_not_ended(supervisor, twente, parties):
    hameland = parties["Hameland"]
    enschede = twente["Enschede"]
    running = factories.ParticipationFactory(organisation=enschede, party=hameland)
    kept = factories.ParticipationFactory(organisation=twente["Haaksbergen"], party=hameland)
    result = plan(supervisor, choices=CHOICES)
    [gone] = [row for row in result.rows if row.status == "not_on_map"]
    assert (gone.row, gone.column, gone.record) == (38, "C", "Enschede in Hameland")
    assert gone.note.startswith("het register kent deze deelname als lopend")
    assert [r.status for r in result.rows if r.record == "Haaksbergen in Hameland"] == ["unchanged"]
    assert result.summary().endswith(", 1 niet meer op de kaart.")
    assert service.commit(
        supervisor,
        "participations",
        maps.twente_map(),
        "k.xlsx",
        channel="command",
        party_choices=CHOICES,
    ).ok
    running.refresh_from_db()
    kept.refresh_from_db()
    assert running.end_date is None and kept.end_date is None


def test_a_map_with_marks_for_municipalities_the_user_may_not_write_is_refused(twente, parties):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, twente["Enschede"])
    factories.ParticipationFactory(organisation=twente["Almelo"], party=parties["Hameland"])
    result = plan(griffie, choices=CHOICES)
    assert not result.ok
    hidden = [row for row in result.rows if row.status == "no_access"]
    assert hidden and {str(p).split(" – ")[1] for r in hidden for p in r.problems} == {
        f"geen toegang: u mag de gegevens van {name} niet inzien of wijzigen"
        for name in twente
        if name != "Enschede"
    }
    assert not [row for row in result.rows if row.status == "not_on_map"]  # no oracle
    assert not [r for r in result.rows if r.status == "new" and "Enschede" not in r.record]
    assert not service.commit(
        griffie,
        "participations",
        maps.twente_map(),
        "k.xlsx",
        channel="command",
        party_choices=CHOICES,
    ).ok
    assert Participation.objects.count() == 1


def test_a_mark_that_is_no_mark_and_a_mark_merged_over_columns_are_refused_on_their_cell(
    supervisor, twente, parties
):
    def spoil(sheet):
        sheet["C5"] = "?"  # Regio Twente, Enschede
        sheet["E8"] = None  # Euregio: Hengelo to Almelo merged
        sheet["F8"] = None
        sheet.merge_cells("D8:F8")

    result = plan(supervisor, maps.twente_map(setup=spoil), CHOICES)
    errors = [str(p) for r in result.rows if r.status == "error" for p in r.problems]
    assert errors == [
        "rij 5, kolom C (Enschede): gevonden “?” – verwacht een markering: x, X, 1, ja of "
        "Nieuw (leeg of nee: geen deelname)",
        "rij 8, kolom E (Borne) – samengevoegde cel (D8:F8): zet de markering in elke "
        "gemeentekolom",
        "rij 8, kolom F (Almelo) – samengevoegde cel (D8:F8): zet de markering in elke "
        "gemeentekolom",
    ]
    assert not result.ok


def test_a_total_that_differs_from_the_marks_read_is_reported(supervisor, twente, parties):
    def miscount(sheet):
        sheet["C54"] = sheet["C54"].value + 1  # Enschede
        sheet["K54"] = 0  # Wierden

    result = plan(supervisor, maps.twente_map(setup=miscount), CHOICES)
    enschede = sum(1 for _n, _c, marks in maps.arrangements() if "Enschede" in marks)
    wierden = sum(1 for _n, _c, marks in maps.arrangements() if "Wierden" in marks)
    assert (
        f"Rij 54 “Totaal per gemeente” telt anders dan de markeringen die zijn gelezen: "
        f"Enschede {enschede + 1}, gelezen {enschede} (kolom C); Wierden 0, gelezen {wierden} "
        f"(kolom K). Kijk na of elke markering in een gemeentekolom staat."
    ) in result.notices
    assert result.ok  # a notice: the marks count, not the map's sums


def test_the_west_overijssel_map_with_abbreviated_names(supervisor, overijssel):
    for name, code in maps.WEST_OVERIJSSEL.items():
        factories.MunicipalityFactory(name=name, cbs_code=code, province=overijssel)
    for register_name, _map_name, code in maps.register_parties(maps.WEST_MAP):
        factories.PartyFactory(name=register_name, legal_form=legal_form(code))
    data = maps.twente_map(maps.WEST_MAP, maps.WEST_HEADS)
    result = plan(supervisor, data)
    assert result.notices[0].startswith(
        "Overzichtskaart herkend: kopregel op rij 3, 11 gemeentekolommen (Zwolle, Kampen, "
        "Dalfsen, Ommen, Hardenberg, Staphorst, Zwartewaterland, Steenwijkerland, Raalte, "
        "Olst-Wijhe, Deventer), 8 regelingen in 5 thema's."
    )
    assert result.ok, [str(p) for p in result.problems]
    marks = sum(len(m) for _n, _c, m in maps.arrangements(maps.WEST_MAP))
    assert statuses(result) == {"new": marks}
    assert "Zwartewaterland in Coöperatie Randmeren U.A." in {r.record for r in result.rows}


def test_a_long_list_with_a_close_name_offers_the_candidate_and_takes_the_choice(
    supervisor, twente, parties
):
    from tests.spreadsheets.conftest import xlsx

    data = xlsx([["Gemeente", "Naam samenwerkingsverband"], ["Enschede", "GGD Twente (WGR)"]])
    [row] = plan(supervisor, data).rows
    assert row.status == "unknown_party" and [p.code for p in row.candidates] == ["ggd-twente"]
    [row] = plan(supervisor, data, {"GGD Twente (WGR)": "ggd-twente"}).rows
    assert (row.status, row.record) == ("new", "Enschede in GGD Twente")
    unknown = xlsx([["Gemeente", "Naam samenwerkingsverband"], ["Enschede", "Iets anders"]])
    [row] = plan(supervisor, unknown).rows
    assert row.status == "error" and not row.candidates


def _smaller_map(count: int) -> bytes:
    rows = [r for rows in maps.TWENTE_MAP.values() for r in rows if r[0] not in CHOICES]
    return maps.twente_map({"Alles": rows[:count]})


def test_the_preview_of_a_map_takes_the_same_queries_for_ten_or_thirty_arrangements(
    supervisor, twente, parties
):
    factories.ParticipationFactory(organisation=twente["Enschede"], party=parties["Hameland"])

    def queries(count):
        data = _smaller_map(count)
        with CaptureQueriesContext(connection) as captured:
            result = plan(supervisor, data)
        assert len(result.rows) > count
        return len(captured)

    queries(10)  # the user's rights, read once and kept on the user
    assert queries(10) == queries(30) == 7


@pytest.mark.parametrize(
    ("written", "known", "close"),
    [
        ("GGD Twente (WGR)", "GGD Twente", True),
        ("BNG NV", "BNG Bank N.V.", True),
        ("Naoberkracht Dinkelland Tubbergen", "Noaberkracht Dinkelland Tubbergen", True),
        ("Coöperatie Randmeren U.A.", "Cooperatie Randmeren", True),
        ("GGD Twente", "RUD Twente", False),
        ("Twente", "Regio Twente", True),
        ("NV", "BNG Bank N.V.", False),
        ("Stichting Ov. Ombudsman", "Stichting de Overijsselse Ombudsman", False),
    ],
)
def test_close_names_strip_brackets_and_legal_form_words(written, known, close):
    from partnerships.spreadsheets.party_names import CLOSE_ENOUGH, closeness, name_words

    assert (closeness(name_words(written), name_words(known)) >= CLOSE_ENOUGH) is close


def test_a_municipality_with_two_columns_stops_the_map(supervisor, twente, parties):
    heads = [*maps.TWENTE_HEADS[:-1], "Rijssen-Holten"]  # Haaksbergen's column renamed
    result = plan(supervisor, maps.twente_map(heads=heads))
    assert result.file_problems == [
        "Kolom P “Rijssen-Holten” is Rijssen-Holten, die al een kolom heeft."
    ]
    assert result.rows == []


def test_a_mark_for_a_participation_the_register_holds_as_ended_is_refused(
    supervisor, twente, parties
):
    factories.ParticipationFactory(
        organisation=twente["Haaksbergen"],
        party=parties["Hameland"],
        start_date=datetime.date(2010, 1, 1),
        end_date=datetime.date(2020, 12, 31),
    )
    result = plan(supervisor, choices=CHOICES)
    assert [str(p) for p in result.problems] == [
        "rij 38, kolom P (Haaksbergen) – volgens het register eindigde de deelname van "
        "Haaksbergen aan Hameland op 31-12-2020; leg een nieuwe deelname vast met een lijst "
        "met “Deelname vanaf”"
    ]


@pytest.mark.parametrize(
    ("raw", "mark"),
    [
        ("x", False),
        ("X", False),
        (1, False),
        ("1", False),
        ("ja", False),
        ("Nieuw", True),
        ("✓", False),
        (None, None),
        ("", None),
        ("nee", None),
        ("niet meer", None),
        (0, None),
        ("-", None),
    ],
)
def test_the_marks_a_map_uses(raw, mark):
    from partnerships.spreadsheets.overview_map import read_mark

    assert read_mark(raw) is mark


@pytest.mark.parametrize("raw", ["?", "2", "misschien"])
def test_anything_else_in_a_municipality_column_is_no_mark(raw):
    from partnerships.spreadsheets.overview_map import read_mark

    with pytest.raises(CellProblem, match="een markering: x, X, 1, ja of Nieuw"):
        read_mark(raw)


def test_a_legend_heading_ends_the_map_without_a_footer(supervisor, twente, parties):
    from tests.spreadsheets.conftest import xlsx

    data = xlsx(
        [
            ["Overzichtskaart"],
            ["Regeling", "Jur. Basis", "Enschede", "Hengelo"],
            ["Sociaal domein"],
            ["Regio Twente", "WGR+OL", "x", "Nieuw"],
            ["Legenda"],
            ["Nieuw", "Nieuwe participaties ten opzichte van de vorige kaart"],
        ]
    )
    result = plan(supervisor, data)
    assert result.notices[-2:] == [
        "Rij 5 “Legenda” is de legenda en wordt overgeslagen.",
        "Rij 6 “Nieuw” is de legenda en wordt overgeslagen.",
    ]
    assert [(r.record, r.status, r.note.startswith("Nieuw op de kaart")) for r in result.rows] == [
        ("Enschede in Regio Twente", "new", False),
        ("Hengelo in Regio Twente", "new", True),
    ]
