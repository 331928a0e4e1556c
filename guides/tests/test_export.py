"""export_guides: the library written back in the guide source format, losslessly.

The round trip imports the starter library, exports it, empties the library, imports the
export and compares every guide, term and link field by field.
"""

import re

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from guides.exporter import guide_source
from guides.importer import comparable
from guides.models import CataloguePage, GuideArea, GuidePage, Situation
from guides.source import body_blocks, markdown, parse_guide

CONTENT = settings.BASE_DIR / "content"
PAGE_LINK = re.compile(r'linktype="page" id="(\d+)"')


def library_snapshot() -> dict:
    """Everything the source format carries, with page ids replaced by slugs."""
    slugs = dict(GuidePage.objects.values_list("pk", "slug"))

    def body(guide):
        blocks = comparable(guide.body)
        for block in blocks:
            if block["type"] == "guide_link":
                block["value"]["page"] = slugs[block["value"]["page"]]
        return PAGE_LINK.sub(lambda match: f'guide="{slugs[int(match.group(1))]}"', repr(blocks))

    guides = {
        guide.slug: {
            "title": guide.title,
            "summary": guide.summary,
            "author": guide.author,
            "updated": guide.updated,
            "members_only": guide.members_only,
            "keywords": guide.keywords,
            "live": guide.live,
            "categories": [term.name for term in guide.areas.order_by("sort_order")],
            "situations": [term.name for term in guide.situations.order_by("sort_order")],
            "body": body(guide),
        }
        for guide in GuidePage.objects.all()
    }
    terms = {
        model.__name__: [(term.name, term.slug, term.intro) for term in model.objects.order_by("sort_order")]
        for model in (GuideArea, Situation)
    }
    return {"guides": guides, "terms": terms, "catalogue_intro": CataloguePage.objects.get().intro}


def empty_library():
    GuidePage.objects.all().delete()
    GuideArea.objects.all().delete()
    Situation.objects.all().delete()
    catalogue = CataloguePage.objects.get()
    catalogue.intro = ""
    catalogue.save_revision().publish()


@pytest.fixture
def quick_publishing(settings):
    """The admin's search index and reference index are beside the point here, and slow."""
    from wagtail.signal_handlers import disable_reference_index_auto_update

    settings.WAGTAILSEARCH_BACKENDS = {
        "default": {"BACKEND": "wagtail.search.backends.database", "AUTO_UPDATE": False}
    }
    with disable_reference_index_auto_update():
        yield


def test_export_and_import_into_an_empty_library_reproduces_it(catalogue, tmp_path, quick_publishing):
    call_command("import_terms", str(CONTENT / "terms.yml"))
    call_command("import_guides", str(CONTENT / "guides"))
    before = library_snapshot()
    assert len(before["guides"]) == len(list((CONTENT / "guides").glob("*.md")))
    assert sum(body.count('guide="') for body in (g["body"] for g in before["guides"].values())) > 60

    call_command("export_guides", str(tmp_path / "export"))
    empty_library()
    assert not GuidePage.objects.exists() and not GuideArea.objects.exists()
    call_command("import_terms", str(tmp_path / "export" / "terms.yml"))
    call_command("import_guides", str(tmp_path / "export"))
    after = library_snapshot()

    assert after["terms"] == before["terms"]
    assert after["catalogue_intro"] == before["catalogue_intro"]
    assert sorted(after["guides"]) == sorted(before["guides"])
    for slug, fields in before["guides"].items():
        for name, value in fields.items():
            assert after["guides"][slug][name] == value, f"{slug}: {name} differs after the round trip"

    call_command("export_guides", str(tmp_path / "again"))
    for path in (tmp_path / "export").iterdir():
        assert (tmp_path / "again" / path.name).read_text() == path.read_text(), f"{path.name} is not stable"


