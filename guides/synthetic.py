"""Synthetic guides for load and speed benchmarks: Swedish-looking text, real areas and situations.

Creating pages one by one through Wagtail costs ~0.1 s each, far too slow for 100,000 guides, so
this writes page rows in bulk: tree paths are computed the way treebeard does, the page table is
filled with bulk_create and the guide table with one executemany built from the model's own fields.
Generated guides have slugs starting with "syntetisk-" so they can be told apart and removed.
"""

from __future__ import annotations

import datetime
import random
import uuid

from django.db import connection, transaction
from django.utils import timezone
from wordfreq import top_n_list

from guides.models import CataloguePage, GuideArea, GuidePage, Situation

SLUG_PREFIX = "syntetisk-"
BATCH = 1000


def vocabulary(size: int = 6000) -> list[str]:
    return [word for word in top_n_list("sv", size) if word.isalpha() and len(word) >= 3]


class GuideWriter:
    """Makes plausible-looking guides from a Swedish word list, reproducibly for a given seed."""

    def __init__(self, seed: int = 1):
        self.random = random.Random(seed)
        self.words = vocabulary()
        self.common = self.words[:400]

    def phrase(self, low: int, high: int) -> str:
        count = self.random.randint(low, high)
        picked = [self.random.choice(self.common if self.random.random() < 0.6 else self.words) for _ in range(count)]
        return " ".join(picked)

    def sentence(self) -> str:
        return self.phrase(6, 14).capitalize() + "."

    def body(self) -> list[dict]:
        blocks = [{"type": "key_points", "value": {"points": [self.sentence() for _ in range(3)]}}]
        for _ in range(self.random.randint(3, 5)):
            blocks.append({"type": "heading", "value": {"text": self.phrase(2, 4).capitalize(), "level": "h2"}})
            paragraphs = "".join(
                f"<p>{' '.join(self.sentence() for _ in range(self.random.randint(3, 6)))}</p>" for _ in range(2)
            )
            blocks.append({"type": "rich_text", "value": paragraphs})
        blocks.append(
            {"type": "question_list", "value": {"title": "", "questions": [self.phrase(4, 8).capitalize() + "?"
                                                                          for _ in range(4)]}}
        )
        for block in blocks:
            block["id"] = str(uuid.uuid4())
        return blocks


def generate(count: int, *, seed: int = 1, members_share: float = 0.05) -> int:
    """Add `count` live synthetic guides under the catalogue; returns how many were written."""
    catalogue = CataloguePage.objects.get()
    writer = GuideWriter(seed)
    areas = list(GuideArea.objects.values_list("pk", flat=True))
    situations = list(Situation.objects.values_list("pk", flat=True))
    from django.contrib.contenttypes.models import ContentType

    content_type = ContentType.objects.get_for_model(GuidePage)
    existing = GuidePage.objects.filter(slug__startswith=SLUG_PREFIX).count()
    guide_fields = [field for field in GuidePage._meta.local_concrete_fields if field.name != "page_ptr"]
    columns = ", ".join(connection.ops.quote_name(field.column) for field in guide_fields)
    placeholders = ", ".join(["%s"] * (len(guide_fields) + 1))
    insert_guides = (
        f"INSERT INTO {connection.ops.quote_name(GuidePage._meta.db_table)} "
        f"({connection.ops.quote_name('page_ptr_id')}, {columns}) VALUES ({placeholders})"
    )
    now = timezone.now()
    written = 0
    while written < count:
        size = min(BATCH, count - written)
        with transaction.atomic():
            catalogue.refresh_from_db()
            last = catalogue.get_last_child()
            start = (int(last.path[-GuidePage.steplen :], 36) if last else 0) + 1
            pages, guides = [], []
            for offset in range(size):
                number = existing + written + offset + 1
                title = writer.phrase(3, 7).capitalize()
                slug = f"{SLUG_PREFIX}{number}"
                guide = GuidePage(
                    title=title, draft_title=title, slug=slug, content_type=content_type,
                    path=GuidePage._get_path(catalogue.path, catalogue.depth + 1, start + offset),
                    depth=catalogue.depth + 1, numchild=0, url_path=f"{catalogue.url_path}{slug}/",
                    live=True, has_unpublished_changes=False, first_published_at=now, last_published_at=now,
                    locale_id=catalogue.locale_id, translation_key=uuid.uuid4(),
                    summary=" ".join(writer.sentence() for _ in range(2)), body=writer.body(),
                    author="Syntetisk Skribent",
                    updated=datetime.date(2026, 1, 1) + datetime.timedelta(days=writer.random.randint(0, 330)),
                    members_only=writer.random.random() < members_share,
                )
                guides.append(guide)
                pages.append(_page_row(guide))
            from wagtail.models import Page

            created = Page.objects.bulk_create(pages)
            rows = []
            for page, guide in zip(created, guides, strict=True):
                guide.pk = guide.page_ptr_id = page.pk
                rows.append([page.pk] + [field.get_db_prep_save(field.pre_save(guide, True), connection)
                                         for field in guide_fields])
            with connection.cursor() as cursor:
                cursor.executemany(insert_guides, rows)
            area_links = GuidePage.areas.through
            situation_links = GuidePage.situations.through
            area_links.objects.bulk_create(
                area_links(guidepage_id=guide.pk, guidearea_id=area)
                for guide in guides for area in writer.random.sample(areas, writer.random.randint(1, 2))
            )
            situation_links.objects.bulk_create(
                situation_links(guidepage_id=guide.pk, situation_id=situation)
                for guide in guides
                for situation in writer.random.sample(situations, writer.random.randint(1, 2))
            )
            type(catalogue).objects.filter(pk=catalogue.pk).update(numchild=catalogue.numchild + size)
        written += size
    return written


def _page_row(guide: GuidePage):
    from wagtail.models import Page

    return Page(**{field.attname: getattr(guide, field.attname) for field in Page._meta.concrete_fields
                   if field.attname != "id"})


def remove_generated() -> int:
    """Delete every synthetic guide (through Wagtail, so the tree stays consistent)."""
    deleted = 0
    for page in GuidePage.objects.filter(slug__startswith=SLUG_PREFIX).iterator():
        page.delete()
        deleted += 1
    return deleted
