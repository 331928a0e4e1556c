"""Routing a request to its page without walking the page tree, kept per generation of the content.

Wagtail finds a page by querying the site, then each level of the path and its specific page, then
the page's ancestors and their view restrictions: 8 queries for a guide, most of a guide's render
once its fragments are kept. All of it follows from the page tree, which changes only through
saves, publishes, unpublishes, moves, deletes and restriction or site edits, and every one of those
moves the content generation (page_cache.connect_invalidation). So the answers are kept under the
generation, like the page fragments (FRAGMENT_CACHE_SECONDS, page cache on or off):

- the site of a host and port, with its root page (KeptSiteMiddleware, filling Wagtail's own
  per-request cache of Site.find_for_request);
- where a path leads: the page it ends at, as loaded, and how much of the path that page took
  (`kept_route`, called from the site root's `route()`); a hit lets that page route the rest
  itself, as Wagtail's walk would (a routable page resolves its own sub-path);
- whether any view restriction applies to a page being served (KeptViewRestrictionsMixin): most
  pages have none, and for them Wagtail's check costs no query. Only the page a request was
  routed to answers from what is kept; the search index and the admin ask the database.

A page that is not live, a 404 and anything a preview shows are never kept. This module knows no
app: the site root's page type calls `kept_route`, and page types take the mixin.
"""

from __future__ import annotations

import copy
import hashlib

from django.conf import settings
from django.http.request import split_domain_port

from operations.content_cache import generation, keep, kept


def _seconds() -> int:
    return settings.FRAGMENT_CACHE_SECONDS


def _key(name: str, *parts) -> str:
    digest = hashlib.sha256(repr(parts).encode()).hexdigest()
    return f"route:{generation()}:{name}:{digest}"


# -- the route ---------------------------------------------------------------------------------


def kept_route(root, request, path_components: list[str], walk):
    """`walk(request, path_components)` (Wagtail's route() of the site root), kept as where it led.

    Kept is the page the walk ended at (its specific instance, as loaded) and how many path
    components the walk took to get there; a hit calls that page's own route() with the components
    left, the step Wagtail's walk ends with, so it answers what the walk would (the page, a
    routable page's sub-path, a 404) for the same tree. The cache hands out a copy on every read."""
    if not _seconds():
        return walk(request, path_components)
    key = _key("page", root.pk, tuple(path_components))
    found = kept(key)
    if found is not None:
        page, taken = found
        if page is None:  # the root's own route() is the walk, and costs no query
            return _served(walk(request, path_components))
        return _served(page.route(request, path_components[taken:]))
    result = walk(request, path_components)
    page = result[0]
    taken = page.depth - root.depth
    # Keep only what the tree says: the page sits at the path it took (a custom route() that
    # answers with a page elsewhere is walked every time).
    if 0 <= taken <= len(path_components) and page.url_path == _url_path(root, path_components[:taken]):
        keep(key, (_detached(page) if page.pk != root.pk else None, taken), _seconds())
    return _served(result)


def _served(result):
    """Mark the page a request is routed to: only its view-restriction check is answered from what
    is kept (KeptViewRestrictionsMixin); anything else asking a page (the search index, the admin,
    code running just after a change commits) reads the database."""
    result[0]._routed_by_kept_route = True
    return result


def _url_path(root, components: list[str]) -> str:
    return root.url_path + "".join(f"{component}/" for component in components)


def _detached(page):
    """The page without the parent Wagtail's walk hangs on it (kept small: the parent is read from
    the database only where a page needs it)."""
    page = copy.copy(page)
    page.__dict__.pop("_cached_parent_obj", None)
    page.__dict__.pop("_routed_by_kept_route", None)
    return page


# -- the site ----------------------------------------------------------------------------------


class KeptSiteMiddleware:
    """Fill Wagtail's per-request cache of Site.find_for_request (request._wagtail_site) from the
    site kept for this host and port, for the requests Wagtail's page view serves."""

    def __init__(self, get_response):
        from wagtail import views

        self.get_response = get_response
        self.serve = views.serve

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if view_func is self.serve and _seconds() and not hasattr(request, "_wagtail_site"):
            request._wagtail_site = kept_site(request)


def kept_site(request):
    """The site Wagtail finds for this request, with its root page and the root's specific page."""
    from wagtail.models import Site

    hostname = split_domain_port(request._get_raw_host())[0]  # as Wagtail: no ALLOWED_HOSTS check
    port = request.get_port()
    key = _key("site", hostname, port)
    found = kept(key)
    if found is not None:
        return found[0]
    site = Site._find_for_request(request)
    if site is not None:
        site.root_page.specific  # noqa: B018 (kept with the site: the walk starts there)
    keep(key, (site,), _seconds())
    return site


# -- view restrictions -------------------------------------------------------------------------


class KeptViewRestrictionsMixin:
    """For page types: Wagtail's view-restriction check of a page being served costs no query when
    the page has no restriction (the page came by `kept_route`; any other caller reads the database)."""

    def get_view_restrictions(self):
        from wagtail.models import PageViewRestriction

        if not _seconds() or not getattr(self, "_routed_by_kept_route", False):
            return super().get_view_restrictions()
        key = _key("restricted", self.pk)
        restricted = kept(key)
        if restricted is None:
            restricted = super().get_view_restrictions().exists()
            keep(key, restricted, _seconds())
        # An empty queryset answers iterating, exists() and order_by() without a query.
        return super().get_view_restrictions() if restricted else PageViewRestriction.objects.none()
