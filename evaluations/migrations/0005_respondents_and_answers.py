"""The scorecard per respondent: an evaluation has respondents (by name or anonymous), each
with answers per criterion (present ja / deels / nee, is its absence a problem, score,
explanation). The scores recorded so far become the answers of one respondent per
evaluation ("scorekaart van vóór de respondenten"), with their history: Score is renamed to
Answer and keeps its table's rows and history rows."""

import django.core.validators
import django.db.models.deletion
import simple_history.models
from django.conf import settings
from django.db import migrations, models

CARRIED_OVER = "scorekaart van vóór de respondenten (overgenomen)"


def scores_become_answers(apps, schema_editor):
    Answer = apps.get_model("evaluations", "Answer")
    HistoricalAnswer = apps.get_model("evaluations", "HistoricalAnswer")
    Respondent = apps.get_model("evaluations", "Respondent")
    evaluations = Answer.objects.values_list("evaluation_id", flat=True).distinct()
    for evaluation_id in sorted(set(evaluations)):
        respondent = Respondent.objects.create(
            evaluation_id=evaluation_id, anonymous=True, capacity=CARRIED_OVER
        )
        Answer.objects.filter(evaluation_id=evaluation_id).update(respondent=respondent)
        HistoricalAnswer.objects.filter(evaluation_id=evaluation_id).update(
            respondent_id=respondent.pk
        )


