"""Audit events and the chain head."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from sqlalchemy import JSON, BigInteger, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from medinfo.database import UTCDateTime, utcnow
from medinfo.extensions import db


class AuditEvent(db.Model):
    """One audited change: who, what (old and new values), when, why; chained by HMAC."""

    __tablename__ = "audit_events"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, unique=True)
    occurred_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(Integer, index=True)
    username: Mapped[str] = mapped_column(String(64), default="system")
    role: Mapped[str] = mapped_column(String(32), default="system")
    action: Mapped[str] = mapped_column(String(64), index=True)
    entity_type: Mapped[str] = mapped_column(String(64))
    entity_id: Mapped[str] = mapped_column(String(64))
    old_values: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    new_values: Mapped[dict[str, Any] | None] = mapped_column(JSON)
    reason: Mapped[str | None] = mapped_column(Text)
    request_id: Mapped[str | None] = mapped_column(String(64))
    prev_mac: Mapped[str] = mapped_column(String(64))
    mac: Mapped[str] = mapped_column(String(64))

    __table_args__ = (db.Index("ix_audit_events_entity", "entity_type", "entity_id"),)

    def __repr__(self) -> str:
        return f"<AuditEvent #{self.seq} {self.action} {self.entity_type}:{self.entity_id}>"


class AuditChainHead(db.Model):
    """One row: the last sequence number and MAC; updating it serialises writers."""

    __tablename__ = "audit_chain_heads"

    id: Mapped[int] = mapped_column(primary_key=True)
    seq: Mapped[int] = mapped_column(BigInteger, default=0)
    mac: Mapped[str] = mapped_column(String(64), default="")

    def __repr__(self) -> str:
        return f"<AuditChainHead seq={self.seq}>"
