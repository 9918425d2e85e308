"""The one door to uploaded files: /bestanden/<app>/<model>/<pk>/<field>/ serves the file
of a ProtectedFileField (registry/files.py) to a user who may view its record, by
registry.access; anyone else gets 404, as for a record that does not exist.

The file itself is sent by django-sendfile2 (settings.SENDFILE_BACKEND): by Django in
development and tests, by the reverse proxy (X-Accel-Redirect, X-Sendfile) in production.
"""

import os

from django.apps import apps
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import FieldDoesNotExist
from django.http import Http404
from django.views.decorators.http import require_safe
from django_sendfile import sendfile

from registry import access, audit
from registry.files import HEAD_BYTES, ProtectedFileField, kind_of
from registry.models import AuditAction

# Every file response: the browser runs nothing in it and guesses no other type.
FILE_RESPONSE_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "Content-Security-Policy": "default-src 'none'; sandbox",
    "Cache-Control": "private, no-store",
}


def harden(response):
    for header, value in FILE_RESPONSE_HEADERS.items():
        response[header] = value
    return response


def _protected_field(app_label: str, model_name: str, field_name: str):
    """The model and its ProtectedFileField named in the URL; 404 for anything else."""
    try:
        model = apps.get_model(app_label, model_name)
        field = model._meta.get_field(field_name)
    except (LookupError, FieldDoesNotExist):
        raise Http404 from None
    if not isinstance(field, ProtectedFileField):
        raise Http404
    return model, field


def send_stored_file(request, stored):
    """The response for a stored file: inline when it is a PDF or an image (by its name and
    its first bytes), otherwise a download; never with a type the content does not match."""
    name = os.path.basename(stored.name)
    try:
        with stored.storage.open(stored.name, "rb") as handle:
            head = handle.read(HEAD_BYTES)
    except FileNotFoundError:
        raise Http404 from None
    kind = kind_of(name)
    if kind is None or not kind.matches(head):
        kind = None
    response = sendfile(
        request,
        stored.path,
        attachment=not (kind and kind.inline),
        attachment_filename=name,
        mimetype=kind.content_type if kind else "application/octet-stream",
    )
    if "Content-Encoding" in response:  # guessed from a name such as .gz: keep the bytes as stored
        del response["Content-Encoding"]
    return harden(response)


@require_safe
def protected_file_view(request, app_label: str, model_name: str, pk: int, field_name: str):
    """The file of a record the reader may read: a public one (a shared legal basis, a
    public evaluation) by anyone, as on the public pages; others after logging in."""
    model, field = _protected_field(app_label, model_name, field_name)
    obj = model._default_manager.filter(pk=pk).first()
    if obj is None:
        raise Http404
    if not access.can_read_on_site(request.user, obj):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        raise Http404
    stored = getattr(obj, field.attname)
    if not stored:
        raise Http404
    response = send_stored_file(request, stored)
    audit.record(
        action=AuditAction.FILE_DOWNLOADED,
        request=request,
        target=os.path.basename(stored.name),
        detail={"bij": f"{model._meta.verbose_name}: {obj}", "veld": field_name, "id": pk},
    )
    return response
