"""One row per phone-system call: who it rang, and when it was answered and ended."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from medinfo.database import UTCDateTime, utcnow
from medinfo.extensions import db

CALL_EVENTS = ("ringing", "answered", "ended")


class TelephonyCall(db.Model):
    """A call as the phone system reported it (the intake timer reads it back)."""

    __tablename__ = "telephony_calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    call_id: Mapped[str] = mapped_column(String(128), unique=True)
    agent_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    ani: Mapped[str] = mapped_column(String(40), default="")
    e164: Mapped[str | None] = mapped_column(String(20), index=True)
    state: Mapped[str] = mapped_column(String(10), default="ringing")
    rang_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<TelephonyCall {self.call_id} {self.state}>"
