"""python manage.py import_spreadsheet FILE --kind participations [--dry-run] [--user NAME]
    [--party "NAME=CODE" ...] [--accept-candidates]

Reads the file like the admin import: the same preview summary, every problem with its row
and column, and then commits all rows or none. Exits with status 1 when the file has errors
(nothing is saved) and prints a progress bar on stderr for long files. Without --user it
acts as an administrator of the server; with --user it has that user's rights.

A name of a party the register does not hold, with close names (an overview map's "BNG NV"
for BNG Bank N.V.), stops the import like any error, listing the candidates. --party
"BNG NV=bng-bank-nv" says which party a name means; --accept-candidates takes the first
(closest) candidate for every such name. Either way every choice is printed.
"""

import sys
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from partnerships.models.imports import ImportChannel
from partnerships.spreadsheets import service
from partnerships.spreadsheets.catalogue import KINDS
from partnerships.spreadsheets.files import FileRefused, check_size
from partnerships.spreadsheets.plan import NOT_ON_MAP
from registry import access, audit
from registry.models import AuditAction

PROGRESS_FROM_ROWS = 1000


class ProgressBar:
    """[#########...........]  45%  9.000/20.000 rijen, on one line of stderr."""

    WIDTH = 30

    def __init__(self, stream):
        self.stream = stream
        self.shown = -1

    def __call__(self, done: int, total: int) -> None:
        if total < PROGRESS_FROM_ROWS:
            return
        percent = done * 100 // total
        if percent == self.shown:
            return
        self.shown = percent
        filled = self.WIDTH * done // total
        bar = "#" * filled + "." * (self.WIDTH - filled)
        counts = f"{done:,}/{total:,}".replace(",", ".")
        self.stream.write(f"\r[{bar}] {percent:3d}%  {counts} rijen")
        if done == total:
            self.stream.write("\n")
        self.stream.flush()


class Command(BaseCommand):
    help = "Leest een spreadsheet (XLSX of CSV) in: eerst controleren, dan alles of niets."

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path)
        parser.add_argument("--kind", required=True, choices=sorted(KINDS))
        parser.add_argument(
            "--dry-run", action="store_true", help="Alleen controleren, niets opslaan."
        )
        parser.add_argument("--user", help="Gebruikersnaam wiens rechten gelden.")
        parser.add_argument(
            "--party",
            action="append",
            default=[],
            metavar="NAAM=CODE",
            help="Welk samenwerkingsverband (registercode) een onbekende naam bedoelt.",
        )
        parser.add_argument(
            "--accept-candidates",
            action="store_true",
            help="Neem voor elke onbekende naam de eerste (dichtstbijzijnde) kandidaat.",
        )

    def handle(self, *args, file: Path, kind: str, dry_run: bool, user: str | None, **options):
        acting = self._user(user)
        choices = self._choices(options["party"])
        if not file.is_file():
            raise CommandError(f"Bestand niet gevonden: {file}")
        progress = ProgressBar(sys.stderr)
        started = time.perf_counter()
        try:
            check_size(file.stat().st_size)
            data = file.read_bytes()
            if options["accept_candidates"]:
                choices = self._accept_candidates(acting, kind, data, choices)
            for name, code in choices.items():
                self.stdout.write(f"Gekozen: “{name}” is samenwerkingsverband {code}.")
            if dry_run:
                plan = service.plan_file(acting, kind, data, progress, choices)
            else:
                plan = service.commit(
                    acting,
                    kind,
                    data,
                    file.name,
                    channel=ImportChannel.COMMAND,
                    progress=progress,
                    party_choices=choices,
                )
        except (FileRefused, service.ImportRefused) as refused:
            if not dry_run:
                self._audit(acting, file.name, kind, "geweigerd", reden=str(refused.message))
            raise CommandError(refused.message) from None
        if not dry_run:
            outcome = "doorgevoerd" if plan.ok else "geweigerd"
            self._audit(
                acting, file.name, kind, outcome, rijen=len(plan.rows), fouten=len(plan.problems)
            )
        for line in (*plan.file_problems, *plan.notices):
            self.stdout.write(line)
        for problem in plan.problems:
            self.stdout.write(str(problem))
        for row in plan.rows:
            if row.status == NOT_ON_MAP:
                self.stdout.write(f"rij {row.row}, kolom {row.column}: {row.record} – {row.note}")
        self.stdout.write(plan.summary())
        seconds = time.perf_counter() - started
        if not plan.ok:
            raise CommandError("Er is niets opgeslagen: verbeter de fouten en probeer opnieuw.")
        verdict = "Gecontroleerd, niets opgeslagen" if dry_run else "Opgeslagen"
        self.stdout.write(self.style.SUCCESS(f"{verdict} in {seconds:.1f} s."))

    @staticmethod
    def _choices(pairs) -> dict[str, str]:
        choices = {}
        for pair in pairs:
            name, separator, code = pair.rpartition("=")
            if not separator or not name.strip() or not code.strip():
                raise CommandError(f"--party verwacht NAAM=CODE, niet “{pair}”.")
            choices[name.strip()] = code.strip()
        return choices

    @staticmethod
    def _accept_candidates(acting, kind, data, choices) -> dict[str, str]:
        """The first candidate for every name still unknown with the choices given."""
        plan = service.plan_file(acting, kind, data, party_choices=choices)
        accepted = dict(choices)
        for row in plan.unknown_parties:
            accepted[row.party_written] = row.candidates[0].code
        return accepted

    @staticmethod
    def _audit(acting, file_name, kind, outcome, **detail):
        """An import from the command line in the audit trail, as the admin's (no address)."""
        account = acting if getattr(acting, "pk", None) else None
        audit.record(
            action=AuditAction.IMPORT,
            user=account,
            username="" if account else "opdrachtregel (server)",
            target=file_name,
            detail={"uitkomst": outcome, "gegevens": kind, "kanaal": "opdrachtregel", **detail},
        )

    @staticmethod
    def _user(username):
        if username is None:
            return access.ServerAdministrator()
        try:
            return get_user_model().objects.get(username=username, is_active=True)
        except get_user_model().DoesNotExist:
            raise CommandError(f"Geen actieve gebruiker “{username}”.") from None
