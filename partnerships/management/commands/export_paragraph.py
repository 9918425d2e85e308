from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from partnerships.paragraph import Variant, build_paragraph
from partnerships.paragraph_formats import FORMATS, missing_data, render
from partnerships.queries import house_style
from registry.models import Organisation

TEXT_FORMATS = ("csv", "html")


class Command(BaseCommand):
    help = (
        "Schrijft de paragraaf verbonden partijen van een organisatie voor een jaar "
        "(--output - : csv of html naar de standaarduitvoer)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--organisation", required=True, help="CBS-code, bijv. GM0153.")
        parser.add_argument("--year", required=True, type=int)
        parser.add_argument("--variant", required=True, choices=Variant.ALL)
        parser.add_argument("--format", required=True, choices=FORMATS, dest="file_format")
        parser.add_argument("--output", required=True, help="Een bestand, of - .")

    def handle(self, *args, organisation, year, variant, file_format, output, **options):
        try:
            found = Organisation.objects.get(cbs_code=organisation.upper())
        except Organisation.DoesNotExist:
            raise CommandError(f"Onbekende CBS-code {organisation}.") from None
        if output == "-" and file_format not in TEXT_FORMATS:
            raise CommandError("Naar de standaarduitvoer alleen csv of html.")
        paragraph = build_paragraph(found, year, variant)
        template = house_style(found) if file_format == "docx" else None
        content = render(paragraph, file_format, template)
        # the summary goes where the file does not
        report = self.stderr if output == "-" else self.stdout
        if output == "-":
            self.stdout.write(content.decode("utf-8-sig"), ending="")
        else:
            Path(output).write_bytes(content)
        parties = len(paragraph.entries)
        style = " (huisstijl van de organisatie)" if template else ""
        report.write(f"{paragraph.title}: {parties} verbonden partijen → {output}{style}")
        for line in missing_data(paragraph):
            report.write(f"  let op: {line}")
