"""Uploaded files: the kinds a field accepts (checked by extension and by the first bytes),
the size limit, and ProtectedFileField, whose links lead to the checked download view
(registry/downloads.py), never to /media/.

A field names its kinds, e.g. ``ProtectedFileField(kinds=DOCUMENTS)``; the limit is
settings.UPLOAD_MAX_BYTES unless the field gives its own ``max_bytes``.
"""

import os
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FieldFile
from django.urls import reverse
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext as _

from registry import formatting

HEAD_BYTES = 1024  # enough for every signature and for the start of a text file
ZIP = b"PK\x03\x04"  # OOXML (docx, xlsx, pptx) and OpenDocument (odt, ods) are zip archives


@dataclass(frozen=True)
class FileKind:
    label: str  # as the Dutch messages name it
    extensions: tuple[str, ...]
    content_type: str
    signatures: tuple[bytes, ...] = ()  # the file starts with one of these
    text: bool = False  # plain text: no NUL bytes, not starting with "<" (HTML, SVG, XML)
    inline: bool = False  # shown in the browser rather than downloaded

    def matches(self, head: bytes) -> bool:
        """Does a file starting with `head` look like this kind?"""
        if self.text:
            return b"\x00" not in head and not _opening(head).startswith(b"<")
        return head.startswith(self.signatures)


def _opening(head: bytes) -> bytes:
    return head.removeprefix(b"\xef\xbb\xbf").lstrip()


