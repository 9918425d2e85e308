"""Who may see and change what: the one place that decides access.

Roles are held per organisation (registry.models.Role); administrators are superusers.

- every registry user reads the shared catalogue of parties: their general data, legal
  basis and bodies (published law, and needed to find a party to join). What belongs to one
  organisation (its participations, its seats) is read only by that organisation, its
  supervisor and administrators.
- griffie: maintains its organisation's records (participations, seats), and the shared
  record of every party its organisation currently takes part in (or keeps the dossier of):
  legal basis, bodies, general data. History shows who changed what.
- finance: reads like griffie; changes only the financial interest fields of its
  organisation's participations.
- finance also keeps the money of the parties its organisation currently takes part in (cost
  keys, annual figures, risks: shared, read by every registry user) and its organisation's own
  contributions and usage figures (read like its participations).
- budget cycle: a party's cycle documents are shared like its legal basis; a zienswijze is
  its municipality's own (griffie and finance change it; which status step each role may take
  is decided in cycle.zienswijzen). Evaluations of a whole party are shared like its legal
  basis; one of a single participation, with its scores and actions, is that organisation's.
- council: reads its organisation's records, changes nothing.
- supervisor (IBT): reads the records of its province and of every organisation in it.
- administrator: everything, including organisations, themes, population figures and roles.

Admin querysets, object permissions and (later) views and the API all ask this module.
A record another organisation owns is simply not in the user's queryset, so guessing a URL
gives "not found", never the record.
"""

import copy
import datetime
import functools
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Model, Q, QuerySet

from registry.models import Organisation, PopulationFigure, Role, RoleKind
from registry.periods import overlaps_q

VIEW = "view"
CHANGE = "change"
DELETE = "delete"
ADD = "add"


@dataclass
class Grants:
    """The organisations a user acts for, per role; computed once per user object."""

    is_admin: bool = False
    by_role: dict[str, frozenset[int]] = field(default_factory=dict)
    readable: frozenset[int] = frozenset()

    def orgs(self, *kinds: str) -> frozenset[int]:
        return frozenset().union(*(self.by_role.get(kind, frozenset()) for kind in kinds))

    def roles_for(self, organisation_id: int) -> frozenset[str]:
        """The roles held for one organisation (a supervisor's role is on its province)."""
        return frozenset(kind for kind, orgs in self.by_role.items() if organisation_id in orgs)

    @property
    def has_any_role(self) -> bool:
        return self.is_admin or bool(self.readable)


def grants(user) -> Grants:
    cached = getattr(user, "_registry_grants", None)
    if cached is not None:
        return cached
    if not (user and user.is_authenticated and user.is_active):
        result = Grants()
    elif user.is_superuser:
        result = Grants(is_admin=True)
    else:
        by_role: dict[str, set[int]] = {}
        for kind, organisation_id in Role.objects.filter(user=user).values_list(
            "kind", "organisation_id"
        ):
            by_role.setdefault(kind, set()).add(organisation_id)
        provinces = by_role.get(RoleKind.SUPERVISOR, set())
        readable = set().union(*by_role.values()) if by_role else set()
        if provinces:
            readable |= set(
                Organisation.objects.filter(province_id__in=provinces).values_list("pk", flat=True)
            )
        result = Grants(
            by_role={kind: frozenset(ids) for kind, ids in by_role.items()},
            readable=frozenset(readable),
        )
    user._registry_grants = result
    return result


def _current_participations(organisation_ids, today=None):
    from partnerships.models import Participation

    today = today or datetime.date.today()
    return Participation.objects.filter(organisation_id__in=organisation_ids).filter(
        overlaps_q(today, None)
    )


# Per model: a Q selecting the rows a user may act on, for each action.


def _party_q(g: Grants, action: str) -> Q:
    from partnerships.models import Participation

    if action == VIEW:
        return Q()
    orgs = g.orgs(RoleKind.GRIFFIE)
    writable = Q(pk__in=_current_participations(orgs).values("party_id")) | Q(
        maintainer_id__in=orgs
    )
    if action == DELETE:
        # Only a party that no other organisation takes part in.
        others = Participation.objects.exclude(organisation_id__in=orgs).values("party_id")
        return writable & ~Q(pk__in=others)
    return writable


def _via_party(prefix: str):
    def q(g: Grants, action: str) -> Q:
        party_action = VIEW if action == VIEW else CHANGE
        return _prefixed(_party_q(g, party_action), prefix)

    return q


def _party_figures(prefix: str):
    """A party's shared money records (keys, annual figures): read by every registry user,
    kept by the finance staff of its current participants."""

    def q(g: Grants, action: str) -> Q:
        if action == VIEW:
            return Q()
        orgs = g.orgs(RoleKind.FINANCE)
        return _prefixed(Q(pk__in=_current_participations(orgs).values("party_id")), prefix)

    return q


def _own(organisation_field: str, *keepers: str):
    """An organisation's own records: read like its participations, kept by the `keepers`
    roles of that organisation (its money by finance; a zienswijze by griffie and finance,
    whose status steps cycle.zienswijzen checks per role)."""

    def q(g: Grants, action: str) -> Q:
        orgs = g.readable if action == VIEW else g.orgs(*keepers)
        return Q(**{f"{organisation_field}__in": orgs})

    return q


