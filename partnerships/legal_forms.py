"""What each legal form implies: the one table the model rules and the BBV derivation read.

Sources, per rule (the texts as found; "not confirmed" where the statute text itself could
not be read here, see README "The domain, as the model holds it"):
- Wgr art. 8: an openbaar lichaam (lid 1) and a bedrijfsvoeringsorganisatie (lid 3, since
  2015, only by colleges) are legal persons; a gemeenschappelijk orgaan, a
  centrumgemeenteregeling and a regeling zonder meer are not. Bodies: art. 12-14 (AB, DB,
  voorzitter of an openbaar lichaam; every participant appoints members of the AB, art. 13),
  art. 14a (the one bestuur of a bedrijfsvoeringsorganisatie, with members of every
  participating college). Article numbers from the Wgr as amended in 2015; the texts of
  art. 8, 13 and 14a were not confirmed.
- BBV art. 1 lid 1 (confirmed): "verbonden partij: een privaatrechtelijke of
  publiekrechtelijke organisatie waarin de provincie onderscheidenlijk gemeente een
  bestuurlijk en een financieel belang heeft"; "bestuurlijk belang: zeggenschap, hetzij uit
  hoofde van vertegenwoordiging in het bestuur hetzij uit hoofde van stemrecht". The BBV says
  *organisatie*, not *rechtspersoon*: legal personality is not required, so a CV, VOF or
  maatschap (an organisation with its own assets and partners) can be a verbonden partij,
  in category d "overige verbonden partijen" (BBV art. 15 lid 1). A covenant, a
  centrumgemeenteregeling or a regeling zonder meer is an agreement, not an organisation; a
  gemeenschappelijk orgaan has no assets or debts of its own.
- Votes: shares in an NV or BV carry a vote in the AVA (BW 2:118 and 2:228; a BV may issue
  shares without a vote, BW 2:228 lid 5: record a voting weight of 0 for those); a member of a
  vereniging or coöperatie votes in the ledenvergadering (BW 2:38, for a coöperatie via
  2:53a). Not confirmed.
- Liability: participants of an openbaar lichaam and a bedrijfsvoeringsorganisatie must keep
  it able to meet its obligations (the Wgr's financial provisions; the article was not
  confirmed), the partners of a VOF are each liable for all its debts (WvK art. 18) and those
  of a maatschap for equal parts (BW 7A:1680); a commanditaire vennoot risks its contribution
  only (WvK art. 20). The partners of a VOF each manage it unless excluded (WvK art. 17).
  Not confirmed.
"""

from dataclasses import dataclass

from partnerships.choices import BBVCategory, BodyKind, LegalForm, RegelingType

B = BodyKind


class Votes:
    """Where a participant's vote comes from, besides a seat."""

    NONE = ""  # only a seat gives a say (a stichting has no members)
    SHARES = "shares"  # shares carry votes in the AVA
    MEMBERSHIP = "membership"  # a member votes in the ledenvergadering
    AGREEMENT = "agreement"  # as the partnership agreement says: the voting weight decides


@dataclass(frozen=True)
class LegalFormProfile:
    wgr: bool
    legal_personality: bool
    bbv_category: str
    bodies: frozenset[str]
    regeling_types: frozenset[str] = frozenset()
    # BBV art. 1: an organisation (a participation in anything else is never a verbonden partij)
    organisation: bool = False
    board_by_law: str = ""  # why every participant has a seat by law ("" : it has not)
    votes: str = Votes.NONE
    liable_by_law: str = ""  # why every participant is liable by law ("" : it is not)


_ALL_REGELING_TYPES = frozenset(RegelingType.values)
_NO_BODIES: frozenset[str] = frozenset()
_CONSULTATION_ONLY = frozenset({B.CONSULTATION})
_COMPANY_BODIES = frozenset({B.SHAREHOLDERS_MEETING, B.SUPERVISORY_BOARD, B.MANAGEMENT})
_PARTNERSHIP_BODIES = frozenset({B.PARTNERS_MEETING, B.MANAGEMENT, B.CONSULTATION})
_WGR_LIABILITY = (
    "de Wgr verplicht de deelnemers het in staat te stellen aan zijn verplichtingen te voldoen"
)

