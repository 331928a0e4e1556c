"""Template tags that resolve citations of the register and list a page's sources."""

from django import template
from django.utils.safestring import mark_safe

from facts.citations import FactTable, anchor, cited_ids

register = template.Library()


class CiteNode(template.Node):
    def __init__(self, nodelist, link):
        self.nodelist, self.link = nodelist, link

    def render(self, context):
        html = self.nodelist.render(context)
        return mark_safe(FactTable.for_text(html).html(html, self.link))


@register.tag
def cite_facts(parser, token):
    """{% cite_facts %}…{% endcite_facts %}: citations in the rendered content become the fact's
    value with its law, linked to the page's source list ({% cite_facts "source" %}: to the official text)."""
    bits = token.split_contents()
    link = bits[1].strip("\"'") if len(bits) > 1 else "anchor"
    nodelist = parser.parse(("endcite_facts",))
    parser.delete_first_token()
    return CiteNode(nodelist, link)


@register.inclusion_tag("facts/sources.html")
def sources_and_laws(text, sources=(), heading_id="kallor"):
    """The "Källor och lagar" list: every fact the text cites, then other official sources."""
    ids = cited_ids(text)
    facts = FactTable(ids).facts(ids)
    return {
        "facts": [{"fact": fact, "anchor": anchor(fact.fact_id)} for fact in facts],
        "sources": list(sources),
        "heading_id": heading_id,
    }