def _participation_q(g: Grants, action: str) -> Q:
    if action == VIEW:
        return Q(organisation_id__in=g.readable)
    if action == CHANGE:
        return Q(organisation_id__in=g.orgs(RoleKind.GRIFFIE, RoleKind.FINANCE))
    return Q(organisation_id__in=g.orgs(RoleKind.GRIFFIE))


def _own_or_shared(party_path: str, prefix: str = ""):
    """A record of one organisation (read like its participations, kept by its griffie) or,
    without an organisation, a shared record of the party (like the party's legal basis)."""

    def q(g: Grants, action: str) -> Q:
        own = _own("organisation_id", RoleKind.GRIFFIE)(g, action)
        shared = Q(organisation__isnull=True) & _via_party(party_path)(g, action)
        return _prefixed(own | shared, prefix) if prefix else own | shared

    return q


def _read_only(rows):
    def q(g: Grants, action: str) -> Q:
        return rows(g, action) if action == VIEW else Q(pk__in=[])

    return q


def _reference_data_q(g: Grants, action: str) -> Q:
    return Q() if action == VIEW and g.has_any_role else Q(pk__in=[])


def _admin_only_q(g: Grants, action: str) -> Q:
    return Q(pk__in=[])


def _prefixed(q: Q, prefix: str) -> Q:
    """Rewrite a Q over Party into a Q over a model that reaches Party through `prefix`."""
    rewritten = Q(_connector=q.connector, _negated=q.negated)
    for child in q.children:
        if isinstance(child, Q):
            rewritten.children.append(_prefixed(child, prefix))
        else:
            lookup, value = child
            rewritten.children.append((f"{prefix}__{lookup}", value))
    return rewritten


@dataclass(frozen=True)
class Policy:
    """How access to one model is decided."""

    rows: Callable[[Grants, str], Q]  # the rows a user may act on, per action
    created_by: str | None  # the role that registers new records; None: administrators only
    party: str = ""  # the path to the party the record belongs to, if any (ORM lookup style)


@functools.cache
def _policies() -> dict[type[Model], Policy]:
    from evaluations.models import Criterion, Evaluation, FollowUpAction, Score
    from partnerships.cycle.models import CycleDocument, RuleSet, Zienswijze, ZienswijzeStep
    from partnerships.models import (
        AnnualFigures,
        Body,
        Contribution,
        CostKey,
        CostKeyPercentage,
        LegalBasis,
        Participation,
        Party,
        Risk,
        Seat,
        Theme,
        UsageFigure,
    )

    griffie, finance = RoleKind.GRIFFIE, RoleKind.FINANCE

    def via_party(path):
        return Policy(_via_party(path), griffie, path)

    def party_money(path):
        return Policy(_party_figures(path), finance, path)

    return {
        Party: Policy(_party_q, griffie),
        LegalBasis: via_party("party"),
        Body: via_party("party"),
        Participation: Policy(_participation_q, griffie, "party"),
        Seat: Policy(_own_or_shared("body__party"), griffie, "body__party"),
        CostKey: party_money("party"),
        CostKeyPercentage: party_money("key__party"),
        AnnualFigures: party_money("party"),
        Risk: party_money("figures__party"),
        UsageFigure: Policy(_own("organisation_id", finance), finance, "party"),
        Contribution: Policy(
            _own("participation__organisation_id", finance), finance, "participation__party"
        ),
        RuleSet: Policy(_reference_data_q, None),
        CycleDocument: via_party("party"),
        Zienswijze: Policy(_own("organisation_id", griffie, finance), griffie, "document__party"),
        ZienswijzeStep: Policy(
            _read_only(_own("zienswijze__organisation_id", griffie, finance)),
            None,
            "zienswijze__document__party",
        ),
        Criterion: Policy(_reference_data_q, None),
        Evaluation: Policy(_own_or_shared("party"), griffie, "party"),
        Score: Policy(_own_or_shared("party", "evaluation"), griffie, "evaluation__party"),
        FollowUpAction: Policy(_own_or_shared("party", "evaluation"), griffie, "evaluation__party"),
        Organisation: Policy(_reference_data_q, None),
        PopulationFigure: Policy(_reference_data_q, None),
        Theme: Policy(_reference_data_q, None),
        Role: Policy(_admin_only_q, None),
    }


def _policy(model) -> Policy:
    try:
        return _policies()[model._meta.concrete_model]
    except KeyError:
        raise LookupError(f"No access policy for {model.__name__}") from None


def _party_of(obj: Model):
    """The party a record belongs to, following its policy's path."""
    for attribute in _policy(type(obj)).party.split("__"):
        obj = getattr(obj, attribute)
    return obj


# The public interface.


def is_registry_user(user) -> bool:
    return grants(user).has_any_role


def scope(user, queryset: QuerySet, action: str = VIEW) -> QuerySet:
    """The rows of `queryset` that `user` may act on."""
    g = grants(user)
    if g.is_admin:
        return queryset
    if not g.has_any_role:
        return queryset.none()
    return queryset.filter(_policy(queryset.model).rows(g, action))


