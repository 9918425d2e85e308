"""The financieel belang per year (issue 12): a FinancialInterest per participation and year
takes over the one current value the participation held; an empty seat count is unknown, not
zero; the paragraph's own texts (visie, beleidsvoornemens); partnerships without legal
personality (CV, VOF, maatschap) as legal forms, with a vergadering van vennoten."""

import datetime

import django.core.validators
import django.db.models
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


FIELDS = ("shares_count", "share_nominal_value", "guarantees", "loans", "amount_at_risk")
REASON = "Overgenomen uit de deelneming: het financieel belang staat nu per jaar"


def _year(participation, today):
    """The year the current values are kept for: the year the migration runs, within the
    participation's period."""
    year = today.year
    if participation.end_date and participation.end_date.year < year:
        year = participation.end_date.year
    if participation.start_date and participation.start_date.year > year:
        year = participation.start_date.year
    return year


def copy_financial_interest(apps, schema_editor):
    """The one current value per participation becomes its position at the end of the year
    the migration runs (see README: the financieel belang is kept per year)."""
    Participation = apps.get_model("partnerships", "Participation")
    FinancialInterest = apps.get_model("partnerships", "FinancialInterest")
    History = apps.get_model("partnerships", "HistoricalFinancialInterest")
    today = datetime.date.today()
    now = django.utils.timezone.now()
    has_any = django.db.models.Q()
    for name in FIELDS:
        has_any |= django.db.models.Q(**{f"{name}__isnull": False})
    for participation in Participation.objects.filter(has_any):
        interest = FinancialInterest.objects.create(
            participation=participation,
            year=_year(participation, today),
            **{name: getattr(participation, name) for name in FIELDS},
        )
        History.objects.create(
            id=interest.pk,
            participation_id=participation.pk,
            year=interest.year,
            notes="",
            history_date=now,
            history_type="+",
            history_change_reason=REASON,
            **{name: getattr(participation, name) for name in FIELDS},
        )


def unknown_seats(apps, schema_editor):
    """A seat count of 0 could not be told from one never filled in (it was the default):
    it becomes unknown, so no verbonden partij drops out of the paragraph because of it."""
    apps.get_model("partnerships", "Participation").objects.filter(seats=0).update(seats=None)


