"""The call to action promised advice and salary statistics the site does not give: say what it gives."""

from django.db import migrations, models

OLD = "Som medlem får du personlig rådgivning, lönestatistik och alla våra guider och verktyg."
NEW = "Som medlem läser du alla guider, även de som är för medlemmar, tar med dem i mötespaket och sparar dem under Mina guider."


def honest(apps, schema_editor):
    apps.get_model("guides", "MembershipCallToAction").objects.filter(text=OLD).update(text=NEW)


def back(apps, schema_editor):
    apps.get_model("guides", "MembershipCallToAction").objects.filter(text=NEW).update(text=OLD)


class Migration(migrations.Migration):
    dependencies = [("guides", "0006_guidepage_form_guidesourcelink")]

    operations = [
        migrations.AlterField(
            model_name="membershipcalltoaction",
            name="text",
            field=models.TextField(default=NEW, verbose_name="text"),
        ),
        migrations.RunPython(honest, back),
    ]
