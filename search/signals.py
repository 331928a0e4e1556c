"""Keeps the search index in step with publishing: publishing or moving a guide indexes it,
unpublishing or deleting removes it. Updates run after the transaction commits; failures are
logged, never raised, so an editor's publish cannot fail because of search.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.signals import page_published, page_unpublished, post_page_move

from search.documents import document_for, guide_page_model
from search.synonyms import forget_synonyms

logger = logging.getLogger(__name__)


def _is_guide(sender, instance) -> bool:
    model = guide_page_model()
    if model is None:
        return False
    return isinstance(instance, model) or (isinstance(sender, type) and issubclass(sender, model))


def _update_index(page_id: int, page=None) -> None:
    """After commit: index the page if it is a live guide, else remove it."""

    def run() -> None:
        from search.registry import get_engine

        try:
            document = document_for(page) if page is not None else None
            if document is None:
                get_engine().remove([page_id])
            else:
                get_engine().index([document])
        except Exception:
            logger.exception("Search index update failed for page %s", page_id)

    transaction.on_commit(run)


def guide_changed(sender, instance, **kwargs) -> None:
    """page_published, post_page_move: index the guide as it is now."""
    if _is_guide(sender, instance):
        page = instance if isinstance(instance, guide_page_model()) else instance.specific
        _update_index(page.pk, page)


def guide_gone(sender, instance, **kwargs) -> None:
    """page_unpublished, post_delete: the guide is no longer found."""
    if _is_guide(sender, instance):
        _update_index(instance.pk)


def connect() -> None:
    page_published.connect(guide_changed, dispatch_uid="search.guide_published")
    post_page_move.connect(guide_changed, dispatch_uid="search.guide_moved")
    page_unpublished.connect(guide_gone, dispatch_uid="search.guide_unpublished")
    # Every model's deletions pass here; _is_guide keeps only GuidePages (resolved lazily,
    # so the search app works before the guides app has its model).
    post_delete.connect(guide_gone, dispatch_uid="search.guide_deleted")

    from search.models import SynonymGroup

    post_save.connect(forget_synonyms, sender=SynonymGroup, dispatch_uid="search.synonyms_saved")
    post_delete.connect(forget_synonyms, sender=SynonymGroup, dispatch_uid="search.synonyms_deleted")
