"""The Wgr terms of the budget cycle before and since the amendment of 1 July 2022."""

import datetime

from django.db import migrations

BEFORE_2022 = {
    "name": "Wgr tot 1 juli 2022",
    "valid_from": None,
    "valid_until": datetime.date(2022, 6, 30),
    "framework_before_day": 15,
    "framework_before_month": 4,
    "draft_weeks_before_board": 8,
    "zienswijze_weeks": 8,
    "budget_to_province_weeks": 2,
    "budget_to_province_before_day": 1,
    "budget_to_province_before_month": 8,
    "provisional_accounts_before_day": 15,
    "provisional_accounts_before_month": 4,
    "accounts_to_province_weeks": 2,
    "accounts_to_province_before_day": 15,
    "accounts_to_province_before_month": 7,
    "source": "Wgr art. 34, 34b en 35 (oud)",
}
SINCE_2022 = {
    "name": "Wgr sinds 1 juli 2022",
    "valid_from": datetime.date(2022, 7, 1),
    "valid_until": None,
    "framework_before_day": 30,
    "framework_before_month": 4,
    "draft_weeks_before_board": 12,
    "zienswijze_weeks": 12,
    "budget_to_province_weeks": 2,
    "budget_to_province_before_day": 15,
    "budget_to_province_before_month": 9,
    "provisional_accounts_before_day": 30,
    "provisional_accounts_before_month": 4,
    "accounts_to_province_weeks": 2,
    "accounts_to_province_before_day": 15,
    "accounts_to_province_before_month": 7,
    "source": "Wgr art. 34, 34b en 35, gewijzigd per 1 juli 2022 (Wet versterking democratische legitimiteit Wgr)",
}


def create(apps, schema_editor):
    RuleSet = apps.get_model("cycle", "RuleSet")
    for values in (BEFORE_2022, SINCE_2022):
        RuleSet.objects.update_or_create(name=values["name"], defaults=values)


def remove(apps, schema_editor):
    apps.get_model("cycle", "RuleSet").objects.filter(
        name__in=[BEFORE_2022["name"], SINCE_2022["name"]]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [("cycle", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
