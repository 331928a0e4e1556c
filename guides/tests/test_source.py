"""The guide source format (guides.source) without the database: what a file's front matter and
Markdown body become, and the exact message an editor reads when a file is refused.

The messages are the released wording: `import_guides` prints each as "<file>: <message>", so the
editor learns from them which field or line to fix.
"""

import datetime
import textwrap

import pytest

from guides.models import GUIDE_FORMS
from guides.source import GuideSource, SourceError, body_blocks, front_text, parse_guide, split_front_matter

#: The front matter of `guide_text` without further fields: its body starts on line 8 of the file.
REQUIRED = {
    "title": '"Lönesamtal"',
    "summary": '"Så förbereder du samtalen."',
    "categories": '["Lön"]',
    "author": '"Chefsguiders redaktion"',
    "updated": "2026-03-14",
}
BODY_LINE = 8


def guide_text(body="Brödtext.", **fields):
    """A guide file: the required front matter with `fields` added, replaced or (None) left out."""
    front = {**REQUIRED, **fields}
    lines = "\n".join(f"{name}: {value}" for name, value in front.items() if value is not None)
    return f"---\n{lines}\n---\n{textwrap.dedent(body)}"


def refusal(text, slug="lonesamtal", **options):
    with pytest.raises(SourceError) as raised:
        parse_guide(text, slug, **options)
    return str(raised.value)


def assert_refused_at(body, line, reason):
    """A file with this body is refused naming the file's line; the body alone counts its own lines."""
    assert refusal(guide_text(body)) == f"line {BODY_LINE + line - 1}: {reason}"
    with pytest.raises(SourceError) as raised:
        blocks_of(body)
    assert str(raised.value) == f"line {line}: {reason}"


def blocks_of(body):
    """(blocks, linked guide slugs) of a Markdown body."""
    linked = set()
    return body_blocks(textwrap.dedent(body), linked), linked


# -- front matter -------------------------------------------------------------------------


def test_every_front_matter_field_reaches_the_guide_source_cleaned():
    text = guide_text(
        "## Rubrik\n\nSe [samtalet](/guider/medarbetarsamtal/).\n",
        title='"  Lönesamtal med gruppen  "',
        slug="lonesamtal-i-gruppen",
        categories='["Lön", " Karriär "]',
        situations='["Lönerevision"]',
        form="samtalsguide",
        reviewed='"2026-02-01"',
        members_only="true",
        sources='[{title: " Lagen ", url: "https://www.riksdagen.se/las"}]',
        keywords='["löneöversyn", " lönesättning ", "löneöversyn"]',
    )
    assert parse_guide(text, "filnamnet") == GuideSource(
        slug="lonesamtal-i-gruppen",
        title="Lönesamtal med gruppen",
        summary="Så förbereder du samtalen.",
        areas=["Lön", "Karriär"],
        situations=["Lönerevision"],
        author="Chefsguiders redaktion",
        updated=datetime.date(2026, 3, 14),
        members_only=True,
        blocks=[
            {"type": "heading", "value": {"text": "Rubrik", "level": "h2"}},
            {"type": "rich_text", "value": '<p>Se <a href="/guider/medarbetarsamtal/">samtalet</a>.</p>'},
        ],
        linked_slugs={"medarbetarsamtal"},
        reviewed=datetime.date(2026, 2, 1),
        form="samtalsguide",
        sources=[("Lagen", "https://www.riksdagen.se/las")],
        keywords=["löneöversyn", "lönesättning"],
    )


def test_optional_fields_left_out_give_the_file_name_as_slug_and_a_public_unreviewed_guide():
    source = parse_guide(guide_text(), "lonesamtal")
    assert (source.slug, source.situations, source.members_only, source.reviewed) == ("lonesamtal", [], False, None)
    assert (source.form, source.sources, source.keywords) == ("guide", [], [])
    assert source.blocks == [{"type": "rich_text", "value": "<p>Brödtext.</p>"}]


