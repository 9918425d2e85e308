"""The provincial overview at national scale (issue 15, point 6), on PostgreSQL, in one run.

    .venv/bin/python bench/overview.py [--postgres URL] [--reuse] [--repeat N]

Builds the national synthetic data set (generate_synthetic --seed 1: 12 provinces, 342
municipalities, about 15,000 participations) in its own database (`registry_bench_overview`;
`--reuse` keeps the one an earlier run built) and runs ANALYZE, as bench/site.py. Then it
times, for the largest province (most municipalities) and its supervisor, the median of N
runs of:
- the overview map (partnerships/overview/queries.py build_map) and its XLSX (xlsx.render);
- the comparison (comparison.py build_comparison);
- the network data (network.py build_network), for the supervisor and for an administrator
  (the whole country), and the network page (`/admin/netwerk/`, in-process client);
each beside the bare SQL that reads the same rows (a cursor, no models). Then the import of
an overview map of 30 arrangements × 25 municipalities of that province, made from the
synthetic set with openpyxl (the register's marks, and every seventh empty cell "Nieuw"):
the preview (partnerships/spreadsheets/service.plan_file) and the commit. Not part of the
test run; tests never assert on time.
"""

import argparse
import datetime
import io
import os
import statistics
import sys
import time
from pathlib import Path

from national import prepare, setup_django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
DATABASE = "registry_bench_overview"


def median_ms(function, repeat: int) -> tuple[float, object]:
    result = function()  # warm-up
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        result = function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), result


def bare(sql: str, params) -> int:
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return len(cursor.fetchall())


ON_DATE = (
    "(p.start_date IS NULL OR p.start_date <= %(day)s) "
    "AND (p.end_date IS NULL OR p.end_date >= %(day)s)"
)
MAP_SQL = f"""
SELECT p.id, p.party_id, p.organisation_id, p.start_date, p.end_date, o.kind, o.province_id
FROM partnerships_participation p JOIN registry_organisation o ON o.id = p.organisation_id
WHERE {ON_DATE} AND p.party_id IN (
  SELECT q.party_id FROM partnerships_participation q JOIN registry_organisation r
  ON r.id = q.organisation_id WHERE r.province_id = %(province)s OR r.id = %(province)s)
"""
COMPARISON_SQL = """
SELECT p.id, p.party_id, p.organisation_id FROM partnerships_participation p
JOIN registry_organisation o ON o.id = p.organisation_id
WHERE o.province_id = %(province)s AND (p.start_date IS NULL OR p.start_date <= %(last)s)
AND (p.end_date IS NULL OR p.end_date >= %(first)s)
"""
NETWORK_SQL = f"""
SELECT DISTINCT p.party_id, p.organisation_id FROM partnerships_participation p
JOIN registry_organisation o ON o.id = p.organisation_id
WHERE {ON_DATE} AND o.kind IN ('municipality', 'province')
"""


def subjects():
    from django.contrib.auth import get_user_model
    from django.db.models import Count, Q

    from registry.models import Organisation, OrganisationKind, Role, RoleKind

    province = (
        Organisation.objects.provinces()
        .annotate(n=Count("members", filter=Q(members__kind=OrganisationKind.MUNICIPALITY)))
        .order_by("-n", "name")
        .first()
    )
    users = get_user_model().objects
    supervisor, _ = users.get_or_create(username="toezicht.bench", defaults={"is_staff": True})
    Role.objects.get_or_create(user=supervisor, organisation=province, kind=RoleKind.SUPERVISOR)
    admin, _ = users.get_or_create(
        username="beheer.bench", defaults={"is_staff": True, "is_superuser": True}
    )
    return province, supervisor, admin


