"""The catalogue: OR within a facet, AND across facets, counts per option, plain-GET flow."""

import re

import pytest

from guides.catalogue import find_guides


@pytest.fixture
def library(make_guide):
    """Five guides whose facet counts are worked out by hand in the tests below."""
    return {
        "g1": make_guide("Lön ett", areas=["lon"], situations=["lonerevision"]),
        "g2": make_guide("Lön två", areas=["lon", "ledarskap"], situations=["lonerevision", "svara-samtal"]),
        "g3": make_guide("Ledare", areas=["ledarskap"], situations=["svara-samtal"]),
        "g4": make_guide("Rätt", areas=["arbetsratt"], situations=["avsluta-anstallning"]),
        "g5": make_guide("Rätt och lön", areas=["arbetsratt", "lon"], situations=[]),
    }


def counts(results, facet):
    return {option.slug: option.count for option in results.facets[facet] if option.count}


def titles(results):
    return {guide.title for guide in results.guides}


def test_no_choice_lists_every_live_guide_newest_first(library):
    results = find_guides()
    assert results.total == 5
    dates = [guide.updated for guide in results.guides]
    assert dates == sorted(dates, reverse=True)
    assert counts(results, "area") == {"lon": 3, "ledarskap": 2, "arbetsratt": 2}
    assert counts(results, "situation") == {"lonerevision": 2, "svara-samtal": 2, "avsluta-anstallning": 1}


def test_one_area(library):
    results = find_guides(areas=["lon"])
    assert titles(results) == {"Lön ett", "Lön två", "Rätt och lön"}
    # Area counts ignore the area choice itself; situation counts apply it.
    assert counts(results, "area") == {"lon": 3, "ledarskap": 2, "arbetsratt": 2}
    assert counts(results, "situation") == {"lonerevision": 2, "svara-samtal": 1}


def test_or_within_a_facet(library):
    results = find_guides(areas=["lon", "arbetsratt"])
    assert titles(results) == {"Lön ett", "Lön två", "Rätt", "Rätt och lön"}


def test_and_across_facets(library):
    results = find_guides(areas=["lon"], situations=["svara-samtal"])
    assert titles(results) == {"Lön två"}
    assert counts(results, "area") == {"lon": 1, "ledarskap": 2}
    assert counts(results, "situation") == {"lonerevision": 2, "svara-samtal": 1}


def test_unpublished_guides_are_not_counted(library):
    library["g1"].unpublish()
    results = find_guides(areas=["lon"])
    assert results.total == 2
    assert counts(results, "situation") == {"lonerevision": 1, "svara-samtal": 1}


def test_catalogue_page_shows_count_options_and_results(client, library):
    response = client.get("/chefsguider/?omrade=lon&situation=svara-samtal")
    html = response.content.decode()
    assert response.status_code == 200
    assert "Det finns 1 guide inom ditt val" in html
    assert "Lön två" in html and "Lön ett" not in html
    assert re.search(r'id="area-lon"[^>]*value="lon"[^>]* checked', html)
    # An option that would give no guides is shown, but disabled.
    assert re.search(r'id="area-karriar"[^>]* disabled', html)
    assert "Rensa val" in html


def test_plural_count_and_no_clear_link_without_choice(client, library):
    html = client.get("/chefsguider/").content.decode()
    assert "Det finns 5 guider<" in html and "inom ditt val" not in html
    assert "Rensa val" not in html


def test_unknown_slugs_in_the_url_are_ignored(client, library):
    response = client.get("/chefsguider/?omrade=finns-inte&situation=%00")
    assert response.status_code == 200
    assert "Det finns 5 guider<" in response.content.decode()


