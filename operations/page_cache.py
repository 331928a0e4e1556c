"""The anonymous page cache: whole pages for readers without a login, served from the cache.

Anonymous readers make nearly all traffic and see the same pages, so a rendered page is stored
once and served to everyone until content changes. Forms on cached pages keep working: the CSRF
tokens in the stored copy are placeholders, filled with the reader's own token on every hit.
Any change to pages, terms, snippets or settings bumps the content generation that is part of
every key (operations.content_cache), which invalidates all pages at once — coarse, but never
stale, and shared by all processes through the database whatever the cache is.

This module knows no app: apps tell it which models show on pages (PAGE_CACHE_INVALIDATING_MODELS)
and which request headers select another page at the same address (PAGE_CACHE_KEY_HEADERS); a
response that must reach every reader through the view says so as HTTP does, with Cache-Control:
private, and a middleware above this one that wants the view to answer a request sets
`request.page_cache_bypass` (search.log does, for a reader over the search rate limit). A stored
page keeps its headers, so whatever a view hands on in one (a search's log entry) reaches every
reader it is served to.

Behind the documented proxy (deploy/nginx; PROXY_CACHE_SECONDS), a page this cache would keep is
also offered to the proxy to keep (X-Accel-Expires), with the CSRF placeholder left in for the
proxy to fill with each reader's token; operations.proxy_cache empties the proxy on every change.
"""

from __future__ import annotations

import functools
import hashlib
import re

from django.conf import settings
from django.db.models.signals import post_delete, post_save
from django.http import HttpResponse
from django.middleware.csrf import get_token
from django.utils.cache import cc_delim_re

from operations.content_cache import generation, invalidate, keep, kept

TOKEN_PLACEHOLDER = "__CSRF_TOKEN__"
TOKEN_INPUT = re.compile(rb'(name="csrfmiddlewaretoken" value=")[^"]*(")')
#: Headers of a response that are not kept with it: the rest (type, validators, Vary, X-Robots-Tag and
#: what a view hands to the proxy) is served again with the page.
UNKEPT_HEADERS = {"content-length", "x-cache", "set-cookie"}
#: The request header by which the documented proxy asks for pages it may keep (deploy/nginx).
PROXY_HEADER = "X-Chefsguider-Proxy"
CACHEABLE_TYPES = ("text/html", "application/json", "application/xml", "application/rss+xml", "application/atom+xml")


@functools.cache
def _shows_on_pages(sender) -> bool:
    """Whether rows of this model appear on pages (pages, terms, settings, listed snippets).

    Asked on every save of every model, so the answer is remembered per model class."""
    from wagtail.contrib.settings.models import BaseGenericSetting, BaseSiteSetting
    from wagtail.models import Page

    shown_types = (Page, BaseGenericSetting, BaseSiteSetting)
    return issubclass(sender, shown_types) or sender._meta.label_lower in settings.PAGE_CACHE_INVALIDATING_MODELS


def _on_model_change(sender, **kwargs):
    if _shows_on_pages(sender):
        invalidate()


def connect_invalidation():
    from wagtail.signals import page_published, page_unpublished, post_page_move

    post_save.connect(_on_model_change, dispatch_uid="page-cache-save")
    post_delete.connect(_on_model_change, dispatch_uid="page-cache-delete")
    for signal in (page_published, page_unpublished, post_page_move):
        signal.connect(invalidate, dispatch_uid=f"page-cache-{signal}")


def is_anonymous_request(request) -> bool:
    """A reader without login or personal cookies: every such reader sees the same page."""
    if getattr(request, "user", None) is not None and request.user.is_authenticated:
        return False
    # Any cookie but the CSRF one may personalise the page (session, messages, votes).
    return set(request.COOKIES) <= {settings.CSRF_COOKIE_NAME}


