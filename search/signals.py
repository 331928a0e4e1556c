"""Keeps the search index in step with publishing: publishing or moving a guide indexes it,
unpublishing or deleting removes it, and adding or removing a view restriction (privacy) removes or
indexes the guides it covers. Updates run after the transaction commits; failures are logged,
never raised, so an editor's publish cannot fail because of search. A finished update makes kept
search results stale (operations.content_cache), so none kept from the old index outlives it.
"""

from __future__ import annotations

import logging

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move

from operations.content_cache import invalidate
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
        finally:
            invalidate()

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


def restriction_changed(sender, instance, **kwargs) -> None:
    """PageViewRestriction saved or deleted: the guides at and below its page, as they are after commit,
    are indexed if public and removed if not."""
    model = guide_page_model()
    path = Page.objects.filter(pk=instance.page_id).values_list("path", flat=True).first()
    if model is None or path is None:
        return
    ids = list(model.objects.filter(path__startswith=path).values_list("pk", flat=True))
    if not ids:
        return

    def run() -> None:
        from search.registry import get_engine

        try:
            pages = model.objects.in_bulk(ids)
            documents = {pk: document_for(pages[pk]) if pk in pages else None for pk in ids}
            get_engine().remove([pk for pk, document in documents.items() if document is None])
            get_engine().index([document for document in documents.values() if document is not None])
        except Exception:
            logger.exception("Search index update failed for pages %s", ids)
        finally:
            invalidate()

    transaction.on_commit(run)


def connect() -> None:
    page_published.connect(guide_changed, dispatch_uid="search.guide_published")
    post_page_move.connect(guide_changed, dispatch_uid="search.guide_moved")
    page_unpublished.connect(guide_gone, dispatch_uid="search.guide_unpublished")
    # Every model's deletions pass here; _is_guide keeps only GuidePages (resolved lazily,
    # so the search app works before the guides app has its model).
    post_delete.connect(guide_gone, dispatch_uid="search.guide_deleted")

    post_save.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_saved")
    post_delete.connect(restriction_changed, sender=PageViewRestriction, dispatch_uid="search.restriction_deleted")

    from search.models import SynonymGroup

    post_save.connect(forget_synonyms, sender=SynonymGroup, dispatch_uid="search.synonyms_saved")
    post_delete.connect(forget_synonyms, sender=SynonymGroup, dispatch_uid="search.synonyms_deleted")
