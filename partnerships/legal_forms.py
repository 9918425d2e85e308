"""What each legal form implies: the one table the model rules read.

Wgr forms: Wet gemeenschappelijke regelingen. A bedrijfsvoeringsorganisatie (art. 8 lid 3,
since 2015) is a collegeregeling with a single bestuur; a centrumgemeenteregeling mandates
powers to one municipality and has no bodies of its own; a gemeenschappelijk orgaan,
centrumgemeenteregeling and regeling zonder meer have no legal personality.
"""

from dataclasses import dataclass

from partnerships.choices import BBVCategory, BodyKind, LegalForm, RegelingType

B = BodyKind


@dataclass(frozen=True)
class LegalFormProfile:
    wgr: bool
    legal_personality: bool
    bbv_category: str
    bodies: frozenset[str]
    regeling_types: frozenset[str] = frozenset()


_ALL_REGELING_TYPES = frozenset(RegelingType.values)
_NO_BODIES: frozenset[str] = frozenset()
_CONSULTATION_ONLY = frozenset({B.CONSULTATION})

PROFILES: dict[str, LegalFormProfile] = {
    LegalForm.PUBLIC_BODY: LegalFormProfile(
        wgr=True,
        legal_personality=True,
        bbv_category=BBVCategory.JOINT_ARRANGEMENTS,
        bodies=frozenset(
            {
                B.GENERAL_BOARD,
                B.EXECUTIVE_BOARD,
                B.CHAIR,
                B.BOARD_COMMITTEE,
                B.ADVISORY_COMMITTEE,
                B.CONSULTATION,
            }
        ),
        regeling_types=_ALL_REGELING_TYPES,
    ),
    LegalForm.JOINT_BODY: LegalFormProfile(
        wgr=True,
        legal_personality=False,
        bbv_category=BBVCategory.JOINT_ARRANGEMENTS,
        bodies=frozenset({B.JOINT_BODY, B.CHAIR, B.CONSULTATION}),
        regeling_types=_ALL_REGELING_TYPES,
    ),
    LegalForm.OPERATIONAL_ORGANISATION: LegalFormProfile(
        wgr=True,
        legal_personality=True,
        bbv_category=BBVCategory.JOINT_ARRANGEMENTS,
        bodies=frozenset({B.GENERAL_BOARD, B.CHAIR, B.CONSULTATION}),
        regeling_types=frozenset({RegelingType.COLLEGES}),
    ),
    LegalForm.CENTRE_MUNICIPALITY: LegalFormProfile(
        wgr=True,
        legal_personality=False,
        bbv_category=BBVCategory.JOINT_ARRANGEMENTS,
        bodies=_NO_BODIES,
        regeling_types=_ALL_REGELING_TYPES,
    ),
    LegalForm.PLAIN_ARRANGEMENT: LegalFormProfile(
        wgr=True,
        legal_personality=False,
        bbv_category=BBVCategory.JOINT_ARRANGEMENTS,
        bodies=_CONSULTATION_ONLY,
        regeling_types=_ALL_REGELING_TYPES,
    ),
    LegalForm.PUBLIC_LIMITED: LegalFormProfile(
        wgr=False,
        legal_personality=True,
        bbv_category=BBVCategory.COMPANIES,
        bodies=frozenset({B.SHAREHOLDERS_MEETING, B.SUPERVISORY_BOARD, B.MANAGEMENT}),
    ),
    LegalForm.PRIVATE_LIMITED: LegalFormProfile(
        wgr=False,
        legal_personality=True,
        bbv_category=BBVCategory.COMPANIES,
        bodies=frozenset({B.SHAREHOLDERS_MEETING, B.SUPERVISORY_BOARD, B.MANAGEMENT}),
    ),
    LegalForm.COOPERATIVE: LegalFormProfile(
        wgr=False,
        legal_personality=True,
        bbv_category=BBVCategory.COMPANIES,
        bodies=frozenset(
            {B.MEMBERS_MEETING, B.FOUNDATION_BOARD, B.SUPERVISORY_BOARD, B.MANAGEMENT}
        ),
    ),
    LegalForm.FOUNDATION: LegalFormProfile(
        wgr=False,
        legal_personality=True,
        bbv_category=BBVCategory.FOUNDATIONS,
        bodies=frozenset({B.FOUNDATION_BOARD, B.SUPERVISORY_COUNCIL, B.MANAGEMENT}),
    ),
    LegalForm.ASSOCIATION: LegalFormProfile(
        wgr=False,
        legal_personality=True,
        bbv_category=BBVCategory.FOUNDATIONS,
        bodies=frozenset(
            {B.MEMBERS_MEETING, B.FOUNDATION_BOARD, B.SUPERVISORY_COUNCIL, B.MANAGEMENT}
        ),
    ),
    LegalForm.AGREEMENT: LegalFormProfile(
        wgr=False,
        legal_personality=False,
        bbv_category=BBVCategory.OTHER,
        bodies=_CONSULTATION_ONLY,
    ),
    LegalForm.OTHER_PUBLIC: LegalFormProfile(
        wgr=False,
        legal_personality=False,
        bbv_category=BBVCategory.OTHER,
        bodies=_CONSULTATION_ONLY,
    ),
    LegalForm.NONE: LegalFormProfile(
        wgr=False,
        legal_personality=False,
        bbv_category=BBVCategory.OTHER,
        bodies=_CONSULTATION_ONLY,
    ),
    LegalForm.UNKNOWN: LegalFormProfile(
        wgr=False,
        legal_personality=False,
        bbv_category=BBVCategory.OTHER,
        bodies=_CONSULTATION_ONLY,
    ),
}


def profile(legal_form: str) -> LegalFormProfile:
    return PROFILES[legal_form]


def forms_where(predicate) -> list[str]:
    """The legal forms whose profile satisfies `predicate`, for query filters."""
    return [form for form, form_profile in PROFILES.items() if predicate(form_profile)]


def forms_in_category(category: str) -> list[str]:
    return forms_where(lambda p: p.bbv_category == category)