@pytest.mark.parametrize(
    "fields, read",
    [
        (dict(categories='"Lön"'), ("areas", ["Lön"])),  # one name may stand without a list
        (dict(situations='"Ny som chef"'), ("situations", ["Ny som chef"])),
        (dict(situations="[]"), ("situations", [])),
        (dict(title=f'"{"T" * 255}"'), ("title", "T" * 255)),
        (dict(summary=f'"{"S" * 1000}"'), ("summary", "S" * 1000)),
        (dict(author=f'"{"A" * 120}"'), ("author", "A" * 120)),
        (dict(updated='"2026-03-14"'), ("updated", datetime.date(2026, 3, 14))),  # text or YAML's date
        (dict(reviewed='""'), ("reviewed", None)),  # an empty review date: not reviewed
        (dict(reviewed=""), ("reviewed", None)),
        (dict(members_only="false"), ("members_only", False)),
    ],
)
def test_front_matter_values_at_their_limits_are_read(fields, read):
    name, value = read
    assert getattr(parse_guide(guide_text(**fields), "lonesamtal"), name) == value


@pytest.mark.parametrize(
    "fields, message",
    [
        (dict(title=None, author=None), "front matter lacks author, title"),
        (dict(kategori='"Lön"', taggar="[]"), "unknown front matter field kategori, taggar"),
        (dict(title=f'"{"T" * 256}"'), "title is longer than 255 characters"),
        (dict(summary=f'"{"S" * 1001}"'), "summary is longer than 1000 characters"),
        (dict(author=f'"{"A" * 121}"'), "author is longer than 120 characters"),
        (dict(title='""'), "title must be a non-empty text"),
        (dict(summary='"   "'), "summary must be a non-empty text"),
        (dict(author="5"), "author must be a non-empty text"),
        (dict(categories="[]"), "categories must name at least one"),
        (dict(categories='["Lön", ""]'), "categories must be a list of names"),
        (dict(categories='["  "]'), "categories must be a list of names"),
        (dict(categories="[5]"), "categories must be a list of names"),
        (dict(categories="5"), "categories must be a list of names"),
        (dict(categories="{Lön: 1}"), "categories must be a list of names"),
        (dict(situations='[""]'), "situations must be a list of names"),
        (dict(updated='"igår"'), "updated 'igår' is not a date (YYYY-MM-DD)"),
        (dict(updated=""), "updated None is not a date (YYYY-MM-DD)"),
        (dict(reviewed='"snart"'), "reviewed 'snart' is not a date (YYYY-MM-DD)"),
        (dict(members_only='"ja"'), "members_only must be true or false"),
        (dict(members_only="1"), "members_only must be true or false"),
        (dict(sources='[{title: "  ", url: "https://www.riksdagen.se/las"}]'),
         "a source's title must be a non-empty text of at most 200 characters"),
        (dict(sources='[{title: 5, url: "https://www.riksdagen.se/las"}]'),
         "a source's title must be a non-empty text of at most 200 characters"),
        (dict(slug='""'), "slug '' is not a valid slug (lowercase a-z, 0-9 and -)"),
        (dict(slug="5"), "slug 5 is not a valid slug (lowercase a-z, 0-9 and -)"),
        (dict(slug='"Stora-bokstaver"'), "slug 'Stora-bokstaver' is not a valid slug (lowercase a-z, 0-9 and -)"),
        (dict(slug="omrade"), "slug 'omrade' is reserved by the catalogue"),
        (dict(slug="situation"), "slug 'situation' is reserved by the catalogue"),
    ],
)
def test_a_refused_front_matter_value_is_named_with_what_is_wrong(fields, message):
    assert refusal(guide_text(**fields)) == message


LONG_URL = "https://www.riksdagen.se/" + "a" * 475  # 500 characters


