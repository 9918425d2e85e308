"""Admin classes that ask registry.access for every queryset and permission."""

import datetime
import decimal
import itertools

from django import forms
from django.contrib import admin
from django.contrib.admin.utils import (
    display_for_field,
    display_for_value,
    label_for_field,
    lookup_field,
    unquote,
)
from django.contrib.admin.widgets import AutocompleteSelect
from django.core.exceptions import FieldDoesNotExist, PermissionDenied, ValidationError
from django.db import models, transaction
from django.db.models import Count, Sum
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from simple_history.admin import SimpleHistoryAdmin
from simple_history.models import ModelChange, ModelDelta
from simple_history.template_utils import HistoricalRecordContextHelper

from registry import access, formatting, writes
from registry.workflow import StepRefused


class StoredChoiceAutocompleteSelect(AutocompleteSelect):
    """Django's autocomplete picker, which shows the chosen record's name without a query
    when the form's record brought it along (`stored`, set by `guarded_form` from the
    record's loaded relation): an inline of 400 rows renders in no query per row instead
    of one. Any other value (a form posted back with errors) is looked up as Django does."""

    stored: dict[str, str] | None = None

    def optgroups(self, name, value, attr=None):
        chosen = [str(v) for v in value if str(v) not in self.choices.field.empty_values]
        if not self.stored or not chosen or any(v not in self.stored for v in chosen):
            return super().optgroups(name, value, attr)
        options = []
        if not self.is_required and not self.allow_multiple_selected:
            options.append(self.create_option(name, "", "", False, 0))
        for number, chosen_value in enumerate(chosen):
            selected = self.allow_multiple_selected or number == 0
            options.append(
                self.create_option(
                    name, chosen_value, self.stored[chosen_value], selected, len(options)
                )
            )
        return [(None, options, 0)]


def _bring_stored_choices(form) -> None:
    """For each autocomplete picker of an unbound form: the name of the record its instance
    holds, when that relation is loaded already (the admin's queryset selects it)."""
    if form.is_bound:
        return
    for name, form_field in form.fields.items():
        widget = getattr(form_field.widget, "widget", form_field.widget)
        if not isinstance(widget, StoredChoiceAutocompleteSelect):
            continue
        try:
            model_field = form.instance._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if not model_field.many_to_one or not model_field.is_cached(form.instance):
            continue
        related = getattr(form.instance, name)
        if related is not None:
            widget.stored = {str(related.pk): form_field.label_from_instance(related)}


