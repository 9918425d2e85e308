"""The zienswijze workflow: opened by the receipt of the draft budget, steps only through the
service (no skipping, back only with a reason, only the allowed roles), each step recorded,
and the admin actions that show why a step is refused."""

import datetime

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse

from partnerships.cycle import services as cycle_services
from partnerships.cycle.choices import CouncilDecision, DocumentKind, ZienswijzeStatus
from partnerships.cycle.models import CycleDocument, Zienswijze
from partnerships.cycle.services import take_step
from registry.models import RoleKind
from registry.workflow import StepRefused
from tests import factories
from tests.conftest import client_for

D = datetime.date
S = ZienswijzeStatus


@pytest.fixture
def draft(regeling, enschede):
    """The draft budget 2027, received on 1 April 2026 through the admin by Enschede's griffie."""
    cycle_services.ensure_cycle(regeling, 2027, user=factories.SERVER)
    document = CycleDocument.objects.get(party=regeling, year=2027, kind=DocumentKind.DRAFT_BUDGET)
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    response = griffie.post(
        reverse("admin:cycle_cycledocument_change", args=[document.pk]),
        {
            "party": regeling.pk,
            "year": 2027,
            "kind": DocumentKind.DRAFT_BUDGET,
            "sequence": 1,
            "board_meeting_on": "02-07-2026",
            "received_on": "01-04-2026",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    document.refresh_from_db()
    return document


@pytest.fixture
def enschede_view(draft, enschede):
    return Zienswijze.objects.get(document=draft, organisation=enschede)


def test_receipt_opens_a_zienswijze_per_participant_due_12_weeks_later(draft):
    opened = {(z.organisation.name, z.status, z.due_on) for z in draft.zienswijzen.all()}
    assert opened == {
        ("Enschede", S.RECEIVED, D(2026, 6, 24)),
        ("Almelo", S.RECEIVED, D(2026, 6, 24)),
    }
    assert draft.due_on == D(2026, 4, 9)


def test_the_whole_path_is_recorded_step_by_step(enschede_view, enschede):
    finance = factories.user_with_role(RoleKind.FINANCE, enschede)
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    take_step(enschede_view, S.IN_PREPARATION, finance, comment="Voorstel in de maak")
    take_step(
        enschede_view,
        S.DECIDED,
        griffie,
        decision=CouncilDecision.REMARKS,
        text="De raad vraagt de indexatie te beperken tot 2%.",
    )
    take_step(enschede_view, S.SENT, griffie, on=D(2026, 6, 20))
    enschede_view.refresh_from_db()
    assert (enschede_view.status, enschede_view.decision, enschede_view.sent_on) == (
        S.SENT,
        CouncilDecision.REMARKS,
        D(2026, 6, 20),
    )
    steps = [(s.source, s.target, s.by) for s in enschede_view.steps.all()]
    assert steps == [
        (S.RECEIVED, S.IN_PREPARATION, finance),
        (S.IN_PREPARATION, S.DECIDED, griffie),
        (S.DECIDED, S.SENT, griffie),
    ]


def refusal(zienswijze, target, user, **kwargs) -> str:
    with pytest.raises(StepRefused) as refused:
        take_step(zienswijze, target, user, **kwargs)
    zienswijze.refresh_from_db()
    return refused.value.reason


def test_skipping_a_step_is_refused_with_the_way_forward(enschede_view, enschede):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    assert refusal(enschede_view, S.SENT, griffie) == (
        "Van “ontvangen” kan niet naar “verzonden aan de regeling”. Wel naar: “in voorbereiding”."
    )
    assert enschede_view.status == S.RECEIVED
    assert not enschede_view.steps.exists()


def test_only_the_griffie_records_the_council_decision(enschede_view, enschede):
    finance = factories.user_with_role(RoleKind.FINANCE, enschede)
    take_step(enschede_view, S.IN_PREPARATION, finance)
    reason = refusal(enschede_view, S.DECIDED, finance, decision=CouncilDecision.AGREE)
    assert reason == "Alleen de griffie mag de stap naar “besloten door de raad” zetten."
    council = factories.user_with_role(RoleKind.COUNCIL, enschede)
    assert refusal(enschede_view, S.DECIDED, council, decision=CouncilDecision.AGREE)
    assert enschede_view.status == S.IN_PREPARATION


def test_another_municipality_takes_no_step(enschede_view, almelo):
    almelo_griffie = factories.user_with_role(RoleKind.GRIFFIE, almelo)
    assert refusal(enschede_view, S.IN_PREPARATION, almelo_griffie).startswith("Alleen")


def test_a_decision_other_than_agreeing_needs_its_text(enschede_view, enschede):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    take_step(enschede_view, S.IN_PREPARATION, griffie)
    reason = refusal(enschede_view, S.DECIDED, griffie, decision=CouncilDecision.REJECT)
    assert reason == "Bij “afwijzen” hoort de tekst van de zienswijze."
    assert refusal(enschede_view, S.DECIDED, griffie) == "Kies het besluit van de raad."


def test_going_back_needs_a_reason(enschede_view, enschede):
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    take_step(enschede_view, S.IN_PREPARATION, griffie)
    take_step(enschede_view, S.DECIDED, griffie, decision=CouncilDecision.AGREE)
    reason = refusal(enschede_view, S.IN_PREPARATION, griffie)
    assert reason == "Terug naar “in voorbereiding” kan alleen met een reden."
    take_step(
        enschede_view, S.IN_PREPARATION, griffie, comment="Raad heeft het besluit aangehouden"
    )
    enschede_view.refresh_from_db()
    assert (enschede_view.status, enschede_view.decision) == (S.IN_PREPARATION, "")
    assert enschede_view.steps.last().comment == "Raad heeft het besluit aangehouden"


def run_action(client, action, zienswijze, *, confirm=True, **fields):
    """Post the step's form; with `confirm`, as confirmed on the page that names it."""
    data = {"action": action, ACTION_CHECKBOX_NAME: [zienswijze.pk], "apply": "1", **fields}
    if confirm:
        data["confirm"] = "1"
    return client.post(reverse("admin:cycle_zienswijze_changelist"), data, follow=True)


def test_admin_actions_take_steps_and_show_refusals(enschede_view, enschede):
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    refused = run_action(griffie, "step_sent", enschede_view)
    assert "Wel naar: “in voorbereiding”" in refused.content.decode()
    run_action(griffie, "step_in_preparation", enschede_view, comment="")
    run_action(
        griffie,
        "step_decided",
        enschede_view,
        decision=CouncilDecision.REMARKS,
        text="Minder indexatie.",
    )
    enschede_view.refresh_from_db()
    assert (enschede_view.status, enschede_view.text) == (S.DECIDED, "Minder indexatie.")
    back = run_action(griffie, "step_back", enschede_view)
    assert "Dit veld is verplicht" in back.content.decode()  # the reason
    run_action(griffie, "step_back", enschede_view, comment="Raad stemt opnieuw")
    enschede_view.refresh_from_db()
    assert enschede_view.status == S.IN_PREPARATION


def test_decision_action_first_asks_for_the_decision(enschede_view, enschede):
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    form = griffie.post(
        reverse("admin:cycle_zienswijze_changelist"),
        {"action": "step_decided", ACTION_CHECKBOX_NAME: [enschede_view.pk]},
    )
    page = form.content.decode()
    assert "Besluit van de raad" in page and "Tekst van de zienswijze" in page
    enschede_view.refresh_from_db()
    assert enschede_view.status == S.RECEIVED


def test_status_cannot_be_changed_in_the_form(enschede_view, enschede):
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    url = reverse("admin:cycle_zienswijze_change", args=[enschede_view.pk])
    inline = {"steps-TOTAL_FORMS": 0, "steps-INITIAL_FORMS": 0}
    saved = griffie.post(url, {"status": S.SENT, "council_meeting_on": "18-06-2026", **inline})
    assert saved.status_code == 302
    enschede_view.refresh_from_db()
    assert enschede_view.status == S.RECEIVED
    assert enschede_view.council_meeting_on == D(2026, 6, 18)


def test_overdue_zienswijzen_are_flagged_and_others_invisible(enschede_view, almelo, enschede):
    almelo_griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, almelo))
    listing = almelo_griffie.get(reverse("admin:cycle_zienswijze_changelist"))
    rows = listing.context["cl"].result_list
    assert [z.organisation for z in rows] == [almelo]
    assert rows[0].overdue is True  # due 24-06-2026, not sent
    url = reverse("admin:cycle_zienswijze_change", args=[enschede_view.pk])
    assert almelo_griffie.get(url).status_code == 302  # not found: back to the admin index


