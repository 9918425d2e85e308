"""The layout the design card fixes: the sub-apps keep their labels and tables, the custom
pages share one base template and one stylesheet, and the layering contract holds."""

import subprocess
import sys
from pathlib import Path

from django.apps import apps

ROOT = Path(__file__).resolve().parents[2]


def test_the_moved_sub_apps_keep_their_labels_and_tables():
    assert apps.get_app_config("cycle").name == "partnerships.cycle"
    assert apps.get_app_config("agenda").name == "evaluations.agenda"
    assert apps.get_model("cycle", "Zienswijze")._meta.db_table == "cycle_zienswijze"
    assert apps.get_model("agenda", "ReminderSent")._meta.db_table == "agenda_remindersent"


def test_no_template_carries_its_own_styles():
    offenders = [
        str(path.relative_to(ROOT))
        for app in ("registry", "partnerships", "evaluations")
        for path in (ROOT / app).rglob("*.html")
        if "<style" in path.read_text() or 'style="' in path.read_text()
    ]
    assert offenders == []


def test_the_import_contract_holds():
    linter = Path(sys.executable).with_name("lint-imports")
    result = subprocess.run([str(linter)], cwd=ROOT, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout
