"""The one place that knows what day it is.

Everything that depends on the date (which offers are past, which are stale) receives
"today" from here, so a build can be reproduced: set ``BOERSEN_HEUTE=2027-03-01`` in the
environment, ``BOERSEN_TODAY`` in pelicanconf.py, or pass ``--heute`` to the CLI.
"""

from __future__ import annotations

import datetime
import os

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


def demo_shift(reference_year: int | None, today: datetime.date) -> datetime.timedelta:
    """How far demo data written for ``reference_year`` moves so that its programme lies ahead.

    The programme shown is the one of the year three months from today; the shift is in
    whole weeks so that every date keeps its weekday.
    """
    if reference_year is None:
        return datetime.timedelta(0)
    target_year = (today + datetime.timedelta(days=92)).year
    days = (datetime.date(target_year, 1, 1) - datetime.date(reference_year, 1, 1)).days
    return datetime.timedelta(weeks=round(days / 7))
