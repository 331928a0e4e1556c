"""In real Chromium: worksheets answered in the page and kept in the browser, print, and no WCAG
2.1 A/AA violations (axe-core) on the tools', experts' and podcast's page types."""

import pytest
from playwright.sync_api import expect

from frontend.tests.browser import accessibility_problems
from tools.tests.conftest import WORKSHEET_BODY

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]


@pytest.fixture(scope="session", autouse=True)
def serialized_database_in_the_browser_context(browser, django_db_setup, django_db_blocker):
    """Playwright's event loop gives this thread a new context, in which Django's connections are new
    objects without the database contents that serialized_rollback restores after each test. Serialize
    them there too (a no-op once the shared browser fixture carries them over itself)."""
    from django.db import connections

    with django_db_blocker.unblock():
        for alias in connections:
            connection = connections[alias]
            if not hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


@pytest.fixture
def guide(make_guide):
    return make_guide("Utvecklingssamtal", slug="utvecklingssamtal", body=WORKSHEET_BODY, publish=True)


def test_worksheet_answers_survive_a_reload_until_cleared(live_server, page, guide):
    page.goto(f"{live_server.url}{guide.url}")
    page.get_by_label("Vad vill du lära dig?").fill("Att leda möten.")
    page.get_by_label("Boka ett rum").check()
    expect(page.get_by_role("button", name="Skriv ut")).to_be_visible()

    page.reload()
    expect(page.get_by_label("Vad vill du lära dig?")).to_have_value("Att leda möten.")
    expect(page.get_by_label("Boka ett rum")).to_be_checked()
    stored = page.evaluate("localStorage.getItem('chefsguider:svar:guide:utvecklingssamtal')")
    assert "Att leda möten." in stored

    page.get_by_role("button", name="Rensa mina svar").first.click()
    expect(page.get_by_label("Vad vill du lära dig?")).to_have_value("")
    expect(page.get_by_role("status").first).to_have_text("Dina svar är rensade.")
    page.reload()
    expect(page.get_by_label("Boka ett rum")).not_to_be_checked()


def test_answers_are_printed_with_the_page(live_server, page, guide):
    page.goto(f"{live_server.url}{guide.url}")
    page.get_by_label("Vad gick bra?").fill("Projektet blev klart i tid.")
    page.emulate_media(media="print")
    expect(page.locator(".worksheet__print-answer").first).to_have_text("Projektet blev klart i tid.")
    expect(page.locator(".worksheet__print-answer").first).to_be_visible()
    expect(page.locator("textarea").first).to_be_hidden()
    expect(page.locator(".guide-actions")).to_be_hidden()
    expect(page.get_by_role("button", name="Rensa mina svar").first).to_be_hidden()  # the worksheet's controls
    expect(page.locator(".site-header")).to_be_hidden()


def test_without_javascript_worksheets_are_plain_lists(live_server, no_js_page, guide):
    no_js_page.goto(f"{live_server.url}{guide.url}")
    assert no_js_page.locator(".worksheet textarea, .worksheet input").count() == 0
    assert no_js_page.locator(".question-list li").all_inner_texts() == ["Vad gick bra?", "Vad vill du lära dig?"]
    expect(no_js_page.get_by_role("button", name="Skriv ut")).to_be_hidden()
    expect(no_js_page.get_by_role("link", name="Ladda ner som PDF")).to_be_visible()


def test_the_personal_evaluation_is_kept_in_the_browser(live_server, page):
    page.goto(f"{live_server.url}/verktyg/personlig-utvardering/")
    page.get_by_label("Vad ska jag börja göra?").fill("Fråga om återkoppling varje månad.")
    page.reload()
    expect(page.get_by_label("Vad ska jag börja göra?")).to_have_value("Fråga om återkoppling varje månad.")
    page.get_by_role("button", name="Rensa mina svar").click()
    expect(page.get_by_label("Vad ska jag börja göra?")).to_have_value("")


def test_tool_expert_and_podcast_pages_pass_axe(live_server, audit_page, guide, make_guide):
    from experts.models import ExpertAnswerPage, ExpertIndexPage
    from podcasts.models import EpisodePage, EpisodeParticipant, PodcastIndexPage

    experts = ExpertIndexPage.objects.get()
    experts.questions_from = ExpertIndexPage.EVERYONE
    experts.save_revision().publish()
    answer = ExpertAnswerPage(
        title="Får jag neka semester i juli?",
        slug="semester",
        question="Måste jag säga ja?",
        answer="<p>Inte alltid.</p>",
        expert_name="Lena Ek",
        expert_role="Jurist",
    )
    experts.add_child(instance=answer)
    answer.save_revision().publish()
    episode = EpisodePage(
        title="Lönesamtalet",
        slug="lonesamtalet",
        published_on="2026-09-01",
        description="Om lön.",
        duration_seconds=1800,
        audio_url="https://media.example.se/1.mp3",
        audio_size=1000,
        transcript="<p><b>Hanna:</b> Välkommen.</p>",
    )
    episode.participants = [EpisodeParticipant(name="Hanna Dahl", role="Programledare")]
    PodcastIndexPage.objects.get().add_child(instance=episode)
    episode.save_revision().publish()
    teaser = make_guide(
        slug="med-podd",
        publish=True,
        body=WORKSHEET_BODY
        + [{"type": "podcast_teaser", "value": {"episode": episode.pk, "heading": "Lyssna på podden"}}],
    )

    pages = [
        "/verktyg/",
        "/verktyg/uppfoljningsplan/?intervall=manad&start=2026-10-24&antal=3&langd=60&guide=utvecklingssamtal",
        "/verktyg/uppfoljningsplan/?intervall=manad&start=fel&antal=30",
        "/verktyg/motespaket/?guide=utvecklingssamtal",
        "/verktyg/personlig-utvardering/",
        "/verktyg/sjukskrivning/?start=2026-03-02&minst_60_dagar=on",
        "/verktyg/arbetsbrist/",
        "/experten-svarar/",
        answer.url,
        "/experten-svarar/fraga/",
        "/podd/",
        episode.url,
        teaser.url,
    ]
    assert accessibility_problems(audit_page, live_server.url, {path: path for path in pages}) == {}
