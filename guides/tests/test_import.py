"""import_guides: Markdown to blocks, idempotent updates, and broken files that leave no trace."""

import re
import textwrap

import pytest
from django.core.management import CommandError, call_command

from guides.importer import import_guides
from guides.models import GuideArea, GuidePage, Situation
from guides.source import SourceError, body_blocks, parse_guide


def guide_file(folder, name, body="Brödtext.", **meta):
    fields = {
        "title": f'"{name.title()}"',
        "summary": '"En ingress."',
        "categories": '["Lön"]',
        "situations": '["Lönerevision"]',
        "author": '"Anna Andersson"',
        "updated": "2026-03-14",
    }
    fields.update(meta)
    front = "\n".join(f"{key}: {value}" for key, value in fields.items() if value is not None)
    path = folder / f"{name}.md"
    path.write_text(f"---\n{front}\n---\n{textwrap.dedent(body)}", encoding="utf-8")
    return path


def test_markdown_becomes_blocks():
    blocks = body_blocks(
        textwrap.dedent(
            """\
            ## I korthet

            - Poäng ett
            - Poäng två

            ## Rubrik

            Stycke med **fet** text och [länk](/guider/annan/).

            ### Underrubrik

            - Vad gick bra?
            - Vad vill du ändra?

            Att göra:

            - [ ] Boka rum
            - [x] Skicka kallelse

            Att minnas:

            - vanlig punkt
            - en till

            > **Tips:** Börja i tid.

            > Ett citat.
            >
            > — Någon klok

            [Läs mer](/guider/annan/)

            1. Steg ett
            2. Steg två
            """
        ),
        linked := set(),
    )
    types = [block["type"] for block in blocks]
    assert types == [
        "key_points", "heading", "rich_text", "heading", "question_list", "rich_text", "checklist",
        "rich_text", "tip", "quote", "guide_link", "rich_text",
    ]
    assert blocks[0]["value"] == {"points": ["Poäng ett", "Poäng två"]}
    assert blocks[3]["value"] == {"text": "Underrubrik", "level": "h3"}
    assert blocks[4]["value"]["questions"] == ["Vad gick bra?", "Vad vill du ändra?"]
    assert blocks[6]["value"]["items"] == ["Boka rum", "Skicka kallelse"]
    assert "<li>vanlig punkt</li>" in blocks[7]["value"]
    assert blocks[8]["value"]["text"] == "<p>Börja i tid.</p>"
    assert blocks[9]["value"] == {"text": "Ett citat.", "attribution": "Någon klok"}
    assert blocks[10]["value"] == {"page": "annan", "text": "Läs mer"}
    assert "<ol>" in blocks[11]["value"]
    assert linked == {"annan"}


def test_import_is_idempotent(db, tmp_path):
    guide_file(tmp_path, "forsta", "## Del\n\nText om [den andra](/guider/andra/).")
    guide_file(tmp_path, "andra", "Text om [den första](/guider/forsta/).")
    first = import_guides(tmp_path)
    assert (len(first.created), len(first.updated), len(first.unchanged), first.failed) == (2, 0, 0, [])
    page = GuidePage.objects.get(slug="forsta")
    revisions = page.revisions.count()

    again = import_guides(tmp_path)
    assert (len(again.created), len(again.updated), len(again.unchanged)) == (0, 0, 2)
    assert page.revisions.count() == revisions

    guide_file(tmp_path, "forsta", "## Del\n\nNy text om [den andra](/guider/andra/).")
    changed = import_guides(tmp_path)
    assert (len(changed.updated), len(changed.unchanged)) == (1, 1)
    page.refresh_from_db()
    assert page.revisions.count() == revisions + 1
    assert page.live and "Ny text" in page.body_text()
    assert f'linktype="page" id="{GuidePage.objects.get(slug="andra").pk}"' in page.body[1].value.source


