"""The kinds of access policy a model can have; apps register one per model with
`registry.access.register(Model, policy)` in their AppConfig.ready().

Each policy gives the rows a user may act on as a Q (`rows`) and judges one record as it is
in memory (`allows`), from the same grants, so a list and the write check never disagree
(tests/registry/test_policies.py runs both over the same records). Paths are ORM lookups
("participation__organisation"); a policy's `locked` fields are the parent a record belongs
to, which never changes after it was created (administrators aside).
"""

from django.db.models import Q
from django.utils.translation import gettext as _

from registry.access import ADD, VIEW, Grants, attribute
from registry.models import RoleKind

NOTHING = Q(pk__in=[])


def related(record, path: str):
    """The record at the end of `path` ("key__party"; "pk" is the record itself)."""
    if path == "pk":
        return record
    for step in path.split("__"):
        record = getattr(record, step, None)
        if record is None:
            return _("dit samenwerkingsverband")
    return record


def _in(path: str, ids) -> Q:
    return Q(**{f"{path}__in": ids})


class Policy:
    # the role (or roles) that register new records; None: administrators (and services)
    created_by: str | tuple[str, ...] | None = None
    party: str = ""  # the path to the party the record belongs to, if any
    locked: tuple[str, ...] = ()

    def rows(self, g: Grants, action: str) -> Q:
        raise NotImplementedError

    def allows(self, g: Grants, record, action: str) -> bool:
        raise NotImplementedError

    def refusal(self, g: Grants, record) -> str:
        return _("U mag dit gegeven niet wijzigen.")

    def editable(self, g: Grants, record, names: set[str]) -> set[str]:
        return set(names)

    def choices(self, g: Grants, name: str):
        """The ids a picker for the field `name` of a new record may offer (None: whatever
        the user reads); the write check judges the record again when it is saved."""
        return None


class ReferenceData(Policy):
    """Read by every registry user, kept by administrators (organisations, themes, ...)."""

    def rows(self, g, action):
        return Q() if action == VIEW and g.has_any_role else NOTHING

    def allows(self, g, record, action):
        return False

    def refusal(self, g, record):
        return _("Alleen een beheerder wijzigt %(what)s.") % {
            "what": record._meta.verbose_name_plural
        }


class AdminOnly(ReferenceData):
    def rows(self, g, action):
        return NOTHING


class SharedRecord(Policy):
    """A record of a party, shared by all: read by every registry user, kept by the `keeper`
    role of a current, confirmed participant (the griffie also of the dossierhouder)."""

    def __init__(self, party: str, keeper: str = RoleKind.GRIFFIE, *, locked=None):
        self.party = party
        self.keeper = keeper
        self.created_by = keeper
        self.locked = (party.split("__")[0],) if locked is None else locked

    def rows(self, g, action):
        return Q() if action == VIEW else _in(self.party, g.parties(self.keeper))

    def allows(self, g, record, action):
        return attribute(record, self.party) in g.parties(self.keeper)

    def choices(self, g, name):
        return g.parties(self.keeper) if name == self.party else None

    def refusal(self, g, record):
        party = related(record, self.party)
        if self.keeper == RoleKind.FINANCE:
            return _(
                "De cijfers van %(party)s houdt de afdeling financiën van een deelnemende "
                "organisatie bij."
            ) % {"party": party}
        return _(
            "De gegevens van %(party)s wijzigt de griffie van een (bevestigde, lopende) "
            "deelnemer of van de dossierhouder."
        ) % {"party": party}


class OwnRecord(Policy):
    """A record of one organisation (at path `organisation`): read like its participations
    (the organisation, the supervisor of its province, administrators), kept by its
    `keepers` roles. `creators`: who registers new ones (None: only services and admins)."""

    def __init__(self, organisation: str, keepers, *, party="", locked=(), creators="keepers"):
        self.organisation = organisation
        self.keepers = tuple(keepers)
        self.party = party
        self.locked = tuple(locked)
        self.created_by = self.keepers if creators == "keepers" else creators

    def rows(self, g, action):
        orgs = g.readable if action == VIEW else g.orgs(*self.keepers)
        return _in(self.organisation, orgs)

    def allows(self, g, record, action):
        if action == ADD and self.created_by is None:
            return False
        return attribute(record, self.organisation) in g.orgs(*self.keepers)

    def choices(self, g, name):
        return g.orgs(*self.keepers) if name == self.organisation else None

    def refusal(self, g, record):
        return _("U mag geen gegevens van deze organisatie vastleggen of wijzigen.")


class OwnOrShared(Policy):
    """A record of one organisation (kept by its griffie) or, with no organisation at
    `organisation`, a shared record of the party at `party` (kept like its legal basis)."""

    def __init__(self, organisation: str, party: str, *, locked=()):
        self.own = OwnRecord(organisation, (RoleKind.GRIFFIE,))
        self.shared = SharedRecord(party, locked=())
        self.organisation = organisation
        self.party = party
        self.locked = tuple(locked)
        self.created_by = RoleKind.GRIFFIE

    def rows(self, g, action):
        shared = Q(**{f"{self.organisation}__isnull": True}) & self.shared.rows(g, action)
        return self.own.rows(g, action) | shared

    def _part(self, record):
        return self.shared if attribute(record, self.organisation) is None else self.own

    def allows(self, g, record, action):
        return self._part(record).allows(g, record, action)

    def choices(self, g, name):
        return self.own.choices(g, name)

    def refusal(self, g, record):
        return self._part(record).refusal(g, record)


class ReadOnly(Policy):
    """Read like `inner`, written only by the services (a zienswijze's recorded steps)."""

    def __init__(self, inner: Policy):
        self.inner = inner
        self.party = inner.party

    def rows(self, g, action):
        return self.inner.rows(g, action) if action == VIEW else NOTHING

    def allows(self, g, record, action):
        return False

    def refusal(self, g, record):
        return _("Dit gegeven wordt alleen door een stap in de werkstroom vastgelegd.")
