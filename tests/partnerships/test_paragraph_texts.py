"""The visie and beleidsvoornemens of the paragraph: kept per organisation and year by its
finance staff or griffie, nobody else."""

import pytest
from django.urls import reverse

from partnerships import services
from partnerships.models import ParagraphText
from registry import access
from registry.models import RoleKind
from tests import factories
from tests.conftest import client_for


@pytest.mark.parametrize("role", [RoleKind.FINANCE, RoleKind.GRIFFIE])
def test_finance_or_griffie_keeps_the_texts_of_its_own_paragraph(enschede, role):
    user = factories.user_with_role(role, enschede)
    services.save_paragraph_text(
        user=user, organisation=enschede, year=2027, vision="Visie", intentions="Voornemens"
    )
    services.save_paragraph_text(
        user=user, organisation=enschede, year=2027, vision="Nieuwe visie", intentions=""
    )
    text = ParagraphText.objects.get()
    assert (text.vision, text.intentions) == ("Nieuwe visie", "")
    assert text.history.count() == 2


@pytest.mark.parametrize("role", [RoleKind.COUNCIL, RoleKind.SUPERVISOR])
def test_others_may_not_write_them(enschede, role):
    user = factories.user_with_role(
        role, enschede if role == RoleKind.COUNCIL else enschede.province
    )
    with pytest.raises(access.WriteRefused):
        services.save_paragraph_text(
            user=user, organisation=enschede, year=2027, vision="Visie", intentions=""
        )


def test_another_municipalitys_finance_may_not_write_them(enschede, almelo):
    with pytest.raises(access.WriteRefused):
        services.save_paragraph_text(
            user=factories.user_with_role(RoleKind.FINANCE, almelo),
            organisation=enschede,
            year=2027,
            vision="Visie",
            intentions="",
        )


def test_the_griffie_adds_them_in_the_admin(enschede):
    griffie = client_for(factories.user_with_role(RoleKind.GRIFFIE, enschede))
    response = griffie.post(
        reverse("admin:partnerships_paragraphtext_add"),
        {"organisation": enschede.pk, "year": 2027, "vision": "Visie", "intentions": "Plan"},
    )
    assert response.status_code == 302
    assert ParagraphText.objects.get().intentions == "Plan"