def test_terms_and_fields_are_set(db, tmp_path):
    guide_file(tmp_path, "en-guide", categories='["Lön", "Karriär"]', situations='["Ny som chef"]',
               members_only="true", slug="annan-slug")
    import_guides(tmp_path)
    page = GuidePage.objects.get(slug="annan-slug")
    assert sorted(page.areas.values_list("slug", flat=True)) == ["karriar", "lon"]
    assert list(page.situations.values_list("slug", flat=True)) == ["ny-som-chef"]
    assert page.members_only and page.author == "Anna Andersson" and str(page.updated) == "2026-03-14"
    assert page.url == "/chefsguider/annan-slug/"


def test_search_words_are_carried_from_front_matter_to_the_page_and_back(db, tmp_path):
    from guides.exporter import LinkTargets, guide_source

    guide_file(tmp_path, "lonerevision", keywords='["löneöversyn", "salary review", "löneöversyn"]')
    import_guides(tmp_path)
    page = GuidePage.objects.get(slug="lonerevision")
    assert page.keyword_list() == ["löneöversyn", "salary review"]
    assert page.search_document().keywords == ("löneöversyn", "salary review")
    exported = guide_source(page, LinkTargets({page.pk: page.slug}))
    assert "keywords: [löneöversyn, salary review]\n" in exported
    assert parse_guide(exported, "lonerevision").keywords == ["löneöversyn", "salary review"]

    guide_file(tmp_path, "lonerevision")  # the words taken out of the file leave the page too
    assert import_guides(tmp_path).updated == [str(tmp_path / "lonerevision.md")]
    assert GuidePage.objects.get(slug="lonerevision").keyword_list() == []


BROKEN = {
    "no front matter": ("Bara text utan front matter.", "front matter missing"),
    "bad yaml": ("---\ntitle: [oavslutad\n---\nText", "not valid YAML"),
    "missing field": (dict(author=None), "lacks author"),
    "no categories field": (dict(categories=None), "lacks categories"),
    "empty categories": (dict(categories="[]"), "categories must name at least one"),
    "unknown field": (dict(kategori='"Lön"'), "unknown front matter field kategori"),
    "bad date": (dict(updated='"igår"'), "is not a date"),
    "bad slug": (dict(slug='"Stora Bokstäver"'), "not a valid slug"),
    "reserved slug": (dict(slug="omrade"), "reserved"),
    "bad members_only": (dict(members_only='"kanske"'), "members_only must be true or false"),
    "keywords not a list": (dict(keywords='"lön, pengar"'), "keywords must be a list"),
    "keyword with a comma": (dict(keywords='["lön, pengar"]'), "without commas"),
    "unknown area": (dict(categories='["Okänt område"]'), "unknown guide area 'Okänt område'"),
    "unknown situation": (dict(situations='["Okänd"]'), "unknown situation 'Okänd'"),
    "two unknown areas": (dict(categories='["Okänt", "Annat"]'), "unknown guide area 'Okänt', 'Annat' (use"),
    "two unknown links": (dict(body="Se [a](/guider/saknas/) och [b](/guider/borta/)."),
                          "links to unknown guide borta, saknas"),
    "unknown fact": (dict(body="Uppsägningstiden är {{fakta:finns-inte-i-registret}}."),
                     "line 9: unknown fact 'finns-inte-i-registret'"),
    "empty body": (dict(body="\n\n"), "body is empty"),
    "code block": (dict(body="```\nkod\n```\n"), "code blocks are not supported"),
    "h1 heading": (dict(body="# Stor rubrik\n\nText"), "only ## and ### headings"),
    "image": (dict(body="![bild](/x.png)"), "images are not supported"),
    "empty heading": (dict(body="Text.\n\n## \n\nMer."), "line 11: a heading must have text"),
    "empty key point": (dict(body="## I korthet\n\n- Ett\n-\n"), "line 12: a list item must have text"),
    "unknown link": (dict(body="Se [annan](/guider/finns-inte/)."), "links to unknown guide finns-inte"),
}