def guarded_form(form_class, user, parent_saved: bool = True):
    """The admin's form, refusing on validation what the write check refuses (so the user
    sees the reason beside the form, and keeps what was typed). The services check again
    when saving; an inline row of a parent not saved yet is judged only then."""

    class GuardedForm(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            _bring_stored_choices(self)

        def _post_clean(self):
            super()._post_clean()
            if self._errors or not parent_saved or self.cleaned_data.get("DELETE"):
                return
            if self.instance.pk is not None and not self.has_changed():
                return
            refusal = access.save_refusal(user, self.instance, self.changed_data)
            if refusal:
                self.add_error(None, refusal)

    GuardedForm.__name__ = form_class.__name__
    return GuardedForm


def guarded_formset(formset_class, user, parent_saved: bool):
    """An inline formset whose rows are judged like the main form, and whose deletions are
    refused, with the reason, when the record or what it cascades to is not the user's."""

    class GuardedFormSet(formset_class):
        form = guarded_form(formset_class.form, user, parent_saved)

        def _construct_form(self, i, **kwargs):
            """Each row holds its parent (the form's record, already loaded) and shares
            the choices of its drop-downs with the other rows: one query per drop-down for
            the whole inline, not one per row, and none for a row's name."""
            form = super()._construct_form(i, **kwargs)
            fk = getattr(self, "fk", None)
            if (
                fk is not None
                and not fk.is_cached(form.instance)
                and getattr(form.instance, fk.attname) == self.instance.pk
            ):
                fk.set_cached_value(form.instance, self.instance)
            shared = self.__dict__.setdefault("_shared_choices", {})
            for name, form_field in form.fields.items():
                widget = getattr(form_field.widget, "widget", form_field.widget)
                if (
                    not isinstance(form_field, forms.ModelChoiceField)
                    or not isinstance(widget, forms.Select)  # the hidden id of the row
                    or isinstance(widget, AutocompleteSelect)
                ):
                    continue
                if name not in shared:
                    shared[name] = list(form_field.choices)
                form_field.choices = shared[name]
            return form

        def clean(self):
            super().clean()
            for form in self.deleted_forms:
                if form.instance.pk is not None:
                    refusal = access.delete_refusal(user, form.instance)
                    if refusal:
                        raise ValidationError(f"{form.instance}: {refusal}")

    GuardedFormSet.__name__ = formset_class.__name__
    return GuardedFormSet


class AccessAdminMixin:
    """Shared by model admins and inlines: querysets and permissions come from registry.access."""

    # Links typed without a scheme are taken as https (Django 6's default, chosen now).
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    # Pickers of these models are an autocomplete everywhere (a list of all ~400
    # organisations or ~1,500 parties is not rendered on every row); their search is scoped
    # by registry.admin_site.ScopedAutocompleteJsonView.
    autocomplete_models = ("registry.organisation", "partnerships.party")

    def get_queryset(self, request):
        return access.scope(request.user, super().get_queryset(request))

    def get_autocomplete_fields(self, request):
        fields = list(super().get_autocomplete_fields(request))
        for model_field in self.model._meta.get_fields():
            if (
                model_field.many_to_one
                and model_field.concrete
                and model_field.related_model._meta.label_lower in self.autocomplete_models
                and model_field.name not in fields
            ):
                fields.append(model_field.name)
        return fields

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if "widget" not in kwargs and db_field.name in self.get_autocomplete_fields(request):
            kwargs["widget"] = StoredChoiceAutocompleteSelect(
                db_field, self.admin_site, using=kwargs.get("using")
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)

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

    def locked_fields(self, request, obj) -> list[str]:
        """A saved record's parent fields (it never moves) and the fields the user may not
        change, shown read-only."""
        if obj is None or access.grants(request.user).is_admin:
            return []
        form_fields = {f.name for f in self.model._meta.concrete_fields if f.editable}
        locked = set(access.policy_for(self.model).locked) & form_fields
        if access.can(request.user, access.CHANGE, obj):
            locked |= form_fields - access.editable_fields(request.user, obj, form_fields)
        return sorted(locked)


class DutchHistoryValues(HistoricalRecordContextHelper):
    """The old and new values on a history page as the registry writes them: "(leeg)",
    ja / nee, 31-12-2026, 1.234,56 and a choice by its Dutch label."""

    def prepare_delta_change_value(self, change, value):
        value = super().prepare_delta_change_value(change, value)
        field = self.model._meta.get_field(change.field)
        if value is None or value == "":
            return _("(leeg)")
        if isinstance(value, bool):
            return _("ja") if value else _("nee")
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
            return formatting.date(value)
        if isinstance(value, decimal.Decimal):
            return formatting.number(value, -value.as_tuple().exponent)
        return value


def amount_html(value, cents: bool = False) -> str:
    """An amount in a list or a read-only field: € 1.234.567, a negative one in red with
    its minus sign (-€ 12.500), a missing one "onbekend" (never € 0)."""
    if value is None:
        return format_html('<span class="amount unknown">{}</span>', formatting.UNKNOWN)
    css = "amount negative" if value < 0 else "amount"
    return format_html('<span class="{}">{}</span>', css, formatting.euro(value, cents=cents))


def _label(model, name: str):
    return model._meta.get_field(name).verbose_name


def amount_column(model, name: str, *, cents: bool = False):
    """A list column showing the amount in `model`'s field `name` the Dutch way, sortable."""

    @admin.display(description=_label(model, name), ordering=name)
    def column(record):
        return amount_html(getattr(record, name), cents)

    column.__name__ = f"{name}_amount"  # its header's class, aligned right by pages.css
    return column


def number_column(model, name: str):
    """A list column showing a count with thousands separators (158.000)."""

    @admin.display(description=_label(model, name), ordering=name)
    def column(record):
        value = getattr(record, name)
        if value is None:
            return "—"
        places = 0 if value == int(value) else 2
        return format_html('<span class="amount">{}</span>', formatting.number(value, places))

    column.__name__ = f"{name}_amount"
    return column


def period_column(description, start: str = "start_date", end: str = "end_date"):
    """One narrow list column for a period: "01-01-2009 – 31-12-2018", "vanaf 01-01-2009",
    "tot 31-12-2018" or "—" (no dates known), sortable by its start."""

    @admin.display(description=description, ordering=start)
    def column(record):
        first, last = getattr(record, start), getattr(record, end)
        if first and last:
            return f"{formatting.date(first)} – {formatting.date(last)}"
        if first:
            return _("vanaf %(day)s") % {"day": formatting.date(first)}
        if last:
            return _("tot en met %(day)s") % {"day": formatting.date(last)}
        return "—"

    column.__name__ = "period"
    return column


class ReadOnlyAdmin(admin.ModelAdmin):
    """A list that is read, never written through the admin (imports, the audit trail):
    no adding, changing or deleting, not even for administrators."""

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class RegisterAdmin(AccessAdminMixin, SimpleHistoryAdmin):
    """ModelAdmin for register records: scoped querysets, object permissions, history; every
    save and delete, of the record and of its inline rows, through registry.writes (the
    services) with the one write check. `list_totals`: amount fields summed over the
    selection of the list (all its pages), shown above it in one query."""

    list_totals: tuple[str, ...] = ()
    change_list_template = "registry/change_list.html"
    # A filtered list counts its own rows only, not the whole table besides (issue 18): the
    # link "Alles tonen" replaces "N totaal".
    show_full_result_count = False

    class Media:
        css = {"all": ("registry/pages.css",)}

    def changelist_view(self, request, extra_context=None):
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if self.list_totals and changelist is not None:
            response.context_data["list_totals"] = list_totals(
                changelist.queryset, self.list_totals
            )
        return response

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
        return readonly + [f for f in self.locked_fields(request, obj) if f not in readonly]

    def get_actions(self, request):
        """Actions marked `offered_to` some roles only for users holding one of them."""
        actions = super().get_actions(request)
        g = access.grants(request.user)
        if g.is_admin:
            return actions
        held = frozenset(g.by_role)
        return {
            name: entry
            for name, entry in actions.items()
            if getattr(entry[0], "roles", None) is None or entry[0].roles & held
        }

    def get_form(self, request, obj=None, change=False, **kwargs):
        return guarded_form(super().get_form(request, obj, change=change, **kwargs), request.user)

    def get_formsets_with_inlines(self, request, obj=None):
        for formset, inline in super().get_formsets_with_inlines(request, obj):
            yield guarded_formset(formset, request.user, obj is not None), inline

    def save_record(self, request, obj, changed) -> None:
        """The service that saves this admin's records; the form validated them already."""
        writes.save(user=request.user, record=obj, changed=changed, validate=False)

    def save_model(self, request, obj, form, change):
        self.save_record(request, obj, form.changed_data)

    def delete_model(self, request, obj):
        writes.delete(user=request.user, record=obj)

    def delete_queryset(self, request, queryset):
        with transaction.atomic():
            for obj in queryset:
                writes.delete(user=request.user, record=obj)

    def save_formset(self, request, form, formset, change):
        formset.save(commit=False)
        for obj in formset.deleted_objects:
            writes.delete(user=request.user, record=obj)
        for inline_form in formset.forms:
            if inline_form in formset.deleted_forms or not inline_form.has_changed():
                continue
            writes.save(
                user=request.user,
                record=inline_form.instance,
                changed=inline_form.changed_data,
                validate=False,
            )
        formset.save_m2m()

    object_history_list_template = "registry/history_list.html"  # Dutch; user links for admins

    def get_historical_record_context_helper(self, request, historical_record):
        return DutchHistoryValues(self.model, historical_record)

    def set_history_delta_changes(self, request, historical_records, foreign_keys_are_objs=True):
        """simple_history's deltas (each record against the one before it on the page) in
        a fixed number of queries: the many-to-many rows of every record on the page in one
        query per field (simple_history runs two per record and field), the foreign keys as
        the history queryset selected them; and each record's name (`history_label`) from
        those, not from a query per record."""
        records = list(historical_records)
        m2m = {field.name for field in self.model.history.model._history_m2m_fields}
        rows = {name: _history_m2m_rows(records, name) for name in m2m}
        for record in records:
            record.history_label = str(_instance_with_relations(record))
        for previous, current in itertools.pairwise(records):
            delta = previous.diff_against(
                current, excluded_fields=m2m, foreign_keys_are_objs=foreign_keys_are_objs
            )
            changes = list(delta.changes)
            for name in sorted(m2m):
                old, new = rows[name].get(current.pk, []), rows[name].get(previous.pk, [])
                if old != new:
                    changes.append(ModelChange(name, old, new))
            changes.sort(key=lambda change: change.field)
            delta = ModelDelta(changes, [change.field for change in changes], current, previous)
            helper = self.get_historical_record_context_helper(request, previous)
            previous.history_delta_changes = helper.context_for_delta_changes(delta)

    # History: read by whoever reads the record; "Terugzetten" (revert) is switched off
    # (SIMPLE_HISTORY_REVERT_DISABLED): it would write a whole historical row around the
    # write check and the workflow. A record not in the user's scope has no history page.

    def _in_scope(self, request, object_id) -> None:
        if not self.get_queryset(request).filter(pk=unquote(object_id)).exists():
            raise Http404

    def history_view(self, request, object_id, extra_context=None):
        self._in_scope(request, object_id)
        return super().history_view(request, object_id, extra_context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        self._in_scope(request, object_id)
        if request.method == "POST":
            raise PermissionDenied(_("Terugzetten kan niet; wijzig het gegeven zelf."))
        return super().history_form_view(request, object_id, version_id, extra_context)


def _history_m2m_rows(records, name: str) -> dict:
    """Per historical record's id: its rows of the many-to-many field `name` as
    simple_history's diff gives them (dicts of the through fields, related objects loaded,
    in the order of the related object), for all `records` in one query."""
    if not records:
        return {}
    through = getattr(records[0], name).model
    opts = through._meta
    skipped = ("id", "m2m_history_id", "history")
    names = [f.name for f in opts.fields if f.editable and f.name not in skipped]
    foreign_keys = [n for n in names if opts.get_field(n).many_to_one]
    original = records[0].instance_type._meta.get_field(name)
    order = original.m2m_reverse_field_name()
    result: dict = {}
    queryset = through._default_manager.filter(history__in=[r.pk for r in records])
    for row in queryset.select_related(*foreign_keys).order_by("history_id", order):
        result.setdefault(row.history_id, []).append({n: getattr(row, n) for n in names})
    return result


def _instance_with_relations(record):
    """The record's version as a model instance, with the foreign keys the history queryset
    selected already in place (so its name needs no query)."""
    instance = record.instance
    for model_field in record.instance_type._meta.concrete_fields:
        if not model_field.many_to_one:
            continue
        try:
            historical_field = record._meta.get_field(model_field.name)
        except FieldDoesNotExist:
            continue
        if historical_field.is_relation and historical_field.is_cached(record):
            model_field.set_cached_value(instance, getattr(record, model_field.name))
    return instance


class RegisterInline(AccessAdminMixin, admin.TabularInline):
    """Inline rows are scoped like their own admin; what may be saved is checked on save.
    Text areas in a row are small, so that a form fits the screen."""

    extra = 0
    show_change_link = True
    formfield_overrides = {
        **AccessAdminMixin.formfield_overrides,
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 2, "cols": 30})},
    }

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


