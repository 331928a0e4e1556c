"""Place /podd/ under the home page."""

from django.db import migrations

from tools.seed import add_child_page, home_page


def seed(apps, schema_editor):
    home = home_page(apps)
    if home is None:
        return
    add_child_page(
        apps, home, "podcasts", "PodcastIndexPage", title="Chefsguiders podd", slug="podd",
        intro="<p>Samtal med chefer och experter om det som händer i vardagen som chef. Varje avsnitt har en "
        "utskrift och tips på guider att läsa vidare i.</p>",
    )


class Migration(migrations.Migration):
    dependencies = [
        ("podcasts", "0001_initial"),
        ("experts", "0002_seed_experts_page"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