class Migration(migrations.Migration):

    dependencies = [
        ('partnerships', '0007_import_file_retention'),
        ('registry', '0001_initial'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='FinancialInterest',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(help_text='De stand op 31 december van dit jaar.', validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2200)], verbose_name='jaar')),
                ('shares_count', models.PositiveIntegerField(blank=True, null=True, verbose_name='aantal aandelen')),
                ('share_nominal_value', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='nominale waarde per aandeel')),
                ('guarantees', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='garanties en borgstellingen')),
                ('loans', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='verstrekte leningen')),
                ('amount_at_risk', models.DecimalField(blank=True, decimal_places=2, help_text='Inbreng of aansprakelijkheid bij faillissement van de partij.', max_digits=15, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='bedrag dat verloren gaat bij faillissement')),
                ('notes', models.CharField(blank=True, max_length=300, verbose_name='toelichting')),
            ],
            options={
                'verbose_name': 'financieel belang per jaar',
                'verbose_name_plural': 'financieel belang per jaar',
                'ordering': ['participation__party__name', '-year'],
            },
        ),
        migrations.CreateModel(
            name='HistoricalFinancialInterest',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(help_text='De stand op 31 december van dit jaar.', validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2200)], verbose_name='jaar')),
                ('shares_count', models.PositiveIntegerField(blank=True, null=True, verbose_name='aantal aandelen')),
                ('share_nominal_value', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='nominale waarde per aandeel')),
                ('guarantees', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='garanties en borgstellingen')),
                ('loans', models.DecimalField(blank=True, decimal_places=2, max_digits=15, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='verstrekte leningen')),
                ('amount_at_risk', models.DecimalField(blank=True, decimal_places=2, help_text='Inbreng of aansprakelijkheid bij faillissement van de partij.', max_digits=15, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='bedrag dat verloren gaat bij faillissement')),
                ('notes', models.CharField(blank=True, max_length=300, verbose_name='toelichting')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical financieel belang per jaar',
                'verbose_name_plural': 'historical financieel belang per jaar',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='HistoricalParagraphText',
            fields=[
                ('id', models.BigIntegerField(auto_created=True, blank=True, db_index=True, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(help_text='Het begrotingsjaar (of verslagjaar).', validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2200)], verbose_name='jaar')),
                ('vision', models.TextField(blank=True, help_text='In relatie tot de doelstellingen van de begroting (BBV art. 15 lid 1).', verbose_name='visie op verbonden partijen')),
                ('intentions', models.TextField(blank=True, verbose_name='beleidsvoornemens omtrent verbonden partijen')),
                ('history_id', models.AutoField(primary_key=True, serialize=False)),
                ('history_date', models.DateTimeField(db_index=True)),
                ('history_change_reason', models.CharField(max_length=100, null=True)),
                ('history_type', models.CharField(choices=[('+', 'Created'), ('~', 'Changed'), ('-', 'Deleted')], max_length=1)),
            ],
            options={
                'verbose_name': 'historical tekst paragraaf verbonden partijen',
                'verbose_name_plural': 'historical teksten paragraaf verbonden partijen',
                'ordering': ('-history_date', '-history_id'),
                'get_latest_by': ('history_date', 'history_id'),
            },
            bases=(simple_history.models.HistoricalChanges, models.Model),
        ),
        migrations.CreateModel(
            name='ParagraphText',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('year', models.PositiveSmallIntegerField(help_text='Het begrotingsjaar (of verslagjaar).', validators=[django.core.validators.MinValueValidator(1900), django.core.validators.MaxValueValidator(2200)], verbose_name='jaar')),
                ('vision', models.TextField(blank=True, help_text='In relatie tot de doelstellingen van de begroting (BBV art. 15 lid 1).', verbose_name='visie op verbonden partijen')),
                ('intentions', models.TextField(blank=True, verbose_name='beleidsvoornemens omtrent verbonden partijen')),
            ],
            options={
                'verbose_name': 'tekst paragraaf verbonden partijen',
                'verbose_name_plural': 'teksten paragraaf verbonden partijen',
                'ordering': ['organisation__name', '-year'],
            },
        ),
        migrations.AlterField(
            model_name='body',
            name='kind',
            field=models.CharField(choices=[('general_board', 'Algemeen bestuur'), ('executive_board', 'Dagelijks bestuur'), ('chair', 'Voorzitter'), ('board_committee', 'Bestuurscommissie'), ('joint_body', 'Gemeenschappelijk orgaan'), ('advisory_committee', 'Gemeenschappelijke adviescommissie'), ('shareholders_meeting', 'Algemene vergadering van aandeelhouders'), ('supervisory_board', 'Raad van commissarissen'), ('management', 'Directie'), ('foundation_board', 'Bestuur (stichting of vereniging)'), ('supervisory_council', 'Raad van toezicht'), ('members_meeting', 'Algemene ledenvergadering'), ('partners_meeting', 'Vergadering van vennoten'), ('consultation', 'Overleg of werkgroep')], max_length=30, verbose_name='soort orgaan'),
        ),
        migrations.AlterField(
            model_name='historicalbody',
            name='kind',
            field=models.CharField(choices=[('general_board', 'Algemeen bestuur'), ('executive_board', 'Dagelijks bestuur'), ('chair', 'Voorzitter'), ('board_committee', 'Bestuurscommissie'), ('joint_body', 'Gemeenschappelijk orgaan'), ('advisory_committee', 'Gemeenschappelijke adviescommissie'), ('shareholders_meeting', 'Algemene vergadering van aandeelhouders'), ('supervisory_board', 'Raad van commissarissen'), ('management', 'Directie'), ('foundation_board', 'Bestuur (stichting of vereniging)'), ('supervisory_council', 'Raad van toezicht'), ('members_meeting', 'Algemene ledenvergadering'), ('partners_meeting', 'Vergadering van vennoten'), ('consultation', 'Overleg of werkgroep')], max_length=30, verbose_name='soort orgaan'),
        ),
        migrations.AlterField(
            model_name='historicalparticipation',
            name='seats',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Zetels in het hoogste bestuursorgaan; leeg is onbekend, 0 is geen zetel.', null=True, verbose_name='zetels'),
        ),
        migrations.AlterField(
            model_name='historicalparticipation',
            name='voting_weight',
            field=models.DecimalField(blank=True, decimal_places=3, help_text='Aantal stemmen of percentage volgens de regeling of statuten; leeg is onbekend. 0 bij aandelen of een lidmaatschap zonder stemrecht.', max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='stemgewicht'),
        ),
        migrations.AlterField(
            model_name='historicalparty',
            name='legal_form',
            field=models.CharField(choices=[('public_body', 'Openbaar lichaam (Wgr)'), ('joint_body', 'Gemeenschappelijk orgaan (Wgr)'), ('operational_organisation', 'Bedrijfsvoeringsorganisatie (Wgr)'), ('centre_municipality', 'Centrumgemeenteregeling (Wgr)'), ('plain_arrangement', 'Regeling zonder meer (Wgr)'), ('nv', 'Naamloze vennootschap (NV)'), ('bv', 'Besloten vennootschap (BV)'), ('cooperative', 'Coöperatie'), ('foundation', 'Stichting'), ('association', 'Vereniging'), ('agreement', 'Overeenkomst / convenant'), ('cv', 'Commanditaire vennootschap (CV)'), ('vof', 'Vennootschap onder firma (VOF)'), ('maatschap', 'Maatschap'), ('other_organisation', 'Andere organisatie zonder rechtspersoonlijkheid'), ('other_public', 'Andere publiekrechtelijke grondslag'), ('none', 'Geen juridische vorm (netwerk)'), ('unknown', 'Onbekend')], max_length=30, verbose_name='rechtsvorm'),
        ),
        migrations.AlterField(
            model_name='participation',
            name='seats',
            field=models.PositiveSmallIntegerField(blank=True, help_text='Zetels in het hoogste bestuursorgaan; leeg is onbekend, 0 is geen zetel.', null=True, verbose_name='zetels'),
        ),
        migrations.AlterField(
            model_name='participation',
            name='voting_weight',
            field=models.DecimalField(blank=True, decimal_places=3, help_text='Aantal stemmen of percentage volgens de regeling of statuten; leeg is onbekend. 0 bij aandelen of een lidmaatschap zonder stemrecht.', max_digits=9, null=True, validators=[django.core.validators.MinValueValidator(0)], verbose_name='stemgewicht'),
        ),
        migrations.AlterField(
            model_name='party',
            name='legal_form',
            field=models.CharField(choices=[('public_body', 'Openbaar lichaam (Wgr)'), ('joint_body', 'Gemeenschappelijk orgaan (Wgr)'), ('operational_organisation', 'Bedrijfsvoeringsorganisatie (Wgr)'), ('centre_municipality', 'Centrumgemeenteregeling (Wgr)'), ('plain_arrangement', 'Regeling zonder meer (Wgr)'), ('nv', 'Naamloze vennootschap (NV)'), ('bv', 'Besloten vennootschap (BV)'), ('cooperative', 'Coöperatie'), ('foundation', 'Stichting'), ('association', 'Vereniging'), ('agreement', 'Overeenkomst / convenant'), ('cv', 'Commanditaire vennootschap (CV)'), ('vof', 'Vennootschap onder firma (VOF)'), ('maatschap', 'Maatschap'), ('other_organisation', 'Andere organisatie zonder rechtspersoonlijkheid'), ('other_public', 'Andere publiekrechtelijke grondslag'), ('none', 'Geen juridische vorm (netwerk)'), ('unknown', 'Onbekend')], max_length=30, verbose_name='rechtsvorm'),
        ),
        migrations.AddField(
            model_name='financialinterest',
            name='participation',
            field=models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='financial_interests', to='partnerships.participation', verbose_name='deelneming'),
        ),
        migrations.AddField(
            model_name='historicalfinancialinterest',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalfinancialinterest',
            name='participation',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='partnerships.participation', verbose_name='deelneming'),
        ),
        migrations.AddField(
            model_name='historicalparagraphtext',
            name='history_user',
            field=models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL),
        ),
        migrations.AddField(
            model_name='historicalparagraphtext',
            name='organisation',
            field=models.ForeignKey(blank=True, db_constraint=False, null=True, on_delete=django.db.models.deletion.DO_NOTHING, related_name='+', to='registry.organisation', verbose_name='organisatie'),
        ),
        migrations.AddField(
            model_name='paragraphtext',
            name='organisation',
            field=models.ForeignKey(on_delete=django.db.models.deletion.PROTECT, related_name='paragraph_texts', to='registry.organisation', verbose_name='organisatie'),
        ),
        migrations.AddConstraint(
            model_name='financialinterest',
            constraint=models.UniqueConstraint(fields=('participation', 'year'), name='one_financial_interest_per_participation_year', violation_error_message='Voor dit jaar is het financieel belang al vastgelegd.'),
        ),
        migrations.AddConstraint(
            model_name='financialinterest',
            constraint=models.CheckConstraint(condition=models.Q(('share_nominal_value__isnull', True), ('share_nominal_value__gte', 0), _connector='OR'), name='financial_interest_share_nominal_value_not_negative', violation_error_message='Een negatieve waarde is hier niet toegestaan.'),
        ),
        migrations.AddConstraint(
            model_name='financialinterest',
            constraint=models.CheckConstraint(condition=models.Q(('guarantees__isnull', True), ('guarantees__gte', 0), _connector='OR'), name='financial_interest_guarantees_not_negative', violation_error_message='Een negatieve waarde is hier niet toegestaan.'),
        ),
        migrations.AddConstraint(
            model_name='financialinterest',
            constraint=models.CheckConstraint(condition=models.Q(('loans__isnull', True), ('loans__gte', 0), _connector='OR'), name='financial_interest_loans_not_negative', violation_error_message='Een negatieve waarde is hier niet toegestaan.'),
        ),
        migrations.AddConstraint(
            model_name='financialinterest',
            constraint=models.CheckConstraint(condition=models.Q(('amount_at_risk__isnull', True), ('amount_at_risk__gte', 0), _connector='OR'), name='financial_interest_amount_at_risk_not_negative', violation_error_message='Een negatieve waarde is hier niet toegestaan.'),
        ),
        migrations.AddConstraint(
            model_name='paragraphtext',
            constraint=models.UniqueConstraint(fields=('organisation', 'year'), name='one_paragraph_text_per_organisation_year', violation_error_message='Voor dit jaar is de tekst al vastgelegd.'),
        ),
        migrations.RunPython(copy_financial_interest, migrations.RunPython.noop),
        migrations.RunPython(unknown_seats, migrations.RunPython.noop),
        migrations.RemoveConstraint(
            model_name='participation',
            name='participation_share_nominal_value_not_negative',
        ),
        migrations.RemoveConstraint(
            model_name='participation',
            name='participation_guarantees_not_negative',
        ),
        migrations.RemoveConstraint(
            model_name='participation',
            name='participation_loans_not_negative',
        ),
        migrations.RemoveConstraint(
            model_name='participation',
            name='participation_amount_at_risk_not_negative',
        ),
        migrations.RemoveField(
            model_name='historicalparticipation',
            name='amount_at_risk',
        ),
        migrations.RemoveField(
            model_name='historicalparticipation',
            name='guarantees',
        ),
        migrations.RemoveField(
            model_name='historicalparticipation',
            name='loans',
        ),
        migrations.RemoveField(
            model_name='historicalparticipation',
            name='share_nominal_value',
        ),
        migrations.RemoveField(
            model_name='historicalparticipation',
            name='shares_count',
        ),
        migrations.RemoveField(
            model_name='participation',
            name='amount_at_risk',
        ),
        migrations.RemoveField(
            model_name='participation',
            name='guarantees',
        ),
        migrations.RemoveField(
            model_name='participation',
            name='loans',
        ),
        migrations.RemoveField(
            model_name='participation',
            name='share_nominal_value',
        ),
        migrations.RemoveField(
            model_name='participation',
            name='shares_count',
        ),
    ]
