"""The search vectors' GIN index takes new entries straight into its tree (issue #20).

With GIN's default `fastupdate`, new and changed rows go to a pending list that every search
scans in full, entry by entry, until VACUUM (autovacuum, when it runs) or a full list (4 MB) merges
it into the tree. After a rebuild of 100,000 guides 303 pages were left pending (the last 318
guides), and each search scanned them twice (its head and its matches): a two-word search took
28-39 ms instead of 25, and at 10,000 guides the two-word p95 fell from 32.6 to 24.7 ms without
the list. The library is written by editors, a guide at a time; a write costs a little more (a
rebuild of 10,000 guides 32 s instead of 19), every search less. Whatever is pending is merged
now. No-op on other databases.
"""

from importlib import import_module

from django.db import migrations

FORWARD = """
ALTER INDEX search_entry_vectors SET (fastupdate = off);
SELECT gin_clean_pending_list('search_entry_vectors'::regclass);
"""

BACKWARD = """
ALTER INDEX search_entry_vectors RESET (fastupdate);
"""

# The helper that runs SQL on PostgreSQL only, from the migration that made the head vector.
on_postgresql = import_module("search.migrations.0005_postgres_search_at_scale").on_postgresql


class Migration(migrations.Migration):
    dependencies = [("search", "0011_postgres_vocabulary_trigrams_of_an_expression")]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD))]
