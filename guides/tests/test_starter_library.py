"""The starter library in content/: complete, sourced, current, readable and original.

The editorial rules themselves live in editorial/library_lint.py (also `manage.py check_content`);
these tests hold the whole library to them and pin the library's size and coverage."""

import re
import statistics
from collections import Counter
from pathlib import Path

import pytest
import yaml
from django.conf import settings
from django.utils.text import slugify

from editorial.library_lint import Library, library_problems, text_problems
from facts.citations import CITATION
from guides.readability import lix, plain_text
from guides.source import split_front_matter

CONTENT = Path(settings.BASE_DIR) / "content"
FILES = sorted((CONTENT / "guides").glob("*.md"))
ANSWERS = sorted((CONTENT / "experts").glob("*.md"))
TERMS = yaml.safe_load((CONTENT / "terms.yml").read_text(encoding="utf-8"))
AREAS = [entry["name"] for entry in TERMS["areas"]]
SITUATIONS = [entry["name"] for entry in TERMS["situations"]]


@pytest.fixture(scope="module")
def library():
    return Library.read(CONTENT)


def body(path):
    return split_front_matter(path.read_text(encoding="utf-8"))[1]


def test_every_file_keeps_the_editorial_rules():
    errors = [str(problem) for problem in library_problems(CONTENT) if problem.error]
    assert errors == []


def test_size_and_coverage(library):
    assert len(library.guides) >= 160
    per_area, per_situation = Counter(), Counter()
    for guide in library.guides.values():
        per_area.update(guide.areas)
        per_situation.update(guide.situations)
    assert {name: per_area[name] for name in AREAS if per_area[name] < 8} == {}
    assert {name: per_situation[name] for name in SITUATIONS if per_situation[name] < 4} == {}


def test_expert_answers_cover_every_area():
    fields = {"title", "area", "question", "expert", "expert_role", "date", "slug", "related"}
    areas = Counter(split_front_matter(path.read_text(encoding="utf-8"), set(), fields)[0]["area"] for path in ANSWERS)
    assert len(ANSWERS) >= 48
    assert {name: areas[name] for name in AREAS if areas[name] < 4} == {}


def test_forms_follow_the_question_not_one_template(library):
    forms = Counter(guide.form for guide in library.guides.values())
    assert {"process", "snabbt-svar", "guide"} <= set(forms)
    assert forms["guide"] <= 0.75 * len(library.guides)  # at least a quarter take another form
    opening_with_key_points = sum(guide.blocks[0]["type"] == "key_points" for guide in library.guides.values())
    assert opening_with_key_points < 0.6 * len(library.guides)


def test_process_guides_give_the_dates_and_the_tool(library):
    for slug, guide in library.guides.items():
        if guide.form != "process":
            continue
        text = (CONTENT / "guides" / f"{slug}.md").read_text(encoding="utf-8")
        assert "## Viktiga datum" in text, slug
        assert any(block["type"] == "checklist" for block in guide.blocks), slug
        assert "/verktyg/" in text, slug


def test_terms_have_intros_and_slugify_slugs():
    for entry in TERMS["areas"] + TERMS["situations"]:
        assert entry["slug"] == slugify(entry["name"])
        assert len(entry["intro"].split()) >= 15, entry["name"]


def test_median_readability():
    assert statistics.median(lix(plain_text(CITATION.sub("X", body(path)))) for path in FILES) <= 40


def test_no_two_guides_share_a_title_or_a_paragraph(library):
    titles = Counter(guide.title for guide in library.guides.values())
    assert [title for title, n in titles.items() if n > 1] == []
    paragraphs = Counter()
    for path in FILES:
        for paragraph in re.split(r"\n\s*\n", body(path)):
            paragraph = paragraph.strip()
            if len(paragraph.split()) >= 8:
                paragraphs[paragraph] += 1
    assert [p[:60] for p, n in paragraphs.items() if n > 1] == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Reglerna finns i AFS 2001:1 om systematiskt arbetsmiljöarbete.",
        "Det krävs saklig grund för uppsägning.",
        "LAS-åldern är 68 år.",
        "Du får undanta två arbetstagare från turordningen.",
        "Vi håller en workshop om målen.",
        "Du behöver äga frågan.",
    ],
)
def test_the_lint_rejects_superseded_rules_and_anglicisms(sentence):
    assert [
        problem for problem in text_problems("guide.md", sentence, 0) if problem.error and "LIX" not in problem.message
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "AFS 2001:1 ersattes av AFS 2023:1 den 1 januari 2025.",
        "Tidigare talade lagen om saklig grund.",
        "Du får undanta tre arbetstagare av särskild betydelse för den fortsatta verksamheten.",
        "Vi håller ett arbetsmöte om målen.",
    ],
)
def test_the_lint_lets_history_and_current_rules_pass(sentence):
    # One sentence is no text to measure LIX on: only the rules about wording count here.
    assert [
        problem for problem in text_problems("guide.md", sentence, 0) if problem.error and "LIX" not in problem.message
    ] == []
