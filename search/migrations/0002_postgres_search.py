"""PostgreSQL search structures: extensions, a folded text search configuration, generated search
vectors and their indexes. Every step is skipped on other databases, where the migration is a no-op.
"""

from django.db import migrations

FORWARD = """
CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE EXTENSION IF NOT EXISTS unaccent;

-- Folded Swedish: stopwords dropped first (or "for" would find every "för"), then å/ä/ö folded, then stemmed.
CREATE TEXT SEARCH DICTIONARY chefsguider_swedish_stop (TEMPLATE = simple, STOPWORDS = swedish, ACCEPT = false);
CREATE TEXT SEARCH CONFIGURATION chefsguider_folded (COPY = swedish);
ALTER TEXT SEARCH CONFIGURATION chefsguider_folded
    ALTER MAPPING FOR asciiword, asciihword, hword_asciipart, word, hword, hword_part
    WITH chefsguider_swedish_stop, unaccent, swedish_stem;

-- Each field's compound parts share its weight: "samtal om lön" matches the title "Lönesamtal".
ALTER TABLE search_guidesearchentry
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish', title || ' ' || coalesce(compound_parts->>'title', '')), 'A') ||
        setweight(to_tsvector('swedish', summary || ' ' || coalesce(compound_parts->>'summary', '')), 'B') ||
        setweight(to_tsvector('swedish', headings || ' ' || coalesce(compound_parts->>'headings', '')), 'C') ||
        setweight(to_tsvector('swedish', body || ' ' || coalesce(compound_parts->>'body', '')), 'D')
    ) STORED,
    ADD COLUMN folded_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('chefsguider_folded', title), 'A') ||
        setweight(to_tsvector('chefsguider_folded', summary), 'B') ||
        setweight(to_tsvector('chefsguider_folded', headings), 'C') ||
        setweight(to_tsvector('chefsguider_folded', body), 'D')
    ) STORED;

CREATE INDEX search_entry_vector ON search_guidesearchentry USING gin (search_vector);
CREATE INDEX search_entry_folded ON search_guidesearchentry USING gin (folded_vector);
CREATE INDEX search_entry_categories ON search_guidesearchentry USING gin (categories);
CREATE INDEX search_entry_situations ON search_guidesearchentry USING gin (situations);
CREATE INDEX search_entry_updated ON search_guidesearchentry (updated);
CREATE INDEX search_vocabulary_trigram ON search_vocabularyword USING gist (word gist_trgm_ops);
CREATE INDEX search_vocabulary_prefix ON search_vocabularyword (word text_pattern_ops);
"""

BACKWARD = """
DROP INDEX IF EXISTS search_vocabulary_prefix;
DROP INDEX IF EXISTS search_vocabulary_trigram;
ALTER TABLE search_guidesearchentry
    DROP COLUMN IF EXISTS search_vector, DROP COLUMN IF EXISTS folded_vector;
DROP INDEX IF EXISTS search_entry_categories;
DROP INDEX IF EXISTS search_entry_situations;
DROP INDEX IF EXISTS search_entry_updated;
DROP TEXT SEARCH CONFIGURATION IF EXISTS chefsguider_folded;
DROP TEXT SEARCH DICTIONARY IF EXISTS chefsguider_swedish_stop;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_initial")]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD))]
