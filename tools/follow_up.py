"""The follow-up planner: a series of follow-up meetings on Swedish working days.

Each meeting's date is counted from the start date (start + n × cadence), not from the previous
meeting, so a meeting moved past a holiday does not push the rest of the series.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from dateutil.relativedelta import relativedelta

from tools.workdays import holiday_name, next_working_day


@dataclass(frozen=True)
class Cadence:
    label: str
    step: relativedelta


CADENCES = {
    "4-veckor": Cadence("Var fjärde vecka", relativedelta(weeks=4)),
    "manad": Cadence("En gång i månaden", relativedelta(months=1)),
    "6-veckor": Cadence("Var sjätte vecka", relativedelta(weeks=6)),
}


@dataclass(frozen=True)
class Meeting:
    number: int
    date: datetime.date
    nominal: datetime.date

    @property
    def moved(self) -> bool:
        return self.date != self.nominal

    @property
    def holiday(self) -> str:
        """The holiday the meeting was moved away from, if it was not just a weekend."""
        return (holiday_name(self.nominal) or "") if self.moved else ""


def schedule(start: datetime.date, cadence: str, count: int) -> list[Meeting]:
    step = CADENCES[cadence].step
    meetings = []
    for index in range(count):
        nominal = start + step * index
        meetings.append(Meeting(index + 1, next_working_day(nominal), nominal))
    return meetings


def agenda_from_guide(guide) -> list[str]:
    """The guide's questions, or its checklist items when it has no question lists."""
    questions = [q for block in guide.body if block.block_type == "question_list" for q in block.value["questions"]]
    if questions:
        return questions
    return [item for block in guide.body if block.block_type == "checklist" for item in block.value["items"]]
