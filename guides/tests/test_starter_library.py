"""The starter library in content/: complete, well-formed, readable and original."""

import re
import statistics
from collections import Counter
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.utils.text import slugify

from guides.readability import lix, plain_text, word_count
from guides.source import parse_guide, split_front_matter

CONTENT = Path(settings.BASE_DIR) / "content"
FILES = sorted((CONTENT / "guides").glob("*.md"))
TERMS = yaml.safe_load((CONTENT / "terms.yml").read_text(encoding="utf-8"))
AREAS = [entry["name"] for entry in TERMS["areas"]]
SITUATIONS = [entry["name"] for entry in TERMS["situations"]]


def source(path):
    return parse_guide(path.read_text(encoding="utf-8"), path.stem)


def body(path):
    return split_front_matter(path.read_text(encoding="utf-8"))[1]


@pytest.fixture(scope="module")
def library():
    return {path.stem: source(path) for path in FILES}


def test_size_and_coverage(library):
    assert len(library) >= 60
    per_area = Counter(name for guide in library.values() for name in guide.categories)
    per_situation = Counter(name for guide in library.values() for name in guide.situations)
    assert {name: per_area[name] for name in AREAS if per_area[name] < 5} == {}
    assert {name: per_situation[name] for name in SITUATIONS if per_situation[name] < 3} == {}
    assert set(per_area) <= set(AREAS) and set(per_situation) <= set(SITUATIONS)


def test_terms_have_intros_and_slugify_slugs():
    for entry in TERMS["areas"] + TERMS["situations"]:
        assert entry["slug"] == slugify(entry["name"])
        assert len(entry["intro"].split()) >= 15, entry["name"]


@pytest.mark.parametrize("path", FILES, ids=[path.stem for path in FILES])
def test_each_guide_follows_the_house_rules(path, library):
    guide = library[path.stem]
    types = [block["type"] for block in guide.blocks]
    assert guide.summary and guide.author and guide.updated.year >= 2025
    assert guide.categories and guide.situations
    assert types[0] == "key_points" and 3 <= len(guide.blocks[0]["value"]["points"]) <= 5
    sections = [b for b in guide.blocks if b["type"] == "heading" and b["value"]["level"] == "h2"]
    assert len(sections) >= 3
    numbered = any(b["type"] == "rich_text" and "<ol>" in b["value"] for b in guide.blocks)
    assert {"question_list", "checklist"} & set(types) or numbered, "no actionable element"
    assert len(guide.linked_slugs - {path.stem}) >= 2, "fewer than 2 related guides linked"
    assert guide.linked_slugs <= set(library), f"unknown links {guide.linked_slugs - set(library)}"
    text = plain_text(body(path))
    assert 400 <= word_count(text) <= 900
    assert lix(text) <= 50


def test_median_readability():
    assert statistics.median(lix(plain_text(body(path))) for path in FILES) <= 43


def test_no_two_guides_share_a_title_or_a_paragraph(library):
    titles = Counter(guide.title for guide in library.values())
    assert [title for title, n in titles.items() if n > 1] == []
    paragraphs = Counter()
    for path in FILES:
        for paragraph in re.split(r"\n\s*\n", body(path)):
            paragraph = paragraph.strip()
            if len(paragraph.split()) >= 8:
                paragraphs[paragraph] += 1
    assert [p[:60] for p, n in paragraphs.items() if n > 1] == []
