"""The scorecard's catalogue: the provincial criteria (seed 002, table 2, in its order) and the
success factors of cooperation (seed 004, § 2.5, plus the commitment of administrators it
found in practice). Administrators maintain it in the admin afterwards."""

from django.db import migrations

PROVINCIAL = [
    ("Aard van het takenpakket", "Past de samenwerkingsvorm bij de taken die worden ondergebracht?"),
    ("Doel", "Is het doel van de samenwerking helder en wordt het bereikt?"),
    ("Betrokkenheid raden", "Zijn de raden tijdig en voldoende betrokken en geïnformeerd?"),
    ("Samenwerkingspartner", "Zijn de partners de juiste voor deze taak?"),
    ("Culturele aspecten", "Passen de bestuurs- en organisatieculturen bij elkaar?"),
    ("Sociaal-economische aspecten", "Vormen de deelnemers een samenhangend gebied?"),
    ("Geografische factoren", "Ligt het werkgebied logisch, grenzen de deelnemers aan elkaar?"),
    ("Flexibiliteit", "Kan de samenwerking meebewegen, kan een deelnemer toe- of uittreden?"),
    ("Institutionele structuur", "Passen de bestuursorganen en de juridische vorm bij de taak?"),
    ("Identiteit van de organisatie", "Blijft de eigen identiteit van de gemeente herkenbaar?"),
    ("Gelijkwaardige samenwerking", "Hebben de deelnemers naar verhouding evenveel invloed?"),
    ("Kosten", "Staan de kosten in verhouding tot de opbrengst, is de verdeling billijk?"),
]
SUCCESS_FACTORS = [
    ("Vertrouwen (inhoudelijk en relationeel)", "Vertrouwen in elkaars inbreng en in elkaar."),
    ("Gemeenschappelijke doelen", "Delen de deelnemers het doel van de samenwerking?"),
    ("Communicatie", "Is de communicatie tussen deelnemers open en tijdig?"),
    ("Urgentie en wederzijdse afhankelijkheid", "Hebben de deelnemers elkaar nodig?"),
    ("Deelnemende partijen", "Zijn de juiste partijen aan tafel?"),
    ("Leiderschap", "Is er iemand die de samenwerking trekt?"),
    ("Rolverdeling", "Zijn de rollen van bestuurders, ambtenaren en raden helder?"),
    ("Commitment van bestuurders", "Zetten de bestuurders zich in voor de samenwerking?"),
]


def create(apps, schema_editor):
    Criterion = apps.get_model("evaluations", "Criterion")
    for catalogue, rows in (("provincial", PROVINCIAL), ("success_factors", SUCCESS_FACTORS)):
        for order, (name, description) in enumerate(rows, start=1):
            Criterion.objects.update_or_create(
                catalogue=catalogue,
                name=name,
                defaults={"description": description, "order": order},
            )


def remove(apps, schema_editor):
    names = [name for name, _ in PROVINCIAL + SUCCESS_FACTORS]
    apps.get_model("evaluations", "Criterion").objects.filter(name__in=names).delete()


class Migration(migrations.Migration):
    dependencies = [("evaluations", "0001_initial")]
    operations = [migrations.RunPython(create, remove)]
