"""Where the guides to index come from: live GuidePages, each as a `GuideDocument`.

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
    """What the engines should know of a page: its document if it is a live guide, else None."""
    if not page.live:
        return None
    return page.search_document()


def all_documents() -> Iterator[GuideDocument]:
    """Every live guide, for rebuilding an index."""
    model = guide_page_model()
    if model is None:
        return
    for page in model.objects.live().iterator(chunk_size=500):
        yield page.search_document()