@pytest.mark.parametrize(
    "meta, error",
    [
        (dict(sources='"https://www.riksdagen.se/"'), "sources must be a list of {title, url}"),
        (dict(sources='[{title: "Lag", url: "https://a.se", extra: 1}]'),
         "every source needs exactly a title and a url"),
        (dict(sources=f'[{{title: "{"T" * 200}", url: "{LONG_URL}"}}]'), None),
        (dict(sources=f'[{{title: "{"T" * 201}", url: "https://a.se"}}]'),
         "a source's title must be a non-empty text of at most 200 characters"),
        (dict(sources=f'[{{title: "Lag", url: "{LONG_URL}b"}}]'),
         f"source url {LONG_URL[:60]!r} must be an https address"),
        (dict(sources='[{title: "Lag", url: "http://www.riksdagen.se/lagar/lagen-om-anstallningsskydd-1982-80"}]'),
         "source url 'http://www.riksdagen.se/lagar/lagen-om-anstallningsskydd-198' must be an https address"),
        (dict(keywords="[" + ", ".join(f"ord{n}" for n in range(30)) + "]"), None),
        (dict(keywords="[" + ", ".join(f"ord{n}" for n in range(31)) + "]"),
         "keywords must be a list of at most 30 words or phrases"),
        (dict(keywords=f'["{"k" * 60}"]'), None),
        (dict(keywords=f'["{"k" * 61}"]'), "every keyword must be a text of at most 60 characters without commas"),
        (dict(keywords='["  "]'), "every keyword must be a text of at most 60 characters without commas"),
        (dict(keywords="[5]"), "every keyword must be a text of at most 60 characters without commas"),
        (dict(form='"okänd"'), "form must be one of " + ", ".join(GUIDE_FORMS)),
    ],
)
def test_front_matter_limits_are_exact_and_name_what_is_wrong(meta, error):
    try:
        result = parse_guide(guide_text(**meta), "gransfall")
    except SourceError as refused:
        result = str(refused)
    if error is None:
        assert not isinstance(result, str), result
    else:
        assert result == error


def test_a_file_name_that_is_no_slug_is_refused_when_the_file_names_none():
    assert refusal(guide_text(), slug="Mitt lönesamtal") == (
        "slug 'Mitt lönesamtal' is not a valid slug (lowercase a-z, 0-9 and -)"
    )


def test_split_front_matter_gives_the_mapping_and_the_body_after_the_closing_line():
    assert split_front_matter("---\na: 1\n---\nText\n", required={"a"}, optional=set()) == ({"a": 1}, "Text\n")
    assert split_front_matter("---\na: 1\n---", required={"a"}, optional=set()) == ({"a": 1}, "")


def test_a_byte_order_mark_before_the_front_matter_is_skipped_and_nothing_else():
    assert parse_guide("\ufeff" + guide_text(), "lonesamtal").title == "Lönesamtal"
    missing = "front matter missing: the file must start with a '---' block"
    assert refusal("X" + guide_text()) == missing
    assert refusal("Bara text.\n") == missing


@pytest.mark.parametrize(
    "front, message",
    [
        # The file's line: the YAML starts on line 2, after the opening '---'.
        ('title: "Lön"\nsummary: [oavslutad\ncategories: ["Lön"]', "front matter is not valid YAML at line 4"),
        ("title: [oavslutad", "front matter is not valid YAML at line 2"),
        # A character YAML refuses to read has no line in PyYAML's error.
        ('title: "Lön\x01"', "front matter is not valid YAML"),
        ("- en lista", "front matter must be a mapping of field: value"),
        ("", "front matter must be a mapping of field: value"),
    ],
)
def test_front_matter_that_is_no_mapping_of_fields_is_refused_naming_the_line_where_known(front, message):
    assert refusal(f"---\n{front}\n---\nText.\n") == message


def test_an_optional_front_text_may_be_missing_or_empty_and_is_checked_when_given():
    assert front_text({}, "intro", 10, required=False) == ""
    assert front_text({"intro": ""}, "intro", 10, required=False) == ""
    assert front_text({"intro": None}, "intro", 10, required=False) == ""
    assert front_text({"intro": " Hej "}, "intro", 10, required=False) == "Hej"
    with pytest.raises(SourceError, match=r"^intro is longer than 10 characters$"):
        front_text({"intro": "x" * 11}, "intro", 10, required=False)
    with pytest.raises(SourceError, match=r"^intro must be a non-empty text$"):
        front_text({"intro": "  "}, "intro", 10, required=False)
    with pytest.raises(SourceError, match=r"^intro must be a non-empty text$"):
        front_text({}, "intro", 10)


