"""Seed the site: the front page, the catalogue at /chefsguider/, and the areas and situations."""

from django.db import migrations
from django.utils.text import slugify

AREAS = ["Ledarskap", "Lön", "Arbetsrätt", "Arbetsmiljö", "Rekrytering", "Kommunikation", "Förändring", "Karriär"]
SITUATIONS = [
    "Ny som chef",
    "Svåra samtal",
    "Sjukskrivning och rehabilitering",
    "Lönerevision",
    "Omorganisation",
    "Konflikt i gruppen",
    "Leda på distans",
    "Mål och uppföljning",
    "Anställa",
    "Avsluta anställning",
    "Stress och hög arbetsbelastning",
]


def seed(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Page = apps.get_model("wagtailcore", "Page")
    Site = apps.get_model("wagtailcore", "Site")
    Locale = apps.get_model("wagtailcore", "Locale")
    HomePage = apps.get_model("guides", "HomePage")
    CataloguePage = apps.get_model("guides", "CataloguePage")
    GuideArea = apps.get_model("guides", "GuideArea")
    Situation = apps.get_model("guides", "Situation")

    for order, name in enumerate(AREAS, start=1):
        GuideArea.objects.get_or_create(slug=slugify(name), defaults={"name": name, "sort_order": order})
    for order, name in enumerate(SITUATIONS, start=1):
        Situation.objects.get_or_create(slug=slugify(name), defaults={"name": name, "sort_order": order})

    if HomePage.objects.exists():
        return
    locale, _ = Locale.objects.get_or_create(language_code="sv")
    Page.objects.filter(depth=2, slug="home").delete()  # Wagtail's welcome page
    root = Page.objects.get(depth=1)
    home_type, _ = ContentType.objects.get_or_create(app_label="guides", model="homepage")
    catalogue_type, _ = ContentType.objects.get_or_create(app_label="guides", model="cataloguepage")
    home_path = root.path + "0001"
    while Page.objects.filter(path=home_path).exists():
        home_path = root.path + f"{int(home_path[-4:]) + 1:04d}"
    home = HomePage.objects.create(
        title="Bli en tryggare chef",
        intro="<p>Praktiska guider, verktyg och råd för dig som leder andra – "
        "från första dagen som chef till lönesamtal, sjukskrivningar och omorganisationer.</p>",
        draft_title="Bli en tryggare chef",
        slug="start",
        content_type=home_type,
        path=home_path,
        depth=2,
        numchild=1,
        url_path="/start/",
        locale=locale,
        live=True,
    )
    CataloguePage.objects.create(
        title="Chefsguider",
        intro="<p>Bra ledarskap får verksamheter att lyckas. Utvecklas som chef med våra verktyg, tips och råd.</p>",
        draft_title="Chefsguider",
        slug="chefsguider",
        content_type=catalogue_type,
        path=home_path + "0001",
        depth=3,
        numchild=0,
        url_path="/start/chefsguider/",
        locale=locale,
        live=True,
    )
    root.numchild = Page.objects.filter(depth=2).count()
    root.save()
    Site.objects.all().delete()
    Site.objects.create(hostname="localhost", port=80, root_page_id=home.id, is_default_site=True, site_name="Chefsguider")


class Migration(migrations.Migration):
    dependencies = [
        ("guides", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]
    run_before = []

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