def test_pagination_keeps_the_choice(client, make_guide):
    for _ in range(12):
        make_guide(areas=["lon"])
    html = client.get("/chefsguider/?omrade=lon").content.decode()
    assert "Det finns 12 guider inom ditt val" in html
    assert 'href="?omrade=lon&amp;sida=2"' in html
    second = client.get("/chefsguider/?omrade=lon&sida=2").content.decode()
    assert second.count('class="guide-card"') == 2
    # A page number past the end shows the last page, a bad one the first.
    assert client.get("/chefsguider/?omrade=lon&sida=99").content.decode().count('class="guide-card"') == 2
    assert client.get("/chefsguider/?omrade=lon&sida=abc").status_code == 200


def test_fragment_for_the_script_holds_form_and_results_only(client, library):
    response = client.get("/chefsguider/?omrade=lon", headers={"X-Chefsguider-Fragment": "1"})
    html = response.content.decode()
    assert "<html" not in html
    assert "Det finns 3 guider inom ditt val" in html
    assert "X-Chefsguider-Fragment" in response["Vary"]


def test_area_and_situation_landing_pages(client, library):
    from guides.models import GuideArea

    area = GuideArea.objects.get(slug="lon")
    area.intro = "<p>Lön är ett av chefens viktigaste verktyg.</p>"
    area.save()
    html = client.get("/chefsguider/omrade/lon/").content.decode()
    assert "Lön är ett av chefens viktigaste verktyg." in html
    assert "3 guider" in html and "Lön ett" in html and "Ledare" not in html
    html = client.get("/chefsguider/situation/svara-samtal/").content.decode()
    assert "Lön två" in html and "Ledare" in html and "Rätt" not in html
    assert client.get("/chefsguider/omrade/finns-inte/").status_code == 404


def test_an_absurd_page_number_shows_the_last_page(client, library):
    response = client.get("/chefsguider/", {"sida": "99999999999999999999"})
    assert response.status_code == 200 and "Det finns 5 guider<" in response.content.decode()


def restrict_to_editors(guide):
    from django.contrib.auth.models import Group
    from wagtail.models import PageViewRestriction

    restriction = PageViewRestriction.objects.create(page=guide, restriction_type=PageViewRestriction.GROUPS)
    restriction.groups.set([Group.objects.get_or_create(name="Redaktörer")[0]])


def test_a_guide_restricted_to_a_group_is_neither_listed_nor_counted(library, make_guide):
    hidden = make_guide("Bara för redaktörer", areas=["lon", "karriar"], situations=["lonerevision"])
    restrict_to_editors(hidden)
    results = find_guides()
    assert results.total == 5 and "Bara för redaktörer" not in titles(results)
    # A live guide behind a view restriction is not public: no facet option may count it.
    assert counts(results, "area") == {"lon": 3, "ledarskap": 2, "arbetsratt": 2}
    assert counts(results, "situation") == {"lonerevision": 2, "svara-samtal": 2, "avsluta-anstallning": 1}
    assert counts(find_guides(areas=["lon"]), "situation") == {"lonerevision": 2, "svara-samtal": 1}


def test_a_misspelt_search_offers_menade_du_with_the_corrected_words(client, make_guide, indexed):
    make_guide("Lönesamtal som leder framåt", areas=["lon"], summary="Förbered lönesamtalet med medarbetaren.")
    make_guide("Konflikter i gruppen", summary="När två medarbetare inte kommer överens.")
    indexed()
    assert find_guides("lönesamtl").suggestion == "lönesamtal"
    html = client.get("/chefsguider/", {"q": "lönesamtl"}).content.decode()
    assert re.search(r'Menade du <a href="\?q=l%C3%B6nesamtal">lönesamtal</a>\?', html), html
    # A correctly spelt query is not second-guessed.
    assert find_guides("lönesamtal").suggestion is None




def test_chosen_filters_are_chips_that_link_to_the_choice_without_them(client, library):
    html = client.get("/chefsguider/?q=lön&omrade=lon&situation=svara-samtal&sida=2").content.decode()
    assert '<ul class="chips" aria-label="Dina val">' in html
    assert 'href="/chefsguider/?q=l%C3%B6n&amp;situation=svara-samtal" data-chip-for="area-lon">Lön<' in html
    assert 'href="/chefsguider/?q=l%C3%B6n&amp;omrade=lon" data-chip-for="situation-svara-samtal">Svåra samtal<' in html
    assert "chips" not in client.get("/chefsguider/?q=lön").content.decode()


