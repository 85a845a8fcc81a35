"""The one place that knows what day it is.

Everything that depends on the date (which offers are past, which are stale) receives
"today" from here, so a build can be reproduced: set ``BOERSEN_HEUTE=2027-03-01`` in the
environment, ``BOERSEN_TODAY`` in pelicanconf.py, or pass ``--heute`` to the CLI.
"""

from __future__ import annotations

import datetime
import os
from dataclasses import dataclass

ENVIRONMENT_VARIABLE = "BOERSEN_HEUTE"


class TodayError(ValueError):
    pass


def resolve_today(configured: str | datetime.date | None = None) -> datetime.date:
    """``configured`` wins, then the environment variable, then the system clock."""
    value = configured or os.environ.get(ENVIRONMENT_VARIABLE)
    if value is None or value == "":
        return datetime.date.today()
    if isinstance(value, datetime.date):
        return value
    try:
        return datetime.date.fromisoformat(str(value))
    except ValueError:
        raise TodayError(f"„{value}“ ist kein Datum im Format JJJJ-MM-TT (für {ENVIRONMENT_VARIABLE} bzw. --heute).") from None


@dataclass(frozen=True)
class DateShift:
    """How far the dates of demo data move: nowhere for real data."""

    programme: datetime.timedelta = datetime.timedelta(0)  # dates, deadlines, validity, "free from"
    records: datetime.timedelta = datetime.timedelta(0)  # "confirmed on", "announced on"

    def data_days(self, today: datetime.date) -> DataDays:
        """The days the unshifted data stands for: what checks compare file dates with."""
        return DataDays(today - self.programme, today - self.records)


@dataclass(frozen=True)
class DataDays:
    programme: datetime.date
    records: datetime.date


def demo_shift(reference_year: int | None, written_on: datetime.date | None, today: datetime.date) -> DateShift:
    """How far demo data written for ``reference_year`` on ``written_on`` moves, so it looks current.

    Programme dates move so that the programme shown is the one of the year three months
    from today. Record dates (when something was confirmed or announced) keep their age:
    they move with today. Both move in whole weeks, so every date keeps its weekday.
    """
    if reference_year is None:
        return DateShift()
    target_year = (today + datetime.timedelta(days=92)).year
    programme = _weeks((datetime.date(target_year, 1, 1) - datetime.date(reference_year, 1, 1)).days)
    records = _weeks((today - written_on).days) if written_on else programme
    return DateShift(programme, records)


def _weeks(days: int) -> datetime.timedelta:
    return datetime.timedelta(weeks=round(days / 7))
