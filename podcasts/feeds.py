"""The podcast feed: RSS 2.0 with Apple's itunes namespace, built on Django's syndication framework.

Only episodes with audio are items (see podcasts.models). GUIDs are the episodes' own UUIDs,
marked as not being links, so they stay the same across edits and moves.
"""

from __future__ import annotations

import datetime
from zoneinfo import ZoneInfo

from django.contrib.syndication.views import Feed
from django.templatetags.static import static
from django.utils.feedgenerator import Enclosure, Rss201rev2Feed
from django.utils.html import strip_tags

from podcasts.models import EpisodePage, PodcastIndexPage

ITUNES = "http://www.itunes.com/dtds/podcast-1.0.dtd"
PUBLISHED_AT = datetime.time(6, 0)
STOCKHOLM = ZoneInfo("Europe/Stockholm")
DEFAULT_COVER = "podcasts/cover.png"


class ItunesRssFeed(Rss201rev2Feed):
    content_type = "application/rss+xml; charset=utf-8"

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:itunes": ITUNES}

    def add_root_elements(self, handler):
        super().add_root_elements(handler)
        feed = self.feed
        handler.startElement("image", {})
        handler.addQuickElement("url", feed["cover_url"])
        handler.addQuickElement("title", feed["title"])
        handler.addQuickElement("link", feed["link"])
        handler.endElement("image")
        handler.addQuickElement("itunes:author", feed["itunes_author"])
        handler.addQuickElement("itunes:summary", feed["description"])
        handler.addQuickElement("itunes:type", "episodic")
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:image", attrs={"href": feed["cover_url"]})
        handler.startElement("itunes:category", {"text": feed["itunes_category"]})
        if feed["itunes_subcategory"]:
            handler.addQuickElement("itunes:category", attrs={"text": feed["itunes_subcategory"]})
        handler.endElement("itunes:category")
        if feed["owner_email"]:
            handler.startElement("itunes:owner", {})
            handler.addQuickElement("itunes:name", feed["itunes_author"])
            handler.addQuickElement("itunes:email", feed["owner_email"])
            handler.endElement("itunes:owner")

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        handler.addQuickElement("itunes:duration", item["duration"])
        handler.addQuickElement("itunes:summary", item["description"])
        handler.addQuickElement("itunes:explicit", "false")
        handler.addQuickElement("itunes:episodeType", "full")
        if item["episode_number"]:
            handler.addQuickElement("itunes:episode", str(item["episode_number"]))
        if item["participants"]:
            handler.addQuickElement("itunes:author", item["participants"])


class PodcastFeed(Feed):
    feed_type = ItunesRssFeed

    def get_object(self, request, index: PodcastIndexPage):
        self.request = request
        return index

    def title(self, index):
        return index.title

    def link(self, index):
        return index.url

    def description(self, index):
        return index.feed_description or strip_tags(index.intro)

    def feed_extra_kwargs(self, index):
        if index.cover_image_id:
            rendition = index.cover_image.get_rendition("fill-1400x1400|format-jpeg")
            cover = rendition.url
        else:
            cover = static(DEFAULT_COVER)
        return {
            "cover_url": self.request.build_absolute_uri(cover),
            "itunes_author": index.author,
            "itunes_category": index.category,
            "itunes_subcategory": index.subcategory,
            "owner_email": index.owner_email,
        }

    def items(self, index):
        return [episode for episode in index.episodes() if episode.audio() is not None]

    def item_title(self, episode: EpisodePage):
        return episode.title

    def item_description(self, episode: EpisodePage):
        return episode.description

    def item_link(self, episode: EpisodePage):
        return episode.url

    def item_guid(self, episode: EpisodePage):
        return str(episode.guid)

    item_guid_is_permalink = False

    def item_pubdate(self, episode: EpisodePage):
        return datetime.datetime.combine(episode.published_on, PUBLISHED_AT, tzinfo=STOCKHOLM)

    def item_enclosures(self, episode: EpisodePage):
        audio = episode.audio(self.request)
        return [Enclosure(audio.url, str(audio.size), audio.mime_type)]

    def item_extra_kwargs(self, episode: EpisodePage):
        return {
            "duration": episode.duration_hms,
            "episode_number": episode.number,
            "participants": ", ".join(person.name for person in episode.participants.all()),
        }
