"""Public URLs of the guide library beside the page tree: the feeds and the sitemap."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from guides.feeds import GuideAtomFeed, GuideFeed

app_name = "guides"
urlpatterns = [
    path("flode/rss/", GuideFeed(), name="rss"),
    path("flode/atom/", GuideAtomFeed(), name="atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
]
