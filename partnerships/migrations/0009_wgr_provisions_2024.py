"""What a Wgr regeling regulates of the provisions required since 1 July 2024 (issue 12)."""

from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('partnerships', '0008_financial_interest_per_year'),
    ]

    operations = [
        migrations.AddField(
            model_name='historicallegalbasis',
            name='regulates_evaluation',
            field=models.BooleanField(blank=True, help_text='Leeg: niet beoordeeld; een evaluatietermijn hierboven telt als ja.', null=True, verbose_name='bevat afspraken over evaluatie'),
        ),
        migrations.AddField(
            model_name='historicallegalbasis',
            name='regulates_exit',
            field=models.BooleanField(blank=True, help_text='Leeg: niet beoordeeld; een opzegtermijn of uittreedsom telt als ja.', null=True, verbose_name='regelt de uittreding'),
        ),
        migrations.AddField(
            model_name='historicallegalbasis',
            name='regulates_participation',
            field=models.BooleanField(blank=True, help_text='Ja, nee, of leeg als het niet beoordeeld is.', null=True, verbose_name='regelt de inwonersparticipatie'),
        ),
        migrations.AddField(
            model_name='historicallegalbasis',
            name='regulates_zienswijze',
            field=models.BooleanField(blank=True, help_text='Ja, nee, of leeg als het niet beoordeeld is.', null=True, verbose_name='regelt de zienswijze van de raden op besluiten van het bestuur'),
        ),
        migrations.AddField(
            model_name='legalbasis',
            name='regulates_evaluation',
            field=models.BooleanField(blank=True, help_text='Leeg: niet beoordeeld; een evaluatietermijn hierboven telt als ja.', null=True, verbose_name='bevat afspraken over evaluatie'),
        ),
        migrations.AddField(
            model_name='legalbasis',
            name='regulates_exit',
            field=models.BooleanField(blank=True, help_text='Leeg: niet beoordeeld; een opzegtermijn of uittreedsom telt als ja.', null=True, verbose_name='regelt de uittreding'),
        ),
        migrations.AddField(
            model_name='legalbasis',
            name='regulates_participation',
            field=models.BooleanField(blank=True, help_text='Ja, nee, of leeg als het niet beoordeeld is.', null=True, verbose_name='regelt de inwonersparticipatie'),
        ),
        migrations.AddField(
            model_name='legalbasis',
            name='regulates_zienswijze',
            field=models.BooleanField(blank=True, help_text='Ja, nee, of leeg als het niet beoordeeld is.', null=True, verbose_name='regelt de zienswijze van de raden op besluiten van het bestuur'),
        ),
    ]
