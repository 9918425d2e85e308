"""E-mail the responsible users about deadlines within N days and overdue items, once each."""

import datetime

from django.core.management.base import BaseCommand
from django.utils import timezone

from evaluations.agenda.reminders import send_reminders


class Command(BaseCommand):
    help = (
        "Stuurt herinneringen over termijnen binnen --days dagen en over verlopen termijnen. "
        "Elke herinnering gaat één keer; dagelijks draaien (cron of systemd-timer, zie README)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--days", type=int, default=14, help="Vooruitkijken (dagen).")
        parser.add_argument(
            "--today",
            type=datetime.date.fromisoformat,
            default=None,
            help="Peildatum JJJJ-MM-DD (voor tests en inhaalruns); standaard vandaag.",
        )

    def handle(self, *args, days, today, **options):
        outcome = send_reminders(today or timezone.localdate(), days)
        self.stdout.write(
            f"{outcome.messages} e-mails verstuurd met {outcome.items} herinneringen"
            + (
                f"; {outcome.without_address} gebruikers zonder e-mailadres overgeslagen"
                if outcome.without_address
                else ""
            )
            + "."
        )
