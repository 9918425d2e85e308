"""The overview map's legal-basis code of a legal form (the reverse of
partnerships.legal_forms.MAP_CODES, seed 002 appendices A and B) and the footer group it is
counted in: "publiek WGR+OL" (openbaar lichaam), "privaat" (NV, BV, coöperatie, stichting,
vereniging; with the first the map's "Subtotaal (= verbonden partijen)"), else "overig
publiek" (the other Wgr forms, agreements and networks)."""

from partnerships.choices import LegalForm
from partnerships.legal_forms import MAP_CODES

PUBLIC_OL = "publiek_ol"
PRIVATE = "privaat"
OTHER_PUBLIC = "overig_publiek"

# The map prints the company forms by their abbreviation; MAP_CODES reads them as legal forms.
_EXTRA_CODES = {LegalForm.PUBLIC_LIMITED: "NV", LegalForm.PRIVATE_LIMITED: "BV"}
_PRIVATE_FORMS = frozenset(
    {
        LegalForm.PUBLIC_LIMITED,
        LegalForm.PRIVATE_LIMITED,
        LegalForm.COOPERATIVE,
        LegalForm.FOUNDATION,
        LegalForm.ASSOCIATION,
    }
)


def _reverse() -> dict[str, str]:
    codes: dict[str, str] = dict(_EXTRA_CODES)
    for code, form in MAP_CODES.items():
        codes.setdefault(form, code)  # the first spelling the map uses for the form
    return codes


MAP_CODE_OF: dict[str, str] = _reverse()


def map_code(legal_form: str) -> str:
    """The map's code; a form the maps have no code for prints as "?" (unknown)."""
    return MAP_CODE_OF.get(legal_form, "?")


def footer_group(legal_form: str) -> str:
    if legal_form == LegalForm.PUBLIC_BODY:
        return PUBLIC_OL
    if legal_form in _PRIVATE_FORMS:
        return PRIVATE
    return OTHER_PUBLIC
