"""RSS 2.0 and Atom feeds of new and updated guides.

Items carry the title, the ingress and the link — never the body — so a members-only guide
shows no more in a feed reader than on its public page. Only live, public guides are listed.
"""

from __future__ import annotations

import datetime

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed

from guides.models import GuidePage

FEED_LENGTH = 30


class GuideFeed(Feed):
    feed_type = Rss201rev2Feed
    title = "Chefsguider – nya och uppdaterade guider"
    description = "Nya och uppdaterade guider med verktyg, tips och råd för dig som är chef."
    language = "sv"

    def link(self):
        return "/chefsguider/"

    def items(self):
        return (
            GuidePage.objects.live()
            .public()
            .defer_streamfields()
            .order_by("-updated", "-first_published_at", "title")[:FEED_LENGTH]
        )

    def item_title(self, guide):
        return guide.title

    def item_description(self, guide):
        return guide.summary

    def item_link(self, guide):
        return guide.url

    def item_guid(self, guide):
        # A new id for each update, so feed readers show an updated guide again.
        return f"urn:chefsguider:guide:{guide.pk}:{guide.updated.isoformat()}"

    item_guid_is_permalink = False

    def item_pubdate(self, guide):
        return changed_at(guide)

    def item_updateddate(self, guide):
        return changed_at(guide)


class GuideAtomFeed(GuideFeed):
    feed_type = Atom1Feed
    subtitle = GuideFeed.description


def changed_at(guide: GuidePage) -> datetime.datetime:
    """When the guide was new or last updated: its first publication or its "Uppdaterat" date."""
    updated = timezone.make_aware(datetime.datetime.combine(guide.updated, datetime.time()))
    return max(filter(None, [guide.first_published_at, updated]))
