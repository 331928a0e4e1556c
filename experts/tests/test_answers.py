"""Expert answers: pages grouped by guide area, FAQPage data, and the importer for content/experts."""

import datetime
import io
import json
import re
import shutil
from pathlib import Path

from django.core.management import call_command

from experts.models import ExpertAnswerPage

CONTENT = Path(__file__).resolve().parents[2] / "content"


def json_ld(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def test_the_answer_page_shows_question_answer_and_expert(client, make_answer):
    page = make_answer(answered_on=datetime.date(2026, 6, 8))
    html = client.get(page.url).content.decode()
    assert html.count("<h1>") == 1 and "<h1>Får jag neka semester i juli?</h1>" in html
    assert "Min medarbetare vill ha fyra veckor i juli." in html and "Chef i Borås" in html
    assert "<p>Ja, med skäl.</p>" in html
    assert "Svarar: <strong>Lena Ek</strong>, arbetsrättsjurist" in html
    assert '<time datetime="2026-06-08">8 juni 2026</time>' in html


def test_the_faq_json_ld_parses_and_matches_the_page(client, make_answer):
    page = make_answer(
        title="Måste jag säga ja?",
        answer='<p>Nej, inte alltid.</p><ul><li>Tänk på <a href="https://example.se">semesterlagen</a>.</li></ul>'
        "<p>Fråga gärna igen &amp; mer.</p>",
        question="Hon vill ha ledigt <i>hela</i> juli. Måste jag säga ja?",
    )
    html = client.get(page.url).content.decode()
    [data] = json_ld(html)
    assert data["@context"] == "https://schema.org" and data["@type"] == "FAQPage"
    [question] = data["mainEntity"]
    assert question["@type"] == "Question" and question["name"] == "Måste jag säga ja?"
    assert question["text"] == "Hon vill ha ledigt <i>hela</i> juli. Måste jag säga ja?"
    answer = question["acceptedAnswer"]
    assert answer["text"] == "Nej, inte alltid.\n\nTänk på semesterlagen.\n\nFråga gärna igen & mer."
    assert answer["author"] == {"@type": "Person", "name": "Lena Ek", "jobTitle": "Arbetsrättsjurist"}
    assert data["url"] == page.full_url
    # The reader's text cannot break out of the script element.
    assert "<i>" not in re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S).group(1)
    assert "<h1>Måste jag säga ja?</h1>" in html and "Nej, inte alltid." in html


def test_the_index_groups_answers_by_area_in_the_editors_order(client, make_answer, experts_page):
    make_answer("Lönefrågan", area="lon", answered_on=datetime.date(2026, 5, 1))
    make_answer("Den nya lönefrågan", area="lon", answered_on=datetime.date(2026, 6, 1))
    make_answer("Ledarfrågan", area="ledarskap")
    html = client.get(experts_page.url).content.decode()
    ledarskap, lon = html.index('<h2 id="ledarskap">Ledarskap</h2>'), html.index('<h2 id="lon">Lön</h2>')
    assert ledarskap < lon  # Ledarskap comes first in the seeded order of areas
    assert html.index("Den nya lönefrågan") < html.index(">Lönefrågan<")
    assert '<a href="#lon">Lön</a> (2)' in html


def guides_named_in(files) -> set[str]:
    """Slugs of the guides the files link to or name as related."""
    text = "\n".join(path.read_text(encoding="utf-8") for path in files)
    related = {slug.strip() for line in re.findall(r"^related: \[(.*)\]$", text, re.M) for slug in line.split(",")}
    return related | set(re.findall(r"\(/guider/([a-z0-9-]+)/\)", text))


def test_every_written_answer_parses_and_import_experts_loads_them_once(client, make_guide, experts_page, tmp_path):
    from experts.importer import parse_answer

    files = sorted((CONTENT / "experts").glob("*.md"))
    for slug in guides_named_in(files):
        make_guide(slug=slug)
    call_command("import_terms", str(CONTENT / "terms.yml"), stdout=io.StringIO())  # the areas added since
    parsed = [parse_answer(path.read_text(encoding="utf-8"), path.stem) for path in files]
    assert len(parsed) == 48 and len({answer.area.name for answer in parsed}) == 10

    # Publishing is slow; three files show the command's behaviour.
    for name in ("sjukskriven-i-sju-veckor", "neka-semester-i-juli", "forhandla-mer-an-lonen"):
        shutil.copy(CONTENT / "experts" / f"{name}.md", tmp_path)
    call_command("import_experts", str(tmp_path), stdout=(out := io.StringIO()))
    assert out.getvalue().strip() == "created: 3, updated: 0, unchanged: 0, failed: 0"
    call_command("import_experts", str(tmp_path), stdout=(again := io.StringIO()))
    assert again.getvalue().strip() == "created: 0, updated: 0, unchanged: 3, failed: 0"

    page = ExpertAnswerPage.objects.get(slug="sjukskriven-i-sju-veckor")
    assert (page.area.name, page.signature, page.expert_name) == (
        "Arbetsmiljö",
        "Orolig chef i Linköping",
        "Chefsguiders redaktion",
    )
    assert page.question.endswith("Har jag missat något viktigt?")
    assert [item.guide.slug for item in page.related_guides.all()] == [
        "sjukskriven-medarbetare",
        "plan-for-atergang-i-arbete",
        "rehabiliteringskedjan",
    ]
    html = client.get(page.url).content.decode()
    assert '<a href="/chefsguider/plan-for-atergang-i-arbete/">' in html  # the Markdown link, resolved