def can(user, action: str, obj: Model) -> bool:
    """May `user` perform `action` (view, change, delete) on the saved object `obj`?"""
    g = grants(user)
    if g.is_admin:
        return True
    if not g.has_any_role or obj.pk is None:
        return False
    cache = user.__dict__.setdefault("_registry_object_checks", {})
    key = (type(obj), obj.pk, action)
    if key not in cache:
        cache[key] = scope(user, type(obj)._default_manager.filter(pk=obj.pk), action).exists()
    return cache[key]


def can_add(user, model) -> bool:
    """May `user` create records of `model` at all (which ones: see `may_create`)?"""
    g = grants(user)
    if g.is_admin:
        return True
    role = _policy(model).created_by
    return role is not None and bool(g.orgs(role))


def may_create(user, obj: Model) -> bool:
    """May `user` create this (unsaved) object? Judged by what it belongs to."""
    from evaluations.models import Evaluation, FollowUpAction, Score
    from partnerships.cycle.models import Zienswijze
    from partnerships.models import Contribution, Participation, Party, Seat, UsageFigure

    g = grants(user)
    if g.is_admin:
        return True
    role = _policy(type(obj)).created_by
    if role is None:
        return False
    orgs = g.orgs(role)
    if isinstance(obj, Party):
        return obj.maintainer_id in orgs
    if isinstance(obj, Participation | UsageFigure | Zienswijze):
        return obj.organisation_id in orgs
    if isinstance(obj, Contribution):
        return obj.participation.organisation_id in orgs
    if isinstance(obj, Seat | Evaluation) and obj.organisation_id is not None:
        return obj.organisation_id in orgs
    if isinstance(obj, Score | FollowUpAction):
        return can(user, CHANGE, obj.evaluation)
    if role == RoleKind.FINANCE:
        party = _party_of(obj)
        return _current_participations(orgs).filter(party=party).exists()
    return can(user, CHANGE, _party_of(obj))


class ServerAdministrator:
    """Whoever runs a management command on the server without naming a user: an
    administrator with no account of their own (history shows no user)."""

    pk = None
    is_authenticated = True
    is_active = True
    is_superuser = True


def for_import(user):
    """The user as a spreadsheet import acts: a provincial supervisor (IBT) imports with the
    rights griffie and finance have, for every organisation in its province; anyone else acts
    as themselves. Only the import uses this; in the admin a supervisor reads."""
    g = grants(user)
    provinces = g.orgs(RoleKind.SUPERVISOR)
    if g.is_admin or not provinces:
        return user
    members = frozenset(
        Organisation.objects.filter(province_id__in=provinces).values_list("pk", flat=True)
    )
    by_role = dict(g.by_role)
    for kind in (RoleKind.GRIFFIE, RoleKind.FINANCE):
        by_role[kind] = by_role.get(kind, frozenset()) | members
    acting = copy.copy(user)
    acting.__dict__.pop("_registry_object_checks", None)
    acting._registry_grants = Grants(by_role=by_role, readable=g.readable)
    return acting


def holds_role(user, *kinds: str) -> bool:
    """Does `user` hold one of these roles for some organisation (administrators: yes)?"""
    g = grants(user)
    return g.is_admin or bool(g.orgs(*kinds))


def supervises(user, province_id: int | None) -> bool:
    """May `user` keep reference data (organisations, population figures) of this province?
    Administrators everywhere; a supervisor in its own province, through an import."""
    g = grants(user)
    return g.is_admin or (province_id is not None and province_id in g.orgs(RoleKind.SUPERVISOR))


def own_import_runs(user, queryset: QuerySet) -> QuerySet:
    """Spreadsheet imports: administrators see them all, anyone else the ones they ran."""
    g = grants(user)
    if g.is_admin:
        return queryset
    return queryset.filter(user_id=user.pk) if g.has_any_role else queryset.none()


def writable_organisations(user) -> QuerySet:
    """Organisations on whose behalf `user` may register participations and seats."""
    g = grants(user)
    if g.is_admin:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=g.orgs(RoleKind.GRIFFIE))


def editable_fields(user, obj: Model, all_fields: set[str]) -> set[str]:
    """Of `all_fields` of a saved or new object, those `user` may change."""
    from partnerships.models import Participation
    from partnerships.models.participations import FINANCIAL_FIELDS

    g = grants(user)
    if g.is_admin:
        return set(all_fields)
    if not isinstance(obj, Participation):
        allowed = can(user, CHANGE, obj) if obj.pk else may_create(user, obj)
        return set(all_fields) if allowed else set()
    fields: set[str] = set()
    griffie = g.orgs(RoleKind.GRIFFIE)
    if obj.organisation_id in griffie or (obj.organisation_id is None and griffie):
        fields |= set(all_fields) - set(FINANCIAL_FIELDS)
    if obj.organisation_id in g.orgs(RoleKind.FINANCE):
        fields |= set(FINANCIAL_FIELDS) & set(all_fields)
    return fields
