"""The sent date beside the received date, the Algemene termijnenwet per rule set, and
begrotingswijzigingen as cycle documents with a sequence number (issue 12)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('cycle', '0004_protected_files'),
        ('partnerships', '0009_wgr_provisions_2024'),
    ]

    operations = [
        migrations.AlterModelOptions(
            name='cycledocument',
            options={'ordering': ['year', 'party__name', 'kind', 'sequence'], 'verbose_name': 'stuk begrotingscyclus', 'verbose_name_plural': 'stukken begrotingscyclus'},
        ),
        migrations.RemoveConstraint(
            model_name='cycledocument',
            name='one_cycle_document_per_kind',
        ),
        migrations.AddField(
            model_name='cycledocument',
            name='sent_on',
            field=models.DateField(blank=True, help_text='Door het (dagelijks) bestuur. De Wgr toetst de verzending (“zendt … vóór”); zonder deze datum telt de ontvangst.', null=True, verbose_name='verzonden op'),
        ),
        migrations.AddField(
            model_name='cycledocument',
            name='sequence',
            field=models.PositiveSmallIntegerField(default=1, help_text='Bij meer begrotingswijzigingen in een jaar.', verbose_name='volgnummer'),
        ),
        migrations.AddField(
            model_name='cycledocument',
            name='without_zienswijze',
            field=models.BooleanField(default=False, help_text='Een begrotingswijziging van een categorie waarvoor de regeling de zienswijze van de raden uitzondert (Wgr art. 35).', verbose_name='zonder zienswijze'),
        ),
        migrations.AddField(
            model_name='historicalcycledocument',
            name='sent_on',
            field=models.DateField(blank=True, help_text='Door het (dagelijks) bestuur. De Wgr toetst de verzending (“zendt … vóór”); zonder deze datum telt de ontvangst.', null=True, verbose_name='verzonden op'),
        ),
        migrations.AddField(
            model_name='historicalcycledocument',
            name='sequence',
            field=models.PositiveSmallIntegerField(default=1, help_text='Bij meer begrotingswijzigingen in een jaar.', verbose_name='volgnummer'),
        ),
        migrations.AddField(
            model_name='historicalcycledocument',
            name='without_zienswijze',
            field=models.BooleanField(default=False, help_text='Een begrotingswijziging van een categorie waarvoor de regeling de zienswijze van de raden uitzondert (Wgr art. 35).', verbose_name='zonder zienswijze'),
        ),
        migrations.AddField(
            model_name='historicalruleset',
            name='atw_after_event',
            field=models.BooleanField(default=True, help_text='Een termijn die op een zaterdag, zondag of erkende feestdag eindigt, loopt door tot de eerstvolgende werkdag (Atw art. 1 lid 1).', verbose_name='Algemene termijnenwet bij “binnen … weken na”'),
        ),
        migrations.AddField(
            model_name='historicalruleset',
            name='atw_before_date',
            field=models.BooleanField(default=True, help_text='Of de Atw ook een termijn tot een vaste datum verlengt (een juridische keuze): valt de laatste dag vóór de datum in het weekend, dan telt de eerstvolgende werkdag. Termijnen die terugrekenen (“12 weken vóór de vergadering”) worden nooit verlengd (Atw art. 1 lid 2).', verbose_name='Algemene termijnenwet bij “vóór [datum]”'),
        ),
        migrations.AddField(
            model_name='ruleset',
            name='atw_after_event',
            field=models.BooleanField(default=True, help_text='Een termijn die op een zaterdag, zondag of erkende feestdag eindigt, loopt door tot de eerstvolgende werkdag (Atw art. 1 lid 1).', verbose_name='Algemene termijnenwet bij “binnen … weken na”'),
        ),
        migrations.AddField(
            model_name='ruleset',
            name='atw_before_date',
            field=models.BooleanField(default=True, help_text='Of de Atw ook een termijn tot een vaste datum verlengt (een juridische keuze): valt de laatste dag vóór de datum in het weekend, dan telt de eerstvolgende werkdag. Termijnen die terugrekenen (“12 weken vóór de vergadering”) worden nooit verlengd (Atw art. 1 lid 2).', verbose_name='Algemene termijnenwet bij “vóór [datum]”'),
        ),
        migrations.AlterField(
            model_name='cycledocument',
            name='kind',
            field=models.CharField(choices=[('framework', 'Kaderbrief'), ('draft_budget', 'Ontwerpbegroting'), ('budget_to_province', 'Begroting aan toezichthouder'), ('budget_amendment', 'Begrotingswijziging'), ('provisional_accounts', 'Voorlopige jaarrekening'), ('accounts_to_province', 'Jaarrekening aan toezichthouder')], max_length=30, verbose_name='stuk'),
        ),
        migrations.AlterField(
            model_name='cycledocument',
            name='received_on',
            field=models.DateField(blank=True, help_text='Door de raden, of bij een stuk aan de toezichthouder: door GS of de minister. Opent de zienswijzen op een ontwerpbegroting of begrotingswijziging.', null=True, verbose_name='ontvangen op'),
        ),
        migrations.AlterField(
            model_name='historicalcycledocument',
            name='kind',
            field=models.CharField(choices=[('framework', 'Kaderbrief'), ('draft_budget', 'Ontwerpbegroting'), ('budget_to_province', 'Begroting aan toezichthouder'), ('budget_amendment', 'Begrotingswijziging'), ('provisional_accounts', 'Voorlopige jaarrekening'), ('accounts_to_province', 'Jaarrekening aan toezichthouder')], max_length=30, verbose_name='stuk'),
        ),
        migrations.AlterField(
            model_name='historicalcycledocument',
            name='received_on',
            field=models.DateField(blank=True, help_text='Door de raden, of bij een stuk aan de toezichthouder: door GS of de minister. Opent de zienswijzen op een ontwerpbegroting of begrotingswijziging.', null=True, verbose_name='ontvangen op'),
        ),
        migrations.AddConstraint(
            model_name='cycledocument',
            constraint=models.UniqueConstraint(fields=('party', 'year', 'kind', 'sequence'), name='one_cycle_document_per_kind_and_sequence', violation_error_message='Dit stuk staat al in de cyclus van dit jaar.'),
        ),
        migrations.AddConstraint(
            model_name='cycledocument',
            constraint=models.CheckConstraint(condition=models.Q(('sent_on__isnull', True), ('received_on__isnull', True), ('received_on__gte', models.F('sent_on')), _connector='OR'), name='cycle_document_sent_before_received', violation_error_message='Een stuk wordt niet ontvangen vóórdat het verzonden is.'),
        ),
    ]
