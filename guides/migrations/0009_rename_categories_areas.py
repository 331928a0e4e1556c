"""GuidePage.categories becomes GuidePage.areas: one name in code for a guide area (the front matter
key "categories" and the API's "category" stay, public contracts). Renames the link table; the
rows are kept."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("guides", "0008_guidepage_keywords")]

    operations = [migrations.RenameField(model_name="guidepage", old_name="categories", new_name="areas")]
