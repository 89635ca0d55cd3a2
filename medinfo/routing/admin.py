"""Admin changes to queues, rules, agent skills, calendars and SLA policies; all audited."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any

import holidays as holiday_lib
from sqlalchemy import select

from medinfo.audit import record_event
from medinfo.auth.models import User
from medinfo.catalog.models import Product
from medinfo.errors import ValidationFailed
from medinfo.extensions import db
from medinfo.interactions.models import CATEGORIES, CHANNELS, PRIORITIES
from medinfo.routing.assignment import can_work, profile_for
from medinfo.routing.models import (
    CLOCK_KINDS,
    MATCH_FIELDS,
    AgentProfile,
    Queue,
    QueueMember,
    RoutingRule,
    SlaCalendar,
    SlaPolicy,
)
from medinfo.sla.calendar import BusinessCalendar

KEY_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")
LANGUAGES = ("en", "fr")


def _commit(
    entity: str, row: Any, old: dict | None, snapshot: Callable[[Any], dict], key: int | None = None
) -> None:
    """Save ``row`` with its audit event (when it changed) in one transaction."""
    db.session.add(row)
    db.session.flush()
    new = snapshot(row)
    if old != new:
        action = f"{entity}.{'created' if old is None else 'updated'}"
        record_event(action, entity, row.id if key is None else key, old=old, new=new)
    db.session.commit()


def _only_default(model: Any, row: Any) -> None:
    """Make ``row`` the one default of its table."""
    for other in db.session.scalars(select(model).where(model.is_default.is_(True))):
        if other is not row:
            other.is_default = False


# -- queues -----------------------------------------------------------------------------------


@dataclass
class QueueData:
    """A queue as the admin form gives it."""

    key: str
    name: str
    description: str = ""
    is_default: bool = False
    active: bool = True
    member_ids: list[int] = field(default_factory=list)


def _queue_snapshot(q: Queue) -> dict:
    return {
        "key": q.key,
        "name": q.name,
        "description": q.description,
        "is_default": q.is_default,
        "active": q.active,
        "members": sorted(m.user_id for m in q.members),
    }


def save_queue(data: QueueData, existing: Queue | None = None) -> Queue:
    """Create or change a queue and its members; one default queue at most."""
    errors: dict[str, str] = {}
    key = (data.key or "").strip().lower()
    if not KEY_RE.match(key):
        errors["key"] = "Use lower-case letters, digits, - or _ (at most 64)."
    else:
        clash = db.session.scalar(select(Queue).where(Queue.key == key))
        if clash is not None and clash is not existing:
            errors["key"] = "This key is taken."
    if not (data.name or "").strip():
        errors["name"] = "Name the queue."
    users = [db.session.get(User, uid) for uid in dict.fromkeys(data.member_ids)]
    if any(not can_work(u) for u in users):
        errors["member_ids"] = "Members must be active people who work cases."
    if data.is_default and not data.active:
        errors["is_default"] = "The default queue must be active."
    if errors:
        raise ValidationFailed(errors)
    queue = existing or Queue(rr_turns=0)
    old = _queue_snapshot(existing) if existing else None
    queue.key, queue.name = key, data.name.strip()[:100]
    queue.description, queue.active = (data.description or "").strip(), data.active
    queue.is_default = data.is_default
    if data.is_default:
        _only_default(Queue, queue)
    wanted = {u.id for u in users}
    queue.members = [m for m in queue.members if m.user_id in wanted] + [
        QueueMember(user_id=uid) for uid in wanted - {m.user_id for m in queue.members}
    ]
    _commit("queue", queue, old, _queue_snapshot)
    return queue


# -- rules ------------------------------------------------------------------------------------


@dataclass
class RuleData:
    """A routing rule as the admin form gives it; empty match fields match anything."""

    name: str
    position: int
    queue_id: int | None
    active: bool = True
    category: str = ""
    product_id: int | None = None
    therapeutic_area: str = ""
    country: str = ""
    language: str = ""
    channel: str = ""
    priority: str = ""
    set_priority: str = ""
    owner_id: int | None = None


def _rule_snapshot(r: RoutingRule) -> dict:
    return {
        k: getattr(r, k)
        for k in (
            "name",
            "position",
            "active",
            *MATCH_FIELDS,
            "queue_id",
            "set_priority",
            "owner_id",
        )
    }


def _check_choice(errors: dict, name: str, value: str, allowed: tuple[str, ...]) -> None:
    if value and value not in allowed:
        errors[name] = f"Choose one of: {', '.join(allowed)}."


def save_rule(data: RuleData, existing: RoutingRule | None = None) -> RoutingRule:
    """Create or change a routing rule."""
    errors: dict[str, str] = {}
    if not (data.name or "").strip():
        errors["name"] = "Name the rule."
    if not isinstance(data.position, int) or not 0 <= data.position <= 100_000:
        errors["position"] = "Give a position from 0 to 100000 (lower runs first)."
    queue = db.session.get(Queue, data.queue_id) if data.queue_id else None
    if queue is None:
        errors["queue_id"] = "Choose the queue."
    _check_choice(errors, "category", data.category, CATEGORIES)
    _check_choice(errors, "channel", data.channel, CHANNELS)
    _check_choice(errors, "priority", data.priority, PRIORITIES)
    _check_choice(errors, "set_priority", data.set_priority, PRIORITIES)
    _check_choice(errors, "language", data.language, LANGUAGES)
    country = (data.country or "").strip().upper()
    if country and not re.fullmatch(r"[A-Z]{2}", country):
        errors["country"] = "Use a two-letter country code."
    if data.product_id and db.session.get(Product, data.product_id) is None:
        errors["product_id"] = "Unknown product."
    if data.owner_id and not can_work(db.session.get(User, data.owner_id)):
        errors["owner_id"] = "The owner must be an active person who works cases."
    if errors:
        raise ValidationFailed(errors)
    rule = existing or RoutingRule()
    old = _rule_snapshot(existing) if existing else None
    rule.name, rule.position, rule.active = data.name.strip()[:100], data.position, data.active
    rule.category = data.category or None
    rule.product_id = data.product_id or None
    rule.therapeutic_area = (data.therapeutic_area or "").strip()[:100] or None
    rule.country, rule.language = country or None, data.language or None
    rule.channel, rule.priority = data.channel or None, data.priority or None
    rule.queue_id, rule.set_priority = queue.id, data.set_priority or None
    rule.owner_id = data.owner_id or None
    _commit("routing_rule", rule, old, _rule_snapshot)
    return rule


# -- agent skills -----------------------------------------------------------------------------


@dataclass
class SkillsData:
    """An agent's products, languages and availability."""

    product_ids: list[int]
    languages: list[str]
    available: bool


