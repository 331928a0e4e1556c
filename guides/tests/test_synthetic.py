"""generate_guides makes real, live, filterable guides in bulk, with a consistent page tree."""

from django.core.management import call_command

from guides.catalogue import find_guides
from guides.models import CataloguePage, GuidePage


def test_generated_guides_are_live_guides_in_a_valid_tree(client, catalogue, make_guide):
    make_guide("Handskriven")
    call_command("generate_guides", count=25, no_index=True)
    generated = GuidePage.objects.filter(slug__startswith="syntetisk-")
    assert generated.live().count() == 25
    assert CataloguePage.objects.get().numchild == 26
    assert GuidePage.find_problems() == ([], [], [], [], [])
    guide = generated.first()
    assert guide.areas.exists() and guide.situations.exists()
    assert client.get(guide.url).status_code == 200
    assert find_guides().total == 26
    call_command("generate_guides", count=5, no_index=True)
    assert GuidePage.objects.filter(slug__startswith="syntetisk-").count() == 30
