"""Saving and deleting a register record: the write check, the model's own rules and the
side effects of the record's kind, in one transaction, with who did it in the history.

The apps' services (`<app>/services.py`) are what the doors call; for a record without
special needs they call `save` and `delete` here directly. Side effects that belong to a
kind of record (a new party gets its dossierhouder; a received draft budget opens the
zienswijzen) are registered by its app with `on_save(Model, prepare=..., after=...)`, so
every door that saves such a record gets them.
"""

from collections.abc import Callable, Iterable

from django.db import transaction
from django.db.models import Model

from registry import access

_prepare: dict[type[Model], Callable] = {}
_after: dict[type[Model], Callable] = {}


def on_save(model: type[Model], *, prepare: Callable | None = None, after: Callable | None = None):
    """`prepare(user, record, changed)` runs before the write check (it may fill in fields
    the user did not choose); `after(user, record, created)` after the record is saved."""
    if prepare:
        _prepare[model] = prepare
    if after:
        _after[model] = after


def prepare(user, record: Model, changed: Iterable[str] | None = None) -> None:
    hook = _prepare.get(record._meta.concrete_model)
    if hook:
        hook(user, record, changed)


def _history(record: Model, user, reason: str) -> None:
    # who acts without an account (a command, an organisation's API token): no user, never
    # simple_history's guess from the request
    record._history_user = user if getattr(user, "pk", None) else None
    if reason:
        record._change_reason = reason


@transaction.atomic
def save(
    *,
    user,
    record: Model,
    changed: Iterable[str] | None = None,
    reason: str = "",
    validate: bool = True,
) -> Model:
    """Save `record` as `user`: WriteRefused (Dutch reason) when not allowed, ValidationError
    when the model's rules refuse it. `changed`: the fields that change (None: all).
    `validate=False` only where the model's rules were just run on this very record (an
    admin form's own validation)."""
    changed = None if changed is None else set(changed)
    created = record._state.adding or record.pk is None
    stored = None if created else type(record)._default_manager.get(pk=record.pk)
    refusal = access.service_fields_refusal(record, stored)
    if refusal:
        raise access.WriteRefused(refusal)
    prepare(user, record, changed)
    access.check_save(user, record, changed, stored=stored)
    if validate:
        record.full_clean()
    _history(record, user, reason)
    record.save()
    access.forget(user)
    hook = _after.get(record._meta.concrete_model)
    if hook:
        hook(user, record, created)
    return record


@transaction.atomic
def delete(*, user, record: Model, reason: str = "") -> None:
    """Delete `record` and what it cascades to, when `user` may delete all of it."""
    access.check_delete(user, record)
    _history(record, user, reason)
    record.delete()
    access.forget(user)
