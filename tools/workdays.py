"""Swedish working days: which dates are weekends or holidays, and the nearest working day.

Public holidays come from the `holidays` package; midsommarafton, julafton and nyårsafton count
as holidays too, as they do in lagen (1930:173) om beräkning av lagstadgad tid and at nearly
every Swedish workplace.
"""

from __future__ import annotations

import datetime
from functools import lru_cache

import holidays

ONE_DAY = datetime.timedelta(days=1)


@lru_cache(maxsize=64)
def _holidays(year: int) -> dict[datetime.date, str]:
    calendar = holidays.Sweden(years=year, language="sv", categories=("public", "de_facto"))
    return dict(calendar.items())


def holiday_name(day: datetime.date) -> str | None:
    """The holiday's Swedish name, or None on an ordinary day."""
    return _holidays(day.year).get(day)


def is_working_day(day: datetime.date) -> bool:
    return day.weekday() < 5 and holiday_name(day) is None


def next_working_day(day: datetime.date) -> datetime.date:
    """The day itself when it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += ONE_DAY
    return day


def previous_working_day(day: datetime.date) -> datetime.date:
    """The day itself when it is a working day, else the last working day before it."""
    while not is_working_day(day):
        day -= ONE_DAY
    return day


WEEKDAYS = ["måndag", "tisdag", "onsdag", "torsdag", "fredag", "lördag", "söndag"]


def why_not_working(day: datetime.date) -> str:
    """Why nobody works that day, to follow "är": the holiday's name, else "en lördag"."""
    return holiday_name(day) or f"en {WEEKDAYS[day.weekday()]}"