def test_the_heading_names_the_query_and_says_inom_ditt_val_only_with_filters(client, library):
    from guides.views import result_heading

    assert result_heading(21, "lönesamtal", False) == "21 guider om ”lönesamtal”"
    assert result_heading(1, "lönesamtal", True) == "1 guide om ”lönesamtal” inom ditt val"
    assert result_heading(0, "xyz", False) == "Inga guider om ”xyz”"
    assert result_heading(279, "", False) == "Det finns 279 guider"
    html = client.get("/chefsguider/?q=xyzzyqq").content.decode()
    assert "<title>Inga guider om ”xyzzyqq” – Chefsguider</title>" in html
    assert "ta bort" not in html.lower().split('<section class="results"')[1]
    assert "<title>Chefsguider</title>" in client.get("/chefsguider/").content.decode()


@pytest.fixture
def searchable(make_guide, indexed):
    import datetime

    guides = {
        "old": make_guide("Lönesamtal förr", areas=["lon"], situations=["lonerevision"],
                          summary="Lönesamtal med en medarbetare.", updated=datetime.date(2025, 1, 10)),
        "new": make_guide("Lönesamtal nu", areas=["lon"], situations=["svara-samtal"],
                          summary="Lönesamtal med hela gruppen.", updated=datetime.date(2026, 3, 1)),
        "other": make_guide("Lönesamtal i staten", areas=["arbetsratt"], situations=["lonerevision"],
                            summary="Lönesamtal enligt avtalet.", updated=datetime.date(2025, 6, 1)),
    }
    indexed()
    return guides


def test_a_search_keeps_the_filters_of_both_facets(searchable):
    assert titles(find_guides("lönesamtal")) == {"Lönesamtal förr", "Lönesamtal nu", "Lönesamtal i staten"}
    assert titles(find_guides("lönesamtal", areas=["lon"])) == {"Lönesamtal förr", "Lönesamtal nu"}
    assert titles(find_guides("lönesamtal", situations=["lonerevision"])) == {"Lönesamtal förr", "Lönesamtal i staten"}
    results = find_guides("lönesamtal", areas=["lon"], situations=["lonerevision"])
    assert titles(results) == {"Lönesamtal förr"} and results.total == 1
    assert counts(results, "area") == {"lon": 1, "arbetsratt": 1}  # each option with the other facet's choice


def test_a_search_sorted_by_date_is_paged_newest_first_with_snippets(searchable):
    from search.base import SORT_UPDATED

    everything = find_guides("lönesamtal", sort=SORT_UPDATED, limit=10)
    assert [guide.title for guide in everything.guides] == ["Lönesamtal nu", "Lönesamtal i staten", "Lönesamtal förr"]
    second_page = find_guides("lönesamtal", sort=SORT_UPDATED, limit=1, offset=1)
    assert [guide.title for guide in second_page.guides] == ["Lönesamtal i staten"] and second_page.total == 3
    # Each guide found comes with its snippet, the query marked.
    assert set(everything.snippets) == {guide.pk for guide in everything.guides}
    assert all("<mark>" in snippet for snippet in everything.snippets.values())


def test_kept_search_results_belong_to_their_own_query_and_filters(searchable, settings):
    settings.PAGE_CACHE_SECONDS = 600
    assert titles(find_guides("lönesamtal", areas=["lon"])) == {"Lönesamtal förr", "Lönesamtal nu"}
    assert titles(find_guides("lönesamtal", areas=["arbetsratt"])) == {"Lönesamtal i staten"}
    assert titles(find_guides("staten")) == {"Lönesamtal i staten"}


