"""The front page and the catalogue page, whose routes are the catalogue's views.

Imported last by the package: the views (guides.views) import the terms and guide models above,
which are defined by then, so the routes can name the views at the top of the module."""

from __future__ import annotations

from django.utils.functional import cached_property
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Page

from guides.models.guide import GuidePage
from guides.models.terms import GuideArea, Situation, Term
from guides.views import catalogue_view, term_view
from operations.routing import KeptViewRestrictionsMixin, kept_route


class HomePage(KeptViewRestrictionsMixin, Page):
    """The site's front page: the promise, the search field and the ways into the library."""

    intro = RichTextField("introduktion", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = [
        "guides.CataloguePage",
        "tools.ToolIndexPage",
        "experts.ExpertIndexPage",
        "podcasts.PodcastIndexPage",
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count = 1

    class Meta:
        verbose_name = "startsida"

    def route(self, request, path_components):
        # The site root: where a path leads is kept per generation of the content (operations.routing).
        return kept_route(self, request, path_components, super().route)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["catalogue"] = CataloguePage.objects.live().first()
        context["areas"] = GuideArea.objects.all()
        context["situations"] = Situation.objects.all()
        context["latest_guides"] = (
            GuidePage.objects.live().order_by("-updated", "title").prefetch_related("areas")[:6]
        )
        return context


class CataloguePage(KeptViewRestrictionsMixin, RoutablePageMixin, Page):
    """/chefsguider/: the filterable guide library and the area and situation landing pages."""

    intro = RichTextField("introduktion", blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    subpage_types = ["guides.GuidePage"]
    max_count = 1

    class Meta:
        verbose_name = "guidekatalog"

    @path("")
    def catalogue(self, request):
        return catalogue_view(request, self)

    @path("omrade/<slug:slug>/", name="area")
    def area(self, request, slug):
        return term_view(request, self, GuideArea, slug)

    @path("situation/<slug:slug>/", name="situation")
    def situation(self, request, slug):
        return term_view(request, self, Situation, slug)

    def term_url(self, term: Term) -> str:
        """The landing page of an area or a situation ({% term_url %} in templates)."""
        return f"{self._own_url}{term.url_prefix}/{term.slug}/"

    @cached_property
    def _own_url(self) -> str:
        # Pages list many terms: the page's address is worked out once per instance (one request).
        return self.url

    def get_sitemap_urls(self, request=None):
        """The catalogue and its area and situation landing pages, for sitemap.xml."""
        urls = super().get_sitemap_urls(request)
        base = self.get_full_url(request)
        for model in (GuideArea, Situation):
            urls += [{"location": f"{base}{term.url_prefix}/{term.slug}/"} for term in model.objects.all()]
        return urls
