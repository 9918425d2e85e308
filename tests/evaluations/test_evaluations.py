"""Evaluations: the schedule (interval from the clause, from the last completed one or the
start), status steps with reasons, the scorecard on the seeded catalogue (respondents,
anonymous if they choose, and their answers shown only together), follow-up actions, and the
comparison over successive evaluations with mean and spread."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from evaluations.choices import (
    AbsenceProblem,
    ActionStatus,
    Catalogue,
    EvaluationStatus,
    Performer,
    Presence,
)
from evaluations.models import Answer, Criterion, Evaluation, FollowUpAction, Respondent
from evaluations.schedule import schedule_for
from evaluations.services import take_step
from partnerships.models import Participation
from registry.models import RoleKind
from registry.workflow import StepRefused
from tests import factories
from tests.conftest import client_for

D = datetime.date
S = EvaluationStatus
TODAY = D(2026, 11, 22)


@pytest.fixture
def party(enschede, almelo):
    party = factories.PartyFactory(name="Regio Twente", start_date=D(2015, 1, 1))
    factories.ParticipationFactory(party=party, organisation=enschede, start_date=D(2015, 1, 1))
    factories.ParticipationFactory(party=party, organisation=almelo, start_date=D(2020, 1, 1))
    return party


def evaluation(party, status=S.COMPLETED, end=None, organisation=None, **fields):
    return Evaluation.objects.create(
        party=party,
        organisation=organisation,
        title=fields.pop("title", f"Evaluatie {end or 'gepland'}"),
        performer=Performer.AUDIT_OFFICE,
        status=status,
        actual_end=end,
        **fields,
    )


def due_of(organisation, party):
    participation = Participation.objects.select_related("party").get(
        party=party, organisation=organisation
    )
    return schedule_for([participation], TODAY)[0]


def test_catalogue_is_seeded_with_both_criteria_sets(db):
    assert Criterion.objects.filter(catalogue=Catalogue.PROVINCIAL).count() == 12
    assert Criterion.objects.filter(catalogue=Catalogue.SUCCESS_FACTORS).count() == 8
    assert Criterion.objects.filter(name="Gelijkwaardige samenwerking").exists()


def test_never_evaluated_is_due_four_years_after_the_start_and_overdue(party, enschede):
    due = due_of(enschede, party)
    assert (due.next_due, due.since_label, due.interval_years) == (
        D(2019, 1, 1),
        "start van de samenwerking",
        4,
    )
    assert due.overdue(TODAY)


def test_next_due_follows_the_last_completed_and_the_clause(party, enschede):
    evaluation(party, end=D(2020, 3, 1))
    evaluation(party, end=D(2024, 6, 30))
    evaluation(party, status=S.CANCELLED)
    factories.LegalBasisFactory(party=party, evaluation_interval_years=5)
    due = due_of(enschede, party)
    assert (due.next_due, due.since_label) == (D(2029, 6, 30), "laatste evaluatie")
    assert not due.overdue(TODAY)


def test_own_evaluation_of_a_participation_has_its_own_schedule(party, enschede, almelo):
    evaluation(party, end=D(2025, 1, 31))  # the whole cooperation
    evaluation(party, status=S.PLANNED, organisation=almelo, title="Deelname Almelo")
    assert due_of(enschede, party).next_due == D(2029, 1, 31)
    almelo_due = due_of(almelo, party)
    assert (almelo_due.organisation_id, almelo_due.next_due) == (almelo.pk, D(2024, 1, 1))
    assert almelo_due.since_label == "start van de deelname"


def test_schedule_reads_a_fixed_number_of_queries(party, enschede, django_assert_num_queries):
    others = [factories.PartyFactory(start_date=D(2018, 1, 1)) for _ in range(5)]
    for other in others:
        factories.ParticipationFactory(party=other, organisation=enschede)
    participations = list(Participation.objects.select_related("party"))
    with django_assert_num_queries(3):
        assert len(schedule_for(participations, TODAY)) == 7


def refusal(record, target, user, **kwargs) -> str:
    with pytest.raises(StepRefused) as refused:
        take_step(record, target, user, **kwargs)
    return refused.value.reason


def test_status_steps_and_their_refusals(party, enschede):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    planned = evaluation(party, status=S.PLANNED)
    assert refusal(planned, S.COMPLETED, griffie).startswith("Van “gepland” kan niet naar")
    take_step(planned, S.IN_PROGRESS, griffie, on=D(2026, 2, 1))
    assert refusal(planned, S.COMPLETED, griffie) == (
        "Een afgeronde evaluatie heeft conclusies; vul ze eerst in."
    )
    Evaluation.objects.filter(pk=planned.pk).update(conclusions="De samenwerking werkt.")
    done = take_step(planned, S.COMPLETED, griffie, on=D(2026, 9, 1))
    assert (done.status, done.actual_start, done.actual_end) == (
        S.COMPLETED,
        D(2026, 2, 1),
        D(2026, 9, 1),
    )
    council = factories.user_with_role(RoleKind.COUNCIL, enschede)
    assert refusal(done, S.IN_PROGRESS, council, comment="heropenen").startswith("Alleen")


def test_cancelling_needs_a_reason(party, enschede):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    planned = evaluation(party, status=S.PLANNED)
    assert refusal(planned, S.CANCELLED, griffie) == "“vervallen” kan alleen met een reden."
    cancelled = take_step(planned, S.CANCELLED, griffie, comment="Opgenomen in de brede evaluatie")
    assert cancelled.cancel_reason == "Opgenomen in de brede evaluatie"


def test_an_answer_is_from_1_to_5_once_per_respondent_and_criterion(party):
    done = evaluation(party, end=D(2025, 1, 1))
    respondent = Respondent.objects.create(evaluation=done, anonymous=True)
    criterion = Criterion.objects.get(name="Kosten")
    with pytest.raises(ValidationError):
        Answer(respondent=respondent, criterion=criterion, score=6).full_clean()
    Answer.objects.create(respondent=respondent, criterion=criterion, score=3)
    with pytest.raises(ValidationError, match="beantwoordde dit criterium al"):
        Answer(respondent=respondent, criterion=criterion, score=4).full_clean()


def test_an_answer_says_presence_or_a_score_and_a_present_factor_is_not_missed(party):
    respondent = Respondent.objects.create(evaluation=evaluation(party), anonymous=True)
    criterion = Criterion.objects.get(name="Rolverdeling")
    with pytest.raises(ValidationError, match="aanwezig is, of een score"):
        Answer(respondent=respondent, criterion=criterion).full_clean()
    present_but_missed = Answer(
        respondent=respondent,
        criterion=criterion,
        presence=Presence.YES,
        absence_problem=AbsenceProblem.YES,
    )
    with pytest.raises(ValidationError, match="ontbreekt niet"):
        present_but_missed.full_clean()
    Answer(
        respondent=respondent,
        criterion=criterion,
        presence=Presence.NO,
        absence_problem=AbsenceProblem.NO,  # missing, and nobody minds (seed 004)
    ).full_clean()


def test_an_anonymous_respondent_keeps_no_name(party):
    with pytest.raises(ValidationError, match="geen naam"):
        Respondent(evaluation=evaluation(party), anonymous=True, name="P. Pietersen").full_clean()
    with pytest.raises(ValidationError, match="kies “anoniem”"):
        Respondent(evaluation=evaluation(party), anonymous=False).full_clean()


def test_a_finished_action_says_when(party):
    done = evaluation(party, end=D(2025, 1, 1))
    action = FollowUpAction(
        evaluation=done, description="Kaderbrief eerder", status=ActionStatus.DONE
    )
    with pytest.raises(ValidationError, match="wanneer de actie is afgerond"):
        action.full_clean()


def answer(evaluation, criterion, score=None, presence="", problem="", explanation="", **who):
    respondent = Respondent.objects.create(
        evaluation=evaluation, anonymous=not who, name=who.get("name", "")
    )
    return Answer.objects.create(
        respondent=respondent,
        criterion=criterion,
        score=score,
        presence=presence,
        absence_problem=problem,
        explanation=explanation,
    )


def test_what_respondents_answered_together_over_successive_evaluations(party, enschede, almelo):
    costs = Criterion.objects.get(name="Kosten")
    trust = Criterion.objects.get(name="Vertrouwen (inhoudelijk en relationeel)")
    first = evaluation(party, end=D(2020, 3, 1), title="Evaluatie 2020")
    second = evaluation(party, end=D(2024, 6, 30), title="Evaluatie 2024")
    hidden = evaluation(party, end=D(2025, 1, 1), organisation=almelo, title="Alleen Almelo")
    answer(first, costs, 2, Presence.NO, AbsenceProblem.YES, "Te duur", name="P. Pietersen")
    answer(first, costs, 4, Presence.PARTLY, AbsenceProblem.NO)
    answer(first, costs, 5, Presence.YES)
    answer(second, costs, 4, Presence.YES)
    answer(second, trust, 5)
    answer(hidden, trust, 1)
    council = client_for(factories.user_with_role(RoleKind.COUNCIL, enschede))
    page = council.get(reverse("evaluations:comparison", args=[party.pk]))
    assert [e.title for e in page.context["evaluations"]] == ["Evaluatie 2020", "Evaluatie 2024"]
    grid = {
        row["criterion"].name: [(c.mean, c.answered) if c else None for c in row["cells"]]
        for row in page.context["rows"]
    }
    assert grid == {
        "Kosten": [(11 / 3, 3), (4.0, 1)],
        "Vertrouwen (inhoudelijk en relationeel)": [None, (5.0, 1)],
    }
    text = page.content.decode()
    assert "3,7" in text and "spreiding 1,2 (2–5)" in text  # mean and spread side by side
    assert "aanwezig: ja 1 · deels 1 · nee 1" in text
    assert "ontbreken een probleem: 1 van 2" in text
    assert "P. Pietersen" not in text and "Te duur" not in text  # no one's own answers


def test_the_scorecard_of_an_evaluation_is_a_summary_and_answers_stay_with_its_keepers(
    party, enschede
):
    done = evaluation(party, end=D(2024, 6, 30))
    first = answer(done, Criterion.objects.get(name="Kosten"), 2, explanation="Te duur")
    answer(done, Criterion.objects.get(name="Kosten"), 4)
    url = reverse("admin:evaluations_evaluation_change", args=[done.pk])
    council = client_for(factories.user_with_role(RoleKind.COUNCIL, enschede))
    summary = council.get(url).content.decode()
    assert "2 respondenten" in summary and "Te duur" in summary  # unattributed
    respondent_url = reverse("admin:evaluations_respondent_change", args=[first.respondent.pk])
    assert council.get(respondent_url).status_code == 302  # not found for a reader
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    assert griffie.get(respondent_url).status_code == 200


def test_own_evaluations_stay_with_their_municipality(party, enschede, almelo, utrecht_city):
    shared = evaluation(party, end=D(2024, 6, 30), title="Hele samenwerking")
    own = evaluation(party, end=D(2025, 1, 1), organisation=almelo, title="Alleen Almelo")

    def opens(user, record) -> bool:
        url = reverse("admin:evaluations_evaluation_change", args=[record.pk])
        return client_for(user).get(url).status_code == 200

    def saves(user, record) -> bool:
        url = reverse("admin:evaluations_evaluation_change", args=[record.pk])
        return b'name="_save"' in client_for(user).get(url).content

    enschede_griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    almelo_griffie = factories.user_with_role(RoleKind.GRIFFIE, almelo)
    outsider = factories.user_with_role(RoleKind.GRIFFIE, utrecht_city)
    assert (opens(enschede_griffie, own), opens(almelo_griffie, own)) == (False, True)
    assert saves(almelo_griffie, own) and saves(enschede_griffie, shared)
    assert opens(outsider, shared) and not saves(outsider, shared)
    assert not opens(outsider, own)


def test_action_owners_are_chosen_among_the_users_own_colleagues(party, enschede, almelo):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    colleague = factories.user_with_role(RoleKind.FINANCE, enschede)
    stranger = factories.user_with_role(RoleKind.GRIFFIE, almelo)
    done = evaluation(party, end=D(2025, 1, 1))
    page = client_for(griffie).get(reverse("admin:evaluations_evaluation_change", args=[done.pk]))
    owners = page.context["inline_admin_formsets"][1].formset.empty_form.fields["owner"]
    assert set(owners.queryset) == {griffie, colleague}
    assert stranger not in owners.queryset


def test_evaluation_steps_are_offered_to_the_griffie_and_cancelling_asks_its_reason(
    party, enschede
):
    from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME

    planned = evaluation(party, status=S.PLANNED)
    url = reverse("admin:evaluations_evaluation_changelist")
    council = client_for(factories.user_with_role(RoleKind.COUNCIL, enschede))
    assert council.get(url).context["action_form"] is None  # no step to offer
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    actions = griffie.get(url).context["action_form"].fields["action"].choices
    assert {value for value, _label in actions} >= {"step_in_progress", "step_cancelled"}
    data = {"action": "step_cancelled", ACTION_CHECKBOX_NAME: [planned.pk], "apply": "1"}
    without_reason = griffie.post(url, {**data, "confirm": "1"})
    assert "Dit veld is verplicht" in without_reason.content.decode()
    confirmation = griffie.post(url, {**data, "comment": "Opgenomen in een bredere evaluatie"})
    assert "gepland" in confirmation.content.decode()
    assert "vervallen" in confirmation.content.decode()
    planned.refresh_from_db()
    assert planned.status == S.PLANNED
    griffie.post(url, {**data, "comment": "Opgenomen in een bredere evaluatie", "confirm": "1"})
    planned.refresh_from_db()
    assert (planned.status, planned.cancel_reason) == (
        S.CANCELLED,
        "Opgenomen in een bredere evaluatie",
    )
