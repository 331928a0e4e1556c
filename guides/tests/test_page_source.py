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
