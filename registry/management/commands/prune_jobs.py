from django.conf import settings
from django.core.management.base import BaseCommand

from registry.jobs import prune


class Command(BaseCommand):
    help = (
        "Verwijdert afgeronde taken op de achtergrond (en hun bestanden) die ouder zijn dan "
        "de bewaartermijn (REGISTRY_JOB_RETENTION_DAYS)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen, niets wijzigen.")

    def handle(self, *args, dry_run, **options):
        count = prune(dry_run=dry_run)
        would = "zouden worden" if dry_run else "zijn"
        self.stdout.write(
            f"Taken ouder dan {settings.JOB_RETENTION_DAYS} dagen die verwijderd {would}: {count}."
        )
