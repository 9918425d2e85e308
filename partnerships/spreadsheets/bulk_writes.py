"""The import's writes in bulk, many-to-many fields included (issue 18, point 4).

Records are inserted and updated in batches; a many-to-many field the file sets (a party's
themes) is written per relation with one delete of the rows it replaces and one insert of
the new rows for the whole import (per batch of BATCH_SIZE records), instead of `.set()` per
record (some nine queries a row, with its signals and a history record each). Every record
written gets one history record naming the import, holding its many-to-many rows as saved,
as django-simple-history keeps them for a save through a form.

The rows were judged before (plan.py: the model's rules and the write check, on the record
as it will be saved); the caller's transaction keeps the import all or nothing.
"""

from collections import defaultdict

from django.db import connection
from simple_history.utils import get_history_manager_for_model

BATCH_SIZE = 1000


def batched(items: list, size: int):
    for start in range(0, len(items), size):
        yield items[start : start + size]


def write(model, new: list, changed: list, fields: list[str], values: list, *, user, reason):
    """Insert the `new` records, update `fields` of the `changed` ones, set the many-to-many
    `values` ([(record, {field name: [related records]})]) and write their history."""
    if not connection.features.can_return_rows_from_bulk_insert:
        # the rows' new keys are needed for their relations and history (PostgreSQL, SQLite)
        raise NotImplementedError("bulk import needs a database that returns inserted keys")
    manager = model._default_manager
    if new:
        manager.bulk_create(new, batch_size=BATCH_SIZE)
    if changed and fields:
        manager.bulk_update(changed, fields, batch_size=BATCH_SIZE)
    relations = {f.name: f for f in model._meta.many_to_many}
    for name, model_field in relations.items():
        setting = [(record, v[name]) for record, v in values if name in v]
        if setting:
            _replace_rows(model_field, setting)
    history = get_history_manager_for_model(model)
    written = []
    for records, update in ((new, False), (changed, True)):
        if records:
            written += (
                history.bulk_history_create(
                    records,
                    batch_size=BATCH_SIZE,
                    update=update,
                    default_user=user,
                    default_change_reason=reason,
                )
                or []
            )  # nothing with SIMPLE_HISTORY_ENABLED off
    for model_field in getattr(history.model, "_history_m2m_fields", []):
        _history_rows(history.model, model_field, written)


def _replace_rows(model_field, setting: list[tuple]) -> None:
    """One delete of the stored rows of the records in `setting` ([(record, related)]) and
    one insert of their new rows, per batch."""
    through = model_field.remote_field.through
    own, other = model_field.m2m_field_name(), model_field.m2m_reverse_field_name()
    for batch in batched(setting, BATCH_SIZE):
        stored = [record.pk for record, _related in batch if not record._state.adding]
        if stored:
            through._default_manager.filter(**{f"{own}_id__in": stored}).delete()
        rows = [
            through(**{f"{own}_id": record.pk, f"{other}_id": related.pk})
            for record, related_records in batch
            for related in dict.fromkeys(related_records)
        ]
        through._default_manager.bulk_create(rows, batch_size=BATCH_SIZE)


def _history_rows(history_model, model_field, written: list) -> None:
    """The many-to-many rows of each history record in `written`, as stored now: one read
    of the through rows and one insert of their copies, per batch."""
    through = model_field.remote_field.through
    own = model_field.m2m_field_name()
    names = [f.attname for f in through._meta.fields]
    copies = getattr(history_model, model_field.name).model
    for batch in batched(written, BATCH_SIZE):
        stored = defaultdict(list)
        records = {h.id for h in batch}
        for row in through._default_manager.filter(**{f"{own}_id__in": records}).values(*names):
            stored[row[f"{own}_id"]].append(row)
        rows = [copies(history=h, **row) for h in batch for row in stored[h.id]]
        copies._default_manager.bulk_create(rows, batch_size=BATCH_SIZE)
