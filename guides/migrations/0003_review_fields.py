"""Review owner and date, review date, and the editor's change note on guides; existing guides
get their first review date (a year after they were last updated)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def first_review_dates(apps, schema_editor):
    GuidePage = apps.get_model("guides", "GuidePage")
    for guide in GuidePage.objects.filter(review_by__isnull=True).only("pk", "updated"):
        try:
            review_by = guide.updated.replace(year=guide.updated.year + 1)
        except ValueError:  # 29 February
            review_by = guide.updated.replace(year=guide.updated.year + 1, day=28)
        GuidePage.objects.filter(pk=guide.pk).update(review_by=review_by)


class Migration(migrations.Migration):

    dependencies = [
        ('guides', '0002_seed_site'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='guidepage',
            name='change_note',
            field=models.CharField(blank=True, help_text='En mening till läsarna när du publicerar en viktig ändring. Visas på guiden med datum; lämna tomt vid småfixar.', max_length=200, verbose_name='vad har ändrats?'),
        ),
        migrations.AddField(
            model_name='guidepage',
            name='review_by',
            field=models.DateField(blank=True, help_text='Lämna tomt för ett år efter senaste granskning.', null=True, verbose_name='granskas senast'),
        ),
        migrations.AddField(
            model_name='guidepage',
            name='review_owner',
            field=models.ForeignKey(blank=True, help_text='Får en påminnelse när guiden ska granskas.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='guides_to_review', to=settings.AUTH_USER_MODEL, verbose_name='ansvarig redaktör'),
        ),
        migrations.AddField(
            model_name='guidepage',
            name='reviewed_at',
            field=models.DateField(blank=True, null=True, verbose_name='granskad'),
        ),
        migrations.RunPython(first_review_dates, migrations.RunPython.noop),
    ]
