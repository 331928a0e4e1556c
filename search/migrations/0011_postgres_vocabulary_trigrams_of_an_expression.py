"""Vocabulary lookups by word take the primary key, not the trigram index (issue #20).

pg_trgm's GiST operator class answers equality too, and the planner costed it like the primary
key and chose it: a lookup of one word took 1.1 ms at 30,000 words, three words 2.3 ms, against
well under 0.2 ms through the B-tree. The engine worked around it by turning bitmap scans off for
its lookups, three more statements each. The trigram index is now on `lower(word)` (the words are
lower case already), which an equality on `word` cannot use; the engine asks for trigram
neighbours by the same expression. No-op on other databases.
"""

from importlib import import_module

from django.db import migrations

FORWARD = """
DROP INDEX IF EXISTS search_vocabulary_trigram;
CREATE INDEX search_vocabulary_trigram ON search_vocabularyword USING gist (lower(word) gist_trgm_ops);
"""

BACKWARD = """
DROP INDEX IF EXISTS search_vocabulary_trigram;
CREATE INDEX search_vocabulary_trigram ON search_vocabularyword USING gist (word gist_trgm_ops);
"""

# The helper that runs SQL on PostgreSQL only, from the migration that made the head vector.
on_postgresql = import_module("search.migrations.0005_postgres_search_at_scale").on_postgresql


class Migration(migrations.Migration):
    dependencies = [("search", "0010_postgres_head_in_two_column_index")]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD))]