def test_a_guide_unpublished_since_the_search_is_never_shown(searchable):
    """Hits (and the nearest guides offered instead) come from the index, the guides from the database."""
    query = "lönesamtal gruppen staten avtalet"  # one guide has every word; two come near
    assert [guide.title for guide in find_guides(query).nearest] == ["Lönesamtal nu", "Lönesamtal förr"]
    searchable["new"].unpublish()  # the index still has it until the after-commit update
    assert titles(find_guides("lönesamtal")) == {"Lönesamtal förr", "Lönesamtal i staten"}
    assert [guide.title for guide in find_guides(query).nearest] == ["Lönesamtal förr"]


def test_readable_guides_keeps_the_order_and_leaves_out_what_a_reader_may_not_open(searchable, make_guide):
    from guides.catalogue import readable_guides

    hidden = make_guide("Utkast")
    hidden.unpublish()
    order = [searchable["other"].pk, hidden.pk, searchable["old"].pk, 999_999]
    assert [guide.title for guide in readable_guides(iter(order))] == ["Lönesamtal i staten", "Lönesamtal förr"]


def test_each_guide_found_lists_its_terms_in_the_editors_order_without_a_query_per_guide(make_guide):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from guides.models import GuideArea, Situation

    # The editors' order is not the alphabet: "Lön" before "Arbetsrätt", "Svåra samtal" before "Lönerevision".
    GuideArea.objects.filter(slug="arbetsratt").update(sort_order=1000)
    Situation.objects.filter(slug="lonerevision").update(sort_order=1000)
    make_guide("Första", areas=["arbetsratt", "lon"], situations=["lonerevision", "svara-samtal"])

    def terms_of_every_guide():
        with CaptureQueriesContext(connection) as queries:
            found = [([area.slug for area in guide.areas.all()], [s.slug for s in guide.situations.all()])
                     for guide in find_guides().guides]
        return found, len(queries)

    found, one_guide = terms_of_every_guide()
    assert found == [(["lon", "arbetsratt"], ["svara-samtal", "lonerevision"])]
    for number in range(4):
        make_guide(f"Fler {number}", areas=["ledarskap", "lon"], situations=["lonerevision"])
    assert terms_of_every_guide()[1] == one_guide  # the same queries for five guides as for one


def test_kept_facet_counts_belong_to_their_own_filters(library, settings):
    settings.PAGE_CACHE_SECONDS = 600  # facet counts are kept for the content generation
    from django.core.cache import cache

    cache.clear()
    assert counts(find_guides(areas=["lon"]), "situation") == {"lonerevision": 2, "svara-samtal": 1}
    assert counts(find_guides(), "situation") == {"lonerevision": 2, "svara-samtal": 2, "avsluta-anstallning": 1}
    cache.clear()


def test_ten_guides_a_page_newest_first_and_by_title_within_a_day(make_guide):
    import datetime

    day = datetime.date(2026, 5, 5)
    for title in ("Bäst", "Cirkel", "Anteckna"):
        make_guide(title, updated=day)
    for n in range(9):
        make_guide(f"Äldre {n}", updated=day - datetime.timedelta(days=n + 1))
    results = find_guides()
    assert results.total == 12 and len(results.guides) == 10
    assert [guide.title for guide in results.guides[:3]] == ["Anteckna", "Bäst", "Cirkel"]


def test_a_guides_terms_are_listed_in_the_editors_order_then_by_name(make_guide):
    from guides.models import GuideArea

    for slug in ("lon", "ledarskap", "arbetsratt"):
        GuideArea.objects.filter(slug=slug).update(sort_order=1)
    make_guide("Tre områden", areas=["lon", "ledarskap", "arbetsratt"])
    (guide,) = find_guides().guides
    assert [area.name for area in guide.areas.all()] == sorted(
        GuideArea.objects.filter(slug__in=["lon", "ledarskap", "arbetsratt"]).values_list("name", flat=True)
    )
