"""Who is looking at a case, and the soft lock of whoever is editing it.

Kept in the database so every process sees the same viewers; a row not refreshed within
``STALE_AFTER`` (the browser pings every 30 s) no longer counts, so a crashed process or a
closed laptop frees the lock by itself. The lock is advisory: saving stays guarded by the
case's version column, the lock only warns the second editor before they start typing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, select

from medinfo.auth.models import User
from medinfo.database import utcnow
from medinfo.extensions import db
from medinfo.realtime.models import CasePresence

STALE_AFTER = timedelta(seconds=90)


@dataclass(frozen=True)
class Viewer:
    """One person with the case open."""

    user_id: int
    name: str
    editing: bool


def _fresh(now: datetime):
    return CasePresence.seen_at >= now - STALE_AFTER


def viewers(interaction_id: int, now: datetime | None = None) -> list[Viewer]:
    """The people with this case open (one entry per person), editors first."""
    now = now or utcnow()
    rows = db.session.execute(
        select(CasePresence.user_id, User.full_name, User.username, CasePresence.editing)
        .join(User, User.id == CasePresence.user_id)
        .where(CasePresence.interaction_id == interaction_id, _fresh(now))
        .order_by(CasePresence.seen_at)
    ).all()
    people: dict[int, Viewer] = {}
    for user_id, full_name, username, editing in rows:
        seen = people.get(user_id)
        people[user_id] = Viewer(
            user_id, full_name or username, editing or bool(seen and seen.editing)
        )
    return sorted(people.values(), key=lambda v: (not v.editing, v.name))


def enter_case(sid: str, user_id: int, interaction_id: int) -> None:
    """Record that this connection shows the case (or refresh its heartbeat)."""
    row = db.session.scalar(
        select(CasePresence).where(
            CasePresence.sid == sid, CasePresence.interaction_id == interaction_id
        )
    )
    if row is None:
        db.session.add(CasePresence(sid=sid, user_id=user_id, interaction_id=interaction_id))
    else:
        row.seen_at = utcnow()
    db.session.commit()


def lock_holder(interaction_id: int, user_id: int, now: datetime | None = None) -> Viewer | None:
    """Someone else editing this case, if anyone."""
    for viewer in viewers(interaction_id, now):
        if viewer.editing and viewer.user_id != user_id:
            return viewer
    return None


def set_editing(sid: str, user_id: int, interaction_id: int, editing: bool) -> Viewer | None:
    """Take or release the soft lock; returns the other editor when it is held by someone else."""
    holder = lock_holder(interaction_id, user_id) if editing else None
    if holder is not None:
        return holder
    enter_case(sid, user_id, interaction_id)
    row = db.session.scalar(
        select(CasePresence).where(
            CasePresence.sid == sid, CasePresence.interaction_id == interaction_id
        )
    )
    row.editing = editing
    row.seen_at = utcnow()
    db.session.commit()
    return None


def leave_case(sid: str, interaction_id: int | None = None) -> list[int]:
    """Forget this connection (one case, or all on disconnect); returns the cases it left."""
    stmt = select(CasePresence.interaction_id).where(CasePresence.sid == sid)
    if interaction_id is not None:
        stmt = stmt.where(CasePresence.interaction_id == interaction_id)
    left = sorted(set(db.session.scalars(stmt)))
    if left:
        cond = [CasePresence.sid == sid]
        if interaction_id is not None:
            cond.append(CasePresence.interaction_id == interaction_id)
        db.session.execute(delete(CasePresence).where(*cond))
        db.session.commit()
    return left


def prune_presence(now: datetime | None = None) -> int:
    """Drop rows nobody refreshed (crashed processes, closed laptops)."""
    now = now or utcnow()
    result = db.session.execute(
        delete(CasePresence).where(CasePresence.seen_at < now - STALE_AFTER)
    )
    db.session.commit()
    return result.rowcount or 0
