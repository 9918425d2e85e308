"""The kinds of sheet the register reads and writes, by name."""

from partnerships.spreadsheets.interests import FinancialInterestsKind
from partnerships.spreadsheets.kinds import SheetKind
from partnerships.spreadsheets.kinds_money import AnnualFiguresKind, ContributionsKind
from partnerships.spreadsheets.kinds_register import (
    OrganisationsKind,
    ParticipationsKind,
    PartiesKind,
    PopulationKind,
)
from registry import access

KINDS: dict[str, SheetKind] = {
    kind.name: kind
    for kind in (
        OrganisationsKind(),
        PopulationKind(),
        PartiesKind(),
        ParticipationsKind(),
        FinancialInterestsKind(),
        AnnualFiguresKind(),
        ContributionsKind(),
    )
}


def importable_kinds(user) -> list[SheetKind]:
    """The kinds `user` may import at all (which rows: decided per row by registry.access)."""
    acting = access.for_import(user)
    return [kind for kind in KINDS.values() if access.holds_role(acting, *kind.roles)]
