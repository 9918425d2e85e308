"""Admin pages beyond the model admins: the paragraph "verbonden partijen" (finance staff of
the organisation), the what-if of an exit (everyone who may read the participation) and the
check of the Wgr regelingen against the provisions required since 1 July 2024."""

import datetime

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

from partnerships import batch_tasks, compliance
from partnerships.allocation import AllocationError
from partnerships.contributions import budget_years
from partnerships.leaving import exit_not_possible, exit_what_if
from partnerships.models import ParagraphTemplate, Participation, Party
from partnerships.paragraph import Variant, build_paragraph
from partnerships.paragraph_formats import CONTENT_TYPES, file_name
from partnerships.paragraph_formats import render as render_format
from partnerships.queries import house_style, house_styles, paragraph_organisations
from registry import access, audit, jobs
from registry.models import AuditAction, Organisation

NOT_YOURS = _(
    "De paragraaf verbonden partijen stelt de afdeling financiën van de eigen organisatie "
    "samen (en een beheerder). Raadsleden en toezichthouders lezen de paragraaf in de "
    "begroting en het jaarverslag; de cijfers erachter staan onder Deelnemingen en Jaarcijfers."
)


class ParagraphForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label=_("Organisatie"), queryset=Organisation.objects.none()
    )
    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    variant = forms.ChoiceField(
        label=_("Variant"),
        choices=[(Variant.BUDGET, _("Begroting")), (Variant.ANNUAL_REPORT, _("Jaarverslag"))],
    )
    file_format = forms.ChoiceField(
        label=_("Formaat"),
        choices=[
            ("html", _("Webpagina (afdrukbaar)")),
            ("docx", _("Word (DOCX)")),
            ("xlsx", _("Excel (XLSX)")),
            ("csv", _("CSV")),
        ],
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = paragraph_organisations(user)


class ParagraphBatchForm(forms.Form):
    """The paragraphs of all organisations the user keeps the finances of, in one ZIP."""

    prefix = "alle"  # beside the form of one organisation on the same page: other ids

    year = forms.IntegerField(label=_("Jaar"), min_value=2000, max_value=2100)
    variant = ParagraphForm.base_fields["variant"]
    file_format = forms.ChoiceField(
        label=_("Formaat"),
        choices=[c for c in ParagraphForm.base_fields["file_format"].choices if c[0] != "html"],
    )


def paragraph_response(paragraph, file_format: str) -> HttpResponse:
    """The document; a DOCX in the organisation's house style when it has a Word template."""
    template = house_style(paragraph.organisation) if file_format == "docx" else None
    content = render_format(paragraph, file_format, template)
    response = HttpResponse(content, CONTENT_TYPES[file_format])
    if file_format != "html":
        response["Content-Disposition"] = (
            f'attachment; filename="{file_name(paragraph, file_format)}"'
        )
    return response


def paragraph_view(request):
    first_two = list(paragraph_organisations(request.user)[:2])
    if not first_two:
        raise PermissionDenied(NOT_YOURS)
    initial = {"year": datetime.date.today().year + 1, "variant": Variant.BUDGET}
    if len(first_two) == 1:  # finance staff of one municipality: preselected
        initial["organisation"] = first_two[0]
    form = ParagraphForm(request.GET or None, user=request.user, initial=initial)
    if form.is_valid():
        paragraph = build_paragraph(
            form.cleaned_data["organisation"],
            form.cleaned_data["year"],
            form.cleaned_data["variant"],
        )
        file_format = form.cleaned_data["file_format"]
        audit.record(
            action=AuditAction.PARAGRAPH_DOWNLOADED,
            request=request,
            target=file_name(paragraph, file_format),
            detail={
                "organisatie": str(paragraph.organisation),
                "jaar": paragraph.year,
                "soort": str(paragraph.variant),
                "formaat": file_format,
            },
        )
        return paragraph_response(paragraph, file_format)
    if request.GET and "organisation" in form.errors:
        raise PermissionDenied(NOT_YOURS)  # an organisation whose finances are not the user's
    organisations = paragraph_organisations(request.user)
    context = {
        **admin.site.each_context(request),
        "title": _("Paragraaf verbonden partijen"),
        "form": form,
        "batch_form": ParagraphBatchForm(initial=initial) if len(first_two) > 1 else None,
        "house_styles": house_styles(organisations.values("pk")),
        "may_upload": access.can_add(request.user, ParagraphTemplate),
    }
    return render(request, "partnerships/paragraph_form.html", context)


@require_POST
def paragraph_batch_view(request):
    """Start the paragraphs of all the user's organisations as a job (always in the
    background: a few hundred documents take minutes); its page offers the ZIP."""
    if len(paragraph_organisations(request.user)[:2]) < 2:
        raise PermissionDenied(NOT_YOURS)
    form = ParagraphBatchForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Kies een jaar, een variant en een formaat."))
        return redirect("partnerships:paragraph")
    year, variant = form.cleaned_data["year"], form.cleaned_data["variant"]
    file_format = form.cleaned_data["file_format"]
    job = jobs.start(
        user=request.user,
        kind=batch_tasks.PARAGRAPHS,
        title=_("Paragrafen verbonden partijen %(year)s (%(variant)s, %(format)s)")
        % {"year": year, "variant": variant, "format": file_format.upper()},
        task=batch_tasks.paragraphs,
        arguments={
            "year": year,
            "variant": variant,
            "format": file_format,
            "address": audit.client_address(request),
            "audit_action": AuditAction.PARAGRAPH_DOWNLOADED,
            "audit": {"jaar": year, "soort": variant, "formaat": file_format},
        },
    )
    return redirect("job", job.pk)


def _chosen_year(request, years: list[int]) -> int:
    """The year asked for; else next year when it has a budget; else the latest budget."""
    try:
        return int(request.GET["year"])
    except (KeyError, ValueError):
        next_year = datetime.date.today().year + 1
        return next_year if next_year in years or not years else years[-1]


def exit_what_if_view(request, participation_id: int):
    """What if this organisation leaves the party: the others' contributions before and
    after, and the exit cost. A participation the user may not read is "not found"."""
    participations = Participation.objects.select_related("party", "organisation")
    participation = get_object_or_404(
        access.scope(request.user, participations), pk=participation_id
    )
    party = participation.party
    years = budget_years(party)
    year = _chosen_year(request, years)
    what_if, problems = None, []
    try:
        what_if = exit_what_if(party, year, participation.organisation)
    except AllocationError as error:
        problems = error.problems
    context = {
        **admin.site.each_context(request),
        "title": _("Uittreding doorrekenen: %(organisation)s uit %(party)s")
        % {"organisation": participation.organisation.name, "party": party},
        "opts": Participation._meta,
        "participation": participation,
        "years": years,
        "year": year,
        "what_if": what_if,
        "problems": problems,
        "not_possible": exit_not_possible(party),
    }
    return render(request, "partnerships/exit_what_if.html", context)


def parties_to_check(user):
    """The regelingen a user looks at: all (administrators), else those in which an
    organisation it reads takes part (a supervisor: its province)."""
    readable = access.readable_organisations(user)
    if readable is None:
        return Party.objects.all()
    taking_part = Participation.objects.filter(organisation_id__in=readable)
    return Party.objects.filter(pk__in=taking_part.values("party_id"))


def wgr_compliance_view(request):
    if not access.is_registry_user(request.user):
        raise PermissionDenied
    today = timezone.localdate()
    context = {
        **admin.site.each_context(request),
        "title": _("Wgr-regelingen: de bepalingen die sinds 1 juli 2024 verplicht zijn"),
        "checks": compliance.checks(parties_to_check(request.user), today),
        "provisions": [str(label) for _name, label in compliance.PROVISIONS],
        "assumed_years": compliance.ASSUMED_EVALUATION_YEARS,
        "today": today,
    }
    return render(request, "partnerships/wgr_compliance.html", context)