def test_blocks_are_written_as_the_house_rules_say(make_guide, tmp_path):
    target = make_guide("Ge feedback", slug="ge-och-ta-emot-feedback")
    guide = make_guide(
        "Lönesamtalet",
        slug="lonesamtal",
        areas=["lon"],
        situations=["lonerevision"],
        body=[
            {"type": "key_points", "value": {"points": ["Förbered dig", "Lyssna"]}},
            {"type": "heading", "value": {"text": "Före samtalet", "level": "h2"}},
            {"type": "rich_text", "value": f'<p>Läs <a linktype="page" id="{target.pk}">om feedback</a> först.</p>'},
            {"type": "question_list", "value": {"title": "", "questions": ["Vad gick bra?", "Vad vill du ändra?"]}},
            {"type": "checklist", "value": {"title": "", "items": ["Boka rum", "Skicka kallelse"]}},
            {"type": "tip", "value": {"title": "Tips", "text": "<p>Börja med det som gått <strong>bra</strong>.</p>"}},
            {"type": "quote", "value": {"text": "Lyssna mer än du pratar.", "attribution": "En chef"}},
            {"type": "guide_link", "value": {"page": target.pk, "text": "Så ger du feedback"}},
        ],
    )
    call_command("export_guides", str(tmp_path))
    text = (tmp_path / "lonesamtal.md").read_text()
    assert text.startswith("---\ntitle: Lönesamtalet\nslug: lonesamtal\n")
    assert "categories: [Lön]\nsituations: [Lönerevision]\n" in text
    body = text.split("---\n", 2)[2]
    assert body == (
        "## I korthet\n\n- Förbered dig\n- Lyssna\n\n"
        "## Före samtalet\n\n"
        "Läs [om feedback](/guider/ge-och-ta-emot-feedback/) först.\n\n"
        "- Vad gick bra?\n- Vad vill du ändra?\n\n"
        "* [ ] Boka rum\n* [ ] Skicka kallelse\n\n"  # another marker, or the two lists would merge
        "> **Tips:** Börja med det som gått **bra**.\n\n"
        "> Lyssna mer än du pratar.\n>\n> — En chef\n\n"
        "[Så ger du feedback](/guider/ge-och-ta-emot-feedback/)\n"
    )
    source = parse_guide(text, "lonesamtal")
    assert [block["type"] for block in source.blocks] == [block.block_type for block in guide.body]
    assert (tmp_path / "terms.yml").exists()


@pytest.mark.parametrize(
    "markdown_text",
    [
        "Text med \\*stjärnor\\*, [hakar], `kod`, <vinkel> & 1 \\_understreck\\_.",
        "2026. Ett år som börjar en rad\n\n\\# inte en rubrik\n\n\\- inte en lista",
        "Rad ett\\\nrad två och [länk](https://exempel.se/a_(b)) och **fet *kursiv***.",
        "1. Steg ett\n2. Steg två\n\n- punkt\n  - underpunkt\n- punkt två",
    ],
)
def test_rich_text_reads_back_as_the_same_html(markdown_text, make_guide):
    html = markdown.render(markdown_text).strip()
    guide = make_guide(body=[{"type": "rich_text", "value": html}])
    from guides.exporter import LinkTargets

    exported = guide_source(guide, LinkTargets({})).split("---\n", 2)[2]
    assert markdown.render(exported).strip() == html
    assert body_blocks(exported, set()) == [{"type": "rich_text", "value": html}]


def test_unpublished_guides_are_left_out_and_links_to_them_become_text(make_guide, catalogue, tmp_path):
    draft = GuidePage(title="Utkast", slug="utkast", summary="Inte klar.", author="A", live=False)
    catalogue.add_child(instance=draft)
    link = f'<p>Se <a linktype="page" id="{draft.pk}">utkastet</a>.</p>'
    make_guide(slug="publicerad", body=[{"type": "rich_text", "value": link}])
    call_command("export_guides", str(tmp_path))
    assert not (tmp_path / "utkast.md").exists()
    assert "Se utkastet." in (tmp_path / "publicerad.md").read_text()


def test_an_earlier_export_is_only_replaced_on_request(make_guide, tmp_path):
    make_guide(slug="kvar")
    (tmp_path / "borttagen.md").write_text("gammal")
    with pytest.raises(CommandError, match="--replace"):
        call_command("export_guides", str(tmp_path))
    call_command("export_guides", str(tmp_path), "--replace")
    assert sorted(path.name for path in tmp_path.iterdir()) == ["kvar.md", "terms.yml"]
