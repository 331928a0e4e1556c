"""Public URLs of syndication: the feeds and the sitemap."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from syndication.feeds import GuideAtomFeed, GuideFeed

app_name = "syndication"
urlpatterns = [
    path("flode/rss/", GuideFeed(), name="rss"),
    path("flode/atom/", GuideAtomFeed(), name="atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
]
