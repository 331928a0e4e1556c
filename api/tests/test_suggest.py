"""GET /api/v1/suggest/: guides to open kept apart from searches to complete, one form per word."""

from unittest import mock

from api.views import split_suggestions


def test_titles_become_guides_with_their_address_and_inflections_collapse_to_the_shortest(make_guide):
    guide = make_guide("Lönesamtal med medarbetare", slug="lonesamtal")
    suggestions = ["Lönesamtal med medarbetare", "lönesamtalet", "lönesamtal", "lönesamtalen", "lönesättning"]
    guides, completions = split_suggestions(suggestions)
    assert guides == [{"title": "Lönesamtal med medarbetare", "url": guide.url}]
    assert completions == ["lönesamtal", "lönesättning"]


def test_the_response_keeps_the_old_list_and_adds_the_two_groups(client, make_guide):
    make_guide("Lönesamtal med medarbetare", slug="lonesamtal")
    engine = mock.Mock(suggest=mock.Mock(return_value=["Lönesamtal med medarbetare", "lönesamtalet", "lönesamtal"]))
    with mock.patch("search.get_engine", return_value=engine):
        data = client.get("/api/v1/suggest/?q=lönes").json()
    assert data["suggestions"] == ["Lönesamtal med medarbetare", "lönesamtalet", "lönesamtal"]
    assert [guide["title"] for guide in data["guides"]] == ["Lönesamtal med medarbetare"]
    assert data["completions"] == ["lönesamtal"]