def test_new_terms_move_the_deadline_of_open_zienswijzen(draft, enschede_view):
    from partnerships.cycle.models import RuleSet

    admin = client_for(factories.admin_user())
    rules = RuleSet.objects.get(name="Wgr sinds 1 juli 2022")
    url = reverse("admin:cycle_ruleset_change", args=[rules.pk])
    form = admin.get(url).context["adminform"].form
    data = {name: form[name].value() for name in form.fields}
    data = {k: ("" if v is None else v) for k, v in data.items()}
    data["zienswijze_weeks"] = 10
    data["valid_from"] = "01-07-2022"
    response = admin.post(url, data)
    assert response.status_code == 302, response.content.decode()[:3000]
    enschede_view.refresh_from_db()
    assert enschede_view.due_on == D(2026, 6, 10)  # 10 weeks after 1 April


def test_the_steps_show_under_the_zienswijze_and_it_cannot_be_deleted(enschede_view, enschede):
    griffie_user = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    take_step(enschede_view, S.IN_PREPARATION, griffie_user, comment="Voorstel in de maak")
    page = client_for(griffie_user).get(
        reverse("admin:cycle_zienswijze_change", args=[enschede_view.pk])
    )
    content = page.content.decode()
    assert "Voorstel in de maak" in content
    assert reverse("admin:cycle_zienswijze_delete", args=[enschede_view.pk]) not in content
    delete = client_for(griffie_user).post(
        reverse("admin:cycle_zienswijze_delete", args=[enschede_view.pk]), {"post": "yes"}
    )
    assert delete.status_code == 403
    assert Zienswijze.objects.filter(pk=enschede_view.pk).exists()


