"""Writes through the API: create, change (PATCH) and delete a record through its app's
service, so the one write check (registry.access) and the model's rules judge it as at every
other door. A refusal is 403 problem details with the write check's own Dutch sentence and,
where it is one field's doing, that field's path in `invalidParams`; a broken rule of the
model is 400 with the field paths under the API's names."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import ValidationError as ModelValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from drf_spectacular.utils import OpenApiResponse, extend_schema
from rest_framework import mixins, status
from rest_framework.response import Response

from registry import access, writes
from registry.api.permissions import WritesWithScope
from registry.api.problems import CONTENT_TYPE, ProblemSerializer, problem
from registry.api.tokens import token_of

PROBLEMS = {
    (code, CONTENT_TYPE): OpenApiResponse(ProblemSerializer, description=description)
    for code, description in (
        (400, "Ongeldige gegevens"),
        (401, "Niet aangemeld"),
        (403, "Geweigerd door de schrijfcontrole"),
        (404, "Niet gevonden"),
        (429, "Te veel verzoeken"),
    )
}


def _model_field(record, name: str):
    return record._meta.get_field(name)


def _split(model, validated: dict) -> tuple[dict, dict]:
    """The validated data as (the record's own fields, its many-to-many fields)."""
    fields, relations = {}, {}
    for name, value in validated.items():
        (relations if model._meta.get_field(name).many_to_many else fields)[name] = value
    return fields, relations


def judged_paths(policy, name: str) -> list[str]:
    """The paths the policy judges a new record by that start at the field `name`: the field
    itself and, for a parent field, the policy's organisation or party behind it (of a
    contribution `participation` and `participation__organisation`)."""
    behind = {getattr(policy, attr, "") for attr in ("organisation", "party")}
    return [name, *sorted(path for path in behind if path.startswith(f"{name}__"))]


def _not_offered(policy, grants, record, name: str) -> bool:
    return any(
        (offered := policy.choices(grants, path)) is not None
        and access.attribute(record, path) not in offered
        for path in judged_paths(policy, name)
    )


def blamed_fields(user, record, stored, changed: set[str], reason: str) -> list[str]:
    """The fields a refusal is due to: of a new record the parent fields holding a value the
    admin's picker would not have offered (the policy's `choices`, also of the organisation
    or party behind a parent), of a change each field that, set back to what is stored,
    takes the refusal away. Nothing for a refusal of the record as a whole."""
    policy = access.policy_for(type(record))
    if stored is None:
        grants = access.grants(user)
        return [name for name in sorted(changed) if _not_offered(policy, grants, record, name)]
    blamed = []
    for name in sorted(changed):
        if _model_field(record, name).many_to_many:
            continue  # set after the save; cannot be set back on the record
        attname = _model_field(record, name).attname
        new = getattr(record, attname)
        setattr(record, attname, getattr(stored, attname))
        try:
            if access.save_refusal(user, record, changed - {name}, stored=stored) != reason:
                blamed.append(name)
        finally:
            setattr(record, attname, new)
    return blamed


class ServiceWrites(mixins.CreateModelMixin, mixins.UpdateModelMixin, mixins.DestroyModelMixin):
    """Mixed into a SiteScopedViewSet: POST, PATCH and DELETE. Subclasses give
    `write_serializer_class` (its fields' sources are the model's fields) and
    `save_record(user, record, changed, reason, relations)` / `delete_record(user, record,
    reason)`, which call the app's services; `relations` holds the many-to-many fields sent
    (name -> the related records), which the service sets after the write check."""

    write_serializer_class = None
    permission_classes = [WritesWithScope]
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]

    def get_serializer_class(self):
        if self.request is not None and self.request.method in ("POST", "PATCH"):
            return self.write_serializer_class
        return super().get_serializer_class()

    def save_record(self, user, record, changed, reason, relations):
        raise NotImplementedError

    def delete_record(self, user, record, reason):
        raise NotImplementedError

    def _reason(self) -> str:
        token = token_of(self.request)
        return _("via %(token)s") % {"token": token.label} if token else ""

    def _api_name(self, name: str) -> str:
        """The API's name of a model field (its serializer field with that source)."""
        for api_name, api_field in self.write_serializer_class().fields.items():
            if api_field.source == name:
                return api_name
        return "" if name == NON_FIELD_ERRORS else name

    def _write(self, record, stored, changed: set[str], relations: dict):
        """None when saved, else the problem details of the refusal or the broken rule."""
        user = self.request.user
        try:
            with transaction.atomic():
                self.save_record(user, record, changed, self._reason(), relations)
        except access.WriteRefused as refused:
            blamed = blamed_fields(user, record, stored, changed, refused.reason)
            return problem(
                self.request,
                status.HTTP_403_FORBIDDEN,
                refused.reason,
                invalidParams=[
                    {"name": self._api_name(name), "code": "refused", "reason": refused.reason}
                    for name in blamed
                ],
            )
        except ModelValidationError as invalid:
            errors = (
                invalid.message_dict
                if hasattr(invalid, "error_dict")
                else {NON_FIELD_ERRORS: invalid.messages}
            )
            return problem(
                self.request,
                status.HTTP_400_BAD_REQUEST,
                _("De gegevens voldoen niet aan de regels van het register."),
                invalidParams=[
                    {"name": self._api_name(name), "code": "invalid", "reason": message}
                    for name, messages in errors.items()
                    for message in messages
                ],
            )
        return None

    def _answer(self, record, code: int):
        shown = self.filter_queryset(self.get_queryset()).get(pk=record.pk)
        serializer = super().get_serializer_class()(shown, context=self.get_serializer_context())
        return Response(serializer.data, status=code)

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        model = self.get_queryset().model
        fields, relations = _split(model, serializer.validated_data)
        record = model(**fields)
        refused = self._write(record, None, set(serializer.validated_data), relations)
        if refused is not None:
            return refused
        response = self._answer(record, status.HTTP_201_CREATED)
        response["Location"] = response.data["url"]
        return response

    def partial_update(self, request, *args, **kwargs):
        record = self.get_object()
        serializer = self.get_serializer(record, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        stored = type(record)._default_manager.get(pk=record.pk)
        fields, relations = _split(type(record), serializer.validated_data)
        changed = {
            name
            for name, related in relations.items()
            if {item.pk for item in related}
            != set(getattr(record, name).values_list("pk", flat=True))
        }
        for name, value in fields.items():
            attname = _model_field(record, name).attname
            before = getattr(record, attname)
            setattr(record, name, value)
            if getattr(record, attname) != before:
                changed.add(name)
        if changed:
            refused = self._write(record, stored, changed, relations)
            if refused is not None:
                return refused
        return self._answer(record, status.HTTP_200_OK)

    def destroy(self, request, *args, **kwargs):
        record = self.get_object()
        try:
            self.delete_record(request.user, record, self._reason())
        except access.WriteRefused as refused:
            return problem(request, status.HTTP_403_FORBIDDEN, refused.reason)
        return Response(status=status.HTTP_204_NO_CONTENT)


class RegistryWrites(ServiceWrites):
    """ServiceWrites of a record whose app has no service of its own for it (a contribution,
    annual figures): registry.writes.save / delete, as the admin saves it."""

    def save_record(self, user, record, changed, reason, relations):
        writes.save(user=user, record=record, changed=changed, reason=reason)

    def delete_record(self, user, record, reason):
        writes.delete(user=user, record=record, reason=reason)


_JUDGED = _(
    "De schrijfcontrole van het register beoordeelt het gegeven zoals het wordt opgeslagen, "
    "met dezelfde rechten en regels als de beheeromgeving; een weigering is 403 met de reden."
)


def write_schema(read_serializer, write_serializer):
    """The OpenAPI description of the three writes of a resource (in Dutch, for its readers;
    not the viewset's docstring)."""
    return {
        "create": extend_schema(
            description=_("Legt een nieuw gegeven vast. %(judged)s") % {"judged": _JUDGED},
            request=write_serializer,
            responses={201: read_serializer, **PROBLEMS},
        ),
        "partial_update": extend_schema(
            description=_("Wijzigt de meegestuurde velden. %(judged)s") % {"judged": _JUDGED},
            request=write_serializer,
            responses={200: read_serializer, **PROBLEMS},
        ),
        "destroy": extend_schema(
            description=_(
                "Verwijdert het gegeven, als u ook alles mag verwijderen wat ermee verdwijnt. "
                "%(judged)s"
            )
            % {"judged": _JUDGED},
            responses={204: None, **PROBLEMS},
        ),
    }