def test_cited_facts_are_checked_only_against_a_given_register_and_named_by_the_files_line():
    text = guide_text("Första stycket.\n\nUppsägningstiden är {{fakta:okand}}.\n")
    assert parse_guide(text, "lonesamtal").blocks  # no register given: not checked here
    assert parse_guide(text, "lonesamtal", known_facts={"okand"}).blocks
    assert refusal(text, known_facts={"annan"}) == (
        f"line {BODY_LINE + 2}: unknown fact 'okand' (not in the register, content/facts/)"
    )


# -- what a body may not hold ---------------------------------------------------------------


@pytest.mark.parametrize(
    "body, line, reason",
    [
        ("Inledning.\n\n```\nkod\n```\n", 3, "code blocks are not supported in guides"),
        ("Inledning.\n\n    indragen kod\n", 3, "code blocks are not supported in guides"),
        ("Inledning.\n\n# Stor rubrik\n", 3, "only ## and ### headings are allowed"),
        ("Inledning.\n\n#### Liten rubrik\n", 3, "only ## and ### headings are allowed"),
        ("Inledning.\n\n| Dag | Vad |\n|---|---|\n| 1 | Samtal |\n", 3, "tables are not supported in guides"),
        ("Inledning.\n\nSe ![bilden](/bild.png) här.\n", 3, "images are not supported in guides"),
        ("Inledning.\n\n![](/bild.png)\n", 3, "images are not supported in guides"),
        # markdown-it itself never makes javascript: or vbscript: links; an image as a data: link it does.
        ("Inledning.\n\n[bild](data:image/png;base64,iVBORw0KGgoAAAANSUhEUg)\n", 3,
         "link 'data:image/png;base64,iVBORw0K' is not allowed"),
        ("Inledning.\n\n[bild](DATA:image/gif;base64,R0lG)\n", 3, "link 'DATA:image/gif;base64,R0lG' is not allowed"),
        ("Inledning.\n\n<data:image/png;base64,iVBO>\n", 3, "link 'data:image/png;base64,iVBO' is not allowed"),
    ],
)
def test_what_a_guide_cannot_show_is_refused_naming_the_files_line(body, line, reason):
    assert_refused_at(body, line, reason)


@pytest.mark.parametrize(
    "body, line, reason",
    [
        ("Inledning.\n\n## \n\nMer.\n", 3, "a heading must have text"),
        ("Inledning.\n\n###\n", 3, "a heading must have text"),
        ("Inledning.\n\n## ##\n", 3, "a heading must have text"),  # only a closing sequence
        ("## [](/guider/lon/)\n\nText.\n", 1, "a heading must have text"),  # a link without text: no heading text
        ("## I korthet\n\n- Ett\n- \n- Tre\n", 4, "a list item must have text"),  # an empty key point
        ("## I korthet\n\n-\n- Två\n", 3, "a list item must have text"),
        ("Inledning.\n\n- Ett\n-\n- Tre\n", 4, "a list item must have text"),
        ("Inledning.\n\n1. Ett\n2.\n", 4, "a list item must have text"),
        ("- [ ] Boka rum\n- [ ]\n", 2, "a list item must have text"),  # an empty checklist item
        ("- Vad gick bra?\n-\n", 2, "a list item must have text"),
        ("> Inledning.\n>\n> - Ett\n> -\n", 4, "a list item must have text"),  # in a quote too
        ("- Ett\n  - Under\n  -\n", 3, "a list item must have text"),  # in a nested list too
    ],
)
def test_an_empty_heading_or_list_item_in_a_body_with_text_is_refused_naming_the_files_line(body, line, reason):
    assert_refused_at(body, line, reason)


