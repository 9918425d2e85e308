"""Who may see and change what: the one place that decides access, for every door.

Roles are held per organisation (registry.models.Role); administrators are superusers.
Each model has a *policy* (registry.policies), registered by its app in AppConfig.ready()
(the kernel imports no app). A policy answers two questions from the same data:

- `rows(grants, action)`: a Q of the rows a user may view, change or delete (querysets of
  the admin, filters, exports, pages, the API);
- `allows(grants, record, action)`: may the user act on this record *as it is in memory*,
  so that a record is judged as it will be saved (with its new parent), not as it is stored.

The write check, `save_refusal` / `check_save` and `delete_refusal` / `check_delete`, is the
one every door asks (admin forms, inlines, actions, the import, commands, services): for a
change it judges the stored record and the record as it will be saved, refuses moving a
record to another parent (a policy's `locked` fields), checks the fields that change (finance
keeps the financial interest per year, no field of the participation itself) and, on delete,
everything the deletion cascades to. A refusal is a Dutch sentence.

Summary of the rights (the README, "Who may do what", says the same for users):
- every registry user reads the shared catalogue of parties: general data, legal basis,
  bodies, the party's figures and cycle documents. The griffie of a *current, confirmed*
  participant (or of the dossierhouder) keeps them; finance of a current, confirmed
  participant keeps the party's money (keys, annual figures). A participation that has not
  started yet, or is not confirmed, gives no rights on the shared party.
- what belongs to one organisation (participations, seats, contributions, usage,
  zienswijzen, an evaluation of its own participation) is read by that organisation, the
  supervisor of its province and administrators, and kept by its griffie / finance.
- council members read; supervisors (IBT) read their province; administrators everything.
"""

import copy
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.db.models.deletion import Collector, ProtectedError, RestrictedError
from django.utils import timezone
from django.utils.translation import gettext as _

from registry.models import Organisation, RoleKind

VIEW = "view"
ADD = "add"
CHANGE = "change"
DELETE = "delete"


class WriteRefused(PermissionDenied):
    """A write the access module does not allow; `reason` says why, in Dutch."""

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


# Parties an organisation's role gives rights on: registered by the partnerships app,
# `(organisation_ids, role, today) -> party ids`, and `(organisation_ids, today) -> party ids`
# of the parties whose current participants all lie among `organisation_ids`.
_party_rights: dict[str, Callable] = {}


def register_party_rights(*, current: Callable, all_within: Callable) -> None:
    _party_rights["current"] = current
    _party_rights["all_within"] = all_within


@dataclass
class Grants:
    """The organisations a user acts for, per role; computed once per user object."""

    is_admin: bool = False
    by_role: dict[str, frozenset[int]] = field(default_factory=dict)
    readable: frozenset[int] = frozenset()
    # A supervisor's import: griffie and finance rights for these organisations, but shared
    # parties only when every current participant lies among them (its province).
    imports_for: frozenset[int] = frozenset()
    _parties: dict[str, frozenset[int]] = field(default_factory=dict, repr=False)

    def orgs(self, *kinds: str) -> frozenset[int]:
        return frozenset().union(*(self.by_role.get(kind, frozenset()) for kind in kinds))

    def roles_for(self, organisation_id: int | None) -> frozenset[str]:
        """The roles held for one organisation (a supervisor's role is on its province)."""
        return frozenset(kind for kind, orgs in self.by_role.items() if organisation_id in orgs)

    @property
    def has_any_role(self) -> bool:
        return self.is_admin or bool(self.readable)

    def parties(self, role: str) -> frozenset[int]:
        """The parties this role may keep: those a current, confirmed participation of one
        of the role's organisations gives rights on (and, for the griffie, those it keeps
        the dossier of). One query per role per request."""
        if role not in self._parties:
            today = timezone.localdate()
            own = self.orgs(role) - self.imports_for
            ids = set(_party_rights["current"](own, role, today)) if own else set()
            if self.imports_for:
                ids |= set(_party_rights["all_within"](self.imports_for, today))
            self._parties[role] = frozenset(ids)
        return self._parties[role]


def forget(user) -> None:
    """After a write: what the user's rights were computed from may have changed."""
    user.__dict__.pop("_registry_object_checks", None)
    cached = getattr(user, "_registry_grants", None)
    if cached is not None:
        cached._parties.clear()


