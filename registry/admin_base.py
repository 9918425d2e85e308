"""Admin classes that ask registry.access for every queryset and permission."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin

from registry import access
from registry.workflow import StepRefused


def _ensure_may_save(request, obj, changed_fields) -> None:
    user = request.user
    if obj.pk is None:
        allowed = access.may_create(user, obj)
    else:
        allowed = access.can(user, access.CHANGE, obj)
    if allowed:
        all_fields = {f.name for f in obj._meta.concrete_fields}
        forbidden = set(changed_fields) - access.editable_fields(user, obj, all_fields)
        allowed = not forbidden
    if not allowed:
        raise PermissionDenied(_("U mag dit gegeven van deze organisatie niet wijzigen."))


class AccessAdminMixin:
    """Shared by model admins and inlines: querysets and permissions come from registry.access."""

    # Links typed without a scheme are taken as https (Django 6's default, chosen now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    def get_queryset(self, request):
        return access.scope(request.user, super().get_queryset(request))

    def has_module_permission(self, request):
        return access.is_registry_user(request.user)

    def _can(self, request, action, obj):
        if obj is None or not isinstance(obj, self.model):
            return (
                access.is_registry_user(request.user)
                if action == access.VIEW
                else (access.can_add(request.user, self.model))
            )
        return access.can(request.user, action, obj)


class RegisterAdmin(AccessAdminMixin, SimpleHistoryAdmin):
    """ModelAdmin for register records: scoped querysets, object permissions, history."""

    def has_view_permission(self, request, obj=None):
        return self._can(request, access.VIEW, obj)

    def has_change_permission(self, request, obj=None):
        return self._can(request, access.CHANGE, obj)

    def has_delete_permission(self, request, obj=None):
        return self._can(request, access.DELETE, obj)

    def has_add_permission(self, request):
        return access.can_add(request.user, self.model)

    def get_readonly_fields(self, request, obj=None):
        readonly = list(super().get_readonly_fields(request, obj))
        form_fields = {f.name for f in self.model._meta.concrete_fields if f.editable}
        if obj is not None and access.can(request.user, access.CHANGE, obj):
            locked = form_fields - access.editable_fields(request.user, obj, form_fields)
            readonly += sorted(locked - set(readonly))
        return readonly

    def save_model(self, request, obj, form, change):
        _ensure_may_save(request, obj, form.changed_data)
        super().save_model(request, obj, form, change)

    def delete_model(self, request, obj):
        if not access.can(request.user, access.DELETE, obj):
            raise PermissionDenied
        super().delete_model(request, obj)

    def save_formset(self, request, form, formset, change):
        for inline_form in formset.forms:
            instance = inline_form.instance
            if inline_form in formset.deleted_forms:
                if instance.pk and not access.can(request.user, access.DELETE, instance):
                    raise PermissionDenied
            elif inline_form.has_changed():
                _ensure_may_save(request, instance, inline_form.changed_data)
        super().save_formset(request, form, formset, change)


class RegisterInline(AccessAdminMixin, admin.TabularInline):
    """Inline rows are scoped like their own admin; what may be saved is checked on save."""

    extra = 0
    show_change_link = True

    def has_view_permission(self, request, obj=None):
        return access.is_registry_user(request.user)

    def has_add_permission(self, request, obj=None):
        return access.can_add(request.user, self.model) and self._parent_writable(request, obj)

    def has_change_permission(self, request, obj=None):
        return self._parent_writable(request, obj)

    def has_delete_permission(self, request, obj=None):
        return self._parent_writable(request, obj)

    def _parent_writable(self, request, obj):
        return obj is None or access.can(request.user, access.CHANGE, obj)


class ReferenceDataAdmin(RegisterAdmin):
    """Organisations, themes, population figures: read by every registry user, kept by admins."""


class OrganisationFilter(admin.SimpleListFilter):
    """A list filter choosing one organisation (or province) by its id. Subclasses say which
    `organisations(request)` to offer and how to `restrict(queryset, organisation_id)`."""

    def organisations(self, request):
        raise NotImplementedError

    def restrict(self, queryset, organisation_id: int):
        raise NotImplementedError

    def lookups(self, request, model_admin):
        return [
            (str(pk), name) for pk, name in self.organisations(request).values_list("pk", "name")
        ]

    def queryset(self, request, queryset):
        if not (self.value() or "").isdigit():
            return queryset
        return self.restrict(queryset, int(self.value()))


def page_link(record, url_name: str, text, *args) -> str:
    """A link from a saved record's row or form to one of the registry's own pages; "-" on
    the form of a record not saved yet."""
    if record.pk is None:
        return "-"
    return format_html('<a href="{}">{}</a>', reverse(url_name, args=args), text)


class StepForm(forms.Form):
    """What every status step may ask: a comment (required as the reason for a step back or a
    cancellation, which the workflow checks) and the day it happened (empty: today)."""

    comment = forms.CharField(
        label=_("Toelichting of reden"), required=False, widget=forms.Textarea
    )
    on = forms.DateField(label=_("Datum (leeg: vandaag)"), required=False)


def step_form_response(model_admin, request, queryset, form, title: str) -> TemplateResponse:
    """The intermediate page of a status-step action: the records, and what the step asks
    (a comment or reason, a decision, a date); posting it runs the action with "apply"."""
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "form": form,
        "queryset": queryset,
        "action": request.POST.get("action"),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        "opts": model_admin.model._meta,
    }
    return TemplateResponse(request, "registry/step_form.html", context)


def step_action(name: str, description: str, make_form, take):
    """An admin action for one status step: first a page with `make_form(None)` (what the
    step asks), then `take(record, user, cleaned_data)` for each selected record. A refused
    step is listed with its reason; the others go ahead."""

    def action(model_admin, request, queryset):
        form = make_form(request.POST if "apply" in request.POST else None)
        if not form.is_bound or not form.is_valid():
            return step_form_response(model_admin, request, queryset, form, description)
        done = 0
        for record in queryset:
            try:
                take(record, request.user, form.cleaned_data)
                done += 1
            except StepRefused as refused:
                model_admin.message_user(request, f"{record}: {refused.reason}", messages.ERROR)
        if done:
            model_admin.message_user(
                request, _("%(count)d bijgewerkt: %(step)s.") % {"count": done, "step": description}
            )
        return None

    action.__name__ = name
    return admin.action(description=description)(action)
