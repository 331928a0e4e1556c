"""The PostgreSQL engine reads the head vector in the row of each match (issue #20): its GIN index
is no longer used by any search, only kept current by every write. No-op on other databases."""

from importlib import import_module

from django.db import migrations

FORWARD = "DROP INDEX IF EXISTS search_entry_head_vector;"
BACKWARD = "CREATE INDEX IF NOT EXISTS search_entry_head_vector ON search_guidesearchentry USING gin (head_vector);"

# The helper that runs SQL on PostgreSQL only, from the migration that made the head vector.
on_postgresql = import_module("search.migrations.0005_postgres_search_at_scale").on_postgresql


class Migration(migrations.Migration):
    dependencies = [("search", "0006_search_log")]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD))]
