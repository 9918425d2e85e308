"""Speed of the spreadsheet import on the national synthetic data set, against
django-import-export's plain row-by-row import of the same file in the same run.

    .venv/bin/python bench/spreadsheet_import.py [--rows 20000] [--baseline-rows N]

Run bench/generate_synthetic.py first (it creates the PostgreSQL database registry_bench);
this script generates the synthetic set (seed 1) again before it starts, so every run reads
the same sheet whatever an earlier run left behind. The sheet: every synthetic
participation, topped up with new pairs of a municipality and a party of its province until
it has --rows rows, written as XLSX by the export. Before each
import the synthetic participations are removed, so every row is new (the heaviest case).
Printed: rows per second for the preview (nothing written) and the commit, for this
registry and for django-import-export (dry_run=True, then dry_run=False) on the same file;
then the preview of the same file once committed (every row unchanged); and the peak
Python memory (tracemalloc) of our preview and commit, measured in a separate pass so that
tracing does not slow the timed runs.
"""

import argparse
import io
import os
import random
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
os.environ.setdefault("DJANGO_SECRET_KEY", "bench-only")
os.environ.setdefault("DJANGO_DEBUG", "0")  # no query log growing in memory
os.environ.setdefault("DJANGO_SECURE_SSL_REDIRECT", "0")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/registry_bench")

import django

django.setup()

import tablib  # noqa: E402
from import_export import fields, resources, widgets  # noqa: E402

from partnerships import synthetic  # noqa: E402
from partnerships.models import Participation, Party  # noqa: E402
from partnerships.spreadsheets import service, writing  # noqa: E402
from partnerships.spreadsheets.catalogue import KINDS  # noqa: E402
from registry.access import ServerAdministrator  # noqa: E402
from registry.models import Organisation  # noqa: E402

SYNTHETIC = {"party__code__startswith": "syn-"}
KIND = KINDS["participations"]


class ParticipationResource(resources.ModelResource):
    """The plain django-import-export way: one row at a time, looked up by natural key."""

    organisation = fields.Field(
        "organisation",
        column_name="CBS-code deelnemer",
        widget=widgets.ForeignKeyWidget(Organisation, "cbs_code"),
    )
    party = fields.Field(
        "party",
        column_name="Registercode samenwerkingsverband",
        widget=widgets.ForeignKeyWidget(Party, "code"),
    )
    start_date = fields.Field("start_date", "Deelname vanaf", widgets.DateWidget())
    end_date = fields.Field("end_date", "Deelname tot en met", widgets.DateWidget())
    seats = fields.Field("seats", "Zetels", widgets.IntegerWidget())
    voting_weight = fields.Field("voting_weight", "Stemgewicht", widgets.DecimalWidget())

    class Meta:
        model = Participation
        fields = (
            "organisation",
            "party",
            "start_date",
            "end_date",
            "seats",
            "voting_weight",
        )
        import_id_fields = ("organisation", "party", "start_date")
        skip_unchanged = True
        clean_model_instances = True


def make_sheet(rows: int) -> bytes:
    administrator = ServerAdministrator()
    exported = [
        row
        for row in writing.export_rows(KIND, administrator)
        if str(row[2] or "").startswith("syn-")
    ]
    taken = set(
        Participation.objects.filter(**SYNTHETIC).values_list("organisation_id", "party_id")
    )
    rng = random.Random(1)
    parties = list(Party.objects.filter(code__startswith="syn-").order_by("code"))
    municipalities = list(
        Organisation.objects.filter(cbs_code__startswith="GM5").order_by("cbs_code")
    )
    by_province: dict[int, list[Organisation]] = {}
    for municipality in municipalities:
        by_province.setdefault(municipality.province_id, []).append(municipality)
    province_of = dict(
        Participation.objects.filter(**SYNTHETIC).values_list(
            "party_id", "organisation__province_id"
        )
    )
    misses = 0  # in a row: a province's own pairs run out (about 42,000): then any municipality
    while len(exported) < rows:
        party = rng.choice(parties)
        own = by_province.get(province_of.get(party.pk), municipalities)
        municipality = rng.choice(own if misses < 1000 else municipalities)
        if (municipality.pk, party.pk) in taken:
            misses += 1
            continue
        misses = 0 if municipality in own else misses
        taken.add((municipality.pk, party.pk))
        new = [None] * len(KIND.columns)
        new[0], new[1], new[2], new[4] = (
            municipality.cbs_code,
            municipality.name,
            party.code,
            party.name,
        )
        new[7] = 1  # seats
        exported.append(new)
    return writing.to_xlsx(KIND, exported[:rows])


