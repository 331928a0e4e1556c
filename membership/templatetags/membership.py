"""Membership pieces for other apps' templates: {% save_guide_button page %} on the guide page."""

from django import template

from membership.models import SavedGuide

register = template.Library()


@register.inclusion_tag("membership/includes/save_guide.html", takes_context=True)
def save_guide_button(context, guide):
    """A POST form that saves the guide in "Mina guider" or takes it out again; works without JavaScript."""
    user = context["request"].user
    logged_in = user.is_authenticated
    return {
        "guide": guide,
        "logged_in": logged_in,
        "saved": logged_in and SavedGuide.objects.filter(user=user, guide=guide).exists(),
    }
