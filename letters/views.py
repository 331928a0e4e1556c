"""What a letter's page shows and sends: the form, the letter as it will read, the guidance, and
the filled-in letter as .docx or PDF.

Everything the manager sends comes by POST (never in an address, so never in an access log) and
every answer to a POST is marked no-store: no cache keeps it, and nothing of it is written to the
database or a log. A planner hands its dates over the same way, as hidden fields of a form.
"""

from __future__ import annotations

from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.utils.cache import add_never_cache_headers

from facts.citations import FactTable
from letters.documents import DOCX_TYPE, docx_document, download_response, pdf_document
from letters.forms import PLANNER_KEY, letter_form_class, planner_initial
from letters.letter_text import render, to_html
from tools.processes import get_process


def _private(response):
    # The manager's names, dates and reasons: no cache anywhere may keep them.
    add_never_cache_headers(response)
    return response


def _render_page(request, letter, form, *, status=200, from_planner=None):
    labels = {item.name: item.label for item in letter.letter_fields.all()}
    facts = FactTable.for_text(letter.body)
    context = {
        "form": form,
        "preview_html": to_html(render(letter.body, facts, labels=labels), labels, top=3),
        "from_planner": from_planner,
        "cited_text": f"{letter.body}\n{letter.guidance}",
    }
    response = letter.render(request, context_overrides=context, template="letters/letter_page.html")
    response.status_code = status
    return response


def letter_page(request, letter):
    """GET: the empty form. POST: the form with a planner's dates filled in (still editable)."""
    form_class = letter_form_class(letter)
    if request.method in ("GET", "HEAD"):
        return _render_page(request, letter, form_class())
    if request.method != "POST":
        return HttpResponseNotAllowed(["GET", "HEAD", "POST"])
    process = get_process(str(request.POST.get(PLANNER_KEY, "")))
    form = form_class(initial=planner_initial(letter, request.POST))
    return _private(_render_page(request, letter, form, from_planner=process))


def letter_download(request, letter, kind: str):
    """The filled-in letter as a file, or the form with its errors; never half a document."""
    if request.method != "POST":
        return redirect(letter.url)
    form = letter_form_class(letter)(request.POST)
    if not form.is_valid():
        return _private(_render_page(request, letter, form, status=400))
    blocks = render(letter.body, FactTable.for_text(letter.body), form.letter_values())
    if kind == "docx":
        response = download_response(docx_document(letter.title, blocks), DOCX_TYPE, f"{letter.slug}.docx")
    else:
        document = pdf_document(request, letter.title, blocks)
        response = download_response(document, "application/pdf", f"{letter.slug}.pdf")
    return _private(response)
