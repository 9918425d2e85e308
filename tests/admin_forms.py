"""Posting an admin change form as a browser would: every field of the form and its inline
formsets as the page showed them, so a test changes only what it means to change."""

from django.forms.formsets import ManagementForm


def _post_value(bound_field):
    value = bound_field.value()
    if value is None:
        return None
    if isinstance(value, bool):
        return "on" if value else None
    if isinstance(value, list | tuple):
        return [str(getattr(v, "pk", v)) for v in value]
    return str(getattr(value, "pk", value))


def _add_form(data: dict, form) -> None:
    for bound_field in form:
        value = _post_value(bound_field)
        if value is not None:
            data[bound_field.html_name] = value


def form_data(response) -> dict:
    """The POST data of the admin page in `response` (a change or add page)."""
    data: dict = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        for name in ManagementForm.base_fields:
            data[f"{formset.prefix}-{name}"] = management[name].value()
        for form in formset.forms:
            _add_form(data, form)
    return data


def inline_prefix(response, model) -> str:
    """The prefix of the inline formset of `model` on the page."""
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix
    raise LookupError(model)


def inline_index(response, record) -> int:
    """The index, in its formset, of the inline row that shows `record`."""
    for inline in response.context["inline_admin_formsets"]:
        for index, form in enumerate(inline.formset.forms):
            if form.instance.pk == record.pk and type(form.instance) is type(record):
                return index
    raise LookupError(record)
