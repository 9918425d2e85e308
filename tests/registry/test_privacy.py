"""The personal data the registry keeps (issue 17, point 7): one declaration
(registry/privacy.py) that the public page shows, held against the models so that a new field
holding a person's name, e-mail, address or account cannot go undeclared."""

import re

from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import reverse

from registry import privacy
from tests.conftest import count_queries

APPS = {"auth", "registry", "partnerships", "cycle", "evaluations", "agenda"}
LOOKS_PERSONAL = re.compile(r"name|email|e_mail|phone|telefoon|address|adres")


def fields_that_look_personal() -> set[str]:
    found = set()
    for model in apps.get_models():
        if model._meta.app_label not in APPS or model._meta.label in {
            "auth.Group",
            "auth.Permission",
        }:
            continue
        historical = model.__name__.startswith("Historical")
        for field in model._meta.concrete_fields:
            to_user = field.is_relation and field.related_model._meta.label == (
                settings.AUTH_USER_MODEL
            )
            if historical:
                if field.name == "history_user":  # the rest copies the model's own fields
                    found.add("*.Historical*.history_user")
                continue
            if to_user or LOOKS_PERSONAL.search(field.name):
                found.add(f"{model._meta.label}.{field.name}")
    return found


def test_every_field_that_looks_personal_is_declared_or_said_not_to_be():
    undeclared = fields_that_look_personal() - privacy.declared_fields() - set(privacy.NOT_PERSONAL)
    assert undeclared == set()


def test_the_declaration_names_only_fields_that_exist():
    assert privacy.declared_fields() | set(privacy.NOT_PERSONAL) <= fields_that_look_personal()


def test_the_page_lists_every_entry_with_purpose_and_retention(db):
    response = Client().get(reverse("site:privacy"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "AVG artikel 6 lid 1 sub e" in html
    for entry in privacy.PERSONAL_DATA:
        assert str(entry.what) in html and str(entry.kept) in html
    assert (
        f'href="{reverse("site:privacy")}"' in Client().get(reverse("site:home")).content.decode()
    )


def test_the_page_takes_no_query(db):
    assert count_queries(Client(), reverse("site:privacy")) == 0
