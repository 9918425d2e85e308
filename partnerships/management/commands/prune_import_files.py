from django.conf import settings
from django.core.management.base import BaseCommand

from partnerships.import_files import prune


class Command(BaseCommand):
    help = (
        "Leegt de bestanden van doorgevoerde imports na de bewaartermijn "
        "(REGISTRY_IMPORT_FILE_RETENTION_DAYS) en verwijdert voorvertoningen ouder dan een dag."
    )

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Alleen tellen, niets wijzigen.")

    def handle(self, *args, dry_run, **options):
        pruned = prune(dry_run=dry_run)
        days = settings.IMPORT_FILE_RETENTION_DAYS
        would = "zou worden" if dry_run else "is"
        self.stdout.write(
            f"Doorgevoerde imports ouder dan {days} dagen waarvan het bestand geleegd {would}: "
            f"{pruned.emptied} (de import zelf, de grootte en de SHA-256 blijven bewaard)."
        )
        would = "zouden worden" if dry_run else "zijn"
        self.stdout.write(
            f"Voorvertoningen ouder dan een dag die verwijderd {would}: {pruned.previews}."
        )
        if dry_run:
            self.stdout.write("Proefdraaien: er is niets gewijzigd.")
