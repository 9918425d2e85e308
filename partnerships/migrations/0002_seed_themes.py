from django.db import migrations

from partnerships.themes import SEED_THEMES


def seed_themes(apps, schema_editor):
    Theme = apps.get_model("partnerships", "Theme")
    for name in SEED_THEMES:
        Theme.objects.get_or_create(name=name)


class Migration(migrations.Migration):
    dependencies = [("partnerships", "0001_initial")]

    operations = [migrations.RunPython(seed_themes, migrations.RunPython.noop)]
