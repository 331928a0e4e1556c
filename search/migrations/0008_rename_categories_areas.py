"""The search entry's area slugs are `areas`, as everywhere in code; the rows are kept (PostgreSQL's
GIN index on the column follows it and is renamed to match)."""

from django.db import migrations

INDEX_NAMES = ("search_entry_categories", "search_entry_areas")


def rename_index(old: str, new: str):
    def run(apps, schema_editor) -> None:
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER INDEX IF EXISTS {old} RENAME TO {new}")

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0007_drop_head_vector_index")]

    operations = [
        migrations.RenameField(model_name="guidesearchentry", old_name="categories", new_name="areas"),
        migrations.RunPython(rename_index(*INDEX_NAMES), rename_index(*reversed(INDEX_NAMES))),
    ]
