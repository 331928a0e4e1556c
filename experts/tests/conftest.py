import pytest


@pytest.fixture
def experts_page(db):
    from experts.models import ExpertIndexPage

    return ExpertIndexPage.objects.get()


@pytest.fixture
def make_answer(experts_page):
    """Publish an answer page: make_answer("Rubrik", area="lon", answer="<p>…</p>")."""
    from django.utils.text import slugify

    from experts.models import ExpertAnswerPage
    from guides.models import GuideArea

    def make(title="Får jag neka semester i juli?", *, area="arbetsratt", answer="<p>Ja, med skäl.</p>", **fields):
        page = ExpertAnswerPage(
            title=title,
            slug=slugify(title),
            area=GuideArea.objects.get(slug=area) if area else None,
            question=fields.pop("question", "Min medarbetare vill ha fyra veckor i juli. Måste jag säga ja?"),
            signature=fields.pop("signature", "Chef i Borås"),
            answer=answer,
            expert_name=fields.pop("expert_name", "Lena Ek"),
            expert_role=fields.pop("expert_role", "Arbetsrättsjurist"),
            **fields,
        )
        experts_page.add_child(instance=page)
        page.save_revision().publish()
        return page

    return make
