"""Public URLs of the editorial app: feedback, feeds and sitemap."""

from django.urls import path
from wagtail.contrib.sitemaps.views import sitemap

from editorial import views
from editorial.feeds import GuideAtomFeed, GuideFeed

app_name = "editorial"
urlpatterns = [
    path("omdome/<id:guide_id>/", views.feedback, name="feedback"),
    path("flode/rss/", GuideFeed(), name="rss"),
    path("flode/atom/", GuideAtomFeed(), name="atom"),
    path("sitemap.xml", sitemap, name="sitemap"),
]
