"""Template tags for the public pages: a guide's change notes and the reader feedback form."""

from __future__ import annotations

from django import template

from editorial.feedback import answered_guides
from editorial.forms import FeedbackForm

register = template.Library()

CHANGE_NOTES_SHOWN = 3


@register.inclusion_tag("editorial/includes/change_notes.html")
def guide_change_notes(guide):
    return {"notes": list(guide.change_notes.all()[:CHANGE_NOTES_SHOWN])}


@register.inclusion_tag("editorial/includes/feedback.html", takes_context=True)
def guide_feedback(context, guide):
    request = context.get("request")
    answered = request is not None and guide.pk in answered_guides(request)
    # The empty form's fields are the same on every guide: kept like the guide's fragments.
    fragments = {name: context.get(name) for name in ("fragment_seconds", "fragment_key")}
    return {"guide": guide, "answered": answered, "form": FeedbackForm(auto_id="omdome-%s"), **fragments}
