"""Every change is kept with who and when, and shown in the admin's history (point 6)."""

from django.urls import reverse

from partnerships.models import Participation
from registry.models import RoleKind
from tests import factories
from tests.admin_forms import form_data
from tests.conftest import client_for


def test_change_through_the_admin_is_recorded_with_user_and_shown_in_history(enschede):
    participation = factories.ParticipationFactory(organisation=enschede, seats=1)
    griffie = factories.user_with_role(RoleKind.GRIFFIE, enschede)
    griffie.first_name, griffie.last_name = "Gerda", "Griffier"
    griffie.save()
    client = client_for(griffie)
    url = reverse("admin:partnerships_participation_change", args=[participation.pk])
    data = form_data(client.get(url))
    data.update(seats=2, notes="Extra zetel na toetreding")
    response = client.post(url, data)
    assert response.status_code == 302

    latest = participation.history.latest()
    assert latest.history_user == griffie
    assert latest.seats == 2
    assert latest.diff_against(latest.prev_record).changed_fields == ["notes", "seats"]

    history = client.get(
        reverse("admin:partnerships_participation_history", args=[participation.pk])
    )
    page = history.content.decode()
    assert history.status_code == 200
    assert griffie.username in page
    assert "<strong>Zetels:</strong>" in page
    assert "Extra zetel na toetreding" in page


def test_history_of_another_organisations_record_is_not_shown(enschede, almelo):
    participation = factories.ParticipationFactory(organisation=almelo)
    client = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    response = client.get(
        reverse("admin:partnerships_participation_history", args=[participation.pk])
    )
    assert response.status_code != 200
    assert Participation.objects.filter(pk=participation.pk).exists()
