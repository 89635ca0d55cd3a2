"""The live desk's tables: the event log (sequence + replay), its counter, and case presence."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, BigInteger, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from medinfo.database import UTCDateTime, utcnow
from medinfo.extensions import db


class RealtimeSequence(db.Model):
    """The last sequence number handed out; locked while an event is logged (commit order)."""

    __tablename__ = "realtime_sequences"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    value: Mapped[int] = mapped_column(BigInteger, default=0)

    def __repr__(self) -> str:
        return f"<RealtimeSequence {self.value}>"


class RealtimeEvent(db.Model):
    """One emitted live message, kept (pruned by age) so reconnecting screens can catch up."""

    __tablename__ = "realtime_events"

    seq: Mapped[int] = mapped_column(BigInteger, primary_key=True, autoincrement=False)
    room: Mapped[str] = mapped_column(String(80), index=True)
    name: Mapped[str] = mapped_column(String(64))
    payload: Mapped[dict] = mapped_column(JSON)
    # Periodic checks (due soon, overdue) emit each fact once: a unique key per fact.
    dedupe_key: Mapped[str | None] = mapped_column(String(160), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)

    def envelope(self) -> dict:
        """What clients receive: the data plus its sequence number, room and time."""
        return {
            "seq": self.seq,
            "name": self.name,
            "room": self.room,
            "at": self.created_at.isoformat(),
            "data": self.payload,
        }

    def __repr__(self) -> str:
        return f"<RealtimeEvent {self.seq} {self.name} → {self.room}>"


class CasePresence(db.Model):
    """Who has a case open (one row per socket and case); `editing` is the soft lock."""

    __tablename__ = "case_presence"

    id: Mapped[int] = mapped_column(primary_key=True)
    sid: Mapped[str] = mapped_column(String(64), index=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id", ondelete="CASCADE"))
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), index=True
    )
    editing: Mapped[bool] = mapped_column(default=False)
    seen_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (db.UniqueConstraint("sid", "interaction_id"),)

    def __repr__(self) -> str:
        return f"<CasePresence user={self.user_id} case={self.interaction_id} {self.sid}>"
