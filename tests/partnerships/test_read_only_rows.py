"""Above ReadOnlyRowsInline.editable_up_to participants (or seats) the party's (or body's)
form shows them read-only, each with a link to its own page (issue 18, point 1); at the
threshold and below the inline stays editable. Saving the form with read-only rows leaves
every row as it is, and rows smuggled into the post are refused."""

import pytest
from django.urls import reverse

from partnerships.models import Participation, Seat
from registry.admin_base import ReadOnlyRowsInline
from registry.models import RoleKind
from tests import factories
from tests.admin_forms import form_data
from tests.conftest import client_for

LIMIT = ReadOnlyRowsInline.editable_up_to
WHY = "staan ze hier alleen ter inzage"


def party_with(participants: int, province):
    party = factories.PartyFactory()
    for _ in range(participants):
        organisation = factories.MunicipalityFactory(province=province)
        factories.ParticipationFactory(party=party, organisation=organisation)
    return party


def body_with(seats: int, province):
    body = factories.BodyFactory()
    for _ in range(seats):
        organisation = factories.MunicipalityFactory(province=province)
        factories.SeatFactory(body=body, organisation=organisation)
    return body


def party_url(party) -> str:
    return reverse("admin:partnerships_party_change", args=[party.pk])


def change_url(record) -> str:
    opts = record._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])


@pytest.fixture
def admin_client_verified(db):
    return client_for(factories.admin_user())


def test_participants_above_the_threshold_are_read_only_rows_with_links(
    admin_client_verified, overijssel
):
    party = party_with(LIMIT + 1, overijssel)
    response = admin_client_verified.get(party_url(party))
    page = response.content.decode()
    assert WHY in page
    assert f"Boven de {LIMIT} deelnemingen" in page and f"(hier {LIMIT + 1})" in page
    for participation in Participation.objects.filter(party=party).select_related("organisation"):
        assert f'<a href="{change_url(participation)}">{participation.organisation.name}' in page
    add = reverse("admin:partnerships_participation_add")
    assert f'href="{add}?party={party.pk}">Deelneming toevoegen' in page
    assert 'name="participations-TOTAL_FORMS" value="0"' in page
    assert 'name="participations-0-id"' not in page
    assert 'name="participations-0-organisation"' not in page


def test_participants_at_the_threshold_stay_editable(admin_client_verified, overijssel):
    party = party_with(LIMIT, overijssel)
    page = admin_client_verified.get(party_url(party)).content.decode()
    assert WHY not in page
    assert f'name="participations-TOTAL_FORMS" value="{LIMIT}"' in page
    assert f'name="participations-{LIMIT - 1}-organisation"' in page


def test_seats_above_the_threshold_are_read_only_and_at_it_editable(
    admin_client_verified, overijssel
):
    above, at = body_with(LIMIT + 1, overijssel), body_with(LIMIT, overijssel)
    page = admin_client_verified.get(change_url(above)).content.decode()
    assert f"Boven de {LIMIT} zetels" in page
    for seat in Seat.objects.filter(body=above):
        assert f'<a href="{change_url(seat)}">' in page
    add = reverse("admin:partnerships_seat_add")
    assert f'href="{add}?body={above.pk}">Zetel toevoegen' in page
    assert 'name="seats-0-person_name"' not in page
    page = admin_client_verified.get(change_url(at)).content.decode()
    assert WHY not in page
    assert f'name="seats-{LIMIT - 1}-person_name"' in page


def test_saving_the_party_with_read_only_rows_keeps_every_participation(
    admin_client_verified, overijssel
):
    party = party_with(LIMIT + 1, overijssel)
    before = sorted(Participation.objects.filter(party=party).values_list("pk", "organisation"))
    response = admin_client_verified.get(party_url(party))
    data = form_data(response)
    data["name"] = "Nieuwe naam"
    saved = admin_client_verified.post(party_url(party), data)
    assert saved.status_code == 302, saved.context and saved.context["errors"]
    party.refresh_from_db()
    assert party.name == "Nieuwe naam"
    after = sorted(Participation.objects.filter(party=party).values_list("pk", "organisation"))
    assert after == before


def test_rows_smuggled_into_the_post_of_read_only_rows_are_refused(
    admin_client_verified, overijssel
):
    party = party_with(LIMIT + 1, overijssel)
    first = Participation.objects.filter(party=party).order_by("pk").first()
    data = form_data(admin_client_verified.get(party_url(party)))
    data.update(
        {
            "name": "Nieuwe naam",
            "participations-TOTAL_FORMS": "1",
            "participations-INITIAL_FORMS": "1",
            "participations-0-id": str(first.pk),
            "participations-0-party": str(party.pk),
            "participations-0-end_date": "31-12-2020",
            "participations-0-DELETE": "on",
        }
    )
    response = admin_client_verified.post(party_url(party), data)
    assert response.status_code == 200  # the form again, with the formset's error
    assert response.context["errors"]
    party.refresh_from_db()
    first.refresh_from_db()
    assert party.name != "Nieuwe naam"
    assert first.end_date is None
    assert Participation.objects.filter(party=party).count() == LIMIT + 1


def test_read_only_rows_show_only_what_the_user_may_read_and_no_add_link(overijssel):
    """A supervisor reads its province's participations: the row of another province's
    municipality is neither shown nor linked, and a supervisor registers none."""
    party = party_with(LIMIT + 1, overijssel)
    elsewhere = factories.ParticipationFactory(party=party)  # a municipality of another province
    supervisor = factories.user_with_role(RoleKind.SUPERVISOR, overijssel)
    page = client_for(supervisor).get(party_url(party)).content.decode()
    assert f"(hier {LIMIT + 1})" in page
    assert change_url(elsewhere) not in page
    assert elsewhere.organisation.name not in page
    assert reverse("admin:partnerships_participation_add") not in page
