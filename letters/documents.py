"""The filled-in letter as a document: .docx (python-docx, what HR departments edit) and PDF
(WeasyPrint with the site's print style, tools/pdf.css). Both are made in memory from the blocks of
letters/letter_text.py and sent at once; no file is written and nothing is kept."""

from __future__ import annotations

import io

from django.http import HttpResponse

from letters.letter_text import Block, Span, to_html
from tools.pdf import render_pdf

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def docx_document(title: str, blocks: list[Block]) -> bytes:
    from docx import Document
    from docx.shared import Pt

    document = Document()
    document.styles["Normal"].font.name = "Calibri"
    document.styles["Normal"].font.size = Pt(11)
    properties = document.core_properties
    # python-docx would sign every file "python-docx"; the manager's file names no one.
    properties.title, properties.author, properties.last_modified_by, properties.comments = title, "", "", ""
    properties.language = "sv-SE"
    for block in blocks:
        if block.kind in ("title", "heading"):
            heading = document.add_heading(level=1 if block.kind == "title" else 2)
            _add_spans(heading, block.lines[0].spans)
        elif block.kind == "list":
            for line in block.lines:
                _add_spans(document.add_paragraph(style="List Bullet"), line.spans)
        else:
            paragraph = document.add_paragraph()
            for number, line in enumerate(block.lines):
                if number:
                    paragraph.add_run().add_break()
                _add_spans(paragraph, line.spans)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def _add_spans(paragraph, spans: list[Span]) -> None:
    for span in spans:
        for number, part in enumerate(span.text.split("\n")):
            if number:
                paragraph.add_run().add_break()
            paragraph.add_run(part).bold = span.bold or None
        if span.law:
            paragraph.add_run(f" ({span.law})").bold = span.bold or None


def pdf_document(request, title: str, blocks: list[Block]) -> bytes:
    return render_pdf(request, "letters/pdf/letter.html", {"title": title, "letter_html": to_html(blocks)})


def download_response(content: bytes, content_type: str, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
