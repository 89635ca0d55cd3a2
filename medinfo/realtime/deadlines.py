"""The periodic check: cases and safety reports due soon or overdue, each fact emitted once.

Sources are pluggable (``register_deadline_source``); built in: open cases by their SLA due
time, and safety reports by their transfer deadline when the safety domain provides the model.
A tick may run in every process at once: the event log's unique key keeps each fact single.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from medinfo.database import utcnow
from medinfo.extensions import db
from medinfo.realtime import rooms
from medinfo.realtime.events import publish

logger = logging.getLogger(__name__)

DUE_SOON = timedelta(hours=2)


@dataclass(frozen=True)
class Deadline:
    """Something due at a time, and the rooms that must hear about it."""

    kind: str  # "interaction" | "safety_report" | …
    id: int
    reference: str
    due_at: datetime
    rooms: tuple[str, ...]
    url: str | None = None


DeadlineSource = Callable[[datetime, datetime], list[Deadline]]
_SOURCES: dict[str, DeadlineSource] = {}


def register_deadline_source(name: str, source: DeadlineSource) -> None:
    """Add a kind of deadline: source(now, horizon) returns what is due before horizon."""
    _SOURCES[name] = source


def _interaction_deadlines(now: datetime, horizon: datetime) -> list[Deadline]:
    from medinfo.interactions.models import Interaction

    stmt = (
        select(Interaction)
        .where(
            Interaction.sla_due_at.is_not(None),
            Interaction.sla_due_at <= horizon,
            Interaction.status.not_in(("answered", "closed")),
        )
        .order_by(Interaction.sla_due_at)
        .limit(1000)
    )
    out = []
    for i in db.session.scalars(stmt):
        targets = [rooms.queue_room(i.queue), rooms.interaction_room(i.id)]
        if i.owner_id:
            targets.append(rooms.user_room(i.owner_id))
        out.append(Deadline("interaction", i.id, i.reference, i.sla_due_at, tuple(targets), None))
    return out


def _safety_deadlines(now: datetime, horizon: datetime) -> list[Deadline]:
    try:
        from medinfo.safety.models import SafetyReport  # the pharmacovigilance domain
    except ImportError:
        return []
    due = getattr(SafetyReport, "due_at", None)
    if due is None:
        return []
    stmt = select(SafetyReport).where(due.is_not(None), due <= horizon)
    done = getattr(SafetyReport, "transferred_at", None)  # the deadline is the transfer to PV
    if done is not None:
        stmt = stmt.where(done.is_(None))
    out = []
    for r in db.session.scalars(stmt.limit(1000)):
        targets = [rooms.role_room("pv_officer")]
        if getattr(r, "interaction_id", None):
            targets.append(rooms.interaction_room(r.interaction_id))
        out.append(
            Deadline(
                "safety_report", r.id, getattr(r, "reference", str(r.id)), r.due_at, tuple(targets)
            )
        )
    return out


def _escalation_deadlines(now: datetime, horizon: datetime) -> list[Deadline]:
    try:
        from medinfo.review.models import Escalation  # the medical-review domain
    except ImportError:
        return []
    stmt = select(Escalation).where(
        Escalation.due_at.is_not(None), Escalation.due_at <= horizon, Escalation.status == "open"
    )
    out = []
    for e in db.session.scalars(stmt.limit(1000)):
        targets = [rooms.role_room("medical_reviewer"), rooms.interaction_room(e.interaction_id)]
        if e.reviewer_id:
            targets.append(rooms.user_room(e.reviewer_id))
        reference = e.interaction.reference if e.interaction else str(e.id)
        out.append(Deadline("escalation", e.id, reference, e.due_at, tuple(targets)))
    return out


register_deadline_source("interaction", _interaction_deadlines)
register_deadline_source("escalation", _escalation_deadlines)
register_deadline_source("safety_report", _safety_deadlines)


def check_deadlines(now: datetime | None = None, due_soon: timedelta = DUE_SOON) -> int:
    """Emit `<kind>.due_soon` and `<kind>.overdue` once per item and due time; returns the count."""
    now = now or utcnow()
    sent = 0
    for name, source in list(_SOURCES.items()):
        try:
            deadlines = source(now, now + due_soon)
        except Exception:
            logger.exception("deadline source %s failed", name)
            db.session.rollback()
            continue
        for d in deadlines:
            state = "overdue" if d.due_at <= now else "due_soon"
            data = {
                "kind": d.kind,
                "id": d.id,
                "reference": d.reference,
                "due_at": d.due_at.isoformat(),
                "state": state,
                "url": d.url,
            }
            for room in d.rooms:
                key = f"{d.kind}.{state}:{d.id}:{d.due_at.isoformat()}:{room}"[:160]
                if publish(f"{d.kind}.{state}", room, data, dedupe_key=key):
                    sent += 1
    return sent
