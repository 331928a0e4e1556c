"""{% answers_in_area term %}: the latest "Experten svarar" answers of a guide area, for its landing page."""

from django import template

from experts.models import ExpertAnswerPage, ExpertIndexPage
from guides.models import GuideArea

register = template.Library()

#: How many answers an area page shows; the rest are one link away on /experten-svarar/.
SHOWN = 4


@register.inclusion_tag("experts/includes/area_answers.html")
def answers_in_area(term):
    if not isinstance(term, GuideArea):
        return {"answers": []}
    answers = (
        ExpertAnswerPage.objects.live().public().filter(area=term).order_by("-answered_on", "title")[:SHOWN]
    )
    index = ExpertIndexPage.objects.live().first()
    return {"answers": list(answers), "term": term, "index_url": f"{index.url}#{term.slug}" if index else ""}
