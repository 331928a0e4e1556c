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
