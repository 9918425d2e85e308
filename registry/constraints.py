"""Check constraints evaluated in Python, for validating many records without a query each.

Django's CheckConstraint.validate() asks the database (one query per record and constraint).
An import judges thousands of records before writing any, so the conditions the registry
uses (comparisons with values or other fields, isnull, joined with & | ~) are evaluated here
on the instance. The constraint stays the one rule; a shape this module does not know falls
back to Django's own validate().
"""

import operator

from django.core.exceptions import ValidationError
from django.db.models import CheckConstraint, F, Q

_LOOKUPS = {
    "exact": operator.eq,
    "gt": operator.gt,
    "gte": operator.ge,
    "lt": operator.lt,
    "lte": operator.le,
}


class _Unknown(Exception):
    pass


def broken_constraints(instance) -> list[str]:
    """The messages of the check constraints `instance` breaks."""
    messages = []
    for constraint in instance._meta.constraints:
        if not isinstance(constraint, CheckConstraint):
            continue
        try:
            holds = _holds(constraint.condition, instance)
        except _Unknown:
            try:
                constraint.validate(type(instance), instance)
                holds = True
            except ValidationError:
                holds = False
        if not holds:
            messages.append(str(constraint.get_violation_error_message()))
    return messages


def _holds(condition: Q, instance) -> bool:
    results = (
        _holds(child, instance) if isinstance(child, Q) else _lookup(*child, instance)
        for child in condition.children
    )
    outcome = all(results) if condition.connector == Q.AND else any(results)
    return not outcome if condition.negated else outcome


def _lookup(lookup: str, expected, instance) -> bool:
    name, _, operation = lookup.partition("__")
    operation = operation or "exact"
    if "__" in operation:
        raise _Unknown
    value = getattr(instance, instance._meta.get_field(name).attname)
    if operation == "isnull":
        return (value is None) == expected
    if operation not in _LOOKUPS:
        raise _Unknown
    if isinstance(expected, F):
        expected = getattr(instance, instance._meta.get_field(expected.name).attname)
    elif hasattr(expected, "resolve_expression"):
        raise _Unknown
    if value is None or expected is None:
        return True  # SQL: a comparison with NULL is unknown, which a CHECK lets pass
    return _LOOKUPS[operation](value, expected)
