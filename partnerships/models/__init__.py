from partnerships.models.governance import Body, Seat
from partnerships.models.legal_basis import LegalBasis
from partnerships.models.participations import Participation
from partnerships.models.parties import Party, Theme

__all__ = ["Body", "LegalBasis", "Participation", "Party", "Seat", "Theme"]