def grants(user) -> Grants:
    from registry.models import Role

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


# Policies, registered per model by the apps.

_policies: dict[type[Model], object] = {}


def register(model: type[Model], policy) -> None:
    _policies[model] = policy


def policy_for(model):
    try:
        return _policies[model._meta.concrete_model]
    except KeyError:
        raise LookupError(f"No access policy for {model.__name__}") from None


def registered_models() -> list[type[Model]]:
    return list(_policies)


# What is public: registered per model by the apps, as a Q of the rows anyone may read on
# the public pages (public/). Not registered: nothing of that model is public.

_public: dict[type[Model], Q] = {}


def register_public(model: type[Model], rows: Q) -> None:
    _public[model] = rows


def public_rows(model) -> Q:
    return _public.get(model._meta.concrete_model, Q(pk__in=[]))


# Reading.


def is_registry_user(user) -> bool:
    return grants(user).has_any_role


def scope(user, queryset: QuerySet, action: str = VIEW) -> QuerySet:
    """The rows of `queryset` that `user` may act on."""
    g = grants(user)
    if g.is_admin:
        return queryset
    if not g.has_any_role:
        return queryset.none()
    return queryset.filter(policy_for(queryset.model).rows(g, action))


def site_scope(user, queryset: QuerySet) -> QuerySet:
    """The rows of `queryset` that `user` reads on the public pages: what is public, and what
    the user's roles let them read (a council member: everything of its municipality its role
    may read; a supervisor: its province; administrators: everything)."""
    g = grants(user)
    if g.is_admin:
        return queryset
    public = public_rows(queryset.model)
    if not g.has_any_role:
        return queryset.filter(public)
    return queryset.filter(public | policy_for(queryset.model).rows(g, VIEW))


def can_read_on_site(user, obj: Model) -> bool:
    return site_scope(user, type(obj)._default_manager.filter(pk=obj.pk)).exists()


def can(user, action: str, obj: Model) -> bool:
    """May `user` perform `action` (view, change, delete) on the saved object `obj`, as it
    is stored?"""
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
    """May `user` create records of `model` at all (which ones: `save_refusal` decides)?"""
    g = grants(user)
    if g.is_admin:
        return True
    roles = policy_for(model).created_by
    if roles is None:
        return False
    return bool(g.orgs(*((roles,) if isinstance(roles, str) else roles)))


# The write check.


def _field_label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:  # a path or a non-field
        return name


def _set_on_new(record: Model, changed: Iterable[str]) -> set[str]:
    """Of the fields a new record's form or row names, those given a value of their own."""
    result = set()
    for name in changed:
        try:
            model_field = record._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        if model_field.many_to_many:
            result.add(name)
            continue
        value = getattr(record, model_field.attname, None)
        if value not in (None, "") and value != model_field.get_default():
            result.add(name)
    return result


def save_refusal(user, record: Model, changed: Iterable[str] | None = None, *, stored=None):
    """Why `user` may not save `record` as it is in memory (None when they may).

    `changed`: the names of the fields that change (None: every field). `stored`: the record
    as it is in the database, when the caller already has it (the import); otherwise it is
    read. A new record is judged by what it belongs to; a saved one twice: as stored (may the
    user change it at all) and as it will be saved (may the user put it there)."""
    g = grants(user)
    if g.is_admin:
        return None
    if not g.has_any_role:
        return _("U heeft geen rol in het register.")
    policy = policy_for(type(record))
    names = {f.name for f in record._meta.concrete_fields} if changed is None else set(changed)
    if record._state.adding or record.pk is None:
        if policy.created_by is None:
            return _("Alleen een beheerder legt %(what)s vast.") % {
                "what": record._meta.verbose_name_plural
            }
        if not policy.allows(g, record, ADD):
            return policy.refusal(g, record)
        names = _set_on_new(record, names)
    else:
        if stored is None:
            stored = type(record)._default_manager.get(pk=record.pk)
        if not policy.allows(g, stored, CHANGE):
            return policy.refusal(g, stored)
        for name in policy.locked:
            if attribute(record, name) != attribute(stored, name):
                return _(
                    "“%(field)s” kan niet worden gewijzigd: een %(what)s wordt niet verplaatst. "
                    "Leg zo nodig een nieuwe vast."
                ) % {"field": _field_label(type(record), name), "what": record._meta.verbose_name}
        if not policy.allows(g, record, CHANGE):
            return policy.refusal(g, record)
    forbidden = names - policy.editable(g, record, names)
    if forbidden:
        labels = ", ".join(sorted(_field_label(type(record), name) for name in forbidden))
        return _("U mag deze velden niet wijzigen: %(fields)s.") % {"fields": labels}
    return None


