"""Parties, organisations, population figures, annual figures and contributions."""

import datetime
from decimal import Decimal

import pytest

from partnerships.choices import FiguresKind, LegalForm, RegelingType
from partnerships.legal_forms import MAP_CODES
from partnerships.models import AnnualFigures, Contribution, Party
from partnerships.spreadsheets import cells, service
from registry.models import Organisation, PopulationFigure, RoleKind
from tests import factories
from tests.spreadsheets.conftest import fixture, xlsx


def commit(user, kind, data):
    return service.commit(user, kind, data, "bestand.xlsx", channel="admin")


def problems(plan):
    return [str(p) for p in plan.problems]


# Parties


def test_a_bedrijfsvoeringsorganisatie_that_is_no_collegeregeling_is_refused(griffie, db):
    plan = commit(griffie, "parties", fixture("samenwerkingsverbanden-komma.csv"))
    assert problems(plan) == [
        "rij 2, kolom D (Soort regeling): gevonden “Raadsregeling” – Een "
        "bedrijfsvoeringsorganisatie is altijd een collegeregeling."
    ]
    assert plan.rows[1].status == "new"
    assert not Party.objects.exists()


def test_new_parties_get_their_themes_and_a_history_naming_the_import(griffie, db):
    data = xlsx(
        [
            ["Naam", "Rechtsvorm", "Soort regeling", "Thema's", "KvK-nummer"],
            [
                "Regio Twente",
                "openbaar lichaam",
                "Gemengde regeling",
                "economie;Sociaal Domein",
                1234567,
            ],
        ]
    )
    plan = commit(griffie, "parties", data)
    assert plan.ok, problems(plan)
    party = Party.objects.get()
    assert (party.code, party.legal_form, party.regeling_type, party.kvk_number) == (
        "regio-twente",
        LegalForm.PUBLIC_BODY,
        RegelingType.MIXED,
        "01234567",
    )
    assert sorted(t.name for t in party.themes.all()) == ["Economie", "Sociaal domein"]
    assert party.history.first().history_change_reason.startswith("Import ")


def test_parties_as_an_overview_map_codes_their_legal_basis(griffie, db):
    rows = [
        ["Naam", "Rechtsvorm", "Soort regeling"],
        ["GGD Twente", "WGR+OL", None],
        ["Samen Twente", "WGR BVO", "Collegeregeling"],
        ["Crematoria Twente", "Coöp.", None],
    ]
    refused = commit(griffie, "parties", xlsx([*rows, ["Zomaar een regeling", "(WGR)", None]]))
    [problem] = problems(refused)
    assert problem.startswith("rij 5, kolom B (Rechtsvorm): gevonden “(WGR)” – ")
    assert "ook: WGR+OL, WGR BVO" in problem  # the message names the map codes it knows
    assert not Party.objects.exists()  # all or nothing
    plan = commit(griffie, "parties", xlsx(rows))
    assert plan.ok, problems(plan)
    assert dict(Party.objects.values_list("name", "legal_form")) == {
        "GGD Twente": LegalForm.PUBLIC_BODY,
        "Samen Twente": LegalForm.OPERATIONAL_ORGANISATION,
        "Crematoria Twente": LegalForm.COOPERATIVE,
    }


def test_a_party_without_code_is_found_by_kvk_number_then_by_name(griffie, enschede, ggd):
    factories.ParticipationFactory(organisation=enschede, party=ggd)
    ggd.kvk_number = "12345678"
    ggd.save()
    data = xlsx(
        [
            ["KvK-nummer", "Naam", "Vestigingsplaats"],
            ["12345678", "GGD Twente (nieuwe naam)", "Enschede"],
        ]
    )
    plan = commit(griffie, "parties", data)
    assert plan.ok, problems(plan)
    assert [(c.label, c.old, c.new) for c in plan.rows[0].changes] == [
        ("naam", "GGD Twente", "GGD Twente (nieuwe naam)"),
        ("vestigingsplaats", "(leeg)", "Enschede"),
    ]
    assert Party.objects.get().name == "GGD Twente (nieuwe naam)"


def test_an_unknown_theme_and_a_wrong_bbv_category_are_reported(griffie, db):
    data = xlsx(
        [
            ["Naam", "Rechtsvorm", "Thema's", "BBV-categorie"],
            ["Stichting A", "Stichting", "Ruimtevaart", None],
            ["Stichting B", "Stichting", None, "Gemeenschappelijke regelingen"],
            ["Stichting C", "Vereniging of zo", None, None],
        ]
    )
    found = problems(commit(griffie, "parties", data))
    assert found[0].startswith(
        "rij 2, kolom C (Thema's): gevonden “Ruimtevaart” – onbekend thema “Ruimtevaart”; "
        "kies uit: Algemeen en regionaal; Asiel en integratie; "
    )
    assert found[1:] == [
        "rij 3, kolom D (BBV-categorie): gevonden “Gemeenschappelijke regelingen” – past niet "
        "bij de rechtsvorm; een stichting valt onder “Stichtingen en verenigingen”",
        "rij 4, kolom B (Rechtsvorm): gevonden “Vereniging of zo” – verwacht een van: "
        + cells.choice_words(LegalForm, MAP_CODES),
    ]


def test_griffie_may_not_change_a_party_its_organisation_does_not_take_part_in(griffie, ggd):
    plan = commit(
        griffie, "parties", xlsx([["Registercode", "Naam"], ["ggd-twente", "Andere naam"]])
    )
    assert problems(plan) == [
        "rij 2 – De gegevens van GGD Twente wijzigt de griffie van een (bevestigde, lopende) "
        "deelnemer of van de dossierhouder."
    ]


# Organisations and population figures


