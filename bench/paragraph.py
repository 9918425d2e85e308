"""Time of the paragraph "verbonden partijen" on the national synthetic data set.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/registry_bench \\
        .venv/bin/python bench/paragraph.py [--repeat N]

Run bench/generate_synthetic.py first (it fills registry_bench). Prints, for the
municipality with the most verbonden partijen: queries, and the median time to build the
paragraph and render it in each format; then the batch of all 342 municipalities in every
format. Beside each, the floor: the same SQL statements executed bare on the same connection,
so the ratio shows what Django and the renderers add.
"""

import argparse
import os
import statistics
import sys
import time
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "registry.settings")
os.environ.setdefault("DJANGO_DEBUG", "1")
os.environ.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/registry_bench")

import django

django.setup()

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from partnerships.choices import VerbondenPartij  # noqa: E402
from partnerships.models import Participation  # noqa: E402
from partnerships.paragraph import Variant, build_paragraph  # noqa: E402
from partnerships.paragraph_formats import FORMATS, render  # noqa: E402
from partnerships.synthetic import BUDGET_YEAR  # noqa: E402
from registry.models import Organisation  # noqa: E402


def timed(function, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append(time.perf_counter() - started)
    return statistics.median(times)


def statements(organisation) -> list[str]:
    with CaptureQueriesContext(connection) as captured:
        build_paragraph(organisation, BUDGET_YEAR, Variant.BUDGET)
    return [query["sql"] for query in captured.captured_queries]


def bare(sql: list[str]) -> None:
    with connection.cursor() as cursor:
        for statement in sql:
            cursor.execute(statement)
            cursor.fetchall()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    counts = Counter(
        Participation.objects.with_verbonden_partij(BUDGET_YEAR)
        .filter(vp_status=VerbondenPartij.YES, organisation__cbs_code__gte="GM5000")
        .values_list("organisation_id", flat=True)
    )
    municipalities = sorted(
        Organisation.objects.municipalities().filter(cbs_code__gte="GM5000"),
        key=lambda m: (-counts.get(m.pk, 0), m.cbs_code),
    )
    if len(municipalities) != 342:
        sys.exit("Geen synthetische dataset gevonden: draai eerst bench/generate_synthetic.py.")
    largest = municipalities[0]
    paragraph = build_paragraph(largest, BUDGET_YEAR, Variant.BUDGET)
    sql = statements(largest)
    print(f"{connection.vendor}, {os.cpu_count()} cores, year {BUDGET_YEAR}, variant begroting")
    print(
        f"largest: {largest.name}: {len(paragraph.entries)} verbonden partijen, {len(sql)} queries"
    )
    floor = timed(lambda: bare(sql), args.repeat)
    build = timed(lambda: build_paragraph(largest, BUDGET_YEAR, Variant.BUDGET), args.repeat)
    print(f"  {'floor (bare SQL)':<22} {floor * 1000:8.1f} ms")
    print(f"  {'build':<22} {build * 1000:8.1f} ms   {build / floor:5.1f}× floor")
    for file_format in FORMATS:
        seconds = timed(
            lambda f=file_format: render(build_paragraph(largest, BUDGET_YEAR, Variant.BUDGET), f),
            args.repeat,
        )
        label = f"build + {file_format}"
        print(f"  {label:<22} {seconds * 1000:8.1f} ms   {seconds / floor:5.1f}× floor")

    all_sql = [statements(m) for m in municipalities]
    started = time.perf_counter()
    for sql_of_one in all_sql:
        bare(sql_of_one)
    batch_floor = time.perf_counter() - started
    print(f"batch of {len(municipalities)} municipalities:")
    print(f"  {'floor (bare SQL)':<22} {batch_floor:8.2f} s")
    for file_format in FORMATS:
        started = time.perf_counter()
        for municipality in municipalities:
            render(build_paragraph(municipality, BUDGET_YEAR, Variant.BUDGET), file_format)
        seconds = time.perf_counter() - started
        print(
            f"  {file_format:<22} {seconds:8.2f} s   {seconds / len(municipalities) * 1000:6.1f} "
            f"ms each   {seconds / batch_floor:5.1f}× floor"
        )


if __name__ == "__main__":
    main()
