"""The PostgreSQL engine counts facets per combination of areas and situations (issue #20).

`facets` is each entry's areas and situations as one short text ("lon,karriar|ny-som-chef"), kept
in the row (storage PLAIN: the table's toast_tuple_target of 128 would otherwise move even these
few bytes to TOAST). A search groups its matches by it, a cheap hash of a short text, and works out
the count, the filters and both facets' counts per combination instead of per match. The area and
situation lists themselves are no longer read per match: they go to TOAST with the texts (storage
EXTENDED, a narrower row), and their GIN indexes, which no search reads, are dropped. The ADD
COLUMN rewrites the table with the new storage. No-op on other databases.
"""

from importlib import import_module

from django.db import migrations

FORWARD = """
ALTER TABLE search_guidesearchentry
    ADD COLUMN facets text GENERATED ALWAYS AS (
        translate(areas::text, '[]" ', '') || '|' || translate(situations::text, '[]" ', '')
    ) STORED,
    ALTER COLUMN facets SET STORAGE PLAIN,
    ALTER COLUMN areas SET STORAGE EXTENDED,
    ALTER COLUMN situations SET STORAGE EXTENDED;
DROP INDEX IF EXISTS search_entry_areas;
DROP INDEX IF EXISTS search_entry_situations;
"""

BACKWARD = """
CREATE INDEX IF NOT EXISTS search_entry_areas ON search_guidesearchentry USING gin (areas);
CREATE INDEX IF NOT EXISTS search_entry_situations ON search_guidesearchentry USING gin (situations);
ALTER TABLE search_guidesearchentry
    ALTER COLUMN areas SET STORAGE MAIN,
    ALTER COLUMN situations SET STORAGE MAIN,
    DROP COLUMN IF EXISTS facets;
"""

# The helper that runs SQL on PostgreSQL only, from the migration that made the head vector.
on_postgresql = import_module("search.migrations.0005_postgres_search_at_scale").on_postgresql


class Migration(migrations.Migration):
    dependencies = [("search", "0008_rename_categories_areas")]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD))]
