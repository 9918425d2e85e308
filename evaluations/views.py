"""Scores of the same party over successive evaluations, side by side."""

from django.contrib import admin
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _

from evaluations.choices import EvaluationStatus
from evaluations.models import Evaluation, Score
from partnerships.models import Party
from registry import access


def comparison_rows(evaluations: list[Evaluation], scores: list[Score]) -> list[dict]:
    """One row per criterion scored in any of `evaluations`: its score in each, or None."""
    by_cell = {(s.criterion_id, s.evaluation_id): s for s in scores}
    criteria = sorted({s.criterion for s in scores}, key=lambda c: (c.catalogue, c.order, c.name))
    return [
        {
            "criterion": criterion,
            "cells": [by_cell.get((criterion.pk, e.pk)) for e in evaluations],
        }
        for criterion in criteria
    ]


def comparison_view(request, party_id: int):
    party = get_object_or_404(access.scope(request.user, Party.objects.all()), pk=party_id)
    evaluations = list(
        access.scope(request.user, Evaluation.objects.all())
        .filter(party=party, status=EvaluationStatus.COMPLETED)
        .select_related("organisation")
        .order_by("actual_end", "pk")
    )
    scores = list(Score.objects.filter(evaluation__in=evaluations).select_related("criterion"))
    context = {
        **admin.site.each_context(request),
        "title": _("Evaluaties van %(party)s vergeleken") % {"party": party.name},
        "party": party,
        "evaluations": evaluations,
        "rows": comparison_rows(evaluations, scores),
        "opts": Evaluation._meta,
    }
    return render(request, "evaluations/comparison.html", context)