@pytest.mark.parametrize("case", BROKEN, ids=list(BROKEN))
def test_a_broken_file_is_reported_and_leaves_no_trace(db, tmp_path, case):
    spec, reason = BROKEN[case]
    good = guide_file(tmp_path, "bra-guide")
    if isinstance(spec, str):
        (tmp_path / "trasig.md").write_text(spec, encoding="utf-8")
    else:
        spec = dict(spec)
        guide_file(tmp_path, "trasig", spec.pop("body", "Text."), **spec)
    areas, situations = GuideArea.objects.count(), Situation.objects.count()

    report = import_guides(tmp_path)

    assert report.created == [str(good)]
    assert len(report.failed) == 1
    path, message = report.failed[0]
    assert path.endswith("trasig.md") and reason in message
    assert not GuidePage.objects.filter(title__iexact="Trasig").exists()
    assert (GuideArea.objects.count(), Situation.objects.count()) == (areas, situations)


def test_not_utf8_and_duplicate_slugs(db, tmp_path):
    (tmp_path / "latin1.md").write_bytes("---\ntitle: \"Lön\"\n---\nÅ".encode("latin-1"))
    guide_file(tmp_path, "a-forsta", slug="samma")
    guide_file(tmp_path, "b-andra", slug="samma")
    report = import_guides(tmp_path)
    reasons = dict(report.failed)
    assert reasons[str(tmp_path / "latin1.md")] == "file is not UTF-8 text"
    assert "already used by a-forsta.md" in reasons[str(tmp_path / "b-andra.md")]
    assert len(report.created) == 1


def test_a_link_to_a_failed_file_fails_too(db, tmp_path):
    guide_file(tmp_path, "trasig", updated='"aldrig"')
    guide_file(tmp_path, "lankar", "Se [trasig](/guider/trasig/).")
    report = import_guides(tmp_path)
    assert len(report.failed) == 2 and not GuidePage.objects.exists()


def test_a_chain_of_links_to_a_broken_link_fails_link_by_link(db, tmp_path):
    # c links to b, b to a guide that does not exist: b fails, and then c, which links to b.
    good = guide_file(tmp_path, "a-bra")
    guide_file(tmp_path, "b-mellan", "Se [saknas](/guider/finns-inte/).")
    guide_file(tmp_path, "c-forst", "Se [mellan](/guider/b-mellan/).")
    report = import_guides(tmp_path)
    assert report.created == [str(good)]
    assert dict(report.failed) == {
        str(tmp_path / "b-mellan.md"): "links to unknown guide finns-inte",
        str(tmp_path / "c-forst.md"): "links to unknown guide b-mellan (failed above)",
    }
    assert list(GuidePage.objects.values_list("slug", flat=True)) == ["a-bra"]


def test_create_terms_adds_unknown_terms(db, tmp_path):
    guide_file(tmp_path, "ny", categories='["Ekonomi"]', situations='["Budgetarbete"]')
    assert import_guides(tmp_path).failed
    report = import_guides(tmp_path, create_terms=True)
    assert not report.failed
    assert GuideArea.objects.get(slug="ekonomi").name == "Ekonomi"
    assert Situation.objects.filter(slug="budgetarbete").exists()


def test_command_prints_counts_and_fails_on_a_broken_file(db, tmp_path, capsys):
    guide_file(tmp_path, "bra")
    call_command("import_guides", str(tmp_path))
    assert "created: 1, updated: 0, unchanged: 0, failed: 0" in capsys.readouterr().out
    guide_file(tmp_path, "trasig", updated='"x"')
    with pytest.raises(CommandError, match=r"^1 file\(s\) failed to import$"):
        call_command("import_guides", str(tmp_path))
    captured = capsys.readouterr()
    # The released wording: one line per file, its path and the reason.
    assert captured.err.strip() == f"{tmp_path / 'trasig.md'}: updated 'x' is not a date (YYYY-MM-DD)"
    assert "created: 0, updated: 0, unchanged: 1, failed: 1" in captured.out