class ReadOnlyRowsInline(RegisterInline):
    """An inline that shows its rows read-only once the parent has more than
    `editable_up_to` of them (issue 18): a row of editable widgets takes some 8 ms to render,
    so a cooperation of 56 participants opened in over half a second, one of 386 in several.
    Each read-only row names the record with a link to its own change page (where the user's
    rights on that record decide what may be changed), above them a Dutch sentence says why,
    and an "add" link leads to the add page with the parent filled in.

    The read-only formset has no form per row: nothing of the rows is posted, so saving the
    parent leaves them as they are; a row smuggled into the post fails `validate_max`
    (max_num 0). The parent admin's queryset annotates `count_attribute`, the number of rows
    the user may see, so the choice takes no query of its own."""

    # Above this many rows the inline is read-only. 25 keeps the inline editable for nine
    # in ten parties of the national synthetic set (1,359 of 1,501); the README (issue 18,
    # "Data at national scale and benchmarks") explains the choice.
    editable_up_to = 25
    template = "admin/edit_inline/read_only_rows.html"
    count_attribute = ""  # the parent's annotation: how many rows it has
    row_fields: tuple = ()  # the columns of a read-only row; the first links to the row

    def shows_read_only(self, obj) -> bool:
        return obj is not None and getattr(obj, self.count_attribute) > self.editable_up_to

    def get_formset(self, request, obj=None, **kwargs):
        if not self.shows_read_only(obj):
            return super().get_formset(request, obj, **kwargs)
        kwargs.update(fields=(), extra=0, min_num=0, max_num=0, validate_max=True, can_delete=False)
        return _read_only_rows_formset(super().get_formset(request, obj, **kwargs), self, request)

    def read_only_header(self) -> list[str]:
        return [
            capfirst(label_for_field(name, self.model, model_admin=self))
            for name in self.row_fields
        ]

    def read_only_row(self, record) -> dict:
        """The row's cells as the admin's lists show them, and the link to its page."""
        cells = []
        for name in self.row_fields:
            model_field, _attr, value = lookup_field(name, record, self)
            empty = self.get_empty_value_display()
            if model_field is None:
                cells.append(display_for_value(value, empty))
            else:
                cells.append(display_for_field(value, model_field, empty))
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[record.pk])
        return {"cells": cells, "url": url}

    def read_only_add_url(self, request, parent, fk_name: str) -> str | None:
        if not self.has_add_permission(request, parent):
            return None
        opts = self.model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        return f"{url}?{fk_name}={parent.pk}"