def test_a_broken_answer_file_is_reported_and_the_rest_imported(experts_page, make_guide, tmp_path):
    make_guide(slug="finns")
    good = (
        '---\ntitle: "Fråga"\narea: "Lön"\nquestion: |\n  Hur gör jag?\n  Chef i Kiruna\n'
        'expert: "A B"\nexpert_role: "Jurist"\ndate: 2026-01-02\nrelated: [finns]\n---\nSå här.\n'
    )
    (tmp_path / "bra.md").write_text(good)
    (tmp_path / "fel-omrade.md").write_text(good.replace('area: "Lön"', 'area: "Trädgård"'))
    (tmp_path / "fel-lank.md").write_text(good.replace("Så här.", "Läs [mer](/guider/saknas/)."))
    (tmp_path / "kod.md").write_text(good.replace("Så här.", "Så här.\n\n```\nkod\n```"))
    from experts.importer import import_experts

    report = import_experts(tmp_path)
    assert [Path(path).name for path in report.created] == ["bra.md"]
    assert dict((Path(path).name, reason) for path, reason in report.failed) == {
        "fel-lank.md": "links to unknown guide saknas",
        "fel-omrade.md": "unknown guide area 'Trädgård'",
        "kod.md": "line 14: code and HTML blocks are not supported",  # the file's line, not the answer's
    }


def test_two_files_with_one_slug_import_once_and_the_second_is_reported(experts_page, tmp_path):
    answer = (
        '---\ntitle: "Fråga"\narea: "Lön"\nquestion: "Hur gör jag?"\nexpert: "A B"\nexpert_role: "Jurist"\n'
        "date: 2026-01-02\n{slug}---\nSå här.\n"
    )
    (tmp_path / "andra.md").write_text(answer.format(slug=""))
    (tmp_path / "forsta.md").write_text(answer.format(slug="slug: andra\n"))
    (tmp_path / "latin1.md").write_bytes("Fråga".encode("latin-1"))
    from experts.importer import import_experts

    report = import_experts(tmp_path)
    assert [Path(path).name for path in report.created] == ["andra.md"]
    assert dict((Path(path).name, reason) for path, reason in report.failed) == {
        "forsta.md": "slug 'andra' is already used by andra.md",
        "latin1.md": "file is not UTF-8 text",
    }


def test_editors_open_answers_and_the_question_queue_in_the_admin(admin_client, make_answer, experts_page):
    from experts.models import ExpertQuestion

    answer = make_answer("Får jag flytta en planerad semester?")
    for page in (experts_page, answer):
        editor = admin_client.get(f"/admin/pages/{page.pk}/edit/")
        # The edit form of this very page, its title filled in: not an error page or a login.
        assert editor.status_code == 200
        assert re.search(rf'<input[^>]*name="title"[^>]*value="{re.escape(page.title)}"', editor.content.decode())
    ExpertQuestion.objects.create(question="Hur länge får en provanställning vara?", signature="Undrande chef")
    queue = admin_client.get("/admin/snippets/experts/expertquestion/")
    assert queue.status_code == 200 and "Hur länge får en provanställning vara?" in queue.content.decode()


def test_related_guides_show_only_what_a_reader_may_open(client, make_answer, related_guides_some_hidden):
    from experts.models import ExpertAnswerRelatedGuide

    page = make_answer()
    for order, guide in enumerate(related_guides_some_hidden.guides):
        ExpertAnswerRelatedGuide.objects.create(answer_page=page, guide=guide, sort_order=order)
    html = client.get(page.url).content.decode()
    assert related_guides_some_hidden.listed(html) == ["Synlig ett", "Synlig två"]


def test_an_area_page_shows_its_latest_answers_and_a_situation_page_none(client, make_answer):
    make_answer("Får jag neka semester i juli?", area="arbetsratt", answered_on=datetime.date(2026, 10, 1))
    make_answer("Hur sätter jag lön för en nyanställd?", area="lon")
    for number in range(5):
        make_answer(f"Arbetsrättsfråga {number}", area="arbetsratt", answered_on=datetime.date(2026, 11, 1 + number))
    html = client.get("/chefsguider/omrade/arbetsratt/").content.decode()
    section = html.split('id="experten-svarar"')[1].split("</section>")[0]
    shown = re.findall(r'guide-card__title"><a href="[^"]+">([^<]+)</a>', section)
    assert shown == [f"Arbetsrättsfråga {number}" for number in (4, 3, 2, 1)]  # the newest four
    assert 'href="/experten-svarar/#arbetsratt"' in section
    assert "Hur sätter jag lön" not in html
    assert 'id="experten-svarar"' not in client.get("/chefsguider/situation/svara-samtal/").content.decode()
