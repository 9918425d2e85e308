"""Importing participations: the preview, errors in one pass, all or nothing, who may."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from partnerships.models import ImportRun, Participation
from partnerships.spreadsheets import service
from registry.models import RoleKind
from tests import factories
from tests.spreadsheets.conftest import fixture, xlsx

HEADERS = [
    "CBS-code deelnemer",
    "Registercode samenwerkingsverband",
    "Deelname vanaf",
    "Zetels",
    "Toelichting",
]


def commit(user, data, kind="participations"):
    return service.commit(user, kind, data, "deelnemingen.xlsx", channel="command")


@pytest.fixture
def existing(enschede, ggd):
    return factories.ParticipationFactory(
        organisation=enschede, party=ggd, start_date=datetime.date(2019, 1, 1), seats=1
    )


def test_preview_shows_each_row_as_new_changed_or_unchanged_with_old_and_new_values(
    supervisor, existing, almelo, ggd
):
    other = factories.PartyFactory(code="regio-twente", name="Regio Twente")
    factories.ParticipationFactory(organisation=almelo, party=other, seats=1)
    data = xlsx(
        [
            HEADERS,
            ["GM0153", "ggd-twente", "01-01-2019", 2, "Twee zetels"],
            ["GM0141", "ggd-twente", datetime.date(2020, 1, 1), 1, None],
            ["GM0141", "regio-twente", None, 1, None],
        ]
    )
    plan = service.plan_file(supervisor, "participations", data)
    assert [(row.row, row.status) for row in plan.rows] == [
        (2, "changed"),
        (3, "new"),
        (4, "unchanged"),
    ]
    assert [(c.label, c.old, c.new) for c in plan.rows[0].changes] == [
        ("zetels", "1", "2"),
        ("toelichting", "(leeg)", "Twee zetels"),
    ]
    assert plan.rows[0].record == "Enschede in GGD Twente"
    year = timezone.localdate().year  # the preview judges the current year
    assert plan.rows[0].note.startswith(f"verbonden partij {year}: ja: bestuurlijk belang: elke")
    existing.refresh_from_db()
    assert existing.seats == 1 and Participation.objects.count() == 2  # nothing written


def test_every_error_is_reported_in_one_pass_with_row_column_value_and_what_was_expected(
    supervisor, existing, almelo
):
    plan = commit(supervisor, fixture("deelnemingen-met-fouten.csv"))
    assert plan.notices == [
        "Kolom E “Garanties en borgstellingen” hoort nu bij “Financieel belang per jaar” en "
        "wordt hier niet ingelezen.",
        "Kolom F “Interne notitie” is onbekend en wordt niet ingelezen.",
    ]
    assert [str(p) for p in plan.problems] == [
        "rij 3, kolom A (CBS-code deelnemer): gevonden “GM9999” – Onbekende CBS-code “GM9999”.",
        "rij 4, kolom B (Registercode samenwerkingsverband): gevonden “bestaat-niet” – "
        "Onbekend samenwerkingsverband “bestaat-niet”.",
        "rij 5, kolom C (Deelname vanaf): gevonden “31-02-2019” – verwacht een datum, zoals "
        "31-12-2026",
        "rij 5, kolom D (Zetels): gevonden “een” – verwacht een geheel getal, zoals 12",
        "rij 6 – Geef de deelnemer op: een CBS-code of een naam.",
        "rij 7 – dit gegeven staat ook op rij 2; elk gegeven hoort één keer in het bestand",
    ]
    assert plan.counts == {
        "new": 0,
        "changed": 0,
        "unchanged": 1,
        "error": 5,
        "no_access": 0,
        "skipped": 0,
        "unknown_party": 0,
        "not_on_map": 0,
    }
    assert ImportRun.objects.count() == 0  # row 2 was fine, but nothing is saved


def test_missing_required_columns_stop_the_import_before_any_row(supervisor, existing):
    plan = commit(supervisor, xlsx([["Zetels", "Onzin"], [3, "x"]]))
    assert plan.file_problems == [
        "Geef het samenwerkingsverband aan met een kolom “Registercode samenwerkingsverband”, "
        "“KvK-nummer samenwerkingsverband” of “Naam samenwerkingsverband”.",
        "Geef de deelnemer aan met een kolom “CBS-code deelnemer” of “Deelnemer”.",
    ]
    assert plan.notices == ["Kolom B “Onzin” is onbekend en wordt niet ingelezen."]
    assert plan.rows == []


def test_a_party_column_is_required_in_one_of_its_three_forms(supervisor, existing):
    plan = commit(supervisor, xlsx([["CBS-code deelnemer", "Zetels"], ["GM0153", 3]]))
    assert plan.file_problems[0].startswith("Geef het samenwerkingsverband aan met een kolom")


def test_headers_are_matched_whatever_case_spaces_accents_and_title_rows(supervisor, existing):
    data = xlsx(
        [
            ["Overzicht verbonden partijen Twente 2026"],
            ["  cbs CODE ", "Naam Verbonden Partij", "deelname  vanaf", "ZETELS"],
            ["GM0153", "ggd twente", "1-1-2019", 4],
        ]
    )
    plan = commit(supervisor, data)
    assert plan.ok, [str(p) for p in plan.problems]
    existing.refresh_from_db()
    assert existing.seats == 4


def test_a_model_rule_is_reported_on_the_row(supervisor, existing):
    data = xlsx(
        [
            [*HEADERS, "Deelname tot en met"],
            ["GM0153", "ggd-twente", "01-01-2019", 1, None, "31-12-2018"],
        ]
    )
    plan = commit(supervisor, data)
    assert [str(p) for p in plan.problems] == ["rij 2 – De einddatum ligt vóór de begindatum."]


def test_an_overlapping_second_period_in_the_file_is_refused(supervisor, enschede, ggd):
    data = xlsx(
        [
            [*HEADERS, "Deelname tot en met"],
            ["GM0153", "ggd-twente", "01-01-2019", 1, None, None],
            ["GM0153", "ggd-twente", "01-01-2021", 1, None, None],
        ]
    )
    plan = commit(supervisor, data)
    assert [str(p) for p in plan.problems] == [
        "rij 3 – Enschede neemt in deze periode al deel aan GGD Twente."
    ]
    assert Participation.objects.count() == 0


def test_commit_writes_every_row_in_one_go_and_names_the_import_in_the_history(
    supervisor, existing, almelo
):
    data = xlsx(
        [
            HEADERS,
            ["GM0153", "ggd-twente", "01-01-2019", 2, None],
            ["GM0141", "ggd-twente", None, 1, "Nieuw"],
        ]
    )
    plan = commit(supervisor, data)
    assert plan.ok
    run = ImportRun.objects.get()
    assert (run.user, run.file_name, run.rows, run.new, run.changed, run.unchanged) == (
        supervisor,
        "deelnemingen.xlsx",
        2,
        1,
        1,
        0,
    )
    for participation in Participation.objects.all():
        latest = participation.history.first()
        assert latest.history_change_reason == f"Import {run.pk}: deelnemingen.xlsx"
        assert latest.history_user == supervisor
    assert Participation.objects.get(organisation=almelo).notes == "Nieuw"


def test_a_supervisor_imports_only_for_organisations_of_its_province(
    supervisor, existing, utrecht_city
):
    plan = commit(supervisor, xlsx([HEADERS, ["GM0344", "ggd-twente", None, 1, None]]))
    assert [str(p) for p in plan.problems] == [
        "rij 2 – geen toegang: u mag de gegevens van Utrecht niet inzien of wijzigen"
    ]
    assert Participation.objects.count() == 1


def test_griffie_imports_for_its_own_organisation_only(griffie, existing, almelo):
    data = xlsx(
        [
            HEADERS,
            ["GM0153", "ggd-twente", "01-01-2019", 3, None],
            ["GM0141", "ggd-twente", None, 1, None],
        ]
    )
    plan = commit(griffie, data)
    assert [str(p) for p in plan.problems] == [
        "rij 3 – geen toegang: u mag de gegevens van Almelo niet inzien of wijzigen"
    ]
    existing.refresh_from_db()
    assert existing.seats == 1


INTEREST_HEADERS = [
    "CBS-code deelnemer",
    "Registercode samenwerkingsverband",
    "Jaar",
    "Garanties en borgstellingen",
    "Aantal aandelen",
]


def test_griffie_may_not_import_the_financial_interest(griffie, existing):
    with pytest.raises(service.ImportRefused, match="U mag geen financieel belang per jaar"):
        commit(
            griffie,
            xlsx([INTEREST_HEADERS, ["GM0153", "ggd-twente", 2027, "500", None]]),
            "financial_interests",
        )


def test_finance_imports_the_financial_interest_per_year(finance, existing):
    rows = [
        INTEREST_HEADERS,
        ["GM0153", "ggd-twente", 2026, "1.234,56", 0],
        ["GM0153", "ggd-twente", 2027, "500", None],
    ]
    plan = commit(finance, xlsx(rows), "financial_interests")
    assert plan.ok, [str(p) for p in plan.problems]
    by_year = {i.year: i for i in existing.financial_interests.all()}
    assert by_year[2026].guarantees == Decimal("1234.56") and by_year[2026].shares_count == 0
    assert by_year[2027].guarantees == Decimal("500.00") and by_year[2027].shares_count is None
    changed = [*rows[:2], ["GM0153", "ggd-twente", 2027, "750", None]]
    again = commit(finance, xlsx(changed), "financial_interests")
    assert [(r.status, [c.new for c in r.changes]) for r in again.rows] == [
        ("unchanged", []),
        ("changed", ["750,00"]),
    ]


def test_the_financial_interest_of_a_year_without_participation_is_refused(finance, existing):
    plan = commit(
        finance,
        xlsx([INTEREST_HEADERS, ["GM0153", "ggd-twente", 2018, "5", None]]),
        "financial_interests",
    )
    assert [str(p) for p in plan.problems] == [
        "rij 2, kolom C (Jaar): gevonden “2018” – Enschede neemt in 2018 niet deel aan GGD "
        "Twente; leg eerst de deelneming vast"
    ]


def test_an_empty_seat_count_stays_unknown_and_the_preview_says_what_is_missing(
    supervisor, enschede
):
    factories.PartyFactory(code="kennispark", name="Kennispark", legal_form="foundation")
    data = xlsx([HEADERS, ["GM0153", "kennispark", None, None, None]])
    plan = service.plan_file(supervisor, "participations", data)
    assert plan.rows[0].status == "new"
    assert plan.rows[0].instance.seats is None
    year = timezone.localdate().year
    assert plan.rows[0].note == (
        f"verbonden partij {year}: onbekend: bestuurlijk belang onbekend; financieel belang "
        f"onbekend; ontbreekt: aantal zetels, financieel belang {year}"
    )


def test_a_council_member_may_not_import(enschede, existing):
    council = factories.user_with_role(RoleKind.COUNCIL, enschede)
    with pytest.raises(service.ImportRefused, match=r"U mag geen deelnemingen importeren\."):
        commit(council, xlsx([HEADERS, ["GM0153", "ggd-twente", None, 1, None]]))


def test_confirm_refuses_when_the_register_changed_since_the_preview(supervisor, existing):
    data = xlsx([HEADERS, ["GM0153", "ggd-twente", "01-01-2019", 2, None]])
    plan, run = service.preview(supervisor, "participations", data, "d.xlsx")
    assert run.status == "preview" and plan.counts["changed"] == 1
    Participation.objects.filter(pk=existing.pk).update(seats=2)
    with pytest.raises(service.ImportRefused, match="gewijzigd sinds de voorvertoning"):
        service.confirm(supervisor, run)
    run.refresh_from_db()
    assert run.status == "preview"


def test_confirm_commits_what_the_preview_showed(supervisor, existing):
    data = xlsx([HEADERS, ["GM0153", "ggd-twente", "01-01-2019", 2, None]])
    _plan, run = service.preview(supervisor, "participations", data, "d.xlsx")
    existing.refresh_from_db()
    assert existing.seats == 1
    assert service.confirm(supervisor, run).ok
    existing.refresh_from_db()
    run.refresh_from_db()
    assert existing.seats == 2 and run.status == "committed" and run.committed_at is not None


def test_one_row_for_a_sole_participation_corrects_its_start_date(supervisor, existing):
    plan = commit(supervisor, xlsx([HEADERS, ["GM0153", "ggd-twente", "01-07-2019", 1, None]]))
    assert [(c.label, c.old, c.new) for c in plan.rows[0].changes] == [
        ("deelname vanaf", "01-01-2019", "01-07-2019")
    ]
    assert Participation.objects.get().start_date == datetime.date(2019, 7, 1)


def test_a_preview_is_committed_once(supervisor, existing):
    data = xlsx([HEADERS, ["GM0153", "ggd-twente", "01-01-2019", 2, None]])
    _plan, run = service.preview(supervisor, "participations", data, "d.xlsx")
    service.confirm(supervisor, run)
    with pytest.raises(service.ImportRefused, match="al doorgevoerd"):
        service.confirm(supervisor, run)
    stale = ImportRun.objects.get()
    stale.status = "preview"  # as a second request that read the run before the first commit
    with pytest.raises(service.ImportRefused, match="al doorgevoerd"):
        service.commit(supervisor, "participations", data, "d.xlsx", channel="admin", run=stale)


def test_cbs_codes_typed_as_numbers_find_the_municipality(supervisor, enschede, ggd):
    """Excel keeps 0153 typed in a number cell as 153; a map writes 153 or GM153."""
    data = xlsx([HEADERS, [153, "ggd-twente", "01-01-2019", 1, None]])
    plan = commit(supervisor, data)
    assert plan.ok, [str(p) for p in plan.problems]
    assert Participation.objects.get().organisation == enschede


def test_a_participation_column_saying_nee_is_honoured_never_ignored(
    supervisor, existing, almelo, enschede, ggd
):
    """A long list with "Deelname ja/nee": a "nee" row records nothing (shown as skipped);
    a "nee" for a participation the register holds asks for its end date; with it, it ends."""
    headers = ["CBS-code deelnemer", "Registercode samenwerkingsverband", "Deelname"]
    plan = service.plan_file(
        supervisor, "participations", xlsx([headers, ["GM0141", "ggd-twente", "nee"]])
    )
    assert plan.ok and [(r.status, r.record, r.note) for r in plan.rows] == [
        ("skipped", "Almelo in GGD Twente", "geen deelname; er wordt niets vastgelegd")
    ]
    assert plan.summary().endswith(", 1 overgeslagen.")
    contradicting = xlsx([headers, ["GM0153", "ggd-twente", "Nee"]])
    [problem] = commit(supervisor, contradicting).problems
    assert (problem.column, problem.message) == (
        "C",
        "volgens het register neemt Enschede deel aan GGD Twente; vul “Deelname tot en met” "
        "in om die deelname te beëindigen",
    )
    ended = xlsx([[*headers, "Deelname tot en met"], ["GM0153", "ggd-twente", "nee", "31-12-2025"]])
    assert commit(supervisor, ended).ok
    assert list(Participation.objects.values_list("organisation__name", "end_date")) == [
        ("Enschede", datetime.date(2025, 12, 31))
    ]


def test_a_long_list_names_municipalities_as_the_maps_do(supervisor, enschede, ggd, overijssel):
    """No CBS code column: the name counts, with the maps' spellings; an unknown or
    ambiguous name is refused with the candidates, never guessed."""
    zwartewaterland = factories.MunicipalityFactory(
        name="Zwartewaterland", cbs_code="GM1896", province=overijssel
    )
    rijssen = factories.MunicipalityFactory(
        name="Rijssen-Holten", cbs_code="GM1742", province=overijssel
    )
    data = xlsx(
        [
            ["Gemeente", "Registercode samenwerkingsverband"],
            ["Gemeente Enschede", "ggd-twente"],
            ["Zwartew. Land", "ggd-twente"],
            ["Rijssen/Holten", "ggd-twente"],
        ]
    )
    plan = commit(supervisor, data)
    assert plan.ok, [str(p) for p in plan.problems]
    assert set(Participation.objects.values_list("organisation", flat=True)) == {
        enschede.pk,
        zwartewaterland.pk,
        rijssen.pk,
    }
    refused = commit(supervisor, xlsx([["Gemeente", "Registercode"], ["Enschedee", "ggd-twente"]]))
    assert [str(p) for p in refused.problems] == [
        "rij 2, kolom A (Deelnemer): gevonden “Enschedee” – Onbekende deelnemer “Enschedee”."
    ]
