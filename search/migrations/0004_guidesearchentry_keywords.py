"""Editors' search words ("sökord") in the PostgreSQL engine's table, weighted like the ingress (B)
in the generated search vector. A generated column cannot be altered: it is dropped and made again
with its GIN index. No-op beyond the new column on other databases.
"""

from django.db import migrations, models


def vector(with_keywords: bool) -> str:
    keywords = " || ' ' || keywords || ' ' || coalesce(compound_parts->>'keywords', '')" if with_keywords else ""
    return f"""
DROP INDEX IF EXISTS search_entry_vector;
ALTER TABLE search_guidesearchentry DROP COLUMN IF EXISTS search_vector;
ALTER TABLE search_guidesearchentry
    ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('swedish', title || ' ' || coalesce(compound_parts->>'title', '')), 'A') ||
        setweight(to_tsvector('swedish', summary || ' ' || coalesce(compound_parts->>'summary', ''){keywords}), 'B') ||
        setweight(to_tsvector('swedish', headings || ' ' || coalesce(compound_parts->>'headings', '')), 'C') ||
        setweight(to_tsvector('swedish', body || ' ' || coalesce(compound_parts->>'body', '')), 'D')
    ) STORED;
CREATE INDEX search_entry_vector ON search_guidesearchentry USING gin (search_vector);
"""


def on_postgresql(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0003_seed_synonyms")]

    operations = [
        migrations.AddField(model_name="guidesearchentry", name="keywords", field=models.TextField(blank=True)),
        migrations.RunPython(on_postgresql(vector(True)), on_postgresql(vector(False))),
    ]
