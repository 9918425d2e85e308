"""load_demo_data: the research's cooperations, idempotent, one user per role."""

import datetime
import io

import pytest
from django.contrib.auth import authenticate
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from partnerships.choices import LegalForm
from partnerships.models import Body, LegalBasis, Participation, Party, Seat
from registry.models import Organisation
from tests.conftest import client_for


def table_counts():
    return [m.objects.count() for m in (Organisation, Party, Participation, Body, Seat, LegalBasis)]


def load_demo() -> str:
    output = io.StringIO()
    call_command("load_demo_data", password="Demo-Toets-Wachtwoord-2026", stdout=output)
    return output.getvalue()


@pytest.fixture
def demo(db):
    return load_demo()


def test_loading_twice_leaves_one_copy_of_everything(demo):
    before = table_counts()
    output = load_demo()
    assert table_counts() == before
    assert "griffie.enschede" in output and "Demo-Toets-Wachtwoord-2026" in output
    assert before[1] >= 75  # parties of appendices A and B, table 3 and the U16


def test_the_ten_studied_cooperations_carry_their_legal_basis(demo):
    expected = {
        "GBT": LegalForm.PUBLIC_BODY,
        "SSNT": LegalForm.PLAIN_ARRANGEMENT,
        "BHH sociaal domein": LegalForm.CENTRE_MUNICIPALITY,
        "OLCT": LegalForm.PUBLIC_BODY,
        "BOH": LegalForm.PUBLIC_BODY,
        "DOWR": LegalForm.PLAIN_ARRANGEMENT,
        "Noaberkracht": LegalForm.OPERATIONAL_ORGANISATION,
    }
    for short_name, form in expected.items():
        assert Party.objects.get(short_name=short_name).legal_form == form
    assert Party.objects.get(name="Regio Zwolle").legal_form == LegalForm.NONE
    assert Party.objects.get(name="Centrumregeling Enschede – Losser").centre_organisation.name == (
        "Enschede"
    )
    jeugdzorg = Party.objects.get(name="Uitvoeringsorganisatie Jeugdzorg IJsselland")
    assert jeugdzorg.task_policy_execution and not jeugdzorg.task_operations


def test_participants_are_only_those_the_sources_name(demo):
    gbt = Party.objects.get(short_name="GBT")
    assert sorted(gbt.participations.values_list("organisation__name", flat=True)) == sorted(
        [
            "Enschede",
            "Hengelo",
            "Borne",
            "Almelo",
            "Oldenzaal",
            "Losser",
            "Haaksbergen",
            "Berkelland",
            "Bronkhorst",
        ]
    )
    # appendix B: "Twente (14)" for Enexis, Vitens and BNG
    for name in ("Enexis NV", "Vitens NV", "BNG Bank NV"):
        assert Party.objects.get(name=name).participations.count() == 14
    # the overview maps lost who else takes part in Twence: only Enschede's, illustrative
    twence = Party.objects.get(name="Twence Holding BV").participations
    assert list(twence.values_list("organisation__name", flat=True)) == ["Enschede"]


def test_u16_follows_the_municipal_merger_of_vianen(demo):
    u16 = Party.objects.get(short_name="U16")
    assert u16.participations.count() == 16
    vianen = u16.participations.get(organisation__name="Vianen")
    assert vianen.end_date == datetime.date(2018, 12, 31)
    assert Organisation.objects.get(cbs_code="GM1961").start_date == datetime.date(2019, 1, 1)


def test_every_demo_record_obeys_the_model_rules(demo):
    for model in (Organisation, Party, Participation, Body, Seat, LegalBasis):
        for obj in model.objects.all():
            obj.full_clean()


def sign_in(username):
    """As the login form does: with the request (django-axes counts failures per address)."""
    request = RequestFactory().post(reverse("admin:login"))
    return authenticate(request, username=username, password="Demo-Toets-Wachtwoord-2026")


def test_demo_users_log_in_and_see_their_municipality(demo):
    for username in (
        "griffie.enschede",
        "financien.enschede",
        "raad.enschede",
        "toezicht.overijssel",
        "beheerder",
    ):
        assert sign_in(username) is not None
    council = sign_in("raad.enschede")
    listing = client_for(council).get(reverse("admin:partnerships_participation_changelist"))
    names = {p.organisation.name for p in listing.context["cl"].result_list}
    assert names == {"Enschede"}


def test_demo_gives_enschede_a_real_paragraph(demo):
    from partnerships.paragraph import Variant, build_paragraph

    enschede = Organisation.objects.get(cbs_code="GM0153")
    paragraph = build_paragraph(enschede, 2027, Variant.BUDGET)
    by_category = {c.code: [entry.name for entry in c.entries] for c in paragraph.categories}
    assert by_category == {
        "a": [
            "GGD Twente",
            "Gemeentelijk Belastingkantoor Twente",
            "Regio Twente",
            "Stadsbank Oost-Nederland",
            "Veiligheidsregio Twente",
        ],
        "b": ["BNG Bank NV", "Enexis NV", "Twence Holding BV", "Vitens NV"],
        "c": [],
        "d": [],
    }
    assert all(entry.reason.startswith("bestuurlijk belang: ") for entry in paragraph.entries)
    gbt = paragraph.categories[0].entries[1]
    assert gbt.amount("contribution") and gbt.amount("equity_end")
    assert paragraph.vision and paragraph.intentions
    unknown = [w for w in paragraph.warnings if "onbekend of dit een verbonden partij is" in w]
    assert [w.split(":")[0] for w in unknown] == ["Dimpact", "Stichting Kennispark Twente"]
    gbt = Party.objects.get(short_name="GBT")
    contributions = sum(p.contributions.get(year=2027).budgeted for p in gbt.participations.all())
    assert contributions == gbt.annual_figures.get(year=2027).contributions_total


def test_demo_shows_what_enschede_leaving_the_gbt_would_cost(demo):
    from partnerships.leaving import exit_what_if

    enschede = Organisation.objects.get(cbs_code="GM0153")
    gbt = Party.objects.get(short_name="GBT")
    what_if = exit_what_if(gbt, 2027, enschede)
    leaving = next(row for row in what_if.rows if row.after is None)
    assert leaving.name == "Enschede"
    assert what_if.cost.amount == 2 * leaving.now
    assert sum(row.after for row in what_if.rows if row.after) == what_if.total


def test_demo_has_a_realistic_cycle_and_completed_evaluations(demo):
    from evaluations.choices import EvaluationStatus
    from evaluations.models import Evaluation
    from partnerships.cycle.choices import DocumentState, ZienswijzeStatus
    from partnerships.cycle.models import CycleDocument, Zienswijze
    from partnerships.cycle.queries import with_state

    late = with_state(CycleDocument.objects.all(), datetime.date(2026, 11, 22)).filter(
        state=DocumentState.LATE
    )
    assert sorted((d.party.short_name, d.kind) for d in late) == [
        ("GBT", "budget_to_province"),
        ("VRT", "framework"),
    ]
    on_time = with_state(CycleDocument.objects.all(), datetime.date(2026, 11, 22)).get(
        party__short_name="GBT", kind="framework"
    )
    assert on_time.received_on > on_time.due_on and on_time.state == DocumentState.ON_TIME
    amendment = CycleDocument.objects.get(party__short_name="GBT", kind="budget_amendment")
    assert amendment.zienswijzen.count() == amendment.party.participations.count()
    enschede_gbt = Zienswijze.objects.get(
        document__party__short_name="GBT",
        document__kind="draft_budget",
        organisation__cbs_code="GM0153",
    )
    assert enschede_gbt.status == ZienswijzeStatus.SENT
    assert [s.target for s in enschede_gbt.steps.all()] == ["in_preparation", "decided", "sent"]
    completed = Evaluation.objects.filter(status=EvaluationStatus.COMPLETED)
    assert completed.filter(public=True).count() == completed.count() == 3
    assert completed.filter(party__code="ggd-twente").get().respondents.count() == 0
    completed = completed.filter(party__short_name="GBT")
    assert completed.count() == 2
    assert sorted(e.respondents.count() for e in completed) == [3, 4]
    assert all(r.answers.count() == 7 for e in completed for r in e.respondents.all())
    assert completed.get(title__endswith="2019").respondents.filter(anonymous=True).count() == 2
    before = Zienswijze.objects.count(), CycleDocument.objects.count()
    load_demo()
    assert (Zienswijze.objects.count(), CycleDocument.objects.count()) == before
    assert enschede_gbt.steps.count() == 3


