"""The page where the party's side confirms or declines a municipality's registration as a
participant ("Aanmeldingen"): the griffie of a current participant, the dossierhouder, the
supervisor of the municipality's province and administrators (partnerships.services)."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _

from partnerships import services
from registry import access
from registry.workflow import StepRefused


class DecisionForm(forms.Form):
    participation = forms.IntegerField(widget=forms.HiddenInput)
    decision = forms.ChoiceField(
        label=_("Besluit"),
        choices=[("confirm", _("Bevestigen")), ("decline", _("Afwijzen"))],
        widget=forms.RadioSelect,
    )
    note = forms.CharField(
        label=_("Reden (verplicht bij afwijzen)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )


def confirmations_view(request):
    if not access.is_registry_user(request.user):
        raise PermissionDenied
    pending = services.to_confirm(request.user)
    errors = {}
    if request.method == "POST":
        form = DecisionForm(request.POST)
        if form.is_valid():
            participation = get_object_or_404(pending, pk=form.cleaned_data["participation"])
            try:
                services.decide_confirmation(
                    participation,
                    by=request.user,
                    confirm=form.cleaned_data["decision"] == "confirm",
                    note=form.cleaned_data["note"],
                )
            except StepRefused as refused:
                errors[participation.pk] = refused.reason
            else:
                messages.success(
                    request,
                    _("%(participation)s: %(state)s.")
                    % {
                        "participation": participation,
                        "state": participation.get_confirmation_display().lower(),
                    },
                )
                return redirect("partnerships:confirmations")
        else:
            errors[request.POST.get("participation")] = _("Kies bevestigen of afwijzen.")
    rows = [
        (
            participation,
            DecisionForm(
                request.POST
                if request.POST.get("participation") == str(participation.pk)
                else None,
                initial={"participation": participation.pk},
                auto_id=f"id_%s_{participation.pk}",
            ),
            errors.get(participation.pk) or errors.get(str(participation.pk)),
        )
        for participation in pending
    ]
    context = {
        **admin.site.each_context(request),
        "title": _("Aanmeldingen van deelnemers"),
        "rows": rows,
    }
    return render(request, "partnerships/confirmations.html", context)
