"""The seeded synonym group "avsked, avskedande, avskeda, uppsägning av personliga skäl" (0003)
made a dismissal without notice (avsked, 18 § LAS) the same as a notice of dismissal for personal
reasons (7 § LAS): a reader searching "avsked" got the guides on uppsägning first, above the guide
"Avsked". The group keeps the word's own forms. A group an editor has changed is left alone."""

from django.db import migrations

SEEDED = "avsked, avskedande, avskeda, uppsägning av personliga skäl"
FORMS = "avsked, avskedande, avskeda"


def split(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(words=SEEDED).update(words=FORMS)


def join(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(words=FORMS).update(words=SEEDED)


class Migration(migrations.Migration):
    dependencies = [("search", "0012_postgres_gin_without_pending_list")]

    operations = [migrations.RunPython(split, join)]