def check_save(user, record: Model, changed: Iterable[str] | None = None, *, stored=None):
    refusal = save_refusal(user, record, changed, stored=stored)
    if refusal:
        raise WriteRefused(refusal)


def delete_refusal(user, record: Model) -> str | None:
    """Why `user` may not delete `record` with everything its deletion cascades to."""
    g = grants(user)
    if not g.is_admin:
        if not g.has_any_role:
            return _("U heeft geen rol in het register.")
        if not (policy_for(type(record)).allows(g, record, DELETE) and can(user, DELETE, record)):
            return policy_for(type(record)).refusal(g, record)
    collector = Collector(using=record._state.db or "default")
    try:
        collector.collect([record])
    except (ProtectedError, RestrictedError) as error:
        kinds = sorted({str(o._meta.verbose_name_plural) for o in error.protected_objects})
        return _("Verwijderen kan niet: er zijn nog %(kinds)s die ernaar verwijzen.") % {
            "kinds": ", ".join(kinds)
        }
    if g.is_admin:
        return None
    blocked = []
    for model, instances in collector.data.items():
        pks = [o.pk for o in instances if not (model is type(record) and o.pk == record.pk)]
        if not pks:
            continue
        model = model._meta.concrete_model
        if model not in _policies:
            count = len(pks)
        else:
            allowed = model._default_manager.filter(pk__in=pks).filter(
                policy_for(model).rows(g, DELETE)
            )
            count = len(pks) - allowed.count()
        if count:
            name = model._meta.verbose_name if count == 1 else model._meta.verbose_name_plural
            blocked.append(f"{count} {name}")
    if blocked:
        return _(
            "Verwijderen kan niet: dan verdwijnen ook gegevens die u niet mag verwijderen "
            "(%(what)s)."
        ) % {"what": ", ".join(sorted(blocked))}
    return None


def check_delete(user, record: Model) -> None:
    refusal = delete_refusal(user, record)
    if refusal:
        raise WriteRefused(refusal)


def editable_fields(user, obj: Model, all_fields: set[str]) -> set[str]:
    """Of `all_fields` of a saved or new object, those `user` may change."""
    g = grants(user)
    if g.is_admin:
        return set(all_fields)
    policy = policy_for(type(obj))
    action = ADD if obj.pk is None else CHANGE
    if not g.has_any_role or not policy.allows(g, obj, action):
        return set()
    return policy.editable(g, obj, set(all_fields))


def attribute(record, path: str):
    """The value at `path` ("participation__organisation") of a record in memory; a foreign
    key at the end gives its id (so nothing is loaded for the last step)."""
    *steps, last = path.split("__")
    for step in steps:
        record = getattr(record, step, None)
        if record is None:
            return None
    if last == "pk":
        return record.pk
    model_field = record._meta.get_field(last)
    return getattr(record, model_field.attname)


def service_fields_refusal(record: Model, stored: Model | None) -> str | None:
    """Fields a model marks as not editable (a status, a decision, a computed deadline) are
    set only by services and their hooks, never through a save from outside: refuse a record
    that arrives with one of them different from what is stored (or from its default)."""
    for model_field in record._meta.concrete_fields:
        if model_field.editable or model_field.primary_key or model_field.auto_created:
            continue
        if getattr(model_field, "auto_now_add", False) or getattr(model_field, "auto_now", False):
            continue
        value = getattr(record, model_field.attname)
        before = (
            getattr(stored, model_field.attname)
            if stored is not None
            else model_field.get_default()
        )
        if value != before:
            return _("“%(field)s” wordt alleen door een stap in de werkstroom gezet.") % {
                "field": model_field.verbose_name
            }
    return None


# Who acts.


class ServerAdministrator:
    """Whoever runs a management command on the server without naming a user: an
    administrator with no account of their own (history shows no user)."""

    pk = None
    is_authenticated = True
    is_active = True
    is_superuser = True


