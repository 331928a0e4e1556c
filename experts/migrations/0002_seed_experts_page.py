"""Place /experten-svarar/ under the home page."""

from django.db import migrations

from tools.seed import add_child_page, home_page


def seed(apps, schema_editor):
    home = home_page(apps)
    if home is None:
        return
    add_child_page(
        apps, home, "experts", "ExpertIndexPage", title="Experten svarar", slug="experten-svarar",
        intro="<p>Våra rådgivare inom arbetsrätt, lön, arbetsmiljö och ledarskap svarar på frågor från chefer. "
        "Frågorna är redigerade och anonyma.</p>",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("experts", "0001_initial"),
        ("tools", "0002_seed_tools"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
