"""Episode pages, the episode list, the teaser block in guides, and the importer for content/podcasts."""

import io
import re
import uuid
from pathlib import Path

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command

from podcasts.importer import GUID_NAMESPACE
from podcasts.models import EpisodePage, EpisodeRelatedGuide

CONTENT = Path(__file__).resolve().parents[2] / "content"


def test_an_episode_page_has_player_people_transcript_and_guides(client, make_episode, make_guide, audio_document):
    guide = make_guide("Lönesamtal med medarbetare", slug="lonesamtal")
    episode = make_episode(
        number=3,
        audio_document=audio_document,
        transcript="<p><b>Hanna Dahl:</b> Välkommen!</p>",
        participants=[("Hanna Dahl", "Programledare"), ("Jonas Ek", "Utvecklingschef")],
    )
    episode.related_guides = [EpisodeRelatedGuide(guide=guide)]
    episode.save_revision().publish()
    html = client.get(episode.url).content.decode()
    assert html.count("<h1>") == 1 and "<h1>Lönesamtalet som blev bra</h1>" in html
    assert "Avsnitt 3 · <time" in html and "34 min" in html
    assert f'<audio controls preload="none" src="{audio_document.url}" aria-labelledby="lyssna">' in html
    assert "<li><strong>Jonas Ek</strong>, utvecklingschef</li>" in html
    assert "<p><b>Hanna Dahl:</b> Välkommen!</p>" in html
    assert '<a href="/chefsguider/lonesamtal/">Lönesamtal med medarbetare</a>' in html


def test_an_episode_without_audio_says_so_and_offers_the_transcript(client, make_episode):
    html = client.get(make_episode(transcript="<p>Hela samtalet.</p>").url).content.decode()
    assert "<audio" not in html and "Ljudet till det här avsnittet är inte publicerat än." in html
    assert "Hela samtalet." in html


def test_the_episode_list_links_the_feed_once_an_episode_has_sound(client, podcast, make_episode):
    make_episode("Mitt första år som chef", number=2)
    html = client.get(podcast.url).content.decode()
    # No sound yet: "Kommer snart", and no invitation to subscribe to an empty feed.
    assert "Kommer snart" in html and "/podd/feed/" not in html
    assert '<a href="/podd/mitt-forsta-ar-som-chef/">2. Mitt första år som chef</a>' in html
    assert '<img class="episode-card__cover" src="/static/podcasts/cover-224.jpg" alt=""' in html
    make_episode("Lönesamtalet", number=3, audio_url="https://media.example.se/3.mp3", audio_size=1000)
    html = client.get(podcast.url).content.decode()
    assert '<link rel="alternate" type="application/rss+xml" title="Chefsguiders podd" href="/podd/feed/">' in html
    assert 'Prenumerera i din poddapp: <a href="/podd/feed/">RSS-flöde</a>' in html
    assert '<a href="/podd/"' in html and "Podd<span" not in html  # the menu no longer says "Kommer snart"


def test_a_teaser_block_places_an_episode_in_a_guide(client, make_episode, make_guide):
    episode = make_episode(participants=[("Hanna Dahl", "Programledare"), ("Sara Nyström", "Lönespecialist")])
    body = [
        {"type": "rich_text", "value": "<p>Text.</p>"},
        {"type": "podcast_teaser", "value": {"episode": episode.pk, "heading": "Lyssna på podden"}},
    ]
    html = client.get(make_guide(body=body).url).content.decode()
    assert '<aside class="podcast-teaser" aria-label="Poddavsnitt">' in html
    assert f'<a href="{episode.url}">Lönesamtalet som blev bra</a>' in html
    assert "Medverkande: Hanna Dahl (programledare), Sara Nyström (lönespecialist)" in html
    assert "Läs samtalet – ljudet kommer snart" in html  # no sound yet
    episode.audio_url, episode.audio_size = "https://media.example.se/1.mp3", 1000
    episode.save_revision().publish()
    html = client.get(make_guide(body=body).url).content.decode()
    assert "Lyssna på avsnittet (34 min)" in html

    episode.unpublish()
    html = client.get(make_guide(body=body).url).content.decode()
    assert "<p>Text.</p>" in html  # the guide itself renders
    assert "podcast-teaser" not in html


@pytest.mark.parametrize(
    "fields, errors",
    [
        ({"audio_url": "http://media.example.se/a.mp3", "audio_size": 10}, {"audio_url"}),
        ({"audio_url": "https://media.example.se/a.mp3"}, {"audio_size"}),
    ],
)
def test_external_audio_needs_https_and_a_size(podcast, fields, errors):
    episode = EpisodePage(
        title="T", slug="t", published_on="2026-01-01", description="D", duration_seconds=60, **fields
    )
    with pytest.raises(ValidationError) as error:
        podcast.add_child(instance=episode)
    assert set(error.value.message_dict) == errors


