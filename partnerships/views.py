"""The paragraph "verbonden partijen" in the admin, for finance staff of the organisation."""

import datetime

from django import forms
from django.contrib import admin
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from partnerships.paragraph import Variant, build_paragraph
from partnerships.paragraph_formats import CONTENT_TYPES
from partnerships.paragraph_formats import render as render_format
from registry import access
from registry.models import Organisation, RoleKind


def paragraph_organisations(user):
    """Organisations whose paragraph `user` may export: finance staff of their own."""
    g = access.grants(user)
    if g.is_admin:
        return Organisation.objects.municipalities()
    return Organisation.objects.filter(pk__in=g.orgs(RoleKind.FINANCE))


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


def file_name(paragraph, file_format: str) -> str:
    code = paragraph.organisation.cbs_code or paragraph.organisation.pk
    return f"verbonden-partijen-{paragraph.variant}-{paragraph.year}-{code}.{file_format}"


def paragraph_response(paragraph, file_format: str) -> HttpResponse:
    response = HttpResponse(render_format(paragraph, file_format), CONTENT_TYPES[file_format])
    if file_format != "html":
        response["Content-Disposition"] = (
            f'attachment; filename="{file_name(paragraph, file_format)}"'
        )
    return response


def paragraph_view(request):
    if not paragraph_organisations(request.user).exists():
        raise PermissionDenied
    initial = {"year": datetime.date.today().year + 1, "variant": Variant.BUDGET}
    form = ParagraphForm(request.GET or None, user=request.user, initial=initial)
    if form.is_valid():
        paragraph = build_paragraph(
            form.cleaned_data["organisation"],
            form.cleaned_data["year"],
            form.cleaned_data["variant"],
        )
        return paragraph_response(paragraph, form.cleaned_data["file_format"])
    if request.GET and "organisation" in form.errors:
        raise PermissionDenied  # an organisation the user does not keep the finances of
    context = {
        **admin.site.each_context(request),
        "title": _("Paragraaf verbonden partijen"),
        "form": form,
    }
    return render(request, "partnerships/paragraph_form.html", context)