def remove_participations() -> None:
    Participation.objects.filter(**SYNTHETIC).delete()


def timed(function):
    started = time.perf_counter()
    result = function()
    return result, time.perf_counter() - started


def traced_peak(function) -> float:
    tracemalloc.start()
    function()
    _size, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak / (1024 * 1024)


def line(label: str, rows: int, seconds: float, baseline: float | None = None) -> str:
    text = f"{label:<42} {rows:>7} rows {seconds:>8.1f} s {rows / seconds:>9.0f} rows/s"
    if baseline:
        text += f"   {baseline / seconds:>5.1f}× django-import-export"
    return text


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument(
        "--baseline-rows",
        type=int,
        default=None,
        help="rows of the file for django-import-export (default: all)",
    )
    args = parser.parse_args()
    administrator = ServerAdministrator()
    print(f"Spreadsheet import, {os.cpu_count()} cores, database {os.environ['DATABASE_URL']}")
    synthetic.generate(seed=1)
    data, seconds = timed(lambda: make_sheet(args.rows))
    print(f"sheet: {args.rows} rows, {len(data) / 1024 / 1024:.1f} MB XLSX ({seconds:.1f} s)")

    remove_participations()
    plan, preview_s = timed(lambda: service.plan_file(administrator, "participations", data))
    assert plan.ok and plan.counts["new"] == args.rows, plan.summary()
    plan, commit_s = timed(
        lambda: service.commit(
            administrator, "participations", data, "bench.xlsx", channel="command"
        )
    )
    assert plan.ok, plan.summary()
    again, again_s = timed(lambda: service.plan_file(administrator, "participations", data))
    assert again.counts["unchanged"] == args.rows, again.summary()

    remove_participations()
    baseline_rows = args.baseline_rows or args.rows
    dataset = tablib.Dataset().load(io.BytesIO(data), format="xlsx")
    if baseline_rows < len(dataset):
        dataset = dataset.subset(rows=range(baseline_rows))
    resource = ParticipationResource()
    result, ie_preview_s = timed(lambda: resource.import_data(dataset, dry_run=True))
    assert not result.has_errors() and not result.has_validation_errors()
    result, ie_commit_s = timed(lambda: resource.import_data(dataset, dry_run=False))
    assert not result.has_errors() and not result.has_validation_errors()
    assert Participation.objects.filter(**SYNTHETIC).count() == baseline_rows

    ie_preview_rate = baseline_rows / ie_preview_s
    ie_commit_rate = baseline_rows / ie_commit_s
    print()
    print(line("django-import-export preview (dry run)", baseline_rows, ie_preview_s))
    print(line("django-import-export commit", baseline_rows, ie_commit_s))
    print(line("registry preview (all new)", args.rows, preview_s, args.rows / ie_preview_rate))
    print(line("registry commit (all new)", args.rows, commit_s, args.rows / ie_commit_rate))
    print(line("registry preview of the same file again", args.rows, again_s))

    remove_participations()
    preview_peak = traced_peak(lambda: service.plan_file(administrator, "participations", data))
    commit_peak = traced_peak(
        lambda: service.commit(
            administrator, "participations", data, "bench.xlsx", channel="command"
        )
    )
    print()
    print(f"peak Python memory (tracemalloc): preview {preview_peak:.0f} MB,", end=" ")
    print(f"commit {commit_peak:.0f} MB")


if __name__ == "__main__":
    main()
