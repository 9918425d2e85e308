"""The budget-cycle calendar: statutory terms since and before 1 July 2022, deadlines as the
last allowed day, late and overdue documents, and the supervisor's filter by province."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerships.cycle import calendar
from partnerships.cycle import services as cycle_services
from partnerships.cycle.choices import DocumentKind, DocumentState
from partnerships.cycle.models import CycleDocument, RuleSet
from partnerships.cycle.queries import with_state
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for

D = datetime.date
K = DocumentKind


def documents(party, year, **dates) -> dict[str, CycleDocument]:
    made = {d.kind: d for d in cycle_services.ensure_cycle(party, year, user=factories.SERVER)}
    for kind, values in dates.items():
        document = made[kind]
        for field, value in values.items():
            setattr(document, field, value)
        calendar.apply_deadline(document)
        document.save()
    return made


def test_deadlines_of_budget_year_2027_follow_the_terms_since_2022(regeling):
    made = documents(
        regeling,
        2027,
        draft_budget={"board_meeting_on": D(2026, 7, 2)},
        budget_to_province={"adopted_on": D(2026, 7, 2)},
        accounts_to_province={"adopted_on": D(2028, 7, 10)},
    )
    due = {kind: document.due_on for kind, document in made.items()}
    assert due == {
        K.FRAMEWORK: D(2026, 4, 29),  # vóór 30 april of the year before
        K.DRAFT_BUDGET: D(2026, 4, 9),  # 12 weeks before the AB meets
        K.BUDGET_TO_PROVINCE: D(2026, 7, 16),  # 2 weeks after adoption, before 15 September
        # vóór 30 april 2028: 29 April is a Saturday, so Monday 1 May (Atw art. 1)
        K.PROVISIONAL_ACCOUNTS: D(2028, 5, 1),
        K.ACCOUNTS_TO_PROVINCE: D(2028, 7, 14),  # before 15 July wins over 2 weeks
    }
    assert made[K.FRAMEWORK].due_rule == "vóór 30-04-2026"


def test_budget_year_2022_keeps_the_terms_before_the_amendment(regeling):
    made = documents(regeling, 2022, draft_budget={"board_meeting_on": D(2021, 7, 1)})
    assert made[K.FRAMEWORK].due_on == D(2021, 4, 14)  # vóór 15 april
    assert made[K.DRAFT_BUDGET].due_on == D(2021, 5, 6)  # 8 weeks
    # vóór 1 augustus: 31 July 2021 is a Saturday, so Monday 2 August (Atw art. 1)
    assert made[K.BUDGET_TO_PROVINCE].due_on == D(2021, 8, 2)
    # its jaarrekening is due in 2023, under the new terms
    assert made[K.PROVISIONAL_ACCOUNTS].due_on == D(2023, 5, 1)  # 29 April 2023: a Saturday


def test_draft_budget_without_a_board_meeting_has_no_deadline_and_says_why(regeling):
    draft = documents(regeling, 2027)[K.DRAFT_BUDGET]
    assert draft.due_on is None
    assert "datum van de vergadering onbekend" in draft.due_rule


def test_late_and_overdue_documents_are_flagged(regeling):
    made = documents(
        regeling,
        2027,
        framework={"received_on": D(2026, 5, 6)},
        draft_budget={"board_meeting_on": D(2026, 7, 2), "received_on": D(2026, 4, 1)},
    )
    states = {
        d.kind: d.state
        for d in with_state(CycleDocument.objects.filter(party=regeling), D(2026, 11, 22))
    }
    assert states[K.FRAMEWORK] == DocumentState.LATE
    assert states[K.DRAFT_BUDGET] == DocumentState.ON_TIME
    assert states[K.BUDGET_TO_PROVINCE] == DocumentState.OVERDUE  # due 14-09-2026
    assert states[K.PROVISIONAL_ACCOUNTS] == DocumentState.EXPECTED
    assert made[K.FRAMEWORK].received_on > made[K.FRAMEWORK].due_on


def test_changing_the_terms_recomputes_the_deadlines(regeling):
    framework = documents(regeling, 2027)[K.FRAMEWORK]
    rules = RuleSet.objects.get(name="Wgr sinds 1 juli 2022")
    rules.framework_before_day, rules.framework_before_month = 15, 5
    rules.save()
    assert cycle_services.refresh_deadlines() >= 1
    framework.refresh_from_db()
    assert framework.due_on == D(2026, 5, 15)  # 14 May 2026 is Ascension Day (Atw art. 3)


def test_rule_sets_may_not_overlap_nor_name_a_day_that_does_not_exist(db):
    clash = RuleSet(
        name="Proef", valid_from=D(2024, 1, 1), framework_before_day=31, framework_before_month=4
    )
    with pytest.raises(ValidationError) as refused:
        clash.full_clean()
    assert "overlapt met: Wgr sinds 1 juli 2022" in str(refused.value)
    assert "Deze dag bestaat niet" in str(refused.value)


def test_only_wgr_parties_with_an_own_budget_have_a_cycle(enschede):
    from partnerships.choices import LegalForm

    foundation = factories.PartyFactory(legal_form=LegalForm.FOUNDATION)
    with pytest.raises(ValueError, match="geen gemeenschappelijke regeling"):
        cycle_services.ensure_cycle(foundation, 2027, user=factories.SERVER)


def test_supervisor_filters_late_documents_of_its_province(regeling, overijssel, utrecht_city):
    documents(regeling, 2027, framework={"received_on": D(2026, 5, 6)})
    elsewhere = factories.PartyFactory(name="Regio Utrecht")
    factories.ParticipationFactory(party=elsewhere, organisation=utrecht_city)
    documents(elsewhere, 2027, framework={"received_on": D(2026, 5, 6)})
    supervisor = client_for(factories.user_with_role(RoleKind.SUPERVISOR, overijssel))
    url = reverse("admin:cycle_cycledocument_changelist")
    listing = supervisor.get(url, {"stand": "late", "provincie": overijssel.pk})
    found = [(d.party.name, d.kind) for d in listing.context["cl"].result_list]
    assert found == [("Veiligheidsregio Twente", K.FRAMEWORK)]


def test_griffie_of_a_participant_sets_out_next_years_cycle(regeling, enschede, utrecht_city):
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

    url = reverse("admin:partnerships_party_changelist")
    action = {"action": "create_next_budget_cycle", ACTION_CHECKBOX_NAME: [regeling.pk]}
    outsider = client_for(factories.user_with_role(RoleKind.GRIFFIE, utrecht_city))
    outsider.post(url, action)
    assert not regeling.cycle_documents.exists()
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    griffie.post(url, action)
    next_year = datetime.date.today().year + 1
    assert sorted(regeling.cycle_documents.values_list("year", flat=True)) == [next_year] * 5


def test_command_sets_out_the_cycle_of_every_wgr_party(regeling, enschede):
    import io

    from django.core.management import call_command

    from partnerships.choices import LegalForm

    factories.PartyFactory(legal_form=LegalForm.FOUNDATION)
    output = io.StringIO()
    call_command("create_budget_cycle", year=2028, stdout=output)
    call_command("create_budget_cycle", year=2028, stdout=output)
    assert CycleDocument.objects.filter(year=2028).count() == 5
    assert "Begrotingscyclus 2028: 1 regeling, elk vijf stukken." in output.getvalue()
