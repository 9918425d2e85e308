import time

from django.core.management.base import BaseCommand
from django.db import connection

from partnerships.synthetic import generate


class Command(BaseCommand):
    help = (
        "Bouwt een synthetische dataset ter grootte van Nederland (12 provincies, 342 gemeenten, "
        "circa 1.500 samenwerkingsverbanden en 15.000 deelnemingen). Een eerdere synthetische "
        "set wordt eerst verwijderd; demodata en echte gegevens blijven staan."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--seed", type=int, default=1, help="Dezelfde seed geeft dezelfde data."
        )

    def handle(self, *args, seed, **options):
        started = time.perf_counter()
        counts = generate(seed)
        if connection.vendor == "postgresql":
            # fresh statistics, so the planner reads the page and not the table (issue 18)
            with connection.cursor() as cursor:
                cursor.execute("ANALYZE")
        elapsed = time.perf_counter() - started
        for name, value in vars(counts).items():
            self.stdout.write(f"{name:<20} {value:>7}")
        self.stdout.write(f"{'seconds':<20} {elapsed:>7.1f}")
