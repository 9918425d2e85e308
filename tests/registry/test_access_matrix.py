"""Who sees and changes what (issue 2, point 5), proven through the admin's own URLs.

Role × participation of the own organisation / another in the province / another province ×
view / change / delete. A user typing the URL of a record that is not theirs gets no page
and changes nothing.
"""

from decimal import Decimal

import pytest
from django.urls import reverse

from partnerships.models import Participation
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for

OWN, SAME_PROVINCE, OTHER_PROVINCE = "Enschede", "Almelo", "Utrecht"

# role -> {target: (view, change, delete)}
MATRIX = {
    "griffie": {
        OWN: (True, True, True),
        SAME_PROVINCE: (False, False, False),
        OTHER_PROVINCE: (False, False, False),
    },
    "finance": {
        OWN: (True, True, False),
        SAME_PROVINCE: (False, False, False),
        OTHER_PROVINCE: (False, False, False),
    },
    "council": {
        OWN: (True, False, False),
        SAME_PROVINCE: (False, False, False),
        OTHER_PROVINCE: (False, False, False),
    },
    "supervisor": {
        OWN: (True, False, False),
        SAME_PROVINCE: (True, False, False),
        OTHER_PROVINCE: (False, False, False),
    },
    "administrator": {
        OWN: (True, True, True),
        SAME_PROVINCE: (True, True, True),
        OTHER_PROVINCE: (True, True, True),
    },
    "no role": {
        OWN: (False, False, False),
        SAME_PROVINCE: (False, False, False),
        OTHER_PROVINCE: (False, False, False),
    },
}
CASES = [
    (role, target, action, expected[index])
    for role, targets in MATRIX.items()
    for target, expected in targets.items()
    for index, action in enumerate(("view", "change", "delete"))
]


@pytest.fixture
def world(enschede, almelo, utrecht_city):
    party = factories.PartyFactory(name="Gemeentelijk Belastingkantoor")
    participations = {
        organisation.name: factories.ParticipationFactory(party=party, organisation=organisation)
        for organisation in (enschede, almelo, utrecht_city)
    }
    users = {
        "griffie": factories.user_with_role(RoleKind.GRIFFIE, enschede),
        "finance": factories.user_with_role(RoleKind.FINANCE, enschede),
        "council": factories.user_with_role(RoleKind.COUNCIL, enschede),
        "supervisor": factories.user_with_role(RoleKind.SUPERVISOR, enschede.province),
        "administrator": factories.admin_user(),
        "no role": factories.UserFactory(),
    }
    return participations, users


def change_url(participation):
    return reverse("admin:partnerships_participation_change", args=[participation.pk])


def form_data(participation, guarantees=None, **changes):
    """The change form as posted, with a new row of the financial interest per year inline
    when `guarantees` is given."""
    data = {
        "party": participation.party_id,
        "organisation": participation.organisation_id,
        "start_date": "",
        "end_date": "",
        "notes": participation.notes,
        "seats": participation.seats,
        "voting_weight": "",
        "financial_interests-TOTAL_FORMS": "1" if guarantees else "0",
        "financial_interests-INITIAL_FORMS": "0",
        "financial_interests-MIN_NUM_FORMS": "0",
        "financial_interests-MAX_NUM_FORMS": "1000",
    }
    if guarantees:
        data.update(
            {
                "financial_interests-0-year": "2026",
                "financial_interests-0-guarantees": guarantees,
                "financial_interests-0-participation": participation.pk,
            }
        )
    data.update(changes)
    return data


