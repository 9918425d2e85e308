"""Choices of the partnerships domain: English identifiers, Dutch labels."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class LegalForm(models.TextChoices):
    # Wet gemeenschappelijke regelingen
    PUBLIC_BODY = "public_body", _("Openbaar lichaam (Wgr)")
    JOINT_BODY = "joint_body", _("Gemeenschappelijk orgaan (Wgr)")
    OPERATIONAL_ORGANISATION = "operational_organisation", _("Bedrijfsvoeringsorganisatie (Wgr)")
    CENTRE_MUNICIPALITY = "centre_municipality", _("Centrumgemeenteregeling (Wgr)")
    PLAIN_ARRANGEMENT = "plain_arrangement", _("Regeling zonder meer (Wgr)")
    # Private law
    PUBLIC_LIMITED = "nv", _("Naamloze vennootschap (NV)")
    PRIVATE_LIMITED = "bv", _("Besloten vennootschap (BV)")
    COOPERATIVE = "cooperative", _("Coöperatie")
    FOUNDATION = "foundation", _("Stichting")
    ASSOCIATION = "association", _("Vereniging")
    AGREEMENT = "agreement", _("Overeenkomst / convenant")
    # Private law, without legal personality: organisations all the same (BBV art. 1)
    LIMITED_PARTNERSHIP = "cv", _("Commanditaire vennootschap (CV)")
    GENERAL_PARTNERSHIP = "vof", _("Vennootschap onder firma (VOF)")
    PARTNERSHIP = "maatschap", _("Maatschap")
    OTHER_ORGANISATION = "other_organisation", _("Andere organisatie zonder rechtspersoonlijkheid")
    # Neither
    OTHER_PUBLIC = "other_public", _("Andere publiekrechtelijke grondslag")
    NONE = "none", _("Geen juridische vorm (netwerk)")
    UNKNOWN = "unknown", _("Onbekend")


class BBVCategory(models.TextChoices):
    JOINT_ARRANGEMENTS = "a", _("Gemeenschappelijke regelingen")
    COMPANIES = "b", _("Vennootschappen en coöperaties")
    FOUNDATIONS = "c", _("Stichtingen en verenigingen")
    OTHER = "d", _("Overige verbonden partijen")


class VerbondenPartij(models.TextChoices):
    """Whether a participation is a verbonden partij in a year (partnerships.bbv): unknown
    when what decides it is missing, never silently "no"."""

    YES = "yes", _("ja")
    NO = "no", _("nee")
    UNKNOWN = "unknown", _("onbekend")


class RegelingType(models.TextChoices):
    COUNCILS = "councils", _("Raadsregeling")
    COLLEGES = "colleges", _("Collegeregeling")
    MAYORS = "mayors", _("Burgemeestersregeling")
    MIXED = "mixed", _("Gemengde regeling")


class CooperationModel(models.TextChoices):
    NETWORK = "network", _("Netwerk")
    CENTRE = "centre", _("Centrum")
    MATRIX = "matrix", _("Matrix")
    SHARED_SERVICE = "shared_service", _("Shared service centre")


class PartyStatus(models.TextChoices):
    FOUNDING = "founding", _("In oprichting")
    ACTIVE = "active", _("Actief")
    LIQUIDATING = "liquidating", _("In liquidatie")
    DISSOLVED = "dissolved", _("Opgeheven")


class BodyKind(models.TextChoices):
    GENERAL_BOARD = "general_board", _("Algemeen bestuur")
    EXECUTIVE_BOARD = "executive_board", _("Dagelijks bestuur")
    CHAIR = "chair", _("Voorzitter")
    BOARD_COMMITTEE = "board_committee", _("Bestuurscommissie")
    JOINT_BODY = "joint_body", _("Gemeenschappelijk orgaan")
    ADVISORY_COMMITTEE = "advisory_committee", _("Gemeenschappelijke adviescommissie")
    SHAREHOLDERS_MEETING = "shareholders_meeting", _("Algemene vergadering van aandeelhouders")
    SUPERVISORY_BOARD = "supervisory_board", _("Raad van commissarissen")
    MANAGEMENT = "management", _("Directie")
    FOUNDATION_BOARD = "foundation_board", _("Bestuur (stichting of vereniging)")
    SUPERVISORY_COUNCIL = "supervisory_council", _("Raad van toezicht")
    MEMBERS_MEETING = "members_meeting", _("Algemene ledenvergadering")
    PARTNERS_MEETING = "partners_meeting", _("Vergadering van vennoten")
    CONSULTATION = "consultation", _("Overleg of werkgroep")


class SeatHolderRole(models.TextChoices):
    MAYOR = "mayor", _("Burgemeester")
    ALDERMAN = "alderman", _("Wethouder")
    COUNCILLOR = "councillor", _("Raadslid")
    CIVIL_SERVANT = "civil_servant", _("Ambtenaar")
    EXTERNAL = "external", _("Extern")


class SeatFunction(models.TextChoices):
    MEMBER = "member", _("Lid")
    CHAIR = "chair", _("Voorzitter")
    VICE_CHAIR = "vice_chair", _("Vicevoorzitter")
    SUBSTITUTE = "substitute", _("Plaatsvervangend lid")


class LegalDocumentKind(models.TextChoices):
    REGELING = "regeling", _("Gemeenschappelijke regeling")
    AMENDMENT = "amendment", _("Wijziging van de regeling")
    STATUTES = "statutes", _("Statuten")
    STATUTES_AMENDMENT = "statutes_amendment", _("Statutenwijziging")
    COVENANT = "covenant", _("Convenant of bestuursovereenkomst")
    SERVICE_AGREEMENT = "service_agreement", _("Dienstverleningsovereenkomst (DVO)")
    SHAREHOLDER_AGREEMENT = "shareholder_agreement", _("Aandeelhoudersovereenkomst")
    DECISION = "decision", _("Besluit")


class ExitCostMethod(models.TextChoices):
    NOT_SET = "not_set", _("Niet geregeld")
    CONTRIBUTION_MULTIPLE = "contribution_multiple", _("Veelvoud van de jaarlijkse bijdrage")
    SHARE_OF_COMMITMENTS = "share_of_commitments", _("Aandeel in de lopende verplichtingen")
    ACTUAL_COSTS = "actual_costs", _("Werkelijke frictiekosten, per geval vastgesteld")


class KeyMethod(models.TextChoices):
    FIXED_PERCENTAGES = "fixed_percentages", _("Vaste percentages uit de regeling")
    INHABITANTS = "inhabitants", _("Naar inwonertal")
    HOUSEHOLDS = "households", _("Naar aantal huishoudens")
    EQUAL = "equal", _("Gelijke delen")
    USAGE = "usage", _("Naar afname (eenheden)")
    COMPOSITE = "composite", _("Vast bedrag per deelnemer, rest volgens een andere sleutel")


class PopulationReference(models.TextChoices):
    PREVIOUS_YEAR = "previous_year", _("1 januari van het jaar vóór het begrotingsjaar")
    SAME_YEAR = "same_year", _("1 januari van het begrotingsjaar")


class FiguresKind(models.TextChoices):
    BUDGET = "budget", _("Begroting")
    BUDGET_AMENDMENT = "budget_amendment", _("Begrotingswijziging")
    ACCOUNTS = "accounts", _("Jaarrekening")


class RiskLevel(models.TextChoices):
    LOW = "low", _("Laag")
    MEDIUM = "medium", _("Gemiddeld")
    HIGH = "high", _("Hoog")


class ContributionBasis(models.TextChoices):
    COMPUTED = "computed", _("Berekend met de verdeelsleutel")
    ENTERED = "entered", _("Ingevoerd (bedrag vastgelegd in de regeling of begroting)")


class Confirmation(models.TextChoices):
    """Whether a participation is confirmed by the party's side (see partnerships.services:
    a municipality does not declare itself a participant of a shared party)."""

    PENDING = "pending", _("Aangemeld, wacht op bevestiging")
    CONFIRMED = "confirmed", _("Bevestigd")
    DECLINED = "declined", _("Afgewezen")
