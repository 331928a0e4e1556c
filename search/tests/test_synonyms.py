"""Editors maintain synonym groups as Wagtail snippets; a starting set comes with the migrations."""

from importlib import import_module

import pytest
from django.apps import apps
from django.core.exceptions import ValidationError
from django.urls import reverse

from search.models import SynonymGroup
from search.synonyms import SynonymTable, parse_terms


@pytest.mark.django_db
def test_a_starting_set_of_management_synonyms_is_seeded():
    groups = [set(group.terms()) for group in SynonymGroup.objects.all()]
    assert len(groups) >= 20
    assert any({"onboarding", "introduktion", "nyanställd"} <= group for group in groups)
    assert any({"apt", "arbetsplatsträff"} <= group for group in groups)


@pytest.mark.django_db
def test_avsked_is_no_synonym_of_uppsagning_and_an_editors_own_group_is_kept():
    """Avsked (18 § LAS) is not uppsägning av personliga skäl (7 § LAS): migration 0013 takes the
    seeded group apart, leaving a group an editor has changed as it is."""
    migration = import_module("search.migrations.0013_avsked_is_not_uppsagning")
    groups = [set(group.terms()) for group in SynonymGroup.objects.all()]
    assert not any({"avsked", "uppsägning av personliga skäl"} <= group for group in groups)
    assert any({"avsked", "avskeda"} <= group for group in groups)
    SynonymGroup.objects.filter(words=migration.FORMS).update(words=migration.SEEDED)
    edited = SynonymGroup.objects.create(words="avsked, uppsägning av personliga skäl, avskedad")
    migration.split(apps, None)
    assert SynonymGroup.objects.filter(words=migration.FORMS).exists()
    assert not SynonymGroup.objects.filter(words=migration.SEEDED).exists()
    assert SynonymGroup.objects.get(pk=edited.pk).words == edited.words


def test_terms_are_normalised_and_deduplicated():
    assert parse_terms(" Utvecklingssamtal,medarbetarsamtal ;\nUTVECKLINGSSAMTAL, , APT ") == [
        "utvecklingssamtal",
        "medarbetarsamtal",
        "apt",
    ]


def test_a_group_needs_two_terms():
    with pytest.raises(ValidationError):
        SynonymGroup(words="ensam").clean()


def test_a_word_finds_the_other_terms_of_its_groups_by_stem():
    table = SynonymTable([["lönesamtal", "lönesättningssamtal"], ["las", "lagen om anställningsskydd"]])
    assert table.alternatives("lönesamtalen") == ("lönesättningssamtal",)
    assert table.alternatives("las") == ("lagen om anställningsskydd",)
    assert table.phrase_alternatives(["vad", "säger", "lagen", "om", "anställningsskydd"]) == {
        "lagen": ("las",),
        "om": ("las",),
        "anställningsskydd": ("las",),
    }


@pytest.mark.django_db
def test_editors_find_synonym_groups_among_the_snippets(admin_client):
    from search.models import SynonymGroup

    SynonymGroup.objects.create(words="kvitrasnurra, snurrkvitter")
    SynonymGroup.objects.create(words="blomsterkvast, kvastblomma")
    listing = reverse("wagtailsnippets_search_synonymgroup:list")
    response = admin_client.get(listing, {"q": "snurrkvitter"})
    assert response.status_code == 200
    # The group searched for is listed, with its words; another group is not.
    assert "kvitrasnurra, snurrkvitter" in response.text and "blomsterkvast" not in response.text
