"""Views of the tools: the PDF of a guide, and what each tool page shows and exports.

Every tool works as a plain form: GET for the planners and the meeting pack (so a plan has an
address), POST for the personal evaluation (answers never end up in a URL or a log). Nothing a
reader types is stored. Members-only guide text goes only where `can_read_body` allows it.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.views.decorators.http import require_GET

from guides.models import GuidePage, can_read_body
from operations.content_cache import remember
from tools.calendar_file import CalendarEvent, calendar_response
from tools.follow_up import CADENCES, agenda_from_guide, schedule
from tools.forms import (
    FollowUpForm,
    MeetingPackForm,
    PersonalEvaluationForm,
    bound_data,
    process_form_class,
)
from tools.pdf import pdf_file_response, pdf_response, render_pdf
from tools.processes import get_process, make_plan

WORKSHEET_BLOCKS = {"question_list", "checklist"}
GUIDE_PDF_SECONDS = 24 * 60 * 60


def _today() -> datetime.date:
    return timezone.localdate()


def _query_url(base: str, request) -> str:
    return f"{base}?{request.GET.urlencode()}"


def _back_to_form(request, page):
    """An export asked for with bad parameters: show the form with its errors instead."""
    return redirect(_query_url(page.url, request))


# -- the PDF of a guide -------------------------------------------------------------------


@require_GET
def guide_pdf(request, slug):
    guide = GuidePage.objects.live().public().filter(slug=slug).first()
    if guide is None:
        raise Http404("Ingen sådan guide")
    readable = can_read_body(request, guide)
    site = request.build_absolute_uri("/")

    def render() -> bytes:
        context = {
            "guide": guide,
            "can_read_body": readable,
            "guide_url": request.build_absolute_uri(guide.url),
            "generated": _today(),
        }
        return render_pdf(request, "tools/pdf/guide.html", context)

    # WeasyPrint takes about 0.3 s, so the PDF is kept: it depends only on the content, whether the
    # reader may read the body, the day it is printed and the site address it is printed from.
    document = remember("guide-pdf", (guide.pk, readable, _today(), site), render, GUIDE_PDF_SECONDS)
    return pdf_file_response(document, f"{guide.slug}.pdf")


# -- follow-up planner --------------------------------------------------------------------


def _follow_up_plan(request, form) -> dict:
    data = form.cleaned_data
    guide = data["guide"]
    readable = guide is not None and can_read_body(request, guide)
    return {
        "meetings": schedule(data["start"], data["intervall"], data["antal"]),
        "cadence": CADENCES[data["intervall"]],
        "agenda": agenda_from_guide(guide) if readable else [],
        "agenda_guide": guide,
        "agenda_locked": guide is not None and not readable,
    }


def follow_up_page(request, page):
    initial = {"guide": request.GET.get("guide")} if "guide" in request.GET else None
    form = FollowUpForm(bound_data(request, FollowUpForm, FollowUpForm.prefill_fields), initial=initial)
    context = {"form": form}
    if form.is_bound and form.is_valid():
        context.update(_follow_up_plan(request, form))
        context["calendar_url"] = _query_url(page.url + page.reverse_subpage("calendar"), request)
    return page.render(request, context_overrides=context, template="tools/follow_up.html")


def follow_up_calendar(request, page):
    form = FollowUpForm(request.GET)
    if not form.is_valid():
        return _back_to_form(request, page)
    plan = _follow_up_plan(request, form)
    data = form.cleaned_data
    name = data["rubrik"] or "Uppföljning"
    description = ""
    if plan["agenda"]:
        guide = plan["agenda_guide"]
        description = "Agenda:\n" + "\n".join(f"• {question}" for question in plan["agenda"])
        description += f"\n\nFrågorna kommer från guiden ”{guide.title}”: {request.build_absolute_uri(guide.url)}"
    seed = request.GET.urlencode()
    events = [
        CalendarEvent(
            uid_seed=f"uppfoljning|{seed}|{meeting.number}",
            summary=f"{name} ({meeting.number} av {len(plan['meetings'])})",
            day=meeting.date,
            start_time=data["klockan"],
            minutes=data["langd"],
            description=description,
        )
        for meeting in plan["meetings"]
    ]
    return calendar_response(name, events, "uppfoljningsplan.ics")


# -- meeting pack -------------------------------------------------------------------------


@dataclass
class AgendaItem:
    guide: GuidePage
    readable: bool
    blocks: list
    url: str


def _agenda_items(request, form) -> list[AgendaItem]:
    whole = form.cleaned_data["innehall"] == "hela"
    items = []
    for guide in form.cleaned_data["guide"]:
        readable = can_read_body(request, guide)
        blocks = [block for block in guide.body if whole or block.block_type in WORKSHEET_BLOCKS] if readable else []
        items.append(AgendaItem(guide, readable, blocks, request.build_absolute_uri(guide.url)))
    return items


def meeting_pack_page(request, page):
    form = MeetingPackForm(bound_data(request, MeetingPackForm))
    context = {"form": form}
    if form.is_bound and form.is_valid():
        context["items"] = _agenda_items(request, form)
        context["pdf_url"] = _query_url(page.url + page.reverse_subpage("pdf"), request)
    return page.render(request, context_overrides=context, template="tools/meeting_pack.html")


def meeting_pack_pdf(request, page):
    form = MeetingPackForm(request.GET)
    if not form.is_valid():
        return _back_to_form(request, page)
    context = {
        "title": form.cleaned_data["rubrik"],
        "date": form.cleaned_data["datum"],
        "whole": form.cleaned_data["innehall"] == "hela",
        "items": _agenda_items(request, form),
        "generated": _today(),
    }
    return pdf_response(request, "tools/pdf/meeting_pack.html", context, "motespaket.pdf")


# -- personal evaluation ------------------------------------------------------------------


def personal_evaluation_page(request, page, form=None, status=200):
    response = page.render(
        request, context_overrides={"form": form or PersonalEvaluationForm()}, template="tools/personal_evaluation.html"
    )
    response.status_code = status
    return response


def _posted_evaluation(request, page):
    """The valid posted form, or the response to send instead (a redirect or the errors)."""
    if request.method != "POST":
        return None, redirect(page.url)
    form = PersonalEvaluationForm(request.POST)
    if not form.is_valid():
        return None, personal_evaluation_page(request, page, form, status=400)
    return form, None


def _private(response: HttpResponse) -> HttpResponse:
    # The reader's own reflections: no cache anywhere may keep them.
    response["Cache-Control"] = "private, no-store"
    return response


def personal_evaluation_pdf(request, page):
    form, response = _posted_evaluation(request, page)
    if form is None:
        return response
    context = {"title": form.cleaned_data["rubrik"], "answers": form.answers(), "generated": _today()}
    return pdf_response(request, "tools/pdf/personal_evaluation.html", context, "personlig-utvardering.pdf")


def personal_evaluation_text(request, page):
    form, response = _posted_evaluation(request, page)
    if form is None:
        return response
    lines = ["Personlig utvärdering" + (f": {form.cleaned_data['rubrik']}" if form.cleaned_data["rubrik"] else "")]
    lines.append(f"Datum: {_today():%Y-%m-%d}")
    for question, answer in form.answers():
        lines += ["", question, answer.strip() or "–"]
    response = HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="personlig-utvardering.txt"'
    return _private(response)


# -- process planners ---------------------------------------------------------------------


def _process(page):
    process = get_process(page.process)
    if process is None:
        raise Http404("Processen finns inte längre")
    return process


def _plan(page, form):
    """The plan, and each planned step with the live guides it names (in the rules' order)."""
    process = _process(page)
    values = {item.name: form.cleaned_data[item.name] for item in process.inputs}
    plan = make_plan(process, form.cleaned_data["start"], values)
    slugs = {slug for planned in plan.steps for slug in planned.step.guides}
    guides = {guide.slug: guide for guide in GuidePage.objects.live().public().filter(slug__in=slugs)}
    steps = [(planned, [guides[slug] for slug in planned.step.guides if slug in guides]) for planned in plan.steps]
    return plan, steps


def process_page(request, page):
    process = _process(page)
    form_class = process_form_class(process)
    form = form_class(bound_data(request, form_class))
    context = {"form": form, "process": process}
    if form.is_bound and form.is_valid():
        plan, steps = _plan(page, form)
        context.update(
            plan=plan,
            steps=steps,
            calendar_url=_query_url(page.url + page.reverse_subpage("calendar"), request),
            pdf_url=_query_url(page.url + page.reverse_subpage("pdf"), request),
        )
    return page.render(request, context_overrides=context, template="tools/process.html")


def _valid_process_form(request, page):
    form = process_form_class(_process(page))(request.GET)
    return form if form.is_valid() else None


def process_calendar(request, page):
    form = _valid_process_form(request, page)
    if form is None:
        return _back_to_form(request, page)
    plan, steps = _plan(page, form)
    events = []
    for planned, guides in steps:
        parts = [planned.text]
        if planned.step.law:
            parts.append(f"Lag: {planned.step.law}")
        parts += [f"Läs mer: {guide.title} – {request.build_absolute_uri(guide.url)}" for guide in guides]
        events.append(
            CalendarEvent(
                uid_seed=f"process|{plan.process.key}|{request.GET.urlencode()}|{planned.step.id}",
                summary=f"{planned.step.title} ({plan.process.title.lower()})",
                day=planned.date,
                description="\n\n".join(parts),
                url=request.build_absolute_uri(_query_url(page.url, request)),
            )
        )
    return calendar_response(plan.process.title, events, f"{page.slug}.ics")


def process_pdf(request, page):
    form = _valid_process_form(request, page)
    if form is None:
        return _back_to_form(request, page)
    plan, steps = _plan(page, form)
    context = {
        "plan": plan,
        "form": form,
        "steps": steps,
        "page_url": request.build_absolute_uri(_query_url(page.url, request)),
        "generated": _today(),
    }
    return pdf_response(request, "tools/pdf/process.html", context, f"{page.slug}.pdf")


TOOL_VIEWS = {
    "follow_up": {"page": follow_up_page, "calendar": follow_up_calendar},
    "meeting_pack": {"page": meeting_pack_page, "pdf": meeting_pack_pdf},
    "personal_evaluation": {
        "page": personal_evaluation_page,
        "pdf": personal_evaluation_pdf,
        "text": personal_evaluation_text,
    },
    "process": {"page": process_page, "calendar": process_calendar, "pdf": process_pdf},
}