def test_a_supervisor_registers_a_new_municipality_and_population_in_its_province(
    supervisor, overijssel
):
    data = xlsx(
        [
            ["CBS-code", "Naam", "Soort", "Provincie (CBS-code)"],
            ["GM1774", "Dinkelland", "Gemeente", "PV23"],
        ]
    )
    assert commit(supervisor, "organisations", data).ok
    data = xlsx(
        [["CBS-code", "Jaar", "Inwoners", "Huishoudens"], ["GM1774", 2026, "26.512", 11000]]
    )
    plan = commit(supervisor, "population", data)
    assert plan.ok, problems(plan)
    figure = PopulationFigure.objects.get()
    assert (figure.inhabitants, figure.reference_date) == (26512, datetime.date(2026, 1, 1))


def test_a_supervisor_may_not_touch_organisations_of_another_province(supervisor, utrecht_city):
    data = xlsx([["CBS-code", "Jaar", "Inwoners"], ["GM0344", 2026, 370000]])
    assert problems(commit(supervisor, "population", data)) == [
        "rij 2 – Organisaties en bevolkingscijfers importeert de provinciaal toezichthouder voor "
        "de organisaties in zijn provincie (of een beheerder)."
    ]
    data = xlsx(
        [
            ["CBS-code", "Naam", "Soort", "Provincie (CBS-code)"],
            ["GM0344", "Utrecht", "Gemeente", "PV23"],
        ]
    )
    assert len(problems(commit(supervisor, "organisations", data))) == 1
    assert Organisation.objects.get(cbs_code="GM0344").province.cbs_code == "PV26"


def test_griffie_may_not_import_organisations(griffie):
    with pytest.raises(service.ImportRefused, match=r"U mag geen organisaties importeren\."):
        commit(griffie, "organisations", xlsx([["CBS-code", "Naam"], ["GM0153", "Enschede"]]))


def test_a_municipality_needs_its_province(db):
    administrator = factories.admin_user()
    data = xlsx([["CBS-code", "Naam", "Soort"], ["GM1774", "Dinkelland", "gemeente"]])
    assert problems(commit(administrator, "organisations", data)) == [
        "rij 2 – provincie: Geef de provincie op waarin de gemeente ligt."
    ]


# Annual figures and contributions


def test_finance_imports_annual_figures_of_a_party_its_organisation_takes_part_in(
    finance, enschede, ggd
):
    factories.ParticipationFactory(organisation=enschede, party=ggd)
    other = factories.PartyFactory(code="elders", name="Elders")
    data = xlsx(
        [
            [
                "Registercode samenwerkingsverband",
                "Jaar",
                "Soort document",
                "Eigen vermogen eind jaar",
                "Resultaat",
            ],
            ["ggd-twente", 2027, "Begroting", "1.500.000", "-12.500,50"],
            ["elders", 2027, "begroting", "10", None],
        ]
    )
    assert problems(commit(finance, "annual_figures", data)) == [
        "rij 3 – De cijfers van Elders houdt de afdeling financiën van een deelnemende "
        "organisatie bij."
    ]
    assert not AnnualFigures.objects.exists()
    assert commit(
        finance,
        "annual_figures",
        xlsx(
            data
            and [
                [*r]
                for r in [
                    [
                        "Registercode samenwerkingsverband",
                        "Jaar",
                        "Soort document",
                        "Eigen vermogen eind jaar",
                        "Resultaat",
                    ],
                    ["ggd-twente", 2027, "Begroting", "1.500.000", "-12.500,50"],
                ]
            ]
        ),
    ).ok
    figures = AnnualFigures.objects.get()
    assert (figures.kind, figures.version, figures.equity_end, figures.result) == (
        FiguresKind.BUDGET,
        1,
        Decimal("1500000.00"),
        Decimal("-12500.50"),
    )
    assert other.annual_figures.count() == 0


def test_contributions_need_a_participation_in_that_year(finance, enschede, ggd):
    factories.ParticipationFactory(
        organisation=enschede, party=ggd, start_date=datetime.date(2020, 1, 1)
    )
    data = xlsx(
        [
            ["CBS-code deelnemer", "Registercode samenwerkingsverband", "Jaar", "Begrote bijdrage"],
            ["GM0153", "ggd-twente", 2027, "3.500.698,18"],
            ["GM0153", "ggd-twente", 2019, "100"],
        ]
    )
    assert problems(commit(finance, "contributions", data)) == [
        "rij 3, kolom C (Jaar): gevonden “2019” – Enschede neemt in 2019 niet deel aan GGD "
        "Twente; leg eerst de deelneming vast"
    ]
    assert commit(
        finance,
        "contributions",
        xlsx(
            [
                [
                    "CBS-code deelnemer",
                    "Registercode samenwerkingsverband",
                    "Jaar",
                    "Begrote bijdrage",
                ],
                ["GM0153", "ggd-twente", 2027, "3.500.698,18"],
            ]
        ),
    ).ok
    contribution = Contribution.objects.get()
    assert (contribution.budgeted, contribution.basis) == (Decimal("3500698.18"), "entered")


def test_contributions_of_another_organisation_are_refused(finance, almelo, ggd):
    factories.ParticipationFactory(organisation=almelo, party=ggd)
    data = xlsx(
        [
            ["CBS-code deelnemer", "Registercode samenwerkingsverband", "Jaar", "Begrote bijdrage"],
            ["GM0141", "ggd-twente", 2027, "100"],
        ]
    )
    assert problems(commit(finance, "contributions", data)) == [
        "rij 2 – geen toegang: u mag de gegevens van Almelo niet inzien of wijzigen"
    ]


def test_a_council_member_may_import_nothing(enschede):
    council = factories.user_with_role(RoleKind.COUNCIL, enschede)
    from partnerships.spreadsheets.catalogue import importable_kinds

    assert importable_kinds(council) == []
