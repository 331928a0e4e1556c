"""The search log moves from the editorial app to the search app (issue #18); its tables stay."""

import django.db.models.deletion
import django.utils.timezone
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0005_postgres_search_at_scale"),
        ("editorial", "0002_moderation_workflow"),
        ("guides", "0003_review_fields"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="SearchLog",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("searched_on", models.DateField(db_index=True, default=django.utils.timezone.localdate, verbose_name="datum")),
                        ("source", models.CharField(choices=[("katalog", "Katalogen"), ("api", "API")], max_length=10, verbose_name="källa")),
                        ("query", models.CharField(db_index=True, max_length=200, verbose_name="sökning")),
                        ("filters", models.JSONField(blank=True, default=dict, verbose_name="filter")),
                        ("result_count", models.PositiveIntegerField(verbose_name="antal träffar")),
                    ],
                    options={
                        "verbose_name": "sökning",
                        "verbose_name_plural": "sökningar",
                        "ordering": ["-searched_on", "-pk"],
                        "db_table": "editorial_searchlog",
                    },
                ),
                migrations.CreateModel(
                    name="OpenedResult",
                    fields=[
                        ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                        ("guide", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="+", to="guides.guidepage")),
                        ("search", models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name="opened", to="search.searchlog")),
                    ],
                    options={
                        "db_table": "editorial_openedresult",
                        "constraints": [models.UniqueConstraint(fields=("search", "guide"), name="one_opening_per_search_and_guide")],
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
