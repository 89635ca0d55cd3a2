"""Interactions, requests, calls and the per-year reference counter."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from medinfo.auth.models import User
from medinfo.catalog.models import Product
from medinfo.contacts.models import Contact
from medinfo.database import UTCDateTime, utcnow
from medinfo.extensions import db

CHANNELS = ("phone", "email", "web_form", "fax", "letter", "sales_rep")
CATEGORIES = ("medical_info", "off_label", "adverse_event", "product_complaint", "other")
PRIORITIES = ("low", "normal", "high", "urgent")
STATUSES = ("open", "pending_info", "escalated", "answered", "closed")
AE_SCREENING = ("yes", "no")
CALL_DIRECTIONS = ("inbound", "outbound")
CALL_OUTCOMES = ("answered", "callback_needed", "transferred", "voicemail", "no_answer", "dropped")


class Interaction(db.Model):
    """One inbound contact through one channel: the case."""

    __tablename__ = "interactions"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    channel: Mapped[str] = mapped_column(String(16))
    contact_id: Mapped[int] = mapped_column(ForeignKey("contacts.id"), index=True)
    requester_name: Mapped[str] = mapped_column(String(200), default="")
    requester_relation: Mapped[str] = mapped_column(String(100), default="")
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    queue: Mapped[str] = mapped_column(String(64), default="general")
    priority: Mapped[str] = mapped_column(String(8), default="normal")
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    sla_due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    language: Mapped[str] = mapped_column(String(5))
    country: Mapped[str] = mapped_column(String(2))
    unsolicited: Mapped[bool] = mapped_column(Boolean)
    ae_screening: Mapped[str | None] = mapped_column(String(3))
    ae_screened_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)
    version: Mapped[int] = mapped_column(Integer, default=1)

    contact: Mapped[Contact] = relationship()
    owner: Mapped[User | None] = relationship(foreign_keys=[owner_id])
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    requests: Mapped[list[InfoRequest]] = relationship(
        back_populates="interaction", cascade="all, delete-orphan", order_by="InfoRequest.position"
    )
    calls: Mapped[list[Call]] = relationship(
        back_populates="interaction", cascade="all, delete-orphan", order_by="Call.started_at"
    )

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (db.Index("ix_interactions_contact_received", "contact_id", "received_at"),)

    def is_overdue(self, now: datetime) -> bool:
        """Open past its SLA due time."""
        return self.status not in ("answered", "closed") and bool(
            self.sla_due_at and self.sla_due_at < now
        )

    @property
    def all_answered(self) -> bool:
        """Every request has an answer."""
        return bool(self.requests) and all(r.answered_at for r in self.requests)

    def __repr__(self) -> str:
        return f"<Interaction {self.reference} {self.status}>"


class InfoRequest(db.Model):
    """One question inside an interaction."""

    __tablename__ = "requests"

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=1)
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"), index=True)
    category: Mapped[str] = mapped_column(String(32))
    question: Mapped[str] = mapped_column(Text)
    answer: Mapped[str | None] = mapped_column(Text)
    answered_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), index=True)
    answered_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    interaction: Mapped[Interaction] = relationship(back_populates="requests")
    product: Mapped[Product | None] = relationship()
    answered_by: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<InfoRequest {self.id} {self.category}>"


class Call(db.Model):
    """One phone call inside an interaction."""

    __tablename__ = "calls"

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), index=True
    )
    direction: Mapped[str] = mapped_column(String(8), default="inbound")
    ani: Mapped[str] = mapped_column(String(32), default="")
    agent_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    duration_seconds: Mapped[int | None] = mapped_column(Integer)
    notes: Mapped[str] = mapped_column(Text, default="")
    outcome: Mapped[str] = mapped_column(String(20), default="answered")
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    interaction: Mapped[Interaction] = relationship(back_populates="calls")
    agent: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<Call {self.id} {self.direction} {self.started_at:%Y-%m-%d %H:%M}>"


class ReferenceCounter(db.Model):
    """Last reference number used per prefix (MI, PV…) and year; incremented atomically."""

    __tablename__ = "reference_counters"

    prefix: Mapped[str] = mapped_column(String(8), primary_key=True, default="MI")
    year: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=False)
    last_value: Mapped[int] = mapped_column(Integer, default=0)

    def __repr__(self) -> str:
        return f"<ReferenceCounter {self.prefix}-{self.year}: {self.last_value}>"
