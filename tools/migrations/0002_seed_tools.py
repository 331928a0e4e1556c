"""Place /verktyg/ and the tool pages under the home page, with Swedish descriptions editors can change."""

from django.db import migrations

from tools.seed import add_child_page, home_page

TOOLS = [
    (
        "uppfoljningsplan", "Uppföljningsplan", "follow_up", "",
        "Planera uppföljningsmöten var fjärde vecka, en gång i månaden eller var sjätte vecka. Mötena hamnar "
        "på vardagar, och du får dem som en kalenderfil med frågor från en guide som agenda.",
    ),
    (
        "motespaket", "Mötespaket", "meeting_pack", "",
        "Välj guider, eller bara deras frågelistor och checklistor, och ladda ner en agenda som PDF med plats "
        "för anteckningar. Till exempel inför ett lönesamtal eller en arbetsplatsträff.",
    ),
    (
        "personlig-utvardering", "Personlig utvärdering", "personal_evaluation", "",
        "Fem frågor för att utvärdera dig själv som chef: vad ska du fortsätta med, göra mer av, göra mindre "
        "av, sluta med och börja med? Svaren stannar i din webbläsare tills du laddar ner dem.",
    ),
    (
        "sjukskrivning", "Plan vid sjukskrivning", "process", "sjukskrivning",
        "Fyll i första sjukdagen och få datumen som spelar roll: läkarintyget, anmälan till "
        "Försäkringskassan, planen för återgång i arbete och avstämningarna dag 90, 180 och 365.",
    ),
    (
        "arbetsbrist", "Plan vid uppsägning på grund av arbetsbrist", "process", "arbetsbrist",
        "Förhandling enligt MBL, varsel, turordning, uppsägningstid och företrädesrätt i datumordning, "
        "räknat från den dag du lämnar beskedet.",
    ),
    (
        "ny-medarbetare", "Plan för en ny medarbetare", "process", "introduktion",
        "Från förberedelserna före första dagen till uppföljningarna efter 30, 60 och 90 dagar och beskedet "
        "om provanställningen.",
    ),
]


def seed(apps, schema_editor):
    home = home_page(apps)
    if home is None:
        return
    index = add_child_page(
        apps, home, "tools", "ToolIndexPage", title="Verktyg", slug="verktyg",
        intro="<p>Verktyg som hjälper dig att planera, förbereda och följa upp. Det du skriver i verktygen "
        "sparas inte hos oss.</p>",
    )
    for slug, title, tool, process, summary in TOOLS:
        add_child_page(apps, index, "tools", "ToolPage", title=title, slug=slug, tool=tool, process=process, summary=summary)


class Migration(migrations.Migration):
    dependencies = [
        ("tools", "0001_initial"),
        ("guides", "0002_seed_site"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
