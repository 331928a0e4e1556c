"""A starting set of synonym groups for Swedish management topics; editors maintain them from here."""

from django.db import migrations

STARTING_GROUPS = [
    "onboarding, introduktion, nyanställd, introduktionsprogram",
    "lönesamtal, lönesättningssamtal, lönesättande samtal",
    "sjukskriven, sjukskrivning, sjukfrånvaro",
    "distansarbete, distans, hybrid, remote, hemarbete, jobba hemifrån",
    "apt, arbetsplatsträff, arbetsplatsmöte",
    "konflikt, osämja, bråk, motsättningar",
    "avsked, avskedande, avskeda, uppsägning av personliga skäl",
    "feedback, återkoppling",
    "medarbetarsamtal, utvecklingssamtal",
    "rekrytering, rekrytera, nyrekrytering, anställa",
    "stress, arbetsbelastning, utmattning, utbrändhet, burnout",
    "lönerevision, löneöversyn, lönerörelse",
    "las, anställningsskyddslagen, lagen om anställningsskydd",
    "mbl, medbestämmandelagen",
    "ledarskap, ledare, management, leadership",
    "omorganisation, omorganisering, reorganisation",
    "rehabilitering, rehab, återgång i arbete",
    "kränkande särbehandling, mobbning, trakasserier",
    "övertid, mertid",
    "coachning, coaching, coachande",
    "provanställning, provtid",
    "kompetensutveckling, vidareutbildning, fortbildning",
    "intervju, anställningsintervju, jobbintervju",
    "referenstagning, referenser",
    "alkohol, missbruk, beroende",
    "delegera, delegering",
    "avslutningssamtal, exitsamtal, exitintervju",
]


def seed(apps, schema_editor):
    SynonymGroup = apps.get_model("search", "SynonymGroup")
    SynonymGroup.objects.bulk_create(SynonymGroup(words=words) for words in STARTING_GROUPS)


def unseed(apps, schema_editor):
    apps.get_model("search", "SynonymGroup").objects.filter(words__in=STARTING_GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [("search", "0002_postgres_search")]

    operations = [migrations.RunPython(seed, unseed)]