def _read_only_rows_formset(formset_class, inline: ReadOnlyRowsInline, request):
    class ReadOnlyRowsFormSet(formset_class):
        read_only = True

        def __init__(self, *args, queryset=None, **kwargs):
            self.rows_queryset = queryset if queryset is not None else inline.get_queryset(request)
            super().__init__(*args, queryset=self.model._default_manager.none(), **kwargs)

        @cached_property
        def read_only_rows(self) -> list[dict]:
            rows = self.rows_queryset.filter(**{self.fk.name: self.instance})
            return [inline.read_only_row(record) for record in rows]

        @cached_property
        def read_only_context(self) -> dict:
            opts = self.model._meta
            return {
                "header": inline.read_only_header(),
                "add_url": inline.read_only_add_url(request, self.instance, self.fk.name),
                "add_label": _("%(item)s toevoegen") % {"item": capfirst(opts.verbose_name)},
                "why": _(
                    "Boven de %(limit)d %(items)s staan ze hier alleen ter inzage (hier "
                    "%(count)d): een bewerkbare rij voor elk zou dit formulier traag maken. "
                    "Wijzig of verwijder een %(item)s op de eigen pagina: klik op de naam in "
                    "de rij. Opslaan van dit formulier laat ze ongemoeid."
                )
                % {
                    "count": len(self.read_only_rows),
                    "items": opts.verbose_name_plural,
                    "item": opts.verbose_name,
                    "limit": inline.editable_up_to,
                },
            }

    ReadOnlyRowsFormSet.__name__ = formset_class.__name__
    return ReadOnlyRowsFormSet


