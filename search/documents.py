"""Where the guides to index come from: live GuidePages without a view restriction (the guides
the catalogue lists), each as a `GuideDocument`.

The guides app is imported lazily so the search app does not depend on it at import time.
"""

from __future__ import annotations

from collections.abc import Iterator

from search.base import GuideDocument


def guide_page_model():
    """The GuidePage model, or None while the guides app has none."""
    from django.apps import apps

    try:
        return apps.get_model("guides", "GuidePage")
    except LookupError:
        return None


def document_for(page) -> GuideDocument | None:
    """What the engines should know of a page: its document if it is a live, public guide, else None."""
    if not page.live or page.get_view_restrictions().exists():
        return None
    return page.search_document()


def all_documents() -> Iterator[GuideDocument]:
    """Every live, public guide, for rebuilding an index; areas and situations are read in two
    queries per chunk of guides, not two per guide."""
    model = guide_page_model()
    if model is None:
        return
    guides = model.objects.live().public().prefetch_related("areas", "situations")
    for page in guides.iterator(chunk_size=500):
        yield page.search_document()
