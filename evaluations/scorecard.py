"""What the respondents of an evaluation answered together, per criterion: how many
answered, the mean score and its spread, how often the factor is present (ja / deels /
nee), and how often its absence is experienced as a problem. Pages show this, never one
respondent's answers (respondents often take part only anonymously); the explanations are
listed without who wrote them, in alphabetical order."""

import statistics
from collections import Counter
from dataclasses import dataclass

from evaluations.choices import AbsenceProblem, Presence


@dataclass(frozen=True)
class Summary:
    criterion: object
    answered: int  # respondents who answered this criterion
    scores: tuple[int, ...]
    presence: dict[str, int]  # Presence value -> count
    problem: int  # absence experienced as a problem
    no_problem: int  # absence not experienced as a problem
    explanations: tuple[str, ...]

    @property
    def mean(self) -> float | None:
        return statistics.fmean(self.scores) if self.scores else None

    @property
    def spread(self) -> float | None:
        """The standard deviation of the scores (0 when everyone agrees; None for fewer
        than two scores: one answer has no spread)."""
        return statistics.pstdev(self.scores) if len(self.scores) > 1 else None

    @property
    def lowest(self) -> int | None:
        return min(self.scores) if self.scores else None

    @property
    def highest(self) -> int | None:
        return max(self.scores) if self.scores else None

    @property
    def missing(self) -> int:
        """Respondents who find the factor absent or only partly there."""
        return self.presence[Presence.NO] + self.presence[Presence.PARTLY]


def _criterion_order(criterion):
    return (criterion.catalogue, criterion.order, criterion.name)


def summarise(answers) -> list[Summary]:
    """One Summary per criterion answered in `answers` (Answer objects with their
    criterion loaded), in the catalogue's order."""
    by_criterion: dict[int, list] = {}
    criteria = {}
    for answer in answers:
        by_criterion.setdefault(answer.criterion_id, []).append(answer)
        criteria[answer.criterion_id] = answer.criterion
    summaries = []
    for criterion_id, group in by_criterion.items():
        presence = Counter(answer.presence for answer in group if answer.presence)
        problems = Counter(answer.absence_problem for answer in group if answer.absence_problem)
        summaries.append(
            Summary(
                criterion=criteria[criterion_id],
                answered=len({answer.respondent_id for answer in group}),
                scores=tuple(answer.score for answer in group if answer.score is not None),
                presence={value: presence[value] for value in Presence.values},
                problem=problems[AbsenceProblem.YES],
                no_problem=problems[AbsenceProblem.NO],
                explanations=tuple(
                    sorted(answer.explanation.strip() for answer in group if answer.explanation)
                ),
            )
        )
    return sorted(summaries, key=lambda summary: _criterion_order(summary.criterion))