def test_script_links_never_become_links():
    blocks = body_blocks("[klicka](javascript:alert(1)) och <script>alert(1)</script>", set())
    assert "<a" not in blocks[0]["value"] and "<script>" not in blocks[0]["value"]


def test_starter_library_loads_on_an_empty_database(db):
    call_command("load_starter_content")
    assert GuidePage.objects.live().count() >= 60


@pytest.mark.parametrize(
    "command, page_type, named",
    [
        ("import_guides", "guides.CataloguePage", "catalogue page"),
        ("import_experts", "experts.ExpertIndexPage", "Experten svarar page"),
        ("import_podcasts", "podcasts.PodcastIndexPage", "podcast page"),
        ("import_letters", "letters.LetterIndexPage", "letter library (/verktyg/brev/)"),
    ],
)
def test_an_import_without_its_parent_page_names_it_and_writes_nothing(db, tmp_path, command, page_type, named):
    from django.apps import apps

    apps.get_model(page_type).objects.all().delete()
    with pytest.raises(CommandError, match=rf"there is no {re.escape(named)} to import into; run migrate first"):
        call_command(command, str(tmp_path))


TERMS = """\
catalogue_intro: |
  Stöd för chefer.

  Andra stycket & mer.
areas:
  - name: Lön
    intro: |
      Om lön <i>och</i> lönesamtal.

      Två stycken.
  - name: Helt nytt område
    slug: eget-namn
situations:
  - name: Ny som chef
"""


def test_terms_are_loaded_in_their_order_with_escaped_intros_and_the_catalogue_intro(db, tmp_path):
    from guides.importer import import_terms
    from guides.models import CataloguePage

    path = tmp_path / "terms.yml"
    path.write_text(TERMS, encoding="utf-8")
    assert import_terms(path) == {"areas": 2, "situations": 1}
    lon, new = GuideArea.objects.get(slug="lon"), GuideArea.objects.get(slug="eget-namn")
    assert (lon.name, lon.sort_order, new.name, new.sort_order) == ("Lön", 1, "Helt nytt område", 2)
    assert lon.intro == "<p>Om lön &lt;i&gt;och&lt;/i&gt; lönesamtal.</p><p>Två stycken.</p>"
    assert new.intro == ""
    assert Situation.objects.get(slug="ny-som-chef").sort_order == 1
    catalogue = CataloguePage.objects.get()
    assert catalogue.intro == "<p>Stöd för chefer.</p><p>Andra stycket &amp; mer.</p>"
    assert catalogue.live and not catalogue.has_unpublished_changes
    revisions = catalogue.revisions.count()
    import_terms(path)  # the same file again: nothing new to publish
    assert catalogue.revisions.count() == revisions
    assert GuideArea.objects.filter(name="Lön").count() == 1


@pytest.mark.parametrize(
    "text, reason",
    [
        ("- just a list\n", "expected a mapping with areas and situations"),
        ("areas: [\n", "cannot read terms (ParserError)"),
        ("areas:\n  - slug: utan-namn\n", "every entry of areas needs a name"),
        ("areas:\n  - name: Först i listan\nsituations:\n  - just text\n", "every entry of situations needs a name"),
    ],
)
def test_a_broken_terms_file_names_its_fault_and_changes_nothing(db, tmp_path, text, reason):
    from guides.importer import import_terms

    before = list(GuideArea.objects.values_list("slug", "name", "sort_order"))
    path = tmp_path / "terms.yml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(SourceError) as raised:
        import_terms(path)
    assert str(raised.value) == f"{path}: {reason}"
    assert list(GuideArea.objects.values_list("slug", "name", "sort_order")) == before


