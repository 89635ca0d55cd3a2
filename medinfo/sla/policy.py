"""SLA targets for requests, counted in business time on the desk's calendar."""

from __future__ import annotations

import json
from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays as holiday_lib
from flask import current_app

from medinfo.sla.calendar import BusinessCalendar

# Business hours allowed to answer, by priority; safety categories are always urgent.
REQUEST_TARGETS = {
    "urgent": timedelta(hours=4),
    "high": timedelta(hours=9),
    "normal": timedelta(hours=18),
    "low": timedelta(hours=45),
}
SAFETY_CATEGORIES = {"adverse_event", "product_complaint"}


@lru_cache(maxsize=8)
def _calendar(spec: str, country: str, years: tuple[int, ...]) -> BusinessCalendar:
    base = json.loads(spec) if spec else {}
    extra = {date.fromisoformat(d) for d in base.pop("holidays", [])}
    if country:
        extra |= set(holiday_lib.country_holidays(country, years=years).keys())
    base["holidays"] = sorted(d.isoformat() for d in extra)
    return BusinessCalendar.from_dict(base)


def desk_calendar(around: datetime | None = None) -> BusinessCalendar:
    """The desk's calendar: MEDINFO_CALENDAR (JSON) plus public holidays of MEDINFO_HOLIDAYS."""
    cfg = current_app.config
    year = (around or datetime.now()).year
    return _calendar(
        cfg.get("MEDINFO_CALENDAR", ""), cfg.get("MEDINFO_HOLIDAYS", ""), (year - 1, year, year + 1)
    )


def request_due(category: str, priority: str, received_at: datetime) -> datetime:
    """When a request must be answered: its target in business time after it was received."""
    if category in SAFETY_CATEGORIES:
        priority = "urgent"
    target = REQUEST_TARGETS.get(priority, REQUEST_TARGETS["normal"])
    return desk_calendar(received_at).add_business_time(received_at, target)