def verified_client(user):
    """A client signed in with its second factor given (a recovery-code device), as the
    tests' force_login does."""
    from django.test import Client
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_static.models import StaticDevice

    client = Client()
    client.force_login(user)
    device, _ = StaticDevice.objects.get_or_create(user=user, name="bench")
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def matrix(province, day) -> bytes:
    """30 arrangements × 25 municipalities of `province` as a supervisor draws the map."""
    from django.db.models import Count, Q
    from openpyxl import Workbook

    from partnerships.models import Participation, Party
    from partnerships.overview.codes import map_code
    from registry.models import Organisation
    from registry.periods import overlaps_q

    municipalities = list(
        Organisation.objects.municipalities().filter(province=province).order_by("name")[:25]
    )
    parties = list(
        Party.objects.annotate(
            n=Count("participations", filter=Q(participations__organisation__in=municipalities))
        )
        .filter(n__gt=0)
        .order_by("-n", "name")[:30]
    )
    marks = set(
        Participation.objects.filter(overlaps_q(day, day), party__in=parties)
        .filter(organisation__in=municipalities)
        .values_list("party_id", "organisation_id")
    )
    workbook = Workbook()
    sheet = workbook.active
    sheet.append([f"Overzichtskaart verbonden partijen {province.name} (bench)"])
    sheet.append([])
    sheet.append(["Gemeenschappelijke regeling", "Jur. Basis", *(m.name for m in municipalities)])
    empty = 0
    for party in parties:
        row = [party.name, map_code(party.legal_form)]
        for municipality in municipalities:
            if (party.pk, municipality.pk) in marks:
                row.append("x")
            else:
                empty += 1
                row.append("Nieuw" if empty % 7 == 0 else "")
        sheet.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--postgres", default="postgres://postgres@127.0.0.1:5432")
    parser.add_argument("--reuse", action="store_true")
    parser.add_argument("--database", default=DATABASE)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    database_url = prepare(args.postgres, args.database, reuse=args.reuse)
    setup_django(database_url)
    from django.db import transaction

    from partnerships.overview import xlsx
    from partnerships.overview.comparison import build_comparison
    from partnerships.overview.network import build_network
    from partnerships.overview.queries import build_map
    from partnerships.spreadsheets import service
    from partnerships.synthetic import BUDGET_YEAR
    from registry.access import ServerAdministrator
    from registry.models import Organisation
    from registry.periods import year_span

    day = datetime.date(BUDGET_YEAR, 1, 1)
    first, last = year_span(BUDGET_YEAR)
    province, supervisor, admin = subjects()
    count = Organisation.objects.municipalities().filter(province=province).count()
    params = {"day": day, "province": province.pk, "first": first, "last": last}
    repeat = args.repeat
    lines = []

    def measure(label, function, sql=None, sql_params=None, describe=None):
        ms, result = median_ms(function, repeat)
        sql_ms = median_ms(lambda: bare(sql, sql_params), repeat)[0] if sql else None
        lines.append((label, ms, sql_ms, describe(result) if describe else ""))
        return result

    overview = measure(
        "overzichtskaart (build_map)",
        lambda: build_map(supervisor, province, day),
        MAP_SQL,
        params,
        lambda o: f"{sum(len(g.rows) for g in o.groups)} rijen",
    )
    measure(
        "overzichtskaart XLSX (render)",
        lambda: xlsx.render(overview),
        None,
        None,
        lambda data: f"{len(data) // 1024} KiB",
    )
    measure(
        "vergelijking (build_comparison)",
        lambda: build_comparison(supervisor, province, BUDGET_YEAR),
        COMPARISON_SQL,
        params,
        lambda c: f"{len(c.lines)} gemeenten",
    )
    for who, user in (("toezichthouder", supervisor), ("beheerder", admin)):
        measure(
            f"netwerk, {who} (build_network)",
            lambda user=user: build_network(user, day),
            NETWORK_SQL,
            params,
            lambda n: f"{len(n.nodes)} knopen, {len(n.links)} paren",
        )
    client = verified_client(supervisor)
    for url in ("/admin/netwerk/", "/admin/netwerk/?minimum=1"):
        full = f"{url}{'&' if '?' in url else '?'}date={day.isoformat()}"
        measure(
            f"netwerkpagina {url}",
            lambda full=full: client.get(full),
            None,
            None,
            lambda r: f"HTTP {r.status_code}, {len(r.content) // 1024} KiB",
        )
    data = matrix(province, day)
    administrator = ServerAdministrator()
    measure(
        "kaart importeren: voorvertoning (30 × 25)",
        lambda: service.plan_file(administrator, "participations", data),
        None,
        None,
        lambda plan: f"{len(plan.rows)} regels",
    )

    def commit_and_undo():
        with transaction.atomic():
            plan = service.commit(
                administrator, "participations", data, "bench.xlsx", channel="command"
            )
            transaction.set_rollback(True)  # every run commits the same new marks
        return plan

    measure(
        "kaart importeren: doorvoeren (30 × 25)",
        commit_and_undo,
        None,
        None,
        lambda plan: "ok" if plan.ok else "fouten",
    )
    print(
        f"\n{os.cpu_count()} kernen, PostgreSQL, mediaan van {repeat} keer na één opwarmronde; "
        f"{province.name} ({count} gemeenten), peildatum {day.isoformat()}\n"
    )
    print(f"{'wat':48} {'ms':>8} {'kale SQL ms':>12}  omvang")
    for label, ms, sql_ms, describe in lines:
        sql = f"{sql_ms:12.1f}" if sql_ms is not None else f"{'':>12}"
        print(f"{label:48} {ms:8.1f} {sql}  {describe}")


if __name__ == "__main__":
    main()
