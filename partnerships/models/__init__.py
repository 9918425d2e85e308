from partnerships.models.finance import (
    AnnualFigures,
    Contribution,
    CostKey,
    CostKeyPercentage,
    Risk,
    UsageFigure,
)
from partnerships.models.governance import Body, Seat
from partnerships.models.imports import ImportRun
from partnerships.models.interests import FinancialInterest
from partnerships.models.legal_basis import LegalBasis
from partnerships.models.paragraph_texts import ParagraphText
from partnerships.models.participations import Participation
from partnerships.models.parties import Party, Theme
from partnerships.models.regions import Region
from partnerships.models.templates import ParagraphTemplate

__all__ = [
    "AnnualFigures",
    "Body",
    "Contribution",
    "CostKey",
    "CostKeyPercentage",
    "FinancialInterest",
    "ImportRun",
    "LegalBasis",
    "ParagraphTemplate",
    "ParagraphText",
    "Participation",
    "Party",
    "Region",
    "Risk",
    "Seat",
    "Theme",
    "UsageFigure",
]
