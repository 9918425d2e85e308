"""Create the budget-cycle documents of every Wgr party with an own budget for a year, and
recompute every stored deadline and zienswijze term (after an upgrade that changed how terms
are counted, run it once)."""

from django.core.management.base import BaseCommand
from django.utils import timezone

from partnerships.cycle.calendar import CYCLE_LEGAL_FORMS
from partnerships.cycle.services import ensure_cycle, refresh_deadlines, refresh_due_dates
from partnerships.models import Party
from registry.access import ServerAdministrator


class Command(BaseCommand):
    help = (
        "Zet de stukken van de begrotingscyclus klaar voor alle gemeenschappelijke regelingen "
        "met een eigen begroting (standaard: het volgende begrotingsjaar)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, default=timezone.localdate().year + 1)

    def handle(self, *args, year, **options):
        parties = Party.objects.filter(legal_form__in=CYCLE_LEGAL_FORMS).exclude(
            end_date__lt=f"{year - 1}-01-01"
        )
        count = 0
        for party in parties:
            ensure_cycle(party, year, user=ServerAdministrator())
            count += 1
        noun = "regeling" if count == 1 else "regelingen"
        self.stdout.write(f"Begrotingscyclus {year}: {count} {noun}, elk vijf stukken.")
        moved = refresh_deadlines()
        refresh_due_dates()
        self.stdout.write(f"Termijnen opnieuw berekend: {moved} gewijzigd.")
