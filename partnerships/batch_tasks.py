"""Finance work the worker does in the background (registry/jobs.py; README "Work in the
background"): the paragraph "verbonden partijen" of many organisations at once, as one ZIP,
and a contribution run over many budgets. Each runs with the rights of the user who
started it as they are when it runs: the organisations whose paragraph the user may export
then (queries.paragraph_organisations), the budgets the user may read then
(access.scope), each contribution through the one write check (services)."""

import io
import zipfile

from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django_tasks import task

from partnerships import services
from partnerships.models import AnnualFigures
from partnerships.paragraph import build_paragraph
from partnerships.paragraph_formats import file_name, render
from partnerships.queries import house_style, paragraph_organisations
from registry import access
from registry.jobs import JobRefused, Outcome, run

PARAGRAPHS, CONTRIBUTIONS = "paragraphs", "contributions"


@task()
def paragraphs(job_id: int) -> None:
    run(job_id, _paragraphs)


@task()
def contributions(job_id: int) -> None:
    run(job_id, _contributions)


def _paragraphs(job, progress) -> Outcome:
    year, variant = job.arguments["year"], job.arguments["variant"]
    file_format = job.arguments["format"]
    organisations = list(paragraph_organisations(job.user).order_by("name", "pk"))
    if not organisations:
        raise JobRefused(_("U mag van geen enkele organisatie de paragraaf maken."))
    progress.phase(_("Paragrafen maken"), len(organisations))
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for done, organisation in enumerate(organisations, start=1):
            paragraph = build_paragraph(organisation, year, variant)
            template = house_style(organisation) if file_format == "docx" else None
            archive.writestr(
                file_name(paragraph, file_format), render(paragraph, file_format, template)
            )
            progress(done, len(organisations))
    return Outcome(
        message=ngettext(
            "De paragraaf van %(count)d organisatie is gemaakt.",
            "De paragrafen van %(count)d organisaties zijn gemaakt.",
            len(organisations),
        )
        % {"count": len(organisations)},
        file_name=f"verbonden-partijen-{variant}-{year}-{file_format}.zip",
        file_content=buffer.getvalue(),
        result={"content_type": "application/zip"},
    )


def _contributions(job, progress) -> Outcome:
    figures = access.scope(job.user, AnnualFigures.objects.filter(pk__in=job.arguments["ids"]))
    progress.phase(_("Bijdragen berekenen"))
    lines = services.run_contributions(user=job.user, figures=figures, progress=progress)
    stored = sum(line.stored for line in lines)
    return Outcome(
        message=ngettext(
            "%(count)d bijdrage berekend",
            "%(count)d bijdragen berekend",
            stored,
        )
        % {"count": stored}
        + ngettext(" voor %(budgets)d begroting.", " voor %(budgets)d begrotingen.", len(lines))
        % {"budgets": len(lines)},
        result={"lines": [str(line) for line in lines]},
    )
