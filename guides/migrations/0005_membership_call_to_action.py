"""Create the site's one membership call to action, so the first page view does not create it
(a write on a GET, which also invalidated the whole page cache)."""

from django.db import migrations


def create(apps, schema_editor):
    MembershipCallToAction = apps.get_model("guides", "MembershipCallToAction")
    if not MembershipCallToAction.objects.exists():
        MembershipCallToAction.objects.create()


class Migration(migrations.Migration):
    dependencies = [("guides", "0004_guide_body_podcast_teaser")]

    operations = [migrations.RunPython(create, migrations.RunPython.noop)]
