"""The letters a process planner links to, as forms that post the plan's dates to each letter."""

from django import template

from letters.forms import ANSWER_PREFIX, PLANNER_KEY, STEP_PREFIX
from letters.models import LetterPage

register = template.Library()


@register.inclusion_tag("letters/includes/planner_letters.html", takes_context=True)
def planner_letters(context, plan):
    """Buttons to the live letters of this plan's process; the dates travel as hidden fields of a
    POST, so they never end up in an address or an access log."""
    hidden = [(f"{STEP_PREFIX}{planned.step.id}", planned.date.isoformat()) for planned in plan.steps]
    hidden += [(f"{ANSWER_PREFIX}{name}", value) for name, value in plan.values.items() if value not in (None, "")]
    letters = LetterPage.objects.live().public().filter(planner=plan.process.key).order_by("title")
    return {
        "letters": list(letters),
        "hidden": hidden,
        "process_key": plan.process.key,
        "csrf_token": context.get("csrf_token"),
        "planner_key": PLANNER_KEY,
    }