def _profile_snapshot(p: AgentProfile) -> dict:
    return {
        "product_ids": sorted(p.product_ids or []),
        "languages": sorted(p.languages or []),
        "available": bool(p.available),
    }


def save_skills(user: User, data: SkillsData) -> AgentProfile:
    """Set an agent's skills and availability."""
    errors: dict[str, str] = {}
    if not can_work(user):
        errors["user"] = "Only active people who work cases have skills."
    product_ids = sorted(set(data.product_ids))
    if any(db.session.get(Product, pid) is None for pid in product_ids):
        errors["product_ids"] = "Unknown product."
    languages = sorted(set(data.languages))
    if any(lang not in LANGUAGES for lang in languages):
        errors["languages"] = f"Languages are among: {', '.join(LANGUAGES)}."
    if errors:
        raise ValidationFailed(errors)
    existed = db.session.get(AgentProfile, user.id) is not None
    profile = profile_for(user)
    old = _profile_snapshot(profile) if existed else None
    profile.product_ids, profile.languages = product_ids, languages
    profile.available = data.available
    _commit("agent_profile", profile, old, _profile_snapshot, key=user.id)
    return profile


# -- calendars --------------------------------------------------------------------------------


@dataclass
class CalendarData:
    """A business calendar as the admin form gives it."""

    name: str
    timezone: str
    working_days: list[int]
    opens: str
    closes: str
    holiday_country: str = ""
    extra_holidays: list[str] = field(default_factory=list)
    is_default: bool = False


def _calendar_snapshot(c: SlaCalendar) -> dict:
    return {
        "name": c.name,
        "timezone": c.timezone,
        "working_days": sorted(c.working_days or []),
        "opens": c.opens,
        "closes": c.closes,
        "holiday_country": c.holiday_country,
        "extra_holidays": sorted(c.extra_holidays or []),
        "is_default": c.is_default,
    }


