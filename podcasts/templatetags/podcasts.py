"""Whether the podcast can be listened to yet: until an episode has audio, links say "Kommer snart"."""

from django import template

from operations.content_cache import remember_for_pages

register = template.Library()


@register.simple_tag(takes_context=True)
def podcast_has_audio(context) -> bool:
    """True once a live episode has sound (one query per request, remembered on the request)."""
    from podcasts.models import EpisodePage

    request = context.get("request")
    cached = getattr(request, "_podcast_has_audio", None)
    if cached is None:
        cached = remember_for_pages(
            "podcast-has-audio",
            (),
            # A lambda: public() queries the view restrictions as the queryset is built.
            lambda: EpisodePage.objects.live().public().exclude(audio_document__isnull=True, audio_url="").exists(),
        )
        if request is not None:
            request._podcast_has_audio = cached
    return cached
