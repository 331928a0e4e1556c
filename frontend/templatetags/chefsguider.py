"""Template helpers shared by every page."""

from django import template

register = template.Library()


@register.filter
def get_item(mapping, key):
    """mapping[key] in a template, or an empty string."""
    try:
        return mapping.get(key, "")
    except AttributeError:
        return ""


@register.filter
def anchor(text):
    """The id a heading gets, the same one the table of contents links to."""
    from guides.models import heading_anchor

    return heading_anchor(text)


SITE_NAME = "Chefsguider"


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


@register.filter
def tool_icon(kind):
    """The icon name of a kind of tool: {% icon tool.tool|tool_icon %}."""
    from frontend.icons import TOOL_ICONS

    return TOOL_ICONS.get(kind, "checklist")
