"""Template tags for every public page: canonical and OpenGraph tags, and a guide's JSON-LD."""

from __future__ import annotations

import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()

SITE_NAME = "Chefsguider"
DEFAULT_DESCRIPTION = "Verktyg, tips och råd för dig som är chef."
# JSON inside <script> must not be able to close the element or open a comment.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def _guide_page_class():
    from guides.models import GuidePage

    return GuidePage


def canonical_url(request) -> str:
    """The page's own address without query parameters: filter and search variants point home."""
    return request.build_absolute_uri(request.path)


@register.inclusion_tag("guides/includes/page_meta.html", takes_context=True)
def page_meta(context):
    """Canonical link and OpenGraph tags for any page that has a request."""
    request = context.get("request")
    if request is None:
        return {}
    page = context.get("page")
    term = context.get("term")
    is_guide = isinstance(page, _guide_page_class())
    if term is not None:
        title = term.name
    elif page is not None:
        title = page.seo_title or page.title
    else:
        title = SITE_NAME
    description = (
        getattr(page, "search_description", "") or (page.summary if is_guide else "") or DEFAULT_DESCRIPTION
    )
    return {
        "canonical": canonical_url(request),
        "title": title,
        "description": description,
        "type": "article" if is_guide else "website",
        "site_name": SITE_NAME,
        "guide": page if is_guide else None,
        "areas": _guide_areas(context, page) if is_guide else (),
    }


def _guide_areas(context, guide):
    """The guide page's context holds its areas already (GuidePage.get_context): no second query."""
    return context["areas"] if "areas" in context else guide.categories.all()


@register.simple_tag(takes_context=True)
def guide_json_ld(context, guide):
    """schema.org Article data for a guide, in a <script type="application/ld+json"> data block."""
    request = context.get("request")
    published = guide.first_published_at.date() if guide.first_published_at else guide.updated
    data = {
        "@context": "https://schema.org",
        "@type": "Article",
        "headline": guide.title[:110],
        "description": guide.summary,
        "inLanguage": "sv",
        # Imported guides were written before they were published here: never "modified" before "published".
        "datePublished": min(published, guide.updated).isoformat(),
        "dateModified": guide.updated.isoformat(),
        "author": {"@type": "Person", "name": guide.author},
        "publisher": {"@type": "Organization", "name": SITE_NAME},
        "isAccessibleForFree": not guide.members_only,
    }
    if request is not None:
        data["mainEntityOfPage"] = canonical_url(request)
        data["url"] = canonical_url(request)
    text = json.dumps(data, ensure_ascii=False).translate(JSON_SCRIPT_ESCAPES)
    return mark_safe(f'<script type="application/ld+json">{text}</script>')