README_EXAMPLE = "fixtures/spreadsheets/voorbeeld-deelnemingen-gbt.xlsx"


def import_readme_example(username="toezicht.overijssel"):
    """The README's example: the supervisor imports the GBT sheet as participations (its
    "Garanties" column is reported as belonging to the financial interest per year)."""
    from django.contrib.auth import get_user_model

    from partnerships.models.imports import ImportChannel
    from partnerships.spreadsheets import service

    user = get_user_model().objects.get(username=username)
    with open(README_EXAMPLE, "rb") as handle:
        plan = service.commit(
            user, "participations", handle.read(), "voorbeeld.xlsx", channel=ImportChannel.ADMIN
        )
    assert plan.ok
    assert any("hoort nu bij “Financieel belang per jaar”" in n for n in plan.notices)
    return plan


def test_the_readme_import_example_then_loading_the_demo_again_works(demo):
    import_readme_example()
    output = load_demo()  # `make run` again: no traceback
    gbt = Party.objects.get(short_name="GBT")
    almelo = gbt.participations.get(organisation__cbs_code="GM0141")
    assert almelo.start_date == datetime.date(2009, 1, 1)  # as imported, not the demo's
    enschede = gbt.participations.get(organisation__cbs_code="GM0153")
    # its "Garanties" column belongs to the financial interest per year: told, not read
    assert enschede.seats == 2
    assert not enschede.financial_interests.filter(guarantees=1_250_000).exists()
    assert gbt.participations.filter(organisation__cbs_code="GM1774").exists()  # new one kept
    assert gbt.participations.filter(organisation__cbs_code="GM0141").count() == 1
    assert "Door gebruikers gewijzigd, niet overschreven" in output
    assert "deelneming Almelo in Gemeentelijk Belastingkantoor Twente" in output


def test_loading_again_writes_no_history_for_what_did_not_change(demo):
    before = Participation.history.count(), Party.history.count()
    load_demo()
    assert (Participation.history.count(), Party.history.count()) == before


def test_a_record_a_user_changed_is_left_alone_and_the_rest_still_updated(demo):
    from django.contrib.auth import get_user_model

    from registry import writes

    griffie = get_user_model().objects.get(username="griffie.enschede")
    gbt = Party.objects.get(short_name="GBT")
    gbt.public_interest = "Door de griffie herschreven."
    writes.save(user=griffie, record=gbt, changed={"public_interest"})
    vrt = Party.objects.get(short_name="VRT")
    Party.objects.filter(pk=vrt.pk).update(public_interest="weg")  # no history: the demo's
    output = load_demo()
    gbt.refresh_from_db()
    vrt.refresh_from_db()
    assert gbt.public_interest == "Door de griffie herschreven."
    assert vrt.public_interest != "weg"
    assert "laatst gewijzigd door griffie.enschede" in output


def test_a_demo_record_that_clashes_with_a_users_record_is_reported_and_skipped(demo):
    from django.contrib.auth import get_user_model

    from registry import writes

    administrator = get_user_model().objects.get(username="beheerder")
    gbt = Party.objects.get(short_name="GBT")
    borne = gbt.participations.get(organisation__cbs_code="GM0147")
    writes.delete(user=administrator, record=borne)
    for start, end in (
        (datetime.date(2009, 6, 1), datetime.date(2012, 12, 31)),
        (datetime.date(2013, 1, 1), None),
    ):
        participation = Participation(
            party=gbt, organisation=borne.organisation, start_date=start, end_date=end
        )
        writes.save(user=administrator, record=participation)
    output = load_demo()
    assert "Niet geladen: botst met wat gebruikers vastlegden (1):" in output
    assert "Borne neemt in deze periode al deel aan Gemeentelijk Belastingkantoor Twente" in output
    assert gbt.participations.filter(organisation=borne.organisation).count() == 2