def _has_cents(amount) -> bool:
    return amount is not None and amount != amount.to_integral_value()


def list_totals(queryset, fields) -> list[dict]:
    """Per field: the sum over `queryset`, and how many rows leave it unknown."""
    aggregates = {"rows": Count("pk")}
    for name in fields:
        aggregates[f"{name}__sum"] = Sum(name)
        aggregates[f"{name}__known"] = Count(name)
    values = queryset.order_by().aggregate(**aggregates)
    sums = {name: values[f"{name}__sum"] for name in fields}
    return [
        {
            "label": capfirst(_label(queryset.model, name)),
            "amount": amount_html(sums[name], cents=_has_cents(sums[name])),
            "unknown": values["rows"] - values[f"{name}__known"],
            "rows": values["rows"],
        }
        for name in fields
    ]


class ReferenceDataAdmin(RegisterAdmin):
    """Organisations, themes, population figures: read by every registry user, kept by admins."""


class OrganisationFilter(admin.SimpleListFilter):
    """A list filter choosing one organisation (or province) by its id. Subclasses say which
    `organisations(request)` to offer and how to `restrict(queryset, organisation_id)`. A
    value that was not offered (typed into the address) selects nothing: a filter never
    applies what the user could not have chosen."""

    def organisations(self, request):
        raise NotImplementedError

    def restrict(self, queryset, organisation_id: int):
        raise NotImplementedError

    def lookups(self, request, model_admin):
        self._offered = dict(self.organisations(request).values_list("pk", "name"))
        return [(str(pk), name) for pk, name in self._offered.items()]

    def queryset(self, request, queryset):
        if self.value() is None:
            return queryset
        value = self.value()
        if not value.isdigit() or int(value) not in self._offered:
            return queryset.none()
        return self.restrict(queryset, int(value))


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

    def summary(self) -> list[tuple[str, str]]:
        """(label, value) of what the step will record, for the confirmation page."""
        rows = []
        for name, form_field in self.fields.items():
            value = self.cleaned_data.get(name)
            if name == "on" and value is None:
                value = _("vandaag (%(day)s)") % {"day": formatting.date(timezone.localdate())}
            elif isinstance(value, datetime.date):
                value = formatting.date(value)
            elif isinstance(form_field, forms.ChoiceField):
                value = dict(form_field.choices).get(value, value)
            rows.append((str(form_field.label), str(value) if value else _("(leeg)")))
        return rows


