"""Import of podcast episodes (content/podcasts/*.md, format in docs/content-plan.md).

An episode with an `audio_url` must give `audio_bytes` (the file size, which podcast apps need);
without one, `audio_bytes: 0` as in the documented template means no size. The GUID of an
imported episode is derived from its slug, so re-importing into a fresh database gives podcast
apps the same episodes, not new ones.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from pathlib import Path

from guides import page_source as source
from guides.importer import ImportReport
from guides.models import GuidePage
from guides.source import SourceError, first_line_of, split_front_matter
from podcasts.models import EpisodePage, EpisodeParticipant, EpisodeRelatedGuide, PodcastIndexPage

REQUIRED = {"title", "date", "duration_seconds", "description", "participants"}
OPTIONAL = {"slug", "number", "audio_url", "audio_bytes", "related"}
GUID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://chefsguider.se/podd/")


@dataclass
class EpisodeSource:
    slug: str
    title: str
    number: int | None
    published_on: object
    duration_seconds: int
    description: str
    participants: list[tuple[str, str]]
    audio_url: str
    audio_size: int | None
    transcript: str
    related: list[GuidePage]


def parse_episode(text: str, default_slug: str) -> EpisodeSource:
    meta, body = split_front_matter(text, REQUIRED, OPTIONAL)
    participants = meta["participants"]
    if (
        not isinstance(participants, list)
        or not participants
        or not all(isinstance(item, dict) and set(item) == {"name", "role"} for item in participants)
    ):
        raise SourceError("participants must be a list of {name, role}")
    audio_url = source.front_text(meta, "audio_url", 500, required=False)
    audio_size = source.integer(meta, "audio_bytes", minimum=1) if meta.get("audio_bytes") else None
    if audio_url and not audio_url.startswith("https://"):
        raise SourceError("audio_url must be an https address")
    if audio_url and audio_size is None:
        raise SourceError("audio_url needs audio_bytes, the file size podcast apps require")
    return EpisodeSource(
        slug=source.slug(meta, default_slug),
        title=source.front_text(meta, "title", 255),
        number=source.integer(meta, "number", minimum=1) if meta.get("number") is not None else None,
        published_on=source.date(meta, "date"),
        duration_seconds=source.integer(meta, "duration_seconds", minimum=1),
        description=source.front_text(meta, "description", 1000),
        participants=[
            (source.front_text(item, "name", 120), source.front_text(item, "role", 120)) for item in participants
        ],
        audio_url=audio_url,
        audio_size=audio_size,
        transcript=source.rich_text(body, first_line=first_line_of(text, body)),
        related=source.related_guides(meta),
    )


def import_podcasts(folder: Path) -> ImportReport:
    podcast = source.import_parent(PodcastIndexPage, "podcast page")
    return source.import_pages(folder, podcast, EpisodePage, parse_episode, _fill, _snapshot)


def _snapshot(page: EpisodePage):
    return (
        page.title,
        page.number,
        page.published_on,
        page.duration_seconds,
        page.description,
        page.audio_url,
        page.audio_size,
        page.transcript,
        [(person.name, person.role) for person in page.participants.all()],
        [item.guide_id for item in page.related_guides.all()],
    )


def _fill(page: EpisodePage, episode: EpisodeSource) -> None:
    if page.pk is None:
        # Fixed at creation (see the module docstring); an existing episode keeps its GUID.
        page.guid = uuid.uuid5(GUID_NAMESPACE, episode.slug)
    page.title = page.draft_title = episode.title
    page.number = episode.number
    page.published_on = episode.published_on
    page.duration_seconds = episode.duration_seconds
    page.description = episode.description
    page.audio_url = episode.audio_url
    page.audio_size = episode.audio_size
    page.transcript = episode.transcript
    page.participants = [EpisodeParticipant(name=name, role=role) for name, role in episode.participants]
    page.related_guides = [EpisodeRelatedGuide(guide=guide) for guide in episode.related]
