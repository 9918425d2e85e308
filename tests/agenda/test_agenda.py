"""The agenda (what is due in 90 days, overdue first, fixed queries) and send_reminders
(responsible users, once per item and reason, tested with Django's mail outbox)."""

import datetime
import io

import pytest
from django.core import mail
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from evaluations.agenda.items import agenda_for
from evaluations.choices import Performer
from evaluations.models import Evaluation, FollowUpAction
from partnerships.cycle import calendar
from partnerships.cycle import services as cycle_services
from partnerships.cycle.choices import DocumentKind
from partnerships.cycle.services import open_zienswijzen
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for

D = datetime.date
TODAY = D(2026, 4, 20)


def cycle_2027(party, draft_received=None):
    documents = {d.kind: d for d in cycle_services.ensure_cycle(party, 2027, user=factories.SERVER)}
    draft = documents[DocumentKind.DRAFT_BUDGET]
    draft.board_meeting_on = D(2026, 7, 2)  # the draft is due 09-04-2026
    draft.received_on = draft_received
    calendar.apply_deadline(draft)
    draft.save()
    open_zienswijzen(draft)
    return documents


@pytest.fixture
def twente(enschede, almelo):
    party = factories.PartyFactory(name="Regio Twente", start_date=D(2015, 1, 1))
    for organisation in (enschede, almelo):
        factories.ParticipationFactory(
            party=party, organisation=organisation, start_date=D(2015, 1, 1)
        )
    return party


@pytest.fixture
def griffier(enschede):
    user = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    user.email = "griffie@enschede.example"
    user.save()
    return user


def test_agenda_lists_what_is_due_overdue_first(twente, enschede):
    cycle_2027(twente)
    evaluation = Evaluation.objects.create(
        party=twente, title="Evaluatie 2023", performer=Performer.EXTERNAL
    )
    FollowUpAction.objects.create(
        evaluation=evaluation, description="Raad eerder informeren", due_on=D(2026, 5, 15)
    )
    items = [(i.kind, i.due, i.overdue) for i in agenda_for(enschede.pk, TODAY)]
    assert items == [
        ("Evaluatie", D(2019, 1, 1), True),  # never evaluated: 4 years after the start
        ("Begrotingscyclus", D(2026, 4, 9), True),  # the draft budget has not arrived
        ("Begrotingscyclus", D(2026, 4, 29), False),  # kaderbrief
        ("Vervolgactie", D(2026, 5, 15), False),
    ]


def test_received_draft_becomes_the_zienswijze_of_each_municipality(twente, enschede, almelo):
    cycle_2027(twente, draft_received=D(2026, 4, 1))
    titles = [i.title for i in agenda_for(almelo.pk, TODAY) if i.kind == "Zienswijze"]
    assert titles == ["Zienswijze op ontwerpbegroting 2027 van Regio Twente"]


def test_agenda_page_has_a_fixed_number_of_queries(twente, enschede, overijssel, griffier):
    today = datetime.date.today()
    client = client_for(griffier)

    def count() -> int:
        with CaptureQueriesContext(connection) as captured:
            response = client.get(reverse("agenda:index"))
        assert response.status_code == 200
        return len(captured)

    few = count()
    for number in range(6):
        party = factories.PartyFactory(start_date=D(2010, 1, 1))
        factories.ParticipationFactory(party=party, organisation=enschede)
        cycle_services.ensure_cycle(party, today.year + 1, user=factories.SERVER)
        evaluation = Evaluation.objects.create(
            party=party, title=f"E{number}", performer=Performer.INTERNAL
        )
        FollowUpAction.objects.create(
            evaluation=evaluation, description="x", due_on=today + datetime.timedelta(days=5)
        )
    many = count()
    assert (few, many) == (15, 15)
    page = client.get(reverse("agenda:index")).content.decode()
    assert "te laat" in page


def test_agenda_of_another_municipality_is_refused(twente, almelo, griffier):
    response = client_for(griffier).get(reverse("agenda:index"), {"organisation": almelo.pk})
    assert response.status_code == 403


def test_reminders_go_once_to_the_responsible_people(twente, enschede, griffier):
    cycle_2027(twente)
    owner = factories.UserFactory(email="owner@enschede.example")
    evaluation = Evaluation.objects.create(
        party=twente, title="Evaluatie 2023", performer=Performer.EXTERNAL
    )
    FollowUpAction.objects.create(
        evaluation=evaluation,
        description="Raad eerder informeren",
        due_on=D(2026, 4, 25),
        owner=owner,
    )
    output = io.StringIO()
    call_command("send_reminders", days=14, today=TODAY, stdout=output)
    assert sorted(m.to[0] for m in mail.outbox) == [
        "griffie@enschede.example",
        "owner@enschede.example",
    ]
    griffie_mail = next(m for m in mail.outbox if m.to == ["griffie@enschede.example"])
    assert griffie_mail.subject == "Register verbonden partijen: 3 termijnen (2 te laat)"
    assert "[TE LAAT] Begrotingscyclus: Ontwerpbegroting van Regio Twente" in (griffie_mail.body)
    assert "uiterlijk 29-04-2026" in griffie_mail.body  # the kaderbrief, within 14 days
    assert "2 e-mails verstuurd met 4 herinneringen." in output.getvalue()

    call_command("send_reminders", days=14, today=TODAY, stdout=io.StringIO())
    assert len(mail.outbox) == 2  # nothing twice

    call_command("send_reminders", days=14, today=D(2026, 5, 1), stdout=io.StringIO())
    assert len(mail.outbox) == 4  # the kaderbrief and the action are now late: once more
    late = next(m for m in mail.outbox[2:] if m.to == ["griffie@enschede.example"])
    assert "[TE LAAT] Begrotingscyclus: Kaderbrief" in late.body
    assert "Ontwerpbegroting" not in late.body
