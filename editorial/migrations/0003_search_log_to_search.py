"""The search log is the search app's now (search 0006): its tables stay, only the state moves."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("editorial", "0002_moderation_workflow"),
        ("search", "0006_search_log"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="OpenedResult"), migrations.DeleteModel(name="SearchLog")],
            database_operations=[],
        ),
    ]