def for_import(user):
    """The user as a spreadsheet import acts: a provincial supervisor (IBT) imports with the
    rights griffie and finance have, for every organisation in its province, but changes a
    shared party only when all its current participants lie in the province; anyone else
    acts as themselves. Only the import uses this; in the admin a supervisor reads."""
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
    acting._registry_grants = Grants(
        by_role=by_role, readable=g.readable, imports_for=members - g.orgs(RoleKind.GRIFFIE)
    )
    return acting


def for_sign_in(user):
    """The user as its sign-in through the identity provider acts (registry/sso/roles.py):
    keeping its own roles as the provider's groups say, which only an administrator may
    otherwise, so with an administrator's grants, in this one sync; the history shows the
    user. Never for anything the user asks for itself."""
    acting = copy.copy(user)
    acting.__dict__.pop("_registry_object_checks", None)
    acting._registry_grants = Grants(is_admin=True)
    return acting


def council_only(user) -> bool:
    """A council member with no other role: the public pages are its start, not the admin."""
    g = grants(user)
    keepers = g.orgs(RoleKind.GRIFFIE, RoleKind.FINANCE, RoleKind.SUPERVISOR)
    return not g.is_admin and bool(g.orgs(RoleKind.COUNCIL)) and not keepers


def holds_role(user, *kinds: str) -> bool:
    """Does `user` hold one of these roles for some organisation (administrators: yes)?"""
    g = grants(user)
    return g.is_admin or bool(g.orgs(*kinds))


def supervises(user, province_id: int | None) -> bool:
    """May `user` keep reference data (organisations, population figures) of this province?
    Administrators everywhere; a supervisor in its own province, through an import."""
    g = grants(user)
    return g.is_admin or (province_id is not None and province_id in g.orgs(RoleKind.SUPERVISOR))


def supervised_provinces(user) -> QuerySet:
    """The provinces whose overview (map, comparison) `user` may make: a supervisor its own,
    an administrator every province; anyone else none."""
    g = grants(user)
    provinces = Organisation.objects.provinces().order_by("name")
    return provinces if g.is_admin else provinces.filter(pk__in=g.orgs(RoleKind.SUPERVISOR))


def own_import_runs(user, queryset: QuerySet) -> QuerySet:
    """Spreadsheet imports: administrators see them all, anyone else the ones they ran."""
    g = grants(user)
    if g.is_admin:
        return queryset
    return queryset.filter(user_id=user.pk) if g.has_any_role else queryset.none()


def own_jobs(user, queryset: QuerySet) -> QuerySet:
    """Background jobs (registry/jobs.py): only the user who started one sees it, its
    progress, its result and its file; an administrator too sees only their own."""
    if not user.is_authenticated or not grants(user).has_any_role:
        return queryset.none()
    return queryset.filter(user_id=user.pk)


def writable_organisations(user, *kinds: str) -> QuerySet:
    """Organisations on whose behalf `user` may register records (griffie by default)."""
    g = grants(user)
    if g.is_admin:
        return Organisation.objects.all()
    return Organisation.objects.filter(pk__in=g.orgs(*(kinds or (RoleKind.GRIFFIE,))))


def readable_organisations(user) -> frozenset[int] | None:
    """The organisations whose own records `user` reads; None: all (administrators)."""
    g = grants(user)
    return None if g.is_admin else g.readable


def pickable(user, model, field_name: str, queryset: QuerySet) -> QuerySet:
    """Of `queryset` (the records a picker could show), those `user` may put in the field
    `field_name` of a new `model` record: for an organisation of its own record the ones
    it keeps, for the party of a party's record the parties it keeps (the policy's
    `choices`); otherwise what the user reads. The pickers' autocomplete asks this."""
    g = grants(user)
    if g.is_admin:
        return queryset
    if not g.has_any_role:
        return queryset.none()
    try:
        if not can_add(user, model):  # nothing to pick for who registers none of them
            return queryset.none()
        ids = policy_for(model).choices(g, field_name)
    except LookupError:  # a model without a policy (a user's roles): administrators only
        return queryset.none()
    queryset = scope(user, queryset)
    return queryset if ids is None else queryset.filter(pk__in=ids)


def offered(user, queryset: QuerySet) -> QuerySet:
    """Of a queryset of organisations, those a filter may offer `user`: the ones it reads."""
    g = grants(user)
    return queryset if g.is_admin else queryset.filter(pk__in=g.readable)
