"""Template helpers shared by every page, and every page's meta: canonical and OpenGraph tags, and a
guide's schema.org JSON-LD."""

import json

from django import template
from django.utils.safestring import mark_safe

register = template.Library()


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, or an empty string."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""


@register.simple_tag
def membership_call_to_action():
    """The editors' "Bli medlem" call to action, kept per generation of the content (a change to the
    setting moves the generation): guide pages show it on every render."""
    from guides.models import MembershipCallToAction
    from operations.content_cache import remember_for_pages

    return remember_for_pages("membership-call-to-action", (), MembershipCallToAction.load)


@register.filter
def anchor(text):
    """The id a heading gets, the same one the table of contents links to."""
    from guides.models import heading_anchor

    return heading_anchor(text)


SITE_NAME = "Chefsguider"
DEFAULT_DESCRIPTION = "Verktyg, tips och råd för dig som är chef."
# JSON inside <script> must not be able to close the element or open a comment.
JSON_SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


@register.filter
def site_title(text):
    """A page's <title>: "Lön – Chefsguider", and never "Chefsguider – Chefsguider"."""
    text = " ".join(str(text).split())
    if not text or text == SITE_NAME:
        return SITE_NAME
    return text if text.endswith(f"– {SITE_NAME}") else f"{text} – {SITE_NAME}"


def _icons_used(context) -> set:
    """The icons this response uses, so the sprite at the end of the page holds just those."""
    holder = context.get("request") or context.render_context
    if not hasattr(holder, "_chefsguider_icons"):
        holder._chefsguider_icons = set()
    return holder._chefsguider_icons


def _icon_markup(name: str, css_class: str = "") -> str:
    from django.utils.html import format_html

    return format_html('<svg class="icon{}" aria-hidden="true" focusable="false"><use href="#i-{}"></use></svg>',
                       f" {css_class}" if css_class else "", name)


@register.simple_tag(takes_context=True)
def icon(context, name, css_class=""):
    """A decorative icon from the page's sprite: {% icon "search" %}."""
    _icons_used(context).add(name)
    return _icon_markup(name, css_class)


@register.simple_tag(takes_context=True)
def term_icon(context, term, css_class=""):
    """The icon of a guide area or situation (a term object or its slug)."""
    from frontend.icons import icon_for_term

    name = icon_for_term(getattr(term, "slug", term))
    _icons_used(context).add(name)
    return _icon_markup(name, css_class)


@register.simple_tag(takes_context=True)
def need_term_icons(context):
    """Pages whose script brings in cards of any area (the catalogue) need every term icon at hand."""
    from frontend.icons import TERM_ICONS

    _icons_used(context).update(TERM_ICONS.values())
    return ""


@register.simple_tag(takes_context=True)
def icon_sprite(context):
    """The sprite, last in <body>: the symbols every {% icon %} above referred to."""
    from django.utils.safestring import mark_safe

    from frontend.icons import sprite

    return mark_safe(sprite(_icons_used(context)))


#: The site's sections in the navigation, by page type: their addresses come from the page tree.
SECTION_PAGE_TYPES = {
    "guides": "guides.CataloguePage",
    "tools": "tools.ToolIndexPage",
    "experts": "experts.ExpertIndexPage",
    "podcasts": "podcasts.PodcastIndexPage",
}


@register.simple_tag
def section_urls() -> dict[str, str]:
    """{section: url} of the navigation's sections, wherever editors keep them ("" for a missing one);
    kept per content generation, so a moved or renamed section is followed on the next change."""
    from operations.content_cache import remember_for_pages

    return remember_for_pages("section-urls", (), _section_urls)


def _section_urls() -> dict[str, str]:
    from django.apps import apps
    from django.contrib.contenttypes.models import ContentType
    from wagtail.models import Page

    types = ContentType.objects.get_for_models(*(apps.get_model(label) for label in SECTION_PAGE_TYPES.values()))
    first = {}
    for page in Page.objects.live().filter(content_type__in=types.values()).order_by("path"):
        first.setdefault(page.content_type_id, page.url)
    return {key: first.get(types[apps.get_model(label)].pk, "") for key, label in SECTION_PAGE_TYPES.items()}


@register.filter
def is_within(path: str, section_url: str) -> bool:
    """Whether a request path lies in a section: {% if request.path|is_within:sections.tools %}."""
    return bool(section_url) and str(path).startswith(section_url)


@register.simple_tag(takes_context=True)
def term_url(context, term):
    """The landing page of a guide area or situation (CataloguePage.term_url): {% term_url area %}.
    The catalogue is the page's own context (the catalogue, a guide's parent, the front page's)."""
    from guides.models import CataloguePage

    catalogue = context.get("catalogue") or context.get("page")
    if not isinstance(catalogue, CataloguePage):
        catalogue = CataloguePage.objects.live().first()
    return catalogue.term_url(term) if catalogue else ""


@register.filter
def tool_icon(kind):
    """The icon name of a kind of tool: {% icon tool.tool|tool_icon %}."""
    from frontend.icons import TOOL_ICONS

    return TOOL_ICONS.get(kind, "checklist")


# -- page meta --------------------------------------------------------------------------


def _guide_page_class():
    from guides.models import GuidePage

    return GuidePage


def canonical_url(request) -> str:
    """The page's own address without query parameters: filter and search variants point home."""
    return request.build_absolute_uri(request.path)


@register.inclusion_tag("includes/page_meta.html", takes_context=True)
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
    return context["areas"] if "areas" in context else guide.areas.all()


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
