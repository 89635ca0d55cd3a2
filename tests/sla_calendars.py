"""Calendars and time helpers shared by the SLA calendar and clock tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from medinfo.sla.calendar import BusinessCalendar

PARIS_TZ = ZoneInfo("Europe/Paris")
NY_TZ = ZoneInfo("America/New_York")
H = timedelta(hours=1)
MIN = timedelta(minutes=1)

# 2026: Ascension Thu 14 May, Whit Monday 25 May, Bastille Tue 14 Jul, Christmas Thu 24/Fri 25
# Dec, New Year Fri 1 Jan 2027. DST: Paris 29 Mar / 25 Oct, New York 8 Mar / 1 Nov (Sundays).
HOLIDAYS = frozenset(
    date.fromisoformat(d)
    for d in ("2026-05-14", "2026-05-25", "2026-07-14", "2026-12-24", "2026-12-25", "2027-01-01")
)
PARIS = BusinessCalendar(holidays=HOLIDAYS)
PLAIN = BusinessCalendar()
NEW_YORK = BusinessCalendar(timezone="America/New_York")
EVERY_DAY = BusinessCalendar(working_days=frozenset(range(7)))
NIGHT = BusinessCalendar(working_days=frozenset(range(7)), opens=time(1), closes=time(5))
NY_NIGHT = BusinessCalendar(
    timezone="America/New_York", working_days=frozenset(range(7)), opens=time(1), closes=time(5)
)
IN_GAP = BusinessCalendar(working_days=frozenset(range(7)), opens=time(2, 30), closes=time(5))
APIA_TZ = ZoneInfo("Pacific/Apia")  # skipped the whole of Friday 30 December 2011
APIA = BusinessCalendar(timezone="Pacific/Apia", working_days=frozenset(range(7)))


def paris(*args: int) -> datetime:
    """Return a Europe/Paris wall-clock datetime."""
    return datetime(*args, tzinfo=PARIS_TZ)


def ny(*args: int) -> datetime:
    """Return an America/New_York wall-clock datetime."""
    return datetime(*args, tzinfo=NY_TZ)


def utc(*args: int) -> datetime:
    """Return a UTC datetime."""
    return datetime(*args, tzinfo=UTC)
