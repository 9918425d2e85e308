"""The key that names an organisation outside the register (the API's paths, filters and
bodies): its CBS code when it has one (gemeenten and provincies always do), else
`org-<id>`, the register's own number, for a waterschap, another government or a private
partner. `org-<id>` also names an organisation that has a CBS code, and keeps naming it
after it gets one, so a key once given never stops working. A KvK number is no key: the
register does not hold it unique, and many partners have none."""

import re

from django.db.models import Q

PREFIX = "org-"
_REGISTER_NUMBER = re.compile(rf"{PREFIX}([0-9]{{1,18}})", re.IGNORECASE)  # fits a bigint


def key_of(organisation) -> str:
    return organisation.cbs_code or f"{PREFIX}{organisation.pk}"


def key_q(key: str, path: str = "") -> Q:
    """The organisation with `key`, at `path` ("organisation__") of the records filtered."""
    key = key.strip()
    number = _REGISTER_NUMBER.fullmatch(key)
    if number:
        return Q(**{f"{path}pk": int(number.group(1))})
    return Q(**{f"{path}cbs_code__iexact": key})