@pytest.mark.parametrize(
    "body, blocks",
    [
        # An item whose text is a nested list is not empty: the list is kept as written.
        ("-\n  - Under\n", [{"type": "rich_text", "value": "<ul>\n<li>\n<ul>\n<li>Under</li>\n</ul>\n</li>\n</ul>"}]),
        ("## `#`\n\nText.\n", [
            {"type": "heading", "value": {"text": "#", "level": "h2"}},
            {"type": "rich_text", "value": "<p>Text.</p>"},
        ]),
        ("- [x] Klart\n- [ ] Kvar\n", [{"type": "checklist", "value": {"title": "", "items": ["Klart", "Kvar"]}}]),
    ],
)
def test_headings_and_list_items_with_any_text_are_not_taken_for_empty(body, blocks):
    assert blocks_of(body)[0] == blocks


@pytest.mark.parametrize("body", ["", "\n\n", "##\n", "## \n\n---\n", "- \n-\n"])
def test_a_body_without_text_is_refused(body):
    assert refusal(guide_text(body)) == "body is empty"


def test_a_link_to_a_guide_that_is_no_slug_is_refused_in_text_and_tips():
    message = "link '/guider/Stora_Bokstaver/' is not of the form /guider/<slug>/"
    assert refusal(guide_text("Se [den](/guider/Stora_Bokstaver/).")) == message
    assert refusal(guide_text("[Den](/guider/Stora_Bokstaver/)")) == message
    assert refusal(guide_text("> **Tips:** Se [den](/guider/Stora_Bokstaver/).")) == message


def test_script_links_are_left_as_text():
    blocks, linked = blocks_of("[klicka](javascript:alert(1)) och [här](vbscript:msgbox)")
    assert blocks == [{"type": "rich_text", "value": "<p>[klicka](javascript:alert(1)) och [här](vbscript:msgbox)</p>"}]
    assert linked == set()


# -- blocks -----------------------------------------------------------------------------------


def test_text_between_blocks_is_kept_together_as_rich_text_in_order():
    blocks, linked = blocks_of(
        """\
        Ett stycke
        på två rader.

        Två med **fet** och [länk](/guider/annan/).

        1. Steg
        2. Steg två

        ## Rubrik med `kod` och *betoning*

        ### Underrubrik

        Sist.

        ---

        Efter linjen.
        """
    )
    assert blocks == [
        {"type": "rich_text", "value": (
            "<p>Ett stycke\npå två rader.</p>\n"
            '<p>Två med <strong>fet</strong> och <a href="/guider/annan/">länk</a>.</p>\n'
            "<ol>\n<li>Steg</li>\n<li>Steg två</li>\n</ol>"
        )},
        {"type": "heading", "value": {"text": "Rubrik med kod och betoning", "level": "h2"}},
        {"type": "heading", "value": {"text": "Underrubrik", "level": "h3"}},
        {"type": "rich_text", "value": "<p>Sist.</p>\n<hr />\n<p>Efter linjen.</p>"},
    ]
    assert linked == {"annan"}


KEY_POINTS = {"type": "heading", "value": {"text": "I korthet", "level": "h2"}}


