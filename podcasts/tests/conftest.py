import datetime

import pytest


@pytest.fixture
def podcast(db):
    from podcasts.models import PodcastIndexPage

    return PodcastIndexPage.objects.get()


@pytest.fixture
def audio_document(db):
    """An uploaded 'mp3' of 2 048 bytes."""
    from django.core.files.base import ContentFile
    from wagtail.documents.models import Document

    document = Document(title="Avsnitt 1")
    document.file.save("avsnitt-1.mp3", ContentFile(b"ID3" + b"\0" * 2045), save=False)
    document.save()
    return document


@pytest.fixture
def make_episode(podcast):
    """Publish an episode: make_episode("Titel", audio_url=..., audio_size=..., participants=[(name, role)])."""
    from django.utils.text import slugify

    from podcasts.models import EpisodePage, EpisodeParticipant

    def make(title="Lönesamtalet som blev bra", *, participants=(("Hanna Dahl", "Programledare"),), **fields):
        page = EpisodePage(
            title=title,
            slug=fields.pop("slug", slugify(title)),
            published_on=fields.pop("published_on", datetime.date(2026, 9, 1)),
            description=fields.pop("description", "Ett samtal om lön."),
            duration_seconds=fields.pop("duration_seconds", 2040),
            **fields,
        )
        page.participants = [EpisodeParticipant(name=name, role=role) for name, role in participants]
        podcast.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make
