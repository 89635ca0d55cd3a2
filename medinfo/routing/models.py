"""Routing and SLA models: queues, rules, agent profiles, calendars, policies, timers, pauses."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column, relationship

from medinfo.auth.models import User
from medinfo.catalog.models import Product
from medinfo.database import UTCDateTime, utcnow
from medinfo.extensions import db

MATCH_FIELDS = (
    "category",
    "product_id",
    "therapeutic_area",
    "country",
    "language",
    "channel",
    "priority",
)
CLOCK_KINDS = ("request", "escalation")


class Queue(db.Model):
    """A work queue; interactions carry its key in ``Interaction.queue``."""

    __tablename__ = "routing_queues"

    id: Mapped[int] = mapped_column(primary_key=True)
    key: Mapped[str] = mapped_column(String(64), unique=True)
    name: Mapped[str] = mapped_column(String(100))
    description: Mapped[str] = mapped_column(Text, default="")
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    # Round-robin state: the last agent given a case, and how many turns were claimed.
    rr_last_user_id: Mapped[int | None] = mapped_column(Integer)
    rr_turns: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    members: Mapped[list[QueueMember]] = relationship(
        back_populates="queue", cascade="all, delete-orphan"
    )

    def __repr__(self) -> str:
        return f"<Queue {self.key}>"


class QueueMember(db.Model):
    """An agent who works a queue."""

    __tablename__ = "routing_queue_members"
    __table_args__ = (UniqueConstraint("queue_id", "user_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    queue_id: Mapped[int] = mapped_column(ForeignKey("routing_queues.id", ondelete="CASCADE"))
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)

    queue: Mapped[Queue] = relationship(back_populates="members")
    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<QueueMember q{self.queue_id} u{self.user_id}>"


class RoutingRule(db.Model):
    """Ordered rule: every non-empty match field must match; the first matching rule wins."""

    __tablename__ = "routing_rules"

    id: Mapped[int] = mapped_column(primary_key=True)
    position: Mapped[int] = mapped_column(Integer, default=100, index=True)
    name: Mapped[str] = mapped_column(String(100))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    category: Mapped[str | None] = mapped_column(String(32))
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    therapeutic_area: Mapped[str | None] = mapped_column(String(100))
    country: Mapped[str | None] = mapped_column(String(2))
    language: Mapped[str | None] = mapped_column(String(5))
    channel: Mapped[str | None] = mapped_column(String(16))
    priority: Mapped[str | None] = mapped_column(String(8))
    queue_id: Mapped[int] = mapped_column(ForeignKey("routing_queues.id"))
    set_priority: Mapped[str | None] = mapped_column(String(8))
    owner_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    queue: Mapped[Queue] = relationship()
    product: Mapped[Product | None] = relationship()
    owner: Mapped[User | None] = relationship()

    def __repr__(self) -> str:
        return f"<RoutingRule #{self.position} {self.name}>"


class AgentProfile(db.Model):
    """An agent's skills (product ids, languages) and availability for assignment."""

    __tablename__ = "routing_agent_profiles"

    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), primary_key=True)
    product_ids: Mapped[list[int]] = mapped_column(JSON, default=list)
    languages: Mapped[list[str]] = mapped_column(JSON, default=list)
    available: Mapped[bool] = mapped_column(Boolean, default=False)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    user: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<AgentProfile u{self.user_id} {'on' if self.available else 'off'}>"


class SlaCalendar(db.Model):
    """A business calendar: time zone, working days, hours, public holidays of a country."""

    __tablename__ = "sla_calendars"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    timezone: Mapped[str] = mapped_column(String(64), default="Europe/Paris")
    working_days: Mapped[list[int]] = mapped_column(JSON, default=lambda: [0, 1, 2, 3, 4])
    opens: Mapped[str] = mapped_column(String(8), default="09:00")
    closes: Mapped[str] = mapped_column(String(8), default="18:00")
    holiday_country: Mapped[str] = mapped_column(String(2), default="")
    extra_holidays: Mapped[list[str]] = mapped_column(JSON, default=list)
    is_default: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<SlaCalendar {self.name}>"


class SlaPolicy(db.Model):
    """A target in business time for one clock, per category and priority (empty = any)."""

    __tablename__ = "sla_policies"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100))
    clock: Mapped[str] = mapped_column(String(16), default="request")
    category: Mapped[str | None] = mapped_column(String(32))
    priority: Mapped[str | None] = mapped_column(String(8))
    target_minutes: Mapped[int] = mapped_column(Integer)
    warn_minutes: Mapped[int] = mapped_column(Integer, default=60)
    calendar_id: Mapped[int | None] = mapped_column(ForeignKey("sla_calendars.id"))
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    calendar: Mapped[SlaCalendar | None] = relationship()

    def __repr__(self) -> str:
        return f"<SlaPolicy {self.clock} {self.category or '*'}/{self.priority or '*'}>"


class SlaTimer(db.Model):
    """One running SLA clock of a case (request) or of an escalation, with its frozen terms."""

    __tablename__ = "sla_timers"

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16))
    escalation_id: Mapped[int | None] = mapped_column(Integer, index=True)
    policy_id: Mapped[int | None] = mapped_column(ForeignKey("sla_policies.id"))
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    target_seconds: Mapped[int] = mapped_column(Integer)
    warn_seconds: Mapped[int] = mapped_column(Integer, default=3600)
    calendar: Mapped[dict] = mapped_column(JSON)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    stopped_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    def __repr__(self) -> str:
        return f"<SlaTimer {self.kind} i{self.interaction_id} due {self.due_at}>"


class SlaPause(db.Model):
    """An interval during which a case waited for the caller (status pending_info)."""

    __tablename__ = "sla_pauses"

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), index=True
    )
    started_at: Mapped[datetime] = mapped_column(UTCDateTime())
    ended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    reason: Mapped[str] = mapped_column(String(200), default="pending_info")

    def __repr__(self) -> str:
        return f"<SlaPause i{self.interaction_id} {self.started_at} → {self.ended_at}>"
