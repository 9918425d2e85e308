"""The scorecards of the same party over successive evaluations, side by side: per criterion
and evaluation what the respondents answered together (mean, spread, presence, how many
answered), never one respondent's answers."""

from django.contrib import admin
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from evaluations.choices import EvaluationStatus
from evaluations.models import Answer, Evaluation
from evaluations.scorecard import summarise
from partnerships.models import Party
from registry import access


def comparison_rows(evaluations: list[Evaluation], answers: list[Answer]) -> list[dict]:
    """One row per criterion answered in any of `evaluations`: its Summary in each, or
    None where nobody answered it."""
    per_evaluation = {e.pk: [] for e in evaluations}
    for answer in answers:
        per_evaluation[answer.respondent.evaluation_id].append(answer)
    summaries = {
        evaluation_id: {s.criterion.pk: s for s in summarise(group)}
        for evaluation_id, group in per_evaluation.items()
    }
    criteria = {s.criterion.pk: s.criterion for found in summaries.values() for s in found.values()}
    ordered = sorted(criteria.values(), key=lambda c: (c.catalogue, c.order, c.name))
    return [
        {
            "criterion": criterion,
            "cells": [summaries[e.pk].get(criterion.pk) for e in evaluations],
        }
        for criterion in ordered
    ]


def comparison_view(request, party_id: int):
    party = get_object_or_404(access.scope(request.user, Party.objects.all()), pk=party_id)
    evaluations = list(
        access.scope(request.user, Evaluation.objects.all())
        .filter(party=party, status=EvaluationStatus.COMPLETED)
        .select_related("organisation")
        .order_by("actual_end", "pk")
    )
    # read here for every reader of the evaluations: only the summaries leave this view
    answers = list(
        Answer.objects.filter(respondent__evaluation__in=evaluations).select_related(
            "criterion", "respondent"
        )
    )
    context = {
        **admin.site.each_context(request),
        "title": _("Evaluaties van %(party)s vergeleken") % {"party": party.name},
        "party": party,
        "evaluations": evaluations,
        "rows": comparison_rows(evaluations, answers),
        "opts": Evaluation._meta,
    }
    return render(request, "evaluations/comparison.html", context)
