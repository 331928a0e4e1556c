"""Template tags that let other pages point at the tools wherever editors have placed them."""

from django import template

from operations.content_cache import remember_for_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def tool_urls(context) -> dict[str, str]:
    """{tool: url} of the live tool pages (one query per request, remembered on the request)."""
    from tools.models import ToolPage

    request = context.get("request")
    cached = getattr(request, "_tool_urls", None)
    if cached is not None:
        return cached
    def live_tools():
        urls = {}
        for page in ToolPage.objects.live().public().exclude(tool=ToolPage.PROCESS).order_by("path"):
            urls.setdefault(page.tool, page.get_url(request))
        return urls

    site = getattr(request, "get_host", lambda: "")()  # get_url(request) is relative to the request's site
    urls = remember_for_pages("tool-urls", (site,), live_tools)
    if request is not None:
        request._tool_urls = urls
    return urls


@register.inclusion_tag("tools/includes/home_tools.html", takes_context=True)
def home_tools(context):
    """The front page's "Verktyg" section: the live tool pages, in the editors' order."""
    from tools.models import ToolPage

    return {"request": context.get("request"), "tools": ToolPage.objects.live().public().order_by("path")}
