"""Load the demo data of the research (fixtures/demo/): it composes every app's loader, so it
lives in the app at the top of the chain (evaluations -> partnerships -> registry).

What users changed or added is left alone, and what conflicts with it is listed and
skipped (registry.demo_data), so the command never stops `make run`."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from evaluations.demo_data import load_evaluations
from partnerships.cycle.demo_data import load_cycle
from partnerships.demo_data import load_parties
from partnerships.demo_finance import load_finance, load_history
from registry.demo_data import DemoReport, create_demo_users, load_organisations, read_toml
from registry.signin.demo import DEMO_TOTP_KEY_BASE32, give_demo_devices
from registry.signin.passwords import check_demo_users_password


class Command(BaseCommand):
    help = "Laadt de demodata uit het onderzoek en maakt per rol een demogebruiker aan."

    def add_arguments(self, parser):
        parser.add_argument("--password", required=True, help="Wachtwoord van de demogebruikers.")

    def handle(self, *args, password, **options):
        try:
            check_demo_users_password(password)
        except ValidationError as error:
            raise CommandError(
                "Dit wachtwoord wordt buiten ontwikkeling (DJANGO_DEBUG=1) geweigerd: "
                + " ".join(error.messages)
            ) from None
        self._load(password)

    @transaction.atomic
    def _load(self, password):
        report = DemoReport()
        organisations = load_organisations(report)
        parties = load_parties(organisations, report)
        contributions = load_finance(organisations, report)
        load_history(organisations, report)
        users = create_demo_users(password, organisations)
        with_app = give_demo_devices([user.username for user in users])
        time = read_toml("time.toml")  # the cycle and the evaluations
        documents = load_cycle(time, report)
        evaluations = load_evaluations(time, report)
        self.stdout.write(
            f"Demodata geladen: {len(organisations)} organisaties, {len(parties)} "
            f"samenwerkingsverbanden, {contributions} berekende bijdragen, {documents} stukken "
            f"van de begrotingscyclus, {evaluations} evaluaties."
        )
        for line in report.lines():
            self.stdout.write(line)
        self.stdout.write(f"Demogebruikers (wachtwoord: {password}):")
        for user in users:
            self.stdout.write(f"  {user.username:<22} {user.description}")
        if with_app:
            self.stdout.write(
                f"Tweede stap voor {', '.join(with_app)}: de code geeft "
                f"`python manage.py demo_code <gebruiker>` (of zet sleutel {DEMO_TOTP_KEY_BASE32} "
                "in een authenticator-app; alleen in ontwikkeling)."
            )