@pytest.mark.parametrize(("role", "target", "action", "allowed"), CASES)
def test_access_matrix(world, role, target, action, allowed):
    participations, users = world
    participation = participations[target]
    client = client_for(users[role])

    if action == "view":
        response = client.get(change_url(participation))
        assert (response.status_code == 200) is allowed
        if allowed:
            assert participation.organisation.name in response.content.decode()
        listing = client.get(reverse("admin:partnerships_participation_changelist"))
        shown = listing.status_code == 200 and participation in listing.context["cl"].result_list
        assert shown is allowed

    elif action == "change":
        client.post(
            change_url(participation),
            form_data(participation, notes="gewijzigd", guarantees="250000"),
        )
        participation.refresh_from_db()
        interest = participation.financial_interests.exists()
        changed = participation.notes == "gewijzigd" or interest
        assert changed is allowed

    else:
        url = reverse("admin:partnerships_participation_delete", args=[participation.pk])
        client.post(url, {"post": "yes"})
        still_there = Participation.objects.filter(pk=participation.pk).exists()
        assert still_there is not allowed


def test_griffie_cannot_change_the_financial_interest(world):
    participations, users = world
    own = participations[OWN]
    client_for(users["griffie"]).post(
        change_url(own), form_data(own, notes="bijgewerkt", guarantees="250000")
    )
    own.refresh_from_db()
    assert own.notes == "bijgewerkt"
    assert not own.financial_interests.exists()


def test_finance_changes_only_the_financial_interest(world):
    participations, users = world
    own = participations[OWN]
    client_for(users["finance"]).post(
        change_url(own), form_data(own, notes="bijgewerkt", seats=5, guarantees="250000")
    )
    own.refresh_from_db()
    assert own.financial_interests.get(year=2026).guarantees == Decimal("250000")
    assert own.notes == ""
    assert own.seats == 1


def test_griffie_cannot_register_a_participation_for_another_organisation(world, almelo):
    participations, users = world
    party = factories.PartyFactory()
    response = client_for(users["griffie"]).post(
        reverse("admin:partnerships_participation_add"),
        form_data(participations[OWN], party=party.pk, organisation=almelo.pk),
    )
    assert response.status_code == 200  # the form comes back with an error
    assert not Participation.objects.filter(party=party).exists()


def test_shared_party_is_readable_by_all_and_changed_only_by_its_participants(world, utrecht_city):
    participations, users = world
    shared = participations[OWN].party
    foreign = factories.ParticipationFactory(organisation=utrecht_city).party
    griffie = client_for(users["griffie"])
    council = client_for(users["council"])

    for party in (shared, foreign):
        url = reverse("admin:partnerships_party_change", args=[party.pk])
        assert griffie.get(url).status_code == 200
        assert council.get(url).status_code == 200

    def can_save(client, party):
        url = reverse("admin:partnerships_party_change", args=[party.pk])
        return b'name="_save"' in client.get(url).content

    assert can_save(griffie, shared) is True
    assert can_save(griffie, foreign) is False
    assert can_save(council, shared) is False


def test_seats_of_another_organisation_are_not_visible(world, almelo):
    participations, users = world
    board = factories.BodyFactory(party=participations[OWN].party)
    seat = factories.SeatFactory(body=board, organisation=almelo, person_name="A. Almeloos")
    url = reverse("admin:partnerships_seat_change", args=[seat.pk])
    assert client_for(users["griffie"]).get(url).status_code != 200
    assert client_for(users["supervisor"]).get(url).status_code == 200


def test_only_administrators_change_organisations_and_roles(world, enschede):
    _, users = world
    url = reverse("admin:registry_organisation_change", args=[enschede.pk])
    response = client_for(users["griffie"]).post(
        url, {"name": "Enschede-Noord", "kind": "municipality", "cbs_code": "GM0153"}
    )
    enschede.refresh_from_db()
    assert response.status_code == 403
    assert enschede.name == "Enschede"
    assert (
        client_for(users["griffie"]).get(reverse("admin:auth_user_changelist")).status_code == 403
    )


def test_bulk_delete_action_refuses_a_party_others_take_part_in(world):
    participations, users = world
    shared = participations[OWN].party
    response = client_for(users["griffie"]).post(
        reverse("admin:partnerships_party_changelist"),
        {"action": "delete_selected", "_selected_action": [shared.pk], "post": "yes"},
    )
    assert response.status_code in (200, 403)
    assert type(shared).objects.filter(pk=shared.pk).exists()