def answers_become_scores(apps, schema_editor):
    """Back to one score per evaluation and criterion: the first respondent's answers (a
    Score needed a score; answers without one, and further respondents, are dropped)."""
    Answer = apps.get_model("evaluations", "Answer")
    HistoricalAnswer = apps.get_model("evaluations", "HistoricalAnswer")
    Respondent = apps.get_model("evaluations", "Respondent")
    first = {}
    for respondent in Respondent.objects.order_by("pk"):
        first.setdefault(respondent.evaluation_id, respondent.pk)
    for evaluation_id, respondent_id in first.items():
        Answer.objects.filter(respondent_id=respondent_id).update(evaluation_id=evaluation_id)
        HistoricalAnswer.objects.filter(respondent_id=respondent_id).update(
            evaluation_id=evaluation_id
        )
    Answer.objects.filter(evaluation__isnull=True).delete()
    Answer.objects.filter(score__isnull=True).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("evaluations", "0004_publication"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name="Respondent",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("anonymous", models.BooleanField(default=False, help_text="Dan wordt er geen naam vastgelegd.", verbose_name="anoniem")),
                ("name", models.CharField(blank=True, max_length=200, verbose_name="naam")),
                ("capacity", models.CharField(blank=True, help_text="Bijvoorbeeld raadslid, wethouder, griffier, ambtenaar of directeur.", max_length=200, verbose_name="hoedanigheid")),
                ("answered_on", models.DateField(blank=True, null=True, verbose_name="ingevuld op")),
                ("evaluation", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="respondents", to="evaluations.evaluation", verbose_name="evaluatie")),
            ],
            options={
                "verbose_name": "respondent",
                "verbose_name_plural": "respondenten (scorekaart)",
                "ordering": ["evaluation", "pk"],
            },
        ),
        migrations.CreateModel(
            name="HistoricalRespondent",
            fields=[
                ("id", models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name="ID")),
                ("anonymous", models.BooleanField(default=False, help_text="Dan wordt er geen naam vastgelegd.", verbose_name="anoniem")),
                ("name", models.CharField(blank=True, max_length=200, verbose_name="naam")),
                ("capacity", models.CharField(blank=True, help_text="Bijvoorbeeld raadslid, wethouder, griffier, ambtenaar of directeur.", max_length=200, verbose_name="hoedanigheid")),
                ("answered_on", models.DateField(blank=True, null=True, verbose_name="ingevuld op")),
                ("history_id", models.AutoField(primary_key=True, serialize=False)),
                ("history_date", models.DateTimeField(db_index=True)),
                ("history_change_reason", models.CharField(max_length=100, null=True)),
                ("history_type", models.CharField(choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")], max_length=1)),
                ("evaluation", models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="evaluations.evaluation", verbose_name="evaluatie")),
                ("history_user", models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "verbose_name": "historical respondent",
                "verbose_name_plural": "historical respondenten (scorekaart)",
                "ordering": ("-history_date", "-history_id"),
                "get_latest_by": ("history_date", "history_id"),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.RemoveConstraint(model_name="score", name="one_score_per_criterion"),
        migrations.RemoveConstraint(model_name="score", name="score_from_1_to_5"),
        migrations.RenameModel(old_name="Score", new_name="Answer"),
        migrations.RenameModel(old_name="HistoricalScore", new_name="HistoricalAnswer"),
        migrations.AlterModelOptions(
            name="answer",
            options={"ordering": ["criterion__catalogue", "criterion__order"], "verbose_name": "antwoord", "verbose_name_plural": "antwoorden"},
        ),
        migrations.AlterModelOptions(
            name="historicalanswer",
            options={"get_latest_by": ("history_date", "history_id"), "ordering": ("-history_date", "-history_id"), "verbose_name": "historical antwoord", "verbose_name_plural": "historical antwoorden"},
        ),
        migrations.AlterField(
            model_name="answer",
            name="evaluation",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="scores", to="evaluations.evaluation", verbose_name="evaluatie"),
        ),
        migrations.AlterField(
            model_name="answer",
            name="criterion",
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name="answers", to="evaluations.criterion", verbose_name="criterium"),
        ),
        migrations.AlterField(
            model_name="answer",
            name="explanation",
            field=models.TextField(blank=True, verbose_name="toelichting"),
        ),
        migrations.AlterField(
            model_name="historicalanswer",
            name="explanation",
            field=models.TextField(blank=True, verbose_name="toelichting"),
        ),
        migrations.AlterField(
            model_name="answer",
            name="score",
            field=models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name="score (1–5)"),
        ),
        migrations.AlterField(
            model_name="historicalanswer",
            name="score",
            field=models.PositiveSmallIntegerField(blank=True, null=True, validators=[django.core.validators.MinValueValidator(1), django.core.validators.MaxValueValidator(5)], verbose_name="score (1–5)"),
        ),
        migrations.AddField(
            model_name="answer",
            name="respondent",
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.CASCADE, related_name="answers", to="evaluations.respondent", verbose_name="respondent"),
        ),
        migrations.AddField(
            model_name="historicalanswer",
            name="respondent",
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name="+", to="evaluations.respondent", verbose_name="respondent"),
        ),
        *(
            migrations.AddField(
                model_name=model,
                name="presence",
                field=models.CharField(blank=True, choices=[("yes", "ja"), ("partly", "deels"), ("no", "nee")], max_length=10, verbose_name="aanwezig"),
            )
            for model in ("answer", "historicalanswer")
        ),
        *(
            migrations.AddField(
                model_name=model,
                name="absence_problem",
                field=models.CharField(blank=True, choices=[("yes", "ja, een probleem"), ("no", "nee, geen probleem")], help_text="Alleen als de factor er niet of deels is.", max_length=10, verbose_name="ontbreken een probleem?"),
            )
            for model in ("answer", "historicalanswer")
        ),
        migrations.RunPython(scores_become_answers, answers_become_scores),
        migrations.AlterField(
            model_name="answer",
            name="respondent",
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="answers", to="evaluations.respondent", verbose_name="respondent"),
        ),
        migrations.RemoveField(model_name="answer", name="evaluation"),
        migrations.RemoveField(model_name="historicalanswer", name="evaluation"),
        migrations.AddConstraint(
            model_name="answer",
            constraint=models.UniqueConstraint(fields=("respondent", "criterion"), name="one_answer_per_respondent_and_criterion", violation_error_message="Deze respondent beantwoordde dit criterium al."),
        ),
        migrations.AddConstraint(
            model_name="answer",
            constraint=models.CheckConstraint(condition=models.Q(("score__isnull", True), models.Q(("score__gte", 1), ("score__lte", 5)), _connector="OR"), name="score_from_1_to_5", violation_error_message="Een score ligt tussen 1 en 5."),
        ),
        migrations.AddConstraint(
            model_name="answer",
            constraint=models.CheckConstraint(condition=models.Q(("presence", ""), ("score__isnull", True), _negated=True), name="answer_says_something", violation_error_message="Geef aan of de factor aanwezig is, of een score."),
        ),
        migrations.AddConstraint(
            model_name="answer",
            constraint=models.CheckConstraint(condition=models.Q(models.Q(("presence", "yes"), _negated=True), ("absence_problem", ""), _connector="OR"), name="no_absence_problem_when_present", violation_error_message="Een factor die er is, ontbreekt niet: laat “ontbreken een probleem?” leeg."),
        ),
    ]
