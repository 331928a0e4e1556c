"""Adding pages to the page tree from data migrations, where models lack treebeard's methods.

Used by the tools, experts and podcasts migrations that place their pages under the home page
(/verktyg/, /experten-svarar/, /podd/), so the addresses exist right after `migrate`.
"""

from __future__ import annotations

from django.db.models import F
from django.utils import timezone

ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"  # treebeard's materialised-path alphabet
STEP = 4


def _encode(number: int) -> str:
    digits = ""
    while number:
        number, rest = divmod(number, len(ALPHABET))
        digits = ALPHABET[rest] + digits
    return digits.rjust(STEP, "0")


def _next_child_path(page_model, parent) -> str:
    last = (
        page_model.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    number = int(last[-STEP:], len(ALPHABET)) + 1 if last else 1
    return parent.path + _encode(number)


def home_page(apps):
    return apps.get_model("guides", "HomePage").objects.order_by("path").first()


def add_child_page(apps, parent, app_label: str, model_name: str, *, title: str, slug: str, **fields):
    """Create a live page of app_label.model_name as the last child of parent; return it."""
    content_type_model = apps.get_model("contenttypes", "ContentType")
    page_model = apps.get_model("wagtailcore", "Page")
    model = apps.get_model(app_label, model_name)
    existing = model.objects.filter(path__startswith=parent.path, depth=parent.depth + 1, slug=slug).first()
    if existing is not None:
        return existing
    content_type, _ = content_type_model.objects.get_or_create(app_label=app_label, model=model_name.lower())
    now = timezone.now()
    page = model.objects.create(
        title=title,
        draft_title=title,
        slug=slug,
        path=_next_child_path(page_model, parent),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        content_type=content_type,
        locale_id=parent.locale_id,
        live=True,
        first_published_at=now,
        last_published_at=now,
        **fields,
    )
    page_model.objects.filter(pk=parent.pk).update(numchild=F("numchild") + 1)
    return page
