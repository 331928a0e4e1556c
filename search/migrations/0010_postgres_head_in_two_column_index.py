"""The PostgreSQL engine finds the matches with a concept in their head vector through the index
(issue #20).

Testing the head vector on the row of every match (0007) cost more than reading the row: a search
matching 43,000 of 100,000 guides spent a third of its time on it. Now one GIN index holds both
vectors, so a single index scan finds the matches whose title, ingress, search words or headings
have a concept (both conditions decided by the index, neither vector read), and the head vector
goes to TOAST with the texts: a row keeps its id, date, `facets` and TOAST pointers, and the heap
halves (55 → 27 MB at 100,000 guides), so counting tens of thousands of matches reads half the
pages. The two-column index also serves every search on the full vector alone (GIN matches any
subset of its columns), so it replaces the one-column index. CLUSTER rewrites the rows with the
new storage in the migration's transaction. No-op on other databases.
"""

from importlib import import_module

from django.db import migrations

FORWARD = """
ALTER TABLE search_guidesearchentry ALTER COLUMN head_vector SET STORAGE EXTENDED;
CREATE INDEX IF NOT EXISTS search_entry_vectors ON search_guidesearchentry USING gin (search_vector, head_vector);
DROP INDEX IF EXISTS search_entry_vector;
CLUSTER search_guidesearchentry USING search_guidesearchentry_pkey;
"""

BACKWARD = """
ALTER TABLE search_guidesearchentry ALTER COLUMN head_vector SET STORAGE MAIN;
CREATE INDEX IF NOT EXISTS search_entry_vector ON search_guidesearchentry USING gin (search_vector);
DROP INDEX IF EXISTS search_entry_vectors;
CLUSTER search_guidesearchentry USING search_guidesearchentry_pkey;
"""

# The helper that runs SQL on PostgreSQL only, from the migration that made the head vector.
on_postgresql = import_module("search.migrations.0005_postgres_search_at_scale").on_postgresql


class Migration(migrations.Migration):
    dependencies = [("search", "0009_postgres_facet_combinations")]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD))]