@pytest.mark.parametrize(
    "body, blocks",
    [
        ("## I korthet\n\n- Ett\n- Två\n\nText.\n", [
            {"type": "key_points", "value": {"points": ["Ett", "Två"]}},
            {"type": "rich_text", "value": "<p>Text.</p>"},
        ]),
        ("## i KORTHET\n\n- Ett med `kod`\n- Två rader\n  i en punkt\n- Tre  \n  efter brytning\n", [
            {"type": "key_points", "value": {"points": ["Ett med kod", "Två rader i en punkt", "Tre efter brytning"]}},
        ]),
        # Not a list of short points after the heading: the heading and the text as they are.
        ("## I korthet\n\nText.\n", [KEY_POINTS, {"type": "rich_text", "value": "<p>Text.</p>"}]),
        ("## I korthet\n\n1. Ett\n", [KEY_POINTS, {"type": "rich_text", "value": "<ol>\n<li>Ett</li>\n</ol>"}]),
        ("## I korthet\n\n- Ett\n\n  Mer om ett.\n", [
            KEY_POINTS, {"type": "rich_text", "value": "<ul>\n<li>\n<p>Ett</p>\n<p>Mer om ett.</p>\n</li>\n</ul>"},
        ]),
        ("## I korthet\n\n- Ett\n  - Under\n", [
            KEY_POINTS, {"type": "rich_text", "value": "<ul>\n<li>Ett\n<ul>\n<li>Under</li>\n</ul>\n</li>\n</ul>"},
        ]),
        # Key points are plain text: a list with a link stays a list, link and all.
        ("## I korthet\n\n- Läs [guiden](/guider/lon/)\n", [
            KEY_POINTS, {"type": "rich_text", "value": '<ul>\n<li>Läs <a href="/guider/lon/">guiden</a></li>\n</ul>'},
        ]),
        ("Text.\n\n## I korthet\n", [{"type": "rich_text", "value": "<p>Text.</p>"}, KEY_POINTS]),
        ("## Rubrik\n\n- Ett\n- Två\n", [
            {"type": "heading", "value": {"text": "Rubrik", "level": "h2"}},
            {"type": "rich_text", "value": "<ul>\n<li>Ett</li>\n<li>Två</li>\n</ul>"},
        ]),
    ],
)
def test_a_list_under_i_korthet_becomes_key_points_and_anything_else_stays_as_written(body, blocks):
    assert blocks_of(body)[0] == blocks


@pytest.mark.parametrize(
    "body, block",
    [
        ("- [ ] Boka rum\n- [x] Skicka kallelse\n- [X] Följ upp\n",
         {"type": "checklist", "value": {"title": "", "items": ["Boka rum", "Skicka kallelse", "Följ upp"]}}),
        ("- Vad gick bra?\n- Vad betyder `lönespann`?\n- Vad vill du\n  ändra?\n",
         {"type": "question_list", "value": {"title": "", "questions": [
             "Vad gick bra?", "Vad betyder lönespann?", "Vad vill du ändra?",
         ]}}),
    ],
)
def test_a_list_of_tasks_becomes_a_checklist_and_a_list_of_questions_a_question_list(body, block):
    assert blocks_of(body) == ([block], set())


@pytest.mark.parametrize(
    "body",
    [
        "- [ ] Boka rum\n- Skicka kallelse\n",  # not every item a task
        "- [ ]Boka rum\n- [ ]Skicka\n",  # no space after the box
        "- Vad gick bra?\n- Det här\n",  # not every item a question
        "- Vad säger [guiden](/guider/lon/)?\n- Hur?\n",  # a link would be lost
        "- Vad gick bra?\n\n  Varför?\n- Hur?\n",  # an item of two paragraphs
        "- Vad gick bra?\n  - Varför?\n- Hur?\n",  # a list within an item
    ],
)
def test_any_other_bullet_list_stays_rich_text_as_written(body):
    blocks, linked = blocks_of(body)
    assert [block["type"] for block in blocks] == ["rich_text"]
    assert blocks[0]["value"].startswith("<ul>\n<li>") and blocks[0]["value"].endswith("</li>\n</ul>")
    assert ("/guider/lon/" in blocks[0]["value"]) == (linked == {"lon"})


@pytest.mark.parametrize(
    "body, tip",
    [
        ("> **Tips:** Börja i tid.", "<p>Börja i tid.</p>"),
        ("> **Tips:** Börja\n> i tid.", "<p>Börja\ni tid.</p>"),
        ("> **tips**: Börja i tid.", "<p>Börja i tid.</p>"),
        ("> **Tips** Börja i tid.", "<p>Börja i tid.</p>"),
        ("> **Tips:** Börja i tid.\n>\n> Boka [rummet](/guider/rum/).",
         '<p>Börja i tid.</p>\n<p>Boka <a href="/guider/rum/">rummet</a>.</p>'),
    ],
)
def test_a_quote_that_starts_with_a_bold_tips_becomes_a_tip_box(body, tip):
    blocks, linked = blocks_of(body)
    assert blocks == [{"type": "tip", "value": {"title": "Tips", "text": tip}}]
    assert linked == ({"rum"} if "/guider/rum/" in tip else set())


