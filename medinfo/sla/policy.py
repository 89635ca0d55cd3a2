"""SLA terms (target, warning, calendar) from the admin's SLA policies, with built-in fallbacks.

A policy applies to one clock (``request`` or ``escalation``) and optionally one category and
one priority; the most specific active policy wins (category and priority, then category, then
priority, then neither). With no matching policy the built-in targets below apply, on the
default calendar: the admin's default calendar, else MEDINFO_CALENDAR plus the public holidays
of MEDINFO_HOLIDAYS. Safety categories always count as urgent.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache

import holidays as holiday_lib
from flask import current_app
from sqlalchemy import select

from medinfo.extensions import db
from medinfo.routing.models import SlaCalendar, SlaPolicy
from medinfo.sla.calendar import BusinessCalendar

# Business hours allowed, by priority, when no policy matches.
REQUEST_TARGETS = {
    "urgent": timedelta(hours=4),
    "high": timedelta(hours=9),
    "normal": timedelta(hours=18),
    "low": timedelta(hours=45),
}
ESCALATION_TARGETS = {
    "urgent": timedelta(hours=4),
    "high": timedelta(hours=9),
    "normal": timedelta(hours=18),
    "low": timedelta(hours=27),
}
DEFAULT_WARN = timedelta(hours=1)
SAFETY_CATEGORIES = {"adverse_event", "product_complaint"}
_FALLBACKS = {"request": REQUEST_TARGETS, "escalation": ESCALATION_TARGETS}


@dataclass(frozen=True)
class SlaTerms:
    """What a clock runs against: a target and a warning margin in business time, a calendar."""

    target: timedelta
    warn: timedelta
    calendar: BusinessCalendar
    policy_id: int | None = None


@lru_cache(maxsize=32)
def _calendar(spec: str, country: str, years: tuple[int, ...]) -> BusinessCalendar:
    base = json.loads(spec) if spec else {}
    extra = {date.fromisoformat(d) for d in base.pop("holidays", [])}
    if country:
        extra |= set(holiday_lib.country_holidays(country, years=years).keys())
    base["holidays"] = sorted(d.isoformat() for d in extra)
    return BusinessCalendar.from_dict(base)


def _years(around: datetime | None) -> tuple[int, ...]:
    year = (around or datetime.now()).year
    return (year - 1, year, year + 1)


def desk_calendar(around: datetime | None = None) -> BusinessCalendar:
    """The desk's calendar: MEDINFO_CALENDAR (JSON) plus public holidays of MEDINFO_HOLIDAYS."""
    cfg = current_app.config
    return _calendar(
        cfg.get("MEDINFO_CALENDAR", ""), cfg.get("MEDINFO_HOLIDAYS", ""), _years(around)
    )


def calendar_of(record: SlaCalendar, around: datetime | None = None) -> BusinessCalendar:
    """The business calendar an SlaCalendar row describes, holidays for the years around a date."""
    spec = json.dumps(
        {
            "timezone": record.timezone,
            "working_days": sorted(record.working_days or []),
            "opens": record.opens,
            "closes": record.closes,
            "holidays": sorted(record.extra_holidays or []),
        },
        sort_keys=True,
    )
    return _calendar(spec, record.holiday_country or "", _years(around))


def default_calendar(around: datetime | None = None) -> BusinessCalendar:
    """The admin's default calendar, else the configured desk calendar."""
    record = db.session.scalar(
        select(SlaCalendar).where(SlaCalendar.is_default.is_(True)).order_by(SlaCalendar.id)
    )
    return calendar_of(record, around) if record is not None else desk_calendar(around)


def _specificity(policy: SlaPolicy) -> int:
    return (2 if policy.category else 0) + (1 if policy.priority else 0)


def find_policy(clock: str, category: str, priority: str) -> SlaPolicy | None:
    """The most specific active policy for this clock, category and priority, or None."""
    candidates = [
        p
        for p in db.session.scalars(
            select(SlaPolicy)
            .where(SlaPolicy.clock == clock, SlaPolicy.active.is_(True))
            .order_by(SlaPolicy.id)
        )
        if p.category in (None, "", category) and p.priority in (None, "", priority)
    ]
    return max(candidates, key=_specificity, default=None)


def sla_terms(clock: str, category: str, priority: str, around: datetime) -> SlaTerms:
    """The target, warning margin and calendar for a new clock started around ``around``."""
    if category in SAFETY_CATEGORIES:
        priority = "urgent"
    policy = find_policy(clock, category, priority)
    if policy is None:
        targets = _FALLBACKS[clock]
        target = targets.get(priority, targets["normal"])
        return SlaTerms(target, DEFAULT_WARN, default_calendar(around))
    calendar = calendar_of(policy.calendar, around) if policy.calendar else default_calendar(around)
    return SlaTerms(
        timedelta(minutes=policy.target_minutes),
        timedelta(minutes=policy.warn_minutes),
        calendar,
        policy.id,
    )


def request_due(category: str, priority: str, received_at: datetime) -> datetime:
    """When a request must be answered: its target in business time after it was received."""
    terms = sla_terms("request", category, priority, received_at)
    return terms.calendar.add_business_time(received_at, terms.target)
