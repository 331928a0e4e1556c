"""The podcast feed: RSS 2.0 with the itunes namespace, as podcast apps read it."""

import datetime
import uuid

import feedparser

from podcasts.models import EpisodePage


def parse(client, podcast):
    response = client.get(podcast.url + "feed/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return feedparser.parse(response.content)


def test_the_feed_has_the_itunes_fields_apps_need(client, podcast, make_episode, audio_document):
    make_episode(
        "Lönesamtalet som blev bra",
        number=1,
        audio_document=audio_document,
        duration_seconds=2040,
        participants=[("Hanna Dahl", "Programledare"), ("Sara Nyström", "Lönespecialist")],
    )
    feed = parse(client, podcast)
    assert not feed.bozo and feed.version == "rss20"
    assert feed.namespaces["itunes"] == "http://www.itunes.com/dtds/podcast-1.0.dtd"
    assert feed.feed.title == "Chefsguiders podd" and feed.feed.language == "sv"
    assert feed.feed.link == "http://testserver/podd/"
    assert feed.feed.author == "Chefsguider"
    assert feed.feed.image.href == "http://testserver/static/podcasts/cover.png"
    assert [tag.term for tag in feed.feed.tags] == ["Business", "Management"]
    # Apple's values are "true"/"false"; feedparser reads anything but "yes" as not explicit.
    assert not feed.feed.itunes_explicit
    assert b"<itunes:explicit>false</itunes:explicit>" in client.get(podcast.url + "feed/").content

    [entry] = feed.entries
    assert (
        entry.title == "Lönesamtalet som blev bra" and entry.link == "http://testserver/podd/lonesamtalet-som-blev-bra/"
    )
    assert entry.itunes_duration == "00:34:00" and entry.itunes_episode == "1"
    assert entry.author == "Hanna Dahl, Sara Nyström"
    [enclosure] = entry.enclosures
    assert enclosure.href == f"http://testserver{audio_document.url}"
    assert (enclosure.length, enclosure.type) == ("2048", "audio/mpeg")
    assert entry.guidislink is False
    assert entry.published_parsed[:3] == (2026, 9, 1)


def test_an_external_audio_file_is_an_enclosure_with_its_given_size(client, podcast, make_episode):
    make_episode(audio_url="https://media.example.se/podd/avsnitt-2.m4a", audio_size=31_457_280)
    [enclosure] = parse(client, podcast).entries[0].enclosures
    assert (enclosure.href, enclosure.length, enclosure.type) == (
        "https://media.example.se/podd/avsnitt-2.m4a",
        "31457280",
        "audio/x-m4a",
    )


def test_episodes_without_audio_are_left_out_and_the_feed_stays_valid(client, podcast, make_episode):
    make_episode("Bara utskrift")
    feed = parse(client, podcast)
    assert not feed.bozo and feed.entries == []
    assert "Bara utskrift" in client.get(podcast.url).content.decode()


def test_guids_stay_the_same_across_edits_and_moves(client, podcast, make_episode, audio_document):
    episode = make_episode("Första titeln", audio_document=audio_document)
    guid = parse(client, podcast).entries[0].id
    assert guid == str(episode.guid) and uuid.UUID(guid)

    episode.title, episode.slug, episode.description = "En bättre titel", "en-battre-titel", "Omskriven."
    episode.save_revision().publish()
    [entry] = parse(client, podcast).entries
    assert (entry.title, entry.id) == ("En bättre titel", guid)


def test_a_copied_episode_gets_a_guid_of_its_own(podcast, make_episode):
    episode = make_episode()
    copy = episode.copy(update_attrs={"slug": "kopia", "title": "Kopia"})
    assert EpisodePage.objects.get(pk=copy.pk).guid != episode.guid


def test_newest_episodes_come_first(client, podcast, make_episode, audio_document):
    make_episode("Äldre", audio_url="https://m.example.se/1.mp3", audio_size=10, published_on=datetime.date(2026, 1, 1))
    make_episode("Nyare", audio_url="https://m.example.se/2.mp3", audio_size=10, published_on=datetime.date(2026, 2, 1))
    assert [entry.title for entry in parse(client, podcast).entries] == ["Nyare", "Äldre"]
