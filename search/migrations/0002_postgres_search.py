"""PostgreSQL search structures: extensions, the generated search vector and the indexes.
Every step is skipped on other databases, where the migration is a no-op.
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Each field's compound parts share its weight: "samtal om lön" matches the title "Lönesamtal".
ALTER TABLE search_guidesearchentry
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish', title || ' ' || coalesce(compound_parts->>'title', '')), 'A') ||
        setweight(to_tsvector('swedish', summary || ' ' || coalesce(compound_parts->>'summary', '')), 'B') ||
        setweight(to_tsvector('swedish', headings || ' ' || coalesce(compound_parts->>'headings', '')), 'C') ||
        setweight(to_tsvector('swedish', body || ' ' || coalesce(compound_parts->>'body', '')), 'D')
    ) STORED;

CREATE INDEX search_entry_vector ON search_guidesearchentry USING gin (search_vector);
CREATE INDEX search_entry_categories ON search_guidesearchentry USING gin (categories);
CREATE INDEX search_entry_situations ON search_guidesearchentry USING gin (situations);
CREATE INDEX search_entry_updated ON search_guidesearchentry (updated);
CREATE INDEX search_vocabulary_trigram ON search_vocabularyword USING gist (word gist_trgm_ops);
CREATE INDEX search_vocabulary_prefix ON search_vocabularyword (word text_pattern_ops);
"""

BACKWARD = """
DROP INDEX IF EXISTS search_vocabulary_prefix;
DROP INDEX IF EXISTS search_vocabulary_trigram;
DROP INDEX IF EXISTS search_entry_categories;
DROP INDEX IF EXISTS search_entry_situations;
DROP INDEX IF EXISTS search_entry_updated;
ALTER TABLE search_guidesearchentry DROP COLUMN IF EXISTS search_vector;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD))]
