"""Import of expert answers (content/experts/*.md, format in docs/content-plan.md).

Idempotent and file by file like the guide importer: a file is checked completely before anything
is written, a broken file is reported with its reason, and an unchanged answer is left alone.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from experts.models import ExpertAnswerPage, ExpertAnswerRelatedGuide, ExpertIndexPage
from facts.register import known_fact_ids
from guides import page_source as source
from guides.importer import ImportReport
from guides.models import GuideArea, GuidePage
from guides.source import SourceError, check_cited_facts, first_line_of, split_front_matter

REQUIRED = {"title", "area", "question", "expert", "expert_role", "date"}
OPTIONAL = {"slug", "related"}


@dataclass
class AnswerSource:
    slug: str
    title: str
    area: GuideArea
    question: str
    signature: str
    expert_name: str
    expert_role: str
    answered_on: object
    answer: str
    related: list[GuidePage]


def parse_answer(text: str, default_slug: str) -> AnswerSource:
    meta, body = split_front_matter(text, REQUIRED, OPTIONAL)
    check_cited_facts(text, body, known_fact_ids())
    area_name = source.front_text(meta, "area", 100)
    area = GuideArea.objects.filter(name=area_name).first()
    if area is None:
        raise SourceError(f"unknown guide area {area_name!r}")
    # The reader's signature is the question's last line ("Orolig chef i Linköping").
    lines = [line.strip() for line in source.front_text(meta, "question", 3000).splitlines() if line.strip()]
    signature = lines.pop() if len(lines) > 1 else ""
    return AnswerSource(
        slug=source.slug(meta, default_slug),
        title=source.front_text(meta, "title", 255),
        area=area,
        question="\n".join(lines),
        signature=signature[:120],
        expert_name=source.front_text(meta, "expert", 120),
        expert_role=source.front_text(meta, "expert_role", 120),
        answered_on=source.date(meta, "date"),
        answer=source.rich_text(body, first_line=first_line_of(text, body)),
        related=source.related_guides(meta),
    )


def import_experts(folder: Path) -> ImportReport:
    index = source.import_parent(ExpertIndexPage, "Experten svarar page")
    return source.import_pages(folder, index, ExpertAnswerPage, parse_answer, _fill, _snapshot)


def _snapshot(page: ExpertAnswerPage):
    return (
        page.title,
        page.area_id,
        page.question,
        page.signature,
        page.expert_name,
        page.expert_role,
        page.answered_on,
        page.answer,
        [item.guide_id for item in page.related_guides.all()],
    )


def _fill(page: ExpertAnswerPage, answer: AnswerSource) -> None:
    page.title = page.draft_title = answer.title
    page.area = answer.area
    page.question = answer.question
    page.signature = answer.signature
    page.expert_name = answer.expert_name
    page.expert_role = answer.expert_role
    page.answered_on = answer.answered_on
    page.answer = answer.answer
    page.related_guides = [ExpertAnswerRelatedGuide(guide=guide) for guide in answer.related]
