"""factory_boy factories for every model of the registry, one module per app."""

from tests.factories.cycle import (
    CycleDocumentFactory,
    RuleSetFactory,
    ZienswijzeFactory,
    ZienswijzeStepFactory,
)
from tests.factories.evaluations import (
    AnswerFactory,
    CriterionFactory,
    EvaluationFactory,
    FollowUpActionFactory,
    RespondentFactory,
)
from tests.factories.money import (
    AnnualFiguresFactory,
    ContributionFactory,
    CostKeyFactory,
    CostKeyPercentageFactory,
    ParagraphTemplateFactory,
    RiskFactory,
    UsageFigureFactory,
)
from tests.factories.partnerships import (
    BodyFactory,
    FinancialInterestFactory,
    LegalBasisFactory,
    ParagraphTextFactory,
    ParticipationFactory,
    PartyFactory,
    SeatFactory,
    ThemeFactory,
)
from tests.factories.registry import (
    SERVER,
    MunicipalityFactory,
    PopulationFigureFactory,
    ProvinceFactory,
    RoleFactory,
    UserFactory,
    admin_user,
    user_with_role,
)

__all__ = [
    "SERVER",
    "AnnualFiguresFactory",
    "AnswerFactory",
    "BodyFactory",
    "ContributionFactory",
    "CostKeyFactory",
    "CostKeyPercentageFactory",
    "CriterionFactory",
    "CycleDocumentFactory",
    "EvaluationFactory",
    "FinancialInterestFactory",
    "FollowUpActionFactory",
    "LegalBasisFactory",
    "MunicipalityFactory",
    "ParagraphTemplateFactory",
    "ParagraphTextFactory",
    "ParticipationFactory",
    "PartyFactory",
    "PopulationFigureFactory",
    "ProvinceFactory",
    "RespondentFactory",
    "RiskFactory",
    "RoleFactory",
    "RuleSetFactory",
    "SeatFactory",
    "ThemeFactory",
    "UsageFigureFactory",
    "UserFactory",
    "ZienswijzeFactory",
    "ZienswijzeStepFactory",
    "admin_user",
    "user_with_role",
]