def _check_calendar(data: CalendarData, errors: dict[str, str]) -> list[str]:
    holidays = []
    for item in data.extra_holidays:
        item = item.strip()
        if not item:
            continue
        try:
            holidays.append(date.fromisoformat(item).isoformat())
        except ValueError:
            errors["extra_holidays"] = f"{item!r} is not a YYYY-MM-DD date."
    try:
        BusinessCalendar(
            timezone=data.timezone.strip(),
            working_days=frozenset(data.working_days),
            opens=time.fromisoformat(data.opens),
            closes=time.fromisoformat(data.closes),
        )
    except ValueError as exc:
        name, _, message = str(exc).partition(": ")
        errors[name if name in ("timezone", "working_days", "opens", "closes") else "opens"] = (
            message or str(exc)
        )
    country = (data.holiday_country or "").strip().upper()
    if country:
        try:
            holiday_lib.country_holidays(country, years=2026)
        except NotImplementedError:
            errors["holiday_country"] = f"No public-holiday list for {country!r}."
    return sorted(set(holidays))


def save_calendar(data: CalendarData, existing: SlaCalendar | None = None) -> SlaCalendar:
    """Create or change a business calendar (one default at most)."""
    errors: dict[str, str] = {}
    if not (data.name or "").strip():
        errors["name"] = "Name the calendar."
    else:
        clash = db.session.scalar(select(SlaCalendar).where(SlaCalendar.name == data.name.strip()))
        if clash is not None and clash is not existing:
            errors["name"] = "This name is taken."
    holidays = _check_calendar(data, errors)
    if errors:
        raise ValidationFailed(errors)
    cal = existing or SlaCalendar()
    old = _calendar_snapshot(existing) if existing else None
    cal.name, cal.timezone = data.name.strip()[:100], data.timezone.strip()
    cal.working_days = sorted(set(data.working_days))
    cal.opens = time.fromisoformat(data.opens).strftime("%H:%M")
    cal.closes = time.fromisoformat(data.closes).strftime("%H:%M")
    cal.holiday_country = (data.holiday_country or "").strip().upper()
    cal.extra_holidays, cal.is_default = holidays, data.is_default
    if data.is_default:
        _only_default(SlaCalendar, cal)
    _commit("sla_calendar", cal, old, _calendar_snapshot)
    return cal


# -- SLA policies -----------------------------------------------------------------------------


@dataclass
class PolicyData:
    """An SLA policy as the admin form gives it; empty category/priority = any."""

    name: str
    clock: str
    target_minutes: int | None
    warn_minutes: int | None = 60
    category: str = ""
    priority: str = ""
    calendar_id: int | None = None
    active: bool = True


def _policy_snapshot(p: SlaPolicy) -> dict:
    return {
        k: getattr(p, k)
        for k in (
            "name",
            "clock",
            "category",
            "priority",
            "target_minutes",
            "warn_minutes",
            "calendar_id",
            "active",
        )
    }


def save_policy(data: PolicyData, existing: SlaPolicy | None = None) -> SlaPolicy:
    """Create or change an SLA policy (applies to clocks started afterwards)."""
    errors: dict[str, str] = {}
    if not (data.name or "").strip():
        errors["name"] = "Name the policy."
    _check_choice(errors, "clock", data.clock, CLOCK_KINDS)
    if not data.clock:
        errors["clock"] = "Choose the clock."
    _check_choice(errors, "category", data.category, CATEGORIES)
    _check_choice(errors, "priority", data.priority, PRIORITIES)
    if data.target_minutes is None or not 1 <= data.target_minutes <= 60 * 24 * 90:
        errors["target_minutes"] = "Give a target from 1 minute to 90 days of business time."
    warn = data.warn_minutes or 0
    if not 0 <= warn <= (data.target_minutes or 0):
        errors["warn_minutes"] = "The warning must be between 0 and the target."
    if data.calendar_id and db.session.get(SlaCalendar, data.calendar_id) is None:
        errors["calendar_id"] = "Unknown calendar."
    if errors:
        raise ValidationFailed(errors)
    policy = existing or SlaPolicy()
    old = _policy_snapshot(existing) if existing else None
    policy.name, policy.clock = data.name.strip()[:100], data.clock
    policy.category, policy.priority = data.category or None, data.priority or None
    policy.target_minutes, policy.warn_minutes = data.target_minutes, warn
    policy.calendar_id, policy.active = data.calendar_id or None, data.active
    _commit("sla_policy", policy, old, _policy_snapshot)
    return policy
