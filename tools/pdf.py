"""PDF documents rendered server-side with WeasyPrint from a Django template.

The renderer fetches nothing: external resources are refused (no SSRF, no slow network calls),
the stylesheet is read from this app, and links keep absolute URLs so they work in the PDF.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from django.http import HttpResponse
from django.template.loader import render_to_string

STYLESHEET = Path(__file__).parent / "pdf.css"


@lru_cache(maxsize=1)
def _stylesheet():
    from weasyprint import CSS

    return CSS(string=STYLESHEET.read_text(encoding="utf-8"))


def render_pdf(request, template: str, context: dict) -> bytes:
    from weasyprint import HTML
    from weasyprint.urls import URLFetcher

    html = render_to_string(template, context, request=request)
    document = HTML(
        string=html,
        base_url=request.build_absolute_uri("/"),
        url_fetcher=URLFetcher(allowed_protocols=("data",)),
    )
    return document.write_pdf(stylesheets=[_stylesheet()])


def pdf_response(request, template: str, context: dict, filename: str) -> HttpResponse:
    return pdf_file_response(render_pdf(request, template, context), filename)


def pdf_file_response(document: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(document, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # Members may download members-only text: never let a shared cache keep a copy.
    response["Cache-Control"] = "private, no-store"
    return response