def test_the_council_decision_has_no_default_and_must_be_chosen(enschede_view, enschede):
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    take_step(enschede_view, S.IN_PREPARATION, factories.user_with_role(RoleKind.GRIFFIE, enschede))
    form_page = griffie.post(
        reverse("admin:cycle_zienswijze_changelist"),
        {"action": "step_decided", ACTION_CHECKBOX_NAME: [enschede_view.pk]},
    )
    decision = form_page.context["form"]["decision"]
    assert decision.value() in (None, "")
    assert '<option value="" selected>' in str(decision)
    submitted = run_action(griffie, "step_decided", enschede_view)  # nothing chosen, one click
    assert "Dit veld is verplicht" in submitted.content.decode()
    enschede_view.refresh_from_db()
    assert (enschede_view.status, enschede_view.decision) == (S.IN_PREPARATION, "")


def test_remarks_without_their_text_are_refused_on_the_form(enschede_view, enschede):
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    take_step(enschede_view, S.IN_PREPARATION, factories.user_with_role(RoleKind.GRIFFIE, enschede))
    page = run_action(griffie, "step_decided", enschede_view, decision=CouncilDecision.REMARKS)
    assert "hoort de tekst van de zienswijze" in page.content.decode()
    enschede_view.refresh_from_db()
    assert enschede_view.status == S.IN_PREPARATION


def test_the_confirmation_names_what_will_be_recorded_before_anything_is(enschede_view, enschede):
    user = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    griffie = client_for(user)
    take_step(enschede_view, S.IN_PREPARATION, factories.user_with_role(RoleKind.GRIFFIE, enschede))
    page = run_action(
        griffie,
        "step_decided",
        enschede_view,
        confirm=False,
        decision=CouncilDecision.REMARKS,
        text="Minder indexatie.",
    )
    text = page.content.decode()
    assert "Controleer wat wordt vastgelegd" in text
    assert "in voorbereiding" in text and "besloten door de raad" in text
    assert "zienswijze met opmerkingen" in text and "Minder indexatie." in text
    assert user.username in text and 'name="confirm"' in text
    enschede_view.refresh_from_db()
    assert enschede_view.status == S.IN_PREPARATION  # nothing recorded yet
    run_action(
        griffie, "step_decided", enschede_view, decision=CouncilDecision.REMARKS, text="Minder."
    )
    enschede_view.refresh_from_db()
    assert (enschede_view.status, enschede_view.text) == (S.DECIDED, "Minder.")


def test_a_refused_step_shows_the_form_again_with_the_reason_and_what_was_typed(
    enschede_view, enschede
):
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    typed = "De raad vraagt de indexatie te beperken."
    page = run_action(  # still "ontvangen": deciding skips a step
        griffie, "step_decided", enschede_view, decision=CouncilDecision.REMARKS, text=typed
    )
    text = page.content.decode()
    assert "Van “ontvangen” kan niet naar “besloten door de raad”" in text
    assert typed in text and page.context["form"]["text"].value() == typed
    assert page.context["form"]["decision"].value() == CouncilDecision.REMARKS
    enschede_view.refresh_from_db()
    assert enschede_view.status == S.RECEIVED


def offered_actions(user) -> set[str]:
    listing = client_for(user).get(reverse("admin:cycle_zienswijze_changelist"))
    form = listing.context["action_form"]  # None: no actions at all
    return {value for value, _label in form.fields["action"].choices if value} if form else set()


def test_step_actions_are_offered_only_to_the_roles_that_may_take_them(enschede, overijssel):
    factories.ZienswijzeFactory(organisation=enschede)
    every = {"step_in_preparation", "step_decided", "step_sent", "step_back"}
    assert offered_actions(factories.user_with_role(RoleKind.GRIFFIE, enschede)) == every
    assert offered_actions(factories.user_with_role(RoleKind.FINANCE, enschede)) == {
        "step_in_preparation",
        "step_back",
    }
    assert offered_actions(factories.user_with_role(RoleKind.COUNCIL, enschede)) == set()
    assert offered_actions(factories.user_with_role(RoleKind.SUPERVISOR, overijssel)) == set()
    assert offered_actions(factories.admin_user()) >= every
