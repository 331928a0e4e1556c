"""The readers the page sources beyond guides share (guides.page_source), without the database: the
exact refusal an editor reads, naming the file's line."""

import pytest

from guides.page_source import rich_text
from guides.source import SourceError


@pytest.mark.parametrize(
    "body, line",
    [
        ("Inledning.\n\n```\nkod\n```\n", 3),
        ("Inledning.\n\nMer.\n\n    indragen kod\n", 5),
    ],
)
def test_a_code_block_is_refused_naming_its_line_counted_from_the_bodys_first_line_in_the_file(body, line):
    with pytest.raises(SourceError) as raised:  # a body alone counts its own lines
        rich_text(body)
    assert str(raised.value) == f"line {line}: code and HTML blocks are not supported"
    with pytest.raises(SourceError) as raised:  # a body that starts on line 12 of its file
        rich_text(body, first_line=12)
    assert str(raised.value) == f"line {line + 11}: code and HTML blocks are not supported"


@pytest.mark.parametrize(
    "body, line, reason",
    [
        ("Inledning.\n\n## \n\nMer.\n", 3, "a heading must have text"),
        ("Inledning.\n\n- Ett\n- \n", 4, "a list item must have text"),
        ("Inledning.\n\n- [ ]\n", 3, "a list item must have text"),
    ],
)
def test_an_empty_heading_or_list_item_is_refused_naming_its_line_as_in_a_guide(body, line, reason):
    with pytest.raises(SourceError) as raised:
        rich_text(body, first_line=12)
    assert str(raised.value) == f"line {line + 11}: {reason}"


def test_headings_and_list_items_with_text_are_rich_text():
    assert rich_text("## Rubrik\n\n- Ett\n- Två\n") == "<h2>Rubrik</h2>\n<ul>\n<li>Ett</li>\n<li>Två</li>\n</ul>"
