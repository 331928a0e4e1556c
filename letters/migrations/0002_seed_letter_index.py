"""Place /verktyg/brev/ under the tools page; the letters themselves come from import_letters."""

from django.db import migrations

from tools.seed import add_child_page


def seed(apps, schema_editor):
    tools = apps.get_model("tools", "ToolIndexPage").objects.order_by("path").first()
    if tools is None:
        return
    add_child_page(
        apps, tools, "letters", "LetterIndexPage", title="Brev och mallar", slug="brev",
        intro="<p>Brev som du fyller i och laddar ner som Word-fil eller PDF, med de uppgifter lagen kräver. "
        "Kommer du från en planerare finns datumen redan ifyllda. Det du skriver sparas inte hos oss.</p>",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("letters", "0001_initial"),
        ("tools", "0002_seed_tools"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