class AnonymousPageCacheMiddleware:
    """Serve GET and HEAD requests of readers without a session from the cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not self._cacheable_request(request):
            return self.get_response(request)
        proxy = self._through_proxy(request)
        key = self._key(request) if settings.PAGE_CACHE_SECONDS else None
        stored = kept(key) if key else None
        if stored is not None:
            return self._for_proxy(request, stored) if proxy else self._thaw(request, stored)
        response = self.get_response(request)
        if not self._cacheable_response(request, response):
            return response
        stored = self._freeze(response)
        if proxy:
            response = self._for_proxy(request, stored)
        if key:
            keep(key, stored, settings.PAGE_CACHE_SECONDS)
            response["X-Cache"] = "miss"
        return response

    @staticmethod
    def _through_proxy(request) -> bool:
        """Whether the documented proxy (deploy/nginx) asks, and this site lets it keep pages."""
        return bool(settings.PROXY_CACHE_SECONDS) and request.headers.get(PROXY_HEADER) == "cache"

    def _for_proxy(self, request, stored) -> HttpResponse:
        """A page for the proxy to keep: its forms hold the CSRF placeholder, which the proxy fills
        with each reader's own token, and no CSRF cookie is set here (the proxy sets one)."""
        response = self._response(stored)
        response["X-Accel-Expires"] = str(settings.PROXY_CACHE_SECONDS)
        if TOKEN_PLACEHOLDER.encode() in stored["content"]:
            response["X-Chefsguider-Csrf"] = "placeholder"
        request.META["CSRF_COOKIE_NEEDS_UPDATE"] = False  # CsrfViewMiddleware: no cookie for this one
        return response

    def _cacheable_request(self, request) -> bool:
        if request.method not in ("GET", "HEAD") or not (settings.PAGE_CACHE_SECONDS or settings.PROXY_CACHE_SECONDS):
            return False
        if getattr(request, "page_cache_bypass", False):
            return False
        if any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PREFIXES):
            return False
        return is_anonymous_request(request)

    def _cacheable_response(self, request, response) -> bool:
        # HEAD is answered from what a GET stored, never stored itself (views may skip work for it).
        if request.method != "GET" or response.status_code != 200 or response.streaming:
            return False
        if getattr(request, "user", None) is not None and request.user.is_authenticated:
            return False
        if not response.get("Content-Type", "").startswith(CACHEABLE_TYPES):
            return False
        directives = {part.strip().lower() for part in cc_delim_re.split(response.get("Cache-Control", ""))}
        if directives & {"no-store", "no-cache"}:
            return False
        if "private" in directives:
            return False
        return all(name == settings.CSRF_COOKIE_NAME for name in response.cookies)

    def _key(self, request) -> str:
        selecting = "|".join(request.headers.get(name, "") for name in settings.PAGE_CACHE_KEY_HEADERS)
        url = request.build_absolute_uri()
        digest = hashlib.sha256(f"{url}|{selecting}".encode()).hexdigest()
        return f"page-cache:{generation()}:{digest}"

    def _freeze(self, response) -> dict:
        content = TOKEN_INPUT.sub(rb"\g<1>" + TOKEN_PLACEHOLDER.encode() + rb"\g<2>", response.content)
        headers = {name: value for name, value in response.items() if name.lower() not in UNKEPT_HEADERS}
        return {"content": content, "status": response.status_code, "headers": headers}

    @staticmethod
    def _response(stored, content=None) -> HttpResponse:
        response = HttpResponse(stored["content"] if content is None else content, status=stored["status"])
        for name, value in stored["headers"].items():
            response[name] = value
        return response

    def _thaw(self, request, stored) -> HttpResponse:
        """The stored page for this reader, with the reader's own CSRF token in its forms."""
        content = stored["content"]
        if TOKEN_PLACEHOLDER.encode() in content:
            content = content.replace(TOKEN_PLACEHOLDER.encode(), get_token(request).encode())
        response = self._response(stored, content)
        response["X-Cache"] = "hit"
        return response
