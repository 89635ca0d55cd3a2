"""The event log: every live message gets a database sequence number, then goes to its room.

`publish()` runs after the domain commit (signals are sent after commit). It logs the event in
its own short transaction, holding the sequence row's lock until commit so that sequence order is
commit order (a reconnecting client that asks for "everything after N" never skips a late
commit), then emits it. `replay()` returns what a client missed for the rooms it is in.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import delete, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from medinfo.database import utcnow
from medinfo.extensions import db
from medinfo.realtime.models import RealtimeEvent, RealtimeSequence

logger = logging.getLogger(__name__)

REPLAY_LIMIT = 500
_emitter = None  # a write-only SocketIO for processes that serve no sockets (CLI, jobs)


def use_emitter(emitter) -> None:
    """Emit through this object (e.g. a write-only SocketIO on the message queue)."""
    global _emitter
    _emitter = emitter


def _socketio():
    if _emitter is not None:
        return _emitter
    from medinfo.extensions import socketio

    return socketio


def _next_seq(session: Session) -> int:
    """Increment the counter first: the write lock is taken at once and held until commit."""
    bumped = session.execute(
        update(RealtimeSequence)
        .where(RealtimeSequence.id == 1)
        .values(value=RealtimeSequence.value + 1)
    )
    if bumped.rowcount == 0:
        session.add(RealtimeSequence(id=1, value=1))
        session.flush()
        return 1
    return int(session.scalar(select(RealtimeSequence.value).where(RealtimeSequence.id == 1)))


def log_event(name: str, room: str, data: dict, dedupe_key: str | None = None) -> dict | None:
    """Store one event with the next sequence number; None when dedupe_key was already used."""
    for attempt in range(2):
        with Session(db.engine, expire_on_commit=False) as session:
            try:
                seq = _next_seq(session)
                if dedupe_key and session.scalar(
                    select(RealtimeEvent.seq).where(RealtimeEvent.dedupe_key == dedupe_key)
                ):
                    session.rollback()
                    return None
                event = RealtimeEvent(
                    seq=seq,
                    room=room,
                    name=name,
                    payload=data,
                    dedupe_key=dedupe_key,
                    created_at=utcnow(),
                )
                session.add(event)
                session.commit()
            except IntegrityError:
                # The counter row was created by another process at the same moment, or the
                # same fact was logged meanwhile: retry once, then report a duplicate.
                session.rollback()
                if attempt == 0:
                    continue
                if dedupe_key:
                    return None
                raise
            return event.envelope()
    return None


def publish(name: str, room: str, data: dict, *, dedupe_key: str | None = None) -> dict | None:
    """Log then emit one event to one room; returns its envelope (None if a duplicate)."""
    envelope = log_event(name, room, data, dedupe_key)
    if envelope is not None:
        emit_envelope(envelope)
    return envelope


def emit_envelope(envelope: dict) -> None:
    """Send an already logged event to its room (never raises into the caller)."""
    try:
        _socketio().emit(envelope["name"], envelope, to=envelope["room"])
    except Exception:  # a broken queue must not fail the request that already committed
        logger.exception("could not emit %s #%s", envelope["name"], envelope["seq"])


def emit_volatile(name: str, room: str, data: dict) -> None:
    """Send a message that is not logged (presence): a missed one is simply refreshed."""
    try:
        _socketio().emit(name, data, to=room)
    except Exception:
        logger.exception("could not emit %s to %s", name, room)


def last_seq() -> int:
    """The highest sequence number handed out so far (0 when none)."""
    value = db.session.scalar(select(RealtimeSequence.value).where(RealtimeSequence.id == 1))
    return int(value or 0)


@dataclass(frozen=True)
class Replay:
    """What a reconnecting client missed; `reset` means: too much or too old, reload instead."""

    events: list[dict]
    last_seq: int
    reset: bool


def replay(since: int, rooms: Iterable[str], limit: int = REPLAY_LIMIT) -> Replay:
    """Events after `since` for these rooms, oldest first."""
    rooms = sorted(set(rooms))
    current = last_seq()
    if since < 0 or since > current:  # not this database's numbering: reload
        return Replay([], current, reset=True)
    oldest = db.session.scalar(select(func.min(RealtimeEvent.seq)))
    gap = oldest is not None and oldest > since + 1
    rows = list(
        db.session.scalars(
            select(RealtimeEvent)
            .where(RealtimeEvent.seq > since, RealtimeEvent.room.in_(rooms))
            .order_by(RealtimeEvent.seq)
            .limit(limit + 1)
        )
    )
    if gap or len(rows) > limit:
        return Replay([], current, reset=True)
    return Replay([r.envelope() for r in rows], current, reset=False)


def prune_events(older_than: timedelta, now: datetime | None = None) -> int:
    """Delete logged events older than the retention; returns how many."""
    cutoff = (now or utcnow()) - older_than
    result = db.session.execute(delete(RealtimeEvent).where(RealtimeEvent.created_at < cutoff))
    db.session.commit()
    return result.rowcount or 0
