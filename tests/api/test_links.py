"""A record's link is reversed once per answer and filled in per row
(registry.api.fields.detail_url): the same URL as rest_framework's reverse gives."""

import pytest
from django.test import RequestFactory
from rest_framework.reverse import reverse

from registry.api.fields import detail_url


@pytest.mark.parametrize(
    ("view_name", "key"),
    [
        ("api:samenwerkingsverband-detail", "gbt"),
        ("api:samenwerkingsverband-detail", "a:b@c~d"),
        ("api:organisatie-detail", "GM0153"),
        ("api:organisatie-detail", "org-17"),
        ("api:deelneming-detail", 59),
    ],
)
def test_a_filled_in_link_is_the_reversed_one(view_name, key):
    request = RequestFactory().get("/api/v1/deelnemingen/")
    context = {"request": request}
    first = detail_url(context, view_name, key)
    assert first == reverse(view_name, args=[key], request=request)
    assert detail_url(context, view_name, key) == first  # from the template kept in context
    assert view_name in context["_detail_urls"]