KINDS = {
    "pdf": FileKind("PDF", ("pdf",), "application/pdf", (b"%PDF",), inline=True),
    "docx": FileKind(
        "Word (.docx)",
        ("docx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        (ZIP,),
    ),
    "dotx": FileKind(
        "Word-sjabloon (.dotx)",
        ("dotx",),
        "application/vnd.openxmlformats-officedocument.wordprocessingml.template",
        (ZIP,),
    ),
    "xlsx": FileKind(
        "Excel (.xlsx)",
        ("xlsx",),
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        (ZIP,),
    ),
    "pptx": FileKind(
        "PowerPoint (.pptx)",
        ("pptx",),
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        (ZIP,),
    ),
    "odt": FileKind(
        "OpenDocument-tekst (.odt)", ("odt",), "application/vnd.oasis.opendocument.text", (ZIP,)
    ),
    "ods": FileKind(
        "OpenDocument-rekenblad (.ods)",
        ("ods",),
        "application/vnd.oasis.opendocument.spreadsheet",
        (ZIP,),
    ),
    "png": FileKind("PNG-afbeelding", ("png",), "image/png", (b"\x89PNG\r\n\x1a\n",), inline=True),
    "jpeg": FileKind(
        "JPEG-afbeelding", ("jpg", "jpeg"), "image/jpeg", (b"\xff\xd8\xff",), inline=True
    ),
    "txt": FileKind("tekst (.txt)", ("txt",), "text/plain", text=True),
    "csv": FileKind("CSV", ("csv",), "text/csv", text=True),
}

DOCUMENTS = ("pdf", "docx", "odt", "xlsx", "ods")  # legal basis, budget cycle
REPORTS = ("pdf", "docx", "odt", "pptx")  # evaluation reports
WORD_TEMPLATES = ("dotx", "docx")  # a municipality's house style for the paragraph


def extension(name: str) -> str:
    return os.path.splitext(name)[1].lower().lstrip(".")


def kind_of(name: str) -> FileKind | None:
    """The kind a file name says it is (by its extension), if any we know."""
    ext = extension(name)
    return next((kind for kind in KINDS.values() if ext in kind.extensions), None)


def _listed(labels: list[str]) -> str:
    return labels[0] if len(labels) == 1 else f"{', '.join(labels[:-1])} en {labels[-1]}"


def describe(kinds) -> str:
    """'PDF, Word (.docx) en OpenDocument-tekst (.odt)'."""
    return _listed([KINDS[name].label for name in kinds])


def max_bytes_for(field_max_bytes: int | None) -> int:
    return settings.UPLOAD_MAX_BYTES if field_max_bytes is None else field_max_bytes


def check_upload(name: str, upload, kinds, max_bytes: int) -> None:
    """Raise a ValidationError (Dutch) unless `upload`, a file object called `name`, is one
    of `kinds` by its extension and its content, and not larger than `max_bytes`."""
    if upload.size > max_bytes:
        raise ValidationError(
            _("Het bestand is %(size)s; de grens is %(limit)s.")
            % {"size": formatting.file_size(upload.size), "limit": formatting.file_size(max_bytes)},
            code="file_size",
        )
    kind = kind_of(name)
    if kind is None or not any(kind is KINDS[allowed] for allowed in kinds):
        raise ValidationError(
            _("Alleen %(kinds)s zijn toegestaan.") % {"kinds": describe(kinds)}, code="file_type"
        )
    upload.seek(0)
    head = upload.read(HEAD_BYTES)
    whole_text_is_clean = not kind.text or all(b"\x00" not in chunk for chunk in upload.chunks())
    upload.seek(0)
    if not (kind.matches(head) and whole_text_is_clean):
        raise ValidationError(
            _(
                "De inhoud van dit bestand is geen %(kind)s, al eindigt de naam op "
                ".%(extension)s. Sla het opnieuw op als %(kind)s en probeer het nog eens."
            )
            % {"kind": kind.label, "extension": extension(name)},
            code="file_content",
        )


@deconstructible
class UploadValidator:
    """A ProtectedFileField's check of a new upload; a file stored earlier is left alone."""

    def __init__(self, kinds, max_bytes: int | None = None):
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes

    def __call__(self, value):
        upload = value
        if isinstance(value, FieldFile):
            if value._committed:
                return
            upload = value.file
        if not hasattr(upload, "read"):
            return
        check_upload(value.name, upload, self.kinds, max_bytes_for(self.max_bytes))

    def __eq__(self, other):
        return (
            isinstance(other, UploadValidator)
            and self.kinds == other.kinds
            and self.max_bytes == other.max_bytes
        )


class ProtectedFieldFile(FieldFile):
    @property
    def url(self):
        """The checked download view of this record's file, not a path under /media/."""
        self._require_file()
        if self.instance.pk is None:
            return ""
        meta = self.instance._meta
        return reverse(
            "protected_file",
            kwargs={
                "app_label": meta.app_label,
                "model_name": meta.model_name,
                "pk": self.instance.pk,
                "field_name": self.field.name,
            },
        )


class ProtectedFileField(models.FileField):
    """A FileField served only through registry/downloads.py, to whoever may view the
    record, and accepting only `kinds` (keys of KINDS) up to the size limit."""

    attr_class = ProtectedFieldFile

    def __init__(self, *args, kinds=DOCUMENTS, max_bytes: int | None = None, **kwargs):
        unknown = set(kinds) - KINDS.keys()
        if unknown:
            raise ValueError(f"Unknown file kinds: {sorted(unknown)}")
        self.kinds = tuple(kinds)
        self.max_bytes = max_bytes
        super().__init__(*args, **kwargs)
        self.default_validators = [UploadValidator(self.kinds, max_bytes)]

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        kwargs["kinds"] = self.kinds
        if self.max_bytes is not None:
            kwargs["max_bytes"] = self.max_bytes
        return name, path, args, kwargs

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        extensions = [f".{ext}" for name in self.kinds for ext in KINDS[name].extensions]
        field.widget.attrs.setdefault("accept", ",".join(extensions))
        if not field.help_text:
            field.help_text = _("Toegestaan: %(kinds)s; hoogstens %(limit)s.") % {
                "kinds": describe(self.kinds),
                "limit": formatting.file_size(max_bytes_for(self.max_bytes)),
            }
        return field