def test_sources_and_review_date_reach_the_page(db, tmp_path):
    guide_file(tmp_path, "med-kallor", reviewed="2026-02-01",
               sources='[{title: "Lagen om anställningsskydd", url: "https://www.riksdagen.se/las"}]')
    assert not import_guides(tmp_path).failed
    page = GuidePage.objects.get(slug="med-kallor")
    assert str(page.reviewed_at) == "2026-02-01"
    assert [(link.title, link.url) for link in page.sources.all()] == [
        ("Lagen om anställningsskydd", "https://www.riksdagen.se/las")
    ]


def test_a_link_to_a_guide_imported_before_resolves_and_a_link_paragraph_becomes_a_guide_link(db, tmp_path):
    first, later = tmp_path / "forst", tmp_path / "sedan"
    first.mkdir(), later.mkdir()
    guide_file(first, "lonesamtal")
    import_guides(first)
    body = "Text om [samtalet](/guider/lonesamtal/).\n\n[Lönesamtalet](/guider/lonesamtal/)\n"
    guide_file(later, "lonerevision", body)
    report = import_guides(later)
    assert report.failed == [] and len(report.created) == 1
    target = GuidePage.objects.get(slug="lonesamtal")
    page = GuidePage.objects.get(slug="lonerevision")
    assert f'linktype="page" id="{target.pk}"' in page.body[0].value.source
    assert page.body[1].block_type == "guide_link" and page.body[1].value["page"].pk == target.pk


def test_a_guide_an_editor_unpublished_is_published_again_as_an_update_with_its_history(db, tmp_path):
    from wagtail.models import PageLogEntry

    path = guide_file(tmp_path, "tillbaka")
    import_guides(tmp_path)
    page = GuidePage.objects.get(slug="tillbaka")
    assert PageLogEntry.objects.filter(page=page, action="wagtail.edit").count() == 1
    page.unpublish()
    report = import_guides(tmp_path)
    assert report.updated == [str(path)] and report.created == []
    page.refresh_from_db()
    assert page.live and PageLogEntry.objects.filter(page=page, action="wagtail.edit").count() == 2


def test_create_terms_reuses_known_terms_and_adds_new_ones_last(db, tmp_path):
    last = GuideArea.objects.order_by("sort_order").last().sort_order
    areas = GuideArea.objects.count()
    guide_file(tmp_path, "ny", categories='["Lön", "Ekonomi och budget"]')
    assert not import_guides(tmp_path, create_terms=True).failed
    new = GuideArea.objects.get(name="Ekonomi och budget")
    assert new.slug == "ekonomi-och-budget" and new.sort_order == areas + 1 and new.sort_order > last
    assert GuideArea.objects.filter(name="Lön").count() == 1
    page = GuidePage.objects.get(slug="ny")
    assert sorted(page.areas.values_list("slug", flat=True)) == ["ekonomi-och-budget", "lon"]


def test_a_source_without_a_first_pass_creates_live_pages_under_its_parent(db, tmp_path):
    """Expert answers go through the same import loop without the guides' first pass (no drafts)."""
    from experts.importer import import_experts
    from experts.models import ExpertAnswerPage, ExpertIndexPage

    path = tmp_path / "fraga-om-lon.md"
    path.write_text(
        '---\ntitle: "Får jag sänka en lön?"\narea: "Lön"\nquestion: |\n  Kan jag sänka lönen?\n  Chef i Umeå\n'
        'expert: "Eva Ek"\nexpert_role: "Jurist"\ndate: 2026-01-02\n---\nNej, inte ensidigt.\n',
        encoding="utf-8",
    )
    report = import_experts(tmp_path)
    assert report.created == [str(path)] and report.failed == []
    page = ExpertAnswerPage.objects.get()
    assert page.slug == "fraga-om-lon" and page.live and page.title == "Får jag sänka en lön?"
    assert page.get_parent().pk == ExpertIndexPage.objects.get().pk
    assert import_experts(tmp_path).unchanged == [str(path)]
