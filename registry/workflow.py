"""Status workflows: which steps exist, who may take each, and why a step is refused.

A workflow is a table of steps (from, to, the roles that may take it, whether it goes back).
Services ask `Workflow.check()` before they change a status; it raises StepRefused with the
reason in Dutch, shown to the user as is. Administrators may take every step that exists, but
never one that does not (no skipping, no going back without a reason, for anyone).
"""

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import models
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from registry.models import RoleKind

ROLE_NAMES = {
    RoleKind.GRIFFIE: gettext_lazy("de griffie"),
    RoleKind.FINANCE: gettext_lazy("financiën"),
    RoleKind.COUNCIL: gettext_lazy("een raadslid"),
    RoleKind.SUPERVISOR: gettext_lazy("de toezichthouder"),
}


class StepRefused(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True)
class Step:
    source: str
    target: str
    roles: frozenset[str]
    backwards: bool = False  # a step back; it needs a reason
    reason_required: bool = False  # a step forward that needs a reason too (e.g. cancelling)


class Workflow:
    def __init__(self, states: type[models.TextChoices], steps: Iterable[Step]):
        self.states = states
        self.steps = {(step.source, step.target): step for step in steps}

    def label(self, state: str) -> str:
        return str(self.states(state).label)

    def targets(self, source: str) -> list[str]:
        return [target for (origin, target) in self.steps if origin == source]

    def roles_towards(self, target: str | None = None) -> frozenset[str]:
        """The roles that may take some step to `target` (None: some step back), so that a
        page offers a step only to those who may take it."""
        return frozenset().union(
            *(
                step.roles
                for step in self.steps.values()
                if (step.backwards if target is None else step.target == target)
            )
        )

    def back_from(self, source: str) -> str:
        """The state one step back from `source`; StepRefused when there is none."""
        for (origin, target), step in self.steps.items():
            if origin == source and step.backwards:
                return target
        raise StepRefused(
            _("Vanaf “%(source)s” kan niets worden teruggezet.") % {"source": self.label(source)}
        )

    def check(
        self, source: str, target: str, roles: frozenset[str], is_admin: bool, comment: str = ""
    ) -> Step:
        """The step from `source` to `target` for someone holding `roles` for the record's
        organisation; StepRefused says why not."""
        step = self.steps.get((source, target))
        if step is None:
            allowed = ", ".join(
                f"“{self.label(t)}”"
                + (_(" (terug, met reden)") if self.steps[(source, t)].backwards else "")
                for t in self.targets(source)
            )
            reason = _("Van “%(source)s” kan niet naar “%(target)s”.") % {
                "source": self.label(source),
                "target": self.label(target),
            }
            if allowed:
                reason += " " + _("Wel naar: %(allowed)s.") % {"allowed": allowed}
            raise StepRefused(reason)
        if not is_admin and not step.roles & roles:
            raise StepRefused(
                _("Alleen %(roles)s mag de stap naar “%(target)s” zetten.")
                % {
                    "roles": _(" of ").join(str(ROLE_NAMES[r]) for r in sorted(step.roles)),
                    "target": self.label(target),
                }
            )
        if step.backwards and not comment.strip():
            raise StepRefused(
                _("Terug naar “%(target)s” kan alleen met een reden.")
                % {"target": self.label(target)}
            )
        if step.reason_required and not comment.strip():
            raise StepRefused(
                _("“%(target)s” kan alleen met een reden.") % {"target": self.label(target)}
            )
        return step