@pytest.mark.parametrize(
    "body, text, attribution",
    [
        ("> Ett citat.", "Ett citat.", ""),
        ("> **Viktigt:** Ett citat.", "Viktigt: Ett citat.", ""),
        ("> Ett citat.\n>\n> — Xenia Ek", "Ett citat.", "Xenia Ek"),
        ("> Ett citat.\n>\n> – Xenia Ek", "Ett citat.", "Xenia Ek"),
        ("> Ett citat.\n>\n> -- Xenia Ek", "Ett citat.", "Xenia Ek"),
        ("> Ett.\n>\n> Två.\n>\n> — Xenia Ek", "Ett.\n\nTvå.", "Xenia Ek"),
        # Only the last of several paragraphs, starting with a dash, names who said it.
        ("> — Ensam rad", "— Ensam rad", ""),
        ("> Ett.\n>\n> — Mitten\n>\n> Slut.", "Ett.\n\n— Mitten\n\nSlut.", ""),
        ("> Ett.\n>\n> —Xenia", "Ett.\n\n—Xenia", ""),
    ],
)
def test_any_other_quote_becomes_a_quote_with_the_last_dashed_paragraph_as_attribution(body, text, attribution):
    assert blocks_of(body)[0] == [{"type": "quote", "value": {"text": text, "attribution": attribution}}]


@pytest.mark.parametrize(
    "body, link",
    [
        ("[Läs mer om lön](/guider/lon/)", {"page": "lon", "text": "Läs mer om lön"}),
        ("[Läs mer](/guider/lon)", {"page": "lon", "text": "Läs mer"}),
        ("[Läs\nmer](/guider/lon/)", {"page": "lon", "text": "Läs mer"}),
    ],
)
def test_a_paragraph_that_is_only_a_link_to_a_guide_becomes_a_guide_link(body, link):
    assert blocks_of(body) == ([{"type": "guide_link", "value": link}], {"lon"})


@pytest.mark.parametrize(
    "body",
    [
        "Se [lön](/guider/lon/)",
        "[Lön](/guider/lon/) och mer",
        "[Lön](/guider/lon/) [Mer](/guider/lon/)",
        "[](/guider/lon/)",
        "[ ](/guider/lon/)",
        "[**Lön**](/guider/lon/)",
        "[`Lön` och mer](/guider/lon/)",
        "[Lön och `mer`](/guider/lon/)",
        "[Lön](https://www.av.se/lon/)",
    ],
)
def test_a_link_with_text_around_it_formatting_in_it_or_elsewhere_stays_in_the_text(body):
    blocks, linked = blocks_of(body)
    assert [block["type"] for block in blocks] == ["rich_text"]
    assert "<a href=" in blocks[0]["value"]
    assert linked == (set() if "av.se" in body else {"lon"})


def test_blocks_between_text_split_it_and_every_linked_guide_is_collected():
    blocks, linked = blocks_of(
        """\
        Före med [a](/guider/a/).

        > **Tips:** Se [b](/guider/b/).

        Mellan.

        [C](/guider/c/)

        Efter.
        """
    )
    assert blocks == [
        {"type": "rich_text", "value": '<p>Före med <a href="/guider/a/">a</a>.</p>'},
        {"type": "tip", "value": {"title": "Tips", "text": '<p>Se <a href="/guider/b/">b</a>.</p>'}},
        {"type": "rich_text", "value": "<p>Mellan.</p>"},
        {"type": "guide_link", "value": {"page": "c", "text": "C"}},
        {"type": "rich_text", "value": "<p>Efter.</p>"},
    ]
    assert linked == {"a", "b", "c"}