def offered_to(*roles: str):
    """Mark an admin action as offered only to users holding one of `roles` (for some
    organisation) and to administrators; RegisterAdmin.get_actions leaves it out for others."""

    def mark(action):
        action.roles = frozenset(roles)
        return action

    return mark


def step_form_response(model_admin, request, queryset, form, title: str, **extra):
    """The intermediate page of a status-step action: the records with the step each will
    take, and what the step asks (a comment or reason, a decision, a date); posting it shows
    what will be recorded, and confirming that runs the action."""
    context = {
        **model_admin.admin_site.each_context(request),
        "title": title,
        "form": form,
        "queryset": queryset,
        "action": request.POST.get("action"),
        "action_checkbox_name": admin.helpers.ACTION_CHECKBOX_NAME,
        "opts": model_admin.model._meta,
        **extra,
    }
    return TemplateResponse(request, "registry/step_form.html", context)


def _transitions(queryset, workflow, target) -> list[tuple]:
    """Per record: (record, from, to, None) or (record, from, None, why it cannot)."""
    rows = []
    for record in queryset:
        source = workflow.label(record.status)
        try:
            rows.append((record, source, workflow.label(target(record)), None))
        except StepRefused as refused:
            rows.append((record, source, None, refused.reason))
    return rows


def step_action(name: str, description: str, make_form, take, *, workflow, target, roles):
    """An admin action for one status step, offered to `roles` only. Three pages: what the
    step asks (`make_form(None)`); what will be recorded, to confirm; then
    `take(record, user, cleaned_data)` for each selected record. `target(record)` is the
    state a record goes to (StepRefused when it cannot). A refused record comes back on the
    form with its reason and what was typed; the others go ahead."""

    def action(model_admin, request, queryset):
        submitted = "apply" in request.POST
        form = make_form(request.POST if submitted else None)

        def page(records, **extra):
            return step_form_response(
                model_admin,
                request,
                records,
                form,
                description,
                transitions=_transitions(records, workflow, target),
                **extra,
            )

        if not submitted or "edit" in request.POST or not form.is_valid():
            return page(queryset)
        if "confirm" not in request.POST:
            return page(queryset, confirming=True, summary=form.summary())
        done, refused = 0, {}
        for record in queryset:
            try:
                take(record, request.user, form.cleaned_data)
                done += 1
            except StepRefused as refusal:
                refused[record.pk] = refusal.reason
        if done:
            model_admin.message_user(
                request, _("%(count)d bijgewerkt: %(step)s.") % {"count": done, "step": description}
            )
        if refused:
            records = queryset.filter(pk__in=refused)
            return page(records, refused=[(r, refused[r.pk]) for r in records])
        return None

    action.__name__ = name
    return offered_to(*roles)(admin.action(description=description)(action))