# The bodies in which a seat is a say in the sense of BBV art. 1 ("vertegenwoordiging in het
# bestuur" or a vote): not a supervisory board, an advisory committee, the management or a
# consultation, whose members do not decide for the participant.
GOVERNING_BODIES = frozenset(
    {
        B.GENERAL_BOARD,
        B.EXECUTIVE_BOARD,
        B.CHAIR,
        B.BOARD_COMMITTEE,
        B.JOINT_BODY,
        B.SHAREHOLDERS_MEETING,
        B.FOUNDATION_BOARD,
        B.MEMBERS_MEETING,
        B.PARTNERS_MEETING,
    }
)

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
        organisation=True,
        board_by_law="elke deelnemer wijst leden van het algemeen bestuur aan (Wgr art. 13)",
        liable_by_law=_WGR_LIABILITY,
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
        organisation=True,
        board_by_law="elk deelnemend college wijst leden van het bestuur aan (Wgr art. 14a)",
        liable_by_law=_WGR_LIABILITY,
    ),
    # A bestuurlijk overleg is not a body of the regeling, and a centre may have one.
    LegalForm.CENTRE_MUNICIPALITY: LegalFormProfile(
        wgr=True,
        legal_personality=False,
        bbv_category=BBVCategory.JOINT_ARRANGEMENTS,
        bodies=_CONSULTATION_ONLY,
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
        bodies=_COMPANY_BODIES,
        organisation=True,
        votes=Votes.SHARES,
    ),
    LegalForm.PRIVATE_LIMITED: LegalFormProfile(
        wgr=False,
        legal_personality=True,
        bbv_category=BBVCategory.COMPANIES,
        bodies=_COMPANY_BODIES,
        organisation=True,
        votes=Votes.SHARES,
    ),
    LegalForm.COOPERATIVE: LegalFormProfile(
        wgr=False,
        legal_personality=True,
        bbv_category=BBVCategory.COMPANIES,
        bodies=frozenset(
            {B.MEMBERS_MEETING, B.FOUNDATION_BOARD, B.SUPERVISORY_BOARD, B.MANAGEMENT}
        ),
        organisation=True,
        votes=Votes.MEMBERSHIP,
    ),
    LegalForm.FOUNDATION: LegalFormProfile(
        wgr=False,
        legal_personality=True,
        bbv_category=BBVCategory.FOUNDATIONS,
        bodies=frozenset({B.FOUNDATION_BOARD, B.SUPERVISORY_COUNCIL, B.MANAGEMENT}),
        organisation=True,
    ),
    LegalForm.ASSOCIATION: LegalFormProfile(
        wgr=False,
        legal_personality=True,
        bbv_category=BBVCategory.FOUNDATIONS,
        bodies=frozenset(
            {B.MEMBERS_MEETING, B.FOUNDATION_BOARD, B.SUPERVISORY_COUNCIL, B.MANAGEMENT}
        ),
        organisation=True,
        votes=Votes.MEMBERSHIP,
    ),
    LegalForm.AGREEMENT: LegalFormProfile(
        wgr=False,
        legal_personality=False,
        bbv_category=BBVCategory.OTHER,
        bodies=_CONSULTATION_ONLY,
    ),
    LegalForm.LIMITED_PARTNERSHIP: LegalFormProfile(
        wgr=False,
        legal_personality=False,
        bbv_category=BBVCategory.OTHER,
        bodies=_PARTNERSHIP_BODIES,
        organisation=True,
        votes=Votes.AGREEMENT,
    ),
    LegalForm.GENERAL_PARTNERSHIP: LegalFormProfile(
        wgr=False,
        legal_personality=False,
        bbv_category=BBVCategory.OTHER,
        bodies=_PARTNERSHIP_BODIES,
        organisation=True,
        board_by_law="elke vennoot beheert de vennootschap, tenzij uitgesloten (WvK art. 17)",
        liable_by_law="elke vennoot is hoofdelijk aansprakelijk voor de schulden (WvK art. 18)",
    ),
    LegalForm.PARTNERSHIP: LegalFormProfile(
        wgr=False,
        legal_personality=False,
        bbv_category=BBVCategory.OTHER,
        bodies=_PARTNERSHIP_BODIES,
        organisation=True,
        votes=Votes.AGREEMENT,
        liable_by_law="de maten zijn voor gelijke delen aansprakelijk (BW 7A:1680)",
    ),
    LegalForm.OTHER_ORGANISATION: LegalFormProfile(
        wgr=False,
        legal_personality=False,
        bbv_category=BBVCategory.OTHER,
        bodies=_PARTNERSHIP_BODIES,
        organisation=True,
        votes=Votes.AGREEMENT,
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


# The legal-basis codes of the provincial overview maps (seed 002, appendices A and B: the
# maps of Twente and West-Overijssel, 2016), as the import reads them wherever a legal form
# is asked for, in the maps' spelling; they are compared normalised ("WGR+OL" and "wgr ol"
# alike, "Coöp." as "coop"). A map that prints only "(WGR)" does not say which form: that
# stays unrecognised.
MAP_CODES: dict[str, LegalForm] = {
    "WGR+OL": LegalForm.PUBLIC_BODY,
    "WGR BVO": LegalForm.OPERATIONAL_ORGANISATION,
    "WGR GO": LegalForm.JOINT_BODY,
    "WGR cg": LegalForm.CENTRE_MUNICIPALITY,
    "WGR cgc": LegalForm.CENTRE_MUNICIPALITY,
    "WGR li": LegalForm.PLAIN_ARRANGEMENT,
    "Ovk": LegalForm.AGREEMENT,
    "Convenant": LegalForm.AGREEMENT,
    "Coöp.": LegalForm.COOPERATIVE,
    "Ver.": LegalForm.ASSOCIATION,
    "Stg.": LegalForm.FOUNDATION,
    "Land.": LegalForm.OTHER_PUBLIC,
    "Fin. Bijdr.": LegalForm.NONE,
    "Geen": LegalForm.NONE,
}