def test_import_podcasts_loads_the_written_episodes_once(client, podcast, make_guide, tmp_path):
    files = sorted((CONTENT / "podcasts").glob("*.md"))
    text = "\n".join(path.read_text(encoding="utf-8") for path in files)
    for slug in {s.strip() for line in re.findall(r"^related: \[(.*)\]$", text, re.M) for s in line.split(",")}:
        make_guide(slug=slug)
    call_command("import_podcasts", str(CONTENT / "podcasts"), stdout=(out := io.StringIO()))
    assert out.getvalue().strip() == "created: 4, updated: 0, unchanged: 0, failed: 0"
    call_command("import_podcasts", str(CONTENT / "podcasts"), stdout=(again := io.StringIO()))
    assert again.getvalue().strip() == "created: 0, updated: 0, unchanged: 4, failed: 0"

    episode = EpisodePage.objects.get(slug="att-leda-ett-hybridteam")
    assert episode.guid == uuid.uuid5(GUID_NAMESPACE, "att-leda-ett-hybridteam")
    assert (episode.number, episode.duration_seconds) == (4, 2100)
    assert [(p.name, p.role) for p in episode.participants.all()][0] == ("Hanna Dahl", "Programledare")
    assert "<p><strong>Hanna Dahl:</strong> Välkommen till Chefsguiders podd." in episode.transcript
    # The starter episodes have no audio yet: pages, but no feed items.
    assert client.get(episode.url).status_code == 200
    assert b"<item>" not in client.get(podcast.url + "feed/").content


def test_an_episode_file_with_audio_must_give_its_size(podcast, tmp_path):
    from podcasts.importer import import_podcasts

    (tmp_path / "utan-storlek.md").write_text(
        '---\ntitle: "T"\ndate: 2026-01-01\nduration_seconds: 60\ndescription: "D"\n'
        'participants:\n  - name: "A"\n    role: "B"\naudio_url: "https://m.example.se/a.mp3"\n---\n**A:** Hej.\n'
    )
    report = import_podcasts(tmp_path)
    assert report.failed == [
        (str(tmp_path / "utan-storlek.md"), "audio_url needs audio_bytes, the file size podcast apps require")
    ]


def test_a_code_block_in_a_transcript_is_refused_naming_the_files_line_and_writes_nothing(podcast, tmp_path):
    from podcasts.importer import import_podcasts

    (tmp_path / "kod.md").write_text(
        '---\ntitle: "T"\ndate: 2026-01-01\nduration_seconds: 60\ndescription: "D"\n'
        'participants:\n  - name: "A"\n    role: "B"\n---\n**A:** Hej.\n\n    indragen kod\n'
    )
    report = import_podcasts(tmp_path)
    assert report.failed == [(str(tmp_path / "kod.md"), "line 12: code and HTML blocks are not supported")]
    assert not EpisodePage.objects.filter(slug="kod").exists()


def test_an_episode_file_as_in_the_content_plan_template_imports(podcast, tmp_path):
    from podcasts.importer import import_podcasts

    # docs/content-plan.md: audio_url "" and audio_bytes 0 until the audio exists.
    (tmp_path / "utan-ljud.md").write_text(
        '---\ntitle: "T"\nnumber: 1\ndate: 2026-01-01\nduration_seconds: 60\ndescription: "D"\n'
        'participants:\n  - name: "A"\n    role: "B"\naudio_url: ""\naudio_bytes: 0\nrelated: []\n---\n**A:** Hej.\n'
    )
    report = import_podcasts(tmp_path)
    assert (report.failed, len(report.created)) == ([], 1)
    assert EpisodePage.objects.get(slug="utan-ljud").audio_size is None


def test_editors_open_the_podcast_and_its_episodes_in_the_page_editor(admin_client, podcast, make_episode):
    for page in (podcast, make_episode("Avsnittet om arbetsmiljö")):
        editor = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        # The edit form of this very page, its title filled in: not an error page or a login.
        assert editor.status_code == 200
        assert re.search(rf'<input[^>]*name="title"[^>]*value="{re.escape(page.title)}"', editor.content.decode())


def test_related_guides_show_only_what_a_reader_may_open(client, make_episode, related_guides_some_hidden):
    episode = make_episode()
    for order, guide in enumerate(related_guides_some_hidden.guides):
        EpisodeRelatedGuide.objects.create(episode=episode, guide=guide, sort_order=order)
    html = client.get(episode.url).content.decode()
    assert related_guides_some_hidden.listed(html) == ["Synlig ett", "Synlig två"]
