"""Calendar files (.ics, RFC 5545) for the planners: one event per meeting or step.

UIDs are derived from what the reader asked for, so downloading the same plan twice updates
the events in the reader's calendar instead of adding copies.
"""

from __future__ import annotations

import datetime
import hashlib
from dataclasses import dataclass
from zoneinfo import ZoneInfo

import icalendar
from django.http import HttpResponse
from django.utils import timezone

STOCKHOLM = ZoneInfo("Europe/Stockholm")
PRODUCT_ID = "-//Chefsguider//Verktyg//SV"


@dataclass
class CalendarEvent:
    uid_seed: str
    summary: str
    day: datetime.date
    description: str = ""
    url: str = ""
    start_time: datetime.time | None = None
    minutes: int = 60

    @property
    def uid(self) -> str:
        return hashlib.sha256(self.uid_seed.encode()).hexdigest()[:32] + "@chefsguider"


def calendar_bytes(name: str, events: list[CalendarEvent]) -> bytes:
    calendar = icalendar.Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    stamp = timezone.now().astimezone(datetime.UTC).replace(microsecond=0)
    for item in events:
        event = icalendar.Event()
        event.add("uid", item.uid)
        event.add("dtstamp", stamp)
        event.add("summary", item.summary)
        if item.start_time is None:
            # An all-day event: DTEND is the exclusive next day (RFC 5545 3.6.1).
            event.add("dtstart", item.day)
            event.add("dtend", item.day + datetime.timedelta(days=1))
            event.add("transp", "TRANSPARENT")
        else:
            start = datetime.datetime.combine(item.day, item.start_time, tzinfo=STOCKHOLM)
            event.add("dtstart", start)
            event.add("dtend", start + datetime.timedelta(minutes=item.minutes))
        if item.description:
            event.add("description", item.description)
        if item.url:
            event.add("url", item.url)
        calendar.add_component(event)
    calendar.add_missing_timezones()
    return calendar.to_ical()


def calendar_response(name: str, events: list[CalendarEvent], filename: str) -> HttpResponse:
    response = HttpResponse(calendar_bytes(name, events), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    # An agenda may hold members-only questions: never let a shared cache keep a copy.
    response["Cache-Control"] = "private, no-store"
    return response
