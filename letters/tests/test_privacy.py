"""Nothing a manager types into a letter reaches a log, a cache or the database, and every answer
to a post is marked no-store — also with the anonymous page cache switched on."""

import logging
import pickle

import pytest
from django.apps import apps
from django.core.cache import cache
from django.db import models

from letters.tests.conftest import answers

pytestmark = pytest.mark.django_db

MARKER = "Hemlig-Hedvig-7731"


def rows_with(marker: str) -> list[str]:
    """Every model's text columns searched for the marker: "app.Model.field" where it was found."""
    found = []
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.CharField | models.TextField | models.JSONField):
                lookup = f"{field.attname}__icontains"
                if isinstance(field, models.JSONField):
                    continue
                if model._default_manager.filter(**{lookup: marker}).exists():
                    found.append(f"{model._meta.label}.{field.name}")
    json_fields = [(model, field) for model in apps.get_models() for field in model._meta.concrete_fields
                   if isinstance(field, models.JSONField)]
    for model, field in json_fields:
        for value in model._default_manager.values_list(field.attname, flat=True):
            if marker in str(value):
                found.append(f"{model._meta.label}.{field.name}")
    return found


def cached_with(marker: str) -> list[str]:
    """Keys of the local-memory cache whose stored value holds the marker."""
    store = getattr(cache, "_cache", {})
    return [key for key, value in store.items() if marker.encode() in value or marker in str(pickle.loads(value))]


def test_no_manager_input_is_logged_cached_or_stored(client, letters, settings, caplog):
    settings.PAGE_CACHE_SECONDS = 600
    caplog.set_level(logging.DEBUG)
    letter = letters["uppsagning-arbetsbrist"]
    data = {name: f"{MARKER} {value}" if not value.startswith(("20", "on")) else value
            for name, value in answers(letter).items()}
    late = {**data, "sista_dag": "2026-01-01", "uppsagningsdag": "2026-02-01"}  # refused: the form again
    empty = {**data, "kontakt": ""}

    responses = [
        client.get(letter.url),  # may be cached: it holds no answer
        client.post(letter.url, {"fran_planerare": "arbetsbrist", "steg:besked": "2026-03-02",
                                 "svar:anstallningsar": MARKER}),
        client.post(f"{letter.url}word/", data),
        client.post(f"{letter.url}pdf/", data),
        client.post(f"{letter.url}word/", late),
        client.post(f"{letter.url}pdf/", empty),
    ]
    assert [response.status_code for response in responses] == [200, 200, 200, 200, 400, 400]
    for response in responses[1:]:
        assert "no-store" in response["Cache-Control"]
        assert "X-Cache" not in response
    assert MARKER in responses[4].content.decode()  # the manager's own answers come back to them only

    assert MARKER not in caplog.text
    assert all(MARKER not in str(record.args) for record in caplog.records)
    assert rows_with(MARKER) == []
    assert cached_with(MARKER) == []


def test_the_planner_page_puts_no_date_of_the_plan_in_a_letter_address(client, letters):
    letters["uppsagning-arbetsbrist"]
    html = client.get("/verktyg/arbetsbrist/?start=2026-03-02&anstallningsar=5&berorda=30").content.decode()
    section = html[html.index('class="planner-letters"'):]
    assert '<form method="post" action="/verktyg/brev/uppsagning-arbetsbrist/"' in section
    assert "?steg" not in section and "brev/uppsagning-arbetsbrist/?" not in section
