"""The cycle as the Wgr counts: the sent date decides, the Algemene termijnenwet extends terms
past weekends and the holidays it names, the rule set in force while the term runs applies,
begrotingswijzigingen get zienswijzen, and a province among the participants makes the
Minister of BZK the recipient."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from partnerships.cycle import calendar, holidays
from partnerships.cycle import services as cycle_services
from partnerships.cycle.choices import DocumentKind, DocumentState, Supervisor
from partnerships.cycle.models import CycleDocument, RuleSet
from partnerships.cycle.queries import with_state
from registry import writes
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for

D = datetime.date
K = DocumentKind


def document(party, year, kind, **fields):
    made = CycleDocument(party=party, year=year, kind=kind, **fields)
    return writes.save(user=factories.SERVER, record=made)


LATER = D(2030, 1, 1)  # every deadline of these tests has passed


def state_of(made):
    return with_state(CycleDocument.objects.filter(pk=made.pk), LATER).get()


def test_the_recognised_holidays_of_atw_art_3():
    assert holidays.easter(2026) == D(2026, 4, 5)
    assert holidays.recognised_holidays(2026) == {
        D(2026, 1, 1),  # Nieuwjaarsdag
        D(2026, 4, 3),  # Goede Vrijdag (art. 3 lid 2)
        D(2026, 4, 6),  # tweede Paasdag
        D(2026, 4, 27),  # Koningsdag
        D(2026, 5, 5),
        D(2026, 5, 14),  # Hemelvaartsdag
        D(2026, 5, 25),  # tweede Pinksterdag
        D(2026, 12, 25),
        D(2026, 12, 26),
    }
    assert D(2025, 4, 26) in holidays.recognised_holidays(2025)  # 27 April 2025 is a Sunday
    assert holidays.extended(D(2026, 4, 3)) == D(2026, 4, 7)  # Good Friday to Tuesday
    assert holidays.extended(D(2026, 12, 25)) == D(2026, 12, 28)


def test_a_begroting_sent_on_time_but_received_late_is_on_time(regeling, enschede):
    """Vóór 15 september 2022: sent on Wednesday 14 September, received on the 16th."""
    budget = document(
        regeling, 2023, K.BUDGET_TO_PROVINCE, sent_on=D(2022, 9, 14), received_on=D(2022, 9, 16)
    )
    assert budget.due_on == D(2022, 9, 14)
    found = state_of(budget)
    assert (found.state, found.judged_on_receipt) == (DocumentState.ON_TIME, False)
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    listing = griffie.get(reverse("admin:cycle_cycledocument_changelist"))
    assert "op tijd verzonden" in listing.content.decode()


def test_without_a_sent_date_the_receipt_is_judged_and_the_list_says_so(regeling, enschede):
    budget = document(regeling, 2023, K.BUDGET_TO_PROVINCE, received_on=D(2022, 9, 16))
    found = state_of(budget)
    assert (found.state, found.judged_on_receipt) == (DocumentState.LATE, True)
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    listing = griffie.get(reverse("admin:cycle_cycledocument_changelist"))
    assert "te laat ontvangen (verzenddatum onbekend)" in (listing.content.decode())


def test_a_document_is_not_received_before_it_is_sent(regeling):
    with pytest.raises(ValidationError, match="niet ontvangen vóórdat het verzonden is"):
        document(regeling, 2027, K.FRAMEWORK, sent_on=D(2026, 4, 2), received_on=D(2026, 4, 1))


def test_the_begroting_2023_follows_the_terms_in_force_while_its_term_ran(regeling):
    """Its old term (vóór 1 augustus 2022) was still running on 1 July 2022, when the new one
    (vóór 15 september) came into force; the kaderbrief 2023 (vóór 15 april 2022) had run out."""
    made = {d.kind: d for d in cycle_services.ensure_cycle(regeling, 2023, user=factories.SERVER)}
    assert made[K.BUDGET_TO_PROVINCE].due_on == D(2022, 9, 14)
    assert made[K.BUDGET_TO_PROVINCE].due_rule.startswith(
        "binnen 2 weken na vaststelling en vóór 15-09-2022"
    )
    assert made[K.FRAMEWORK].due_on == D(2022, 4, 14)
    assert made[K.FRAMEWORK].due_rule == "vóór 15-04-2022"


def test_a_zienswijze_term_still_running_on_1_july_2022_gets_twelve_weeks(regeling):
    early = document(regeling, 2023, K.DRAFT_BUDGET, received_on=D(2022, 4, 1))
    late = document(regeling, 2024, K.DRAFT_BUDGET, received_on=D(2022, 6, 1))
    rule_sets = list(RuleSet.objects.all())
    assert calendar.zienswijze_deadline(early, rule_sets) == D(2022, 5, 27)  # 8 weeks
    # 8 weeks would end on 27 July, after 1 July: 12 weeks, to Wednesday 24 August
    assert calendar.zienswijze_deadline(late, rule_sets) == D(2022, 8, 24)


def test_a_term_of_weeks_after_an_event_ending_on_a_weekend_runs_to_monday(regeling):
    """Adopted on Saturday 4 July 2026: two weeks end on Saturday 18 July, so Monday 20 July."""
    budget = document(regeling, 2027, K.BUDGET_TO_PROVINCE, adopted_on=D(2026, 7, 4))
    assert budget.due_on == D(2026, 7, 20)
    assert "tot en met 20-07-2026, Atw" in budget.due_rule


def test_whether_a_fixed_date_is_extended_is_a_setting_of_the_rule_set(regeling):
    """Vóór 30 april 2028: the last day, 29 April, is a Saturday."""
    accounts = document(regeling, 2027, K.PROVISIONAL_ACCOUNTS)
    assert accounts.due_on == D(2028, 5, 1)
    rules = RuleSet.objects.get(name="Wgr sinds 1 juli 2022")
    rules.atw_before_date = False
    writes.save(user=factories.SERVER, record=rules)
    accounts.refresh_from_db()
    assert (accounts.due_on, accounts.due_rule) == (D(2028, 4, 29), "vóór 30-04-2028")


def test_a_term_counted_back_from_the_board_meeting_is_never_extended(regeling):
    """Atw art. 1 lid 2: twelve weeks before Saturday 5 September 2026 is Saturday 13 June."""
    draft = document(regeling, 2027, K.DRAFT_BUDGET, board_meeting_on=D(2026, 9, 5))
    assert draft.due_on == D(2026, 6, 13)
    assert "terugrekening, niet verlengd (Atw art. 1 lid 2)" in draft.due_rule


def test_begrotingswijzigingen_are_cycle_documents_with_zienswijzen(regeling):
    first = document(
        regeling,
        2027,
        K.BUDGET_AMENDMENT,
        sequence=1,
        board_meeting_on=D(2027, 3, 4),
        received_on=D(2026, 11, 25),
    )
    assert first.due_on == D(2026, 12, 10)  # 12 weeks before the AB meets (Wgr art. 35)
    assert sorted(z.organisation.name for z in first.zienswijzen.all()) == ["Almelo", "Enschede"]
    assert {z.due_on for z in first.zienswijzen.all()} == {D(2027, 2, 17)}
    exempt = document(
        regeling,
        2027,
        K.BUDGET_AMENDMENT,
        sequence=2,
        without_zienswijze=True,
        received_on=D(2027, 1, 5),
    )
    assert not exempt.zienswijzen.exists()  # a category the regeling exempts
    assert str(exempt).endswith("Begrotingswijziging 2027 (2)")
    with pytest.raises(ValidationError, match="Alleen begrotingswijzigingen hebben een volgnummer"):
        document(regeling, 2027, K.FRAMEWORK, sequence=2)
    # the yearly cycle does not make amendments, and does not mind them
    assert len(cycle_services.ensure_cycle(regeling, 2027, user=factories.SERVER)) == 5


def test_the_minister_receives_the_begroting_when_a_province_takes_part(regeling, overijssel):
    budget = document(regeling, 2027, K.BUDGET_TO_PROVINCE)
    assert state_of(budget).supervisor == Supervisor.PROVINCE
    factories.ParticipationFactory(
        party=regeling, organisation=overijssel, start_date=D(2028, 1, 1)
    )
    assert state_of(budget).supervisor == Supervisor.PROVINCE  # not yet in 2027
    later = document(regeling, 2028, K.BUDGET_TO_PROVINCE)
    assert state_of(later).supervisor == Supervisor.MINISTER  # Wgr art. 58
