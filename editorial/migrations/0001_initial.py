"""Change notes, review reminders, reader feedback and the search log."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('guides', '0003_review_fields'),
        ('wagtailcore', '0098_apitoken'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.CreateModel(
            name='SearchLog',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('searched_on', models.DateField(db_index=True, default=django.utils.timezone.localdate, verbose_name='datum')),
                ('source', models.CharField(choices=[('katalog', 'Katalogen'), ('api', 'API')], max_length=10, verbose_name='källa')),
                ('query', models.CharField(db_index=True, max_length=200, verbose_name='sökning')),
                ('filters', models.JSONField(blank=True, default=dict, verbose_name='filter')),
                ('result_count', models.PositiveIntegerField(verbose_name='antal träffar')),
            ],
            options={
                'verbose_name': 'sökning',
                'verbose_name_plural': 'sökningar',
                'ordering': ['-searched_on', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ChangeNote',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('date', models.DateField(default=django.utils.timezone.localdate, verbose_name='datum')),
                ('text', models.CharField(max_length=200, verbose_name='ändring')),
                ('guide', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='change_notes', to='guides.guidepage', verbose_name='guide')),
                ('revision', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailcore.revision')),
            ],
            options={
                'verbose_name': 'ändringsnotis',
                'verbose_name_plural': 'ändringsnotiser',
                'ordering': ['-date', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='GuideFeedback',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('helpful', models.BooleanField(verbose_name='till hjälp')),
                ('comment', models.TextField(blank=True, max_length=1000, verbose_name='kommentar')),
                ('given_on', models.DateField(db_index=True, default=django.utils.timezone.localdate, verbose_name='datum')),
                ('guide', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='feedback', to='guides.guidepage', verbose_name='guide')),
            ],
            options={
                'verbose_name': 'läsaromdöme',
                'verbose_name_plural': 'läsaromdömen',
                'ordering': ['-given_on', '-pk'],
            },
        ),
        migrations.CreateModel(
            name='ReviewReminder',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('sent_on', models.DateField(verbose_name='skickad')),
                ('guide_count', models.PositiveIntegerField(verbose_name='antal guider')),
                ('owner', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='review_reminders', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'granskningspåminnelse',
                'verbose_name_plural': 'granskningspåminnelser',
                'constraints': [models.UniqueConstraint(fields=('owner', 'sent_on'), name='one_review_reminder_a_day')],
            },
        ),
        migrations.CreateModel(
            name='OpenedResult',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('guide', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='+', to='guides.guidepage')),
                ('search', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='opened', to='editorial.searchlog')),
            ],
            options={
                'constraints': [models.UniqueConstraint(fields=('search', 'guide'), name='one_opening_per_search_and_guide')],
            },
        ),
    ]
