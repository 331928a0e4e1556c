"""The PostgreSQL engine at 100,000 guides: narrow rows and a small vector to choose what to rank.

- `head_vector`: title (A), ingress and search words (B) and headings (C), without the body.
  Ranking every match by the full vector is what made large libraries slow (each vector is a few
  kB, read from TOAST and decompressed); the small head vector, with its own GIN index, picks the
  candidates worth that: those with a match in their title, ingress, search words or headings.
- Rows are kept narrow (toast_tuple_target = 128): the texts and the full vector live in TOAST,
  while what every matching row is read for (areas, situations, date, head vector) stays in the
  row (storage MAIN), so counting facets over tens of thousands of matches reads few pages.
Existing rows are rewritten (VACUUM FULL is not allowed in a transaction; a rebuild_search_index
rewrites them as well). No-op on other databases.
"""

from django.db import migrations

FORWARD = """
ALTER TABLE search_guidesearchentry
    ADD COLUMN head_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish', title || ' ' || coalesce(compound_parts->>'title', '')), 'A') ||
        setweight(to_tsvector('swedish', summary || ' ' || coalesce(compound_parts->>'summary', '') || ' ' ||
                  keywords || ' ' || coalesce(compound_parts->>'keywords', '')), 'B') ||
        setweight(to_tsvector('swedish', headings || ' ' || coalesce(compound_parts->>'headings', '')), 'C')
    ) STORED;
ALTER TABLE search_guidesearchentry ALTER COLUMN head_vector SET STORAGE MAIN;
CREATE INDEX search_entry_head_vector ON search_guidesearchentry USING gin (head_vector);
ALTER TABLE search_guidesearchentry ALTER COLUMN categories SET STORAGE MAIN;
ALTER TABLE search_guidesearchentry ALTER COLUMN situations SET STORAGE MAIN;
ALTER TABLE search_guidesearchentry SET (toast_tuple_target = 128);
UPDATE search_guidesearchentry SET body = body;
"""

BACKWARD = """
ALTER TABLE search_guidesearchentry RESET (toast_tuple_target);
ALTER TABLE search_guidesearchentry ALTER COLUMN categories SET STORAGE EXTENDED;
ALTER TABLE search_guidesearchentry ALTER COLUMN situations SET STORAGE EXTENDED;
DROP INDEX IF EXISTS search_entry_head_vector;
ALTER TABLE search_guidesearchentry DROP COLUMN IF EXISTS head_vector;
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0004_guidesearchentry_keywords")]

    operations = [migrations.RunPython(on_postgresql(FORWARD), on_postgresql(BACKWARD))]
