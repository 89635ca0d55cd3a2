"""Escalations of requests to medical review and the electronic signatures of answers."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from medinfo.auth.models import User
from medinfo.database import UTCDateTime, utcnow
from medinfo.extensions import db
from medinfo.interactions.models import InfoRequest, Interaction

ESCALATION_STATUSES = ("open", "signed", "withdrawn")
MEANING_APPROVED = "approved as medically accurate"


class Escalation(db.Model):
    """One request sent to medical review, with the reason and the reviewer's draft."""

    __tablename__ = "escalations"

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(
        ForeignKey("interactions.id", ondelete="CASCADE"), index=True
    )
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    reason: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default="open", index=True)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    reviewer_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    draft_answer: Mapped[str | None] = mapped_column(Text)
    due_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    version: Mapped[int] = mapped_column(Integer, default=1)

    interaction: Mapped[Interaction] = relationship()
    request: Mapped[InfoRequest] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    reviewer: Mapped[User | None] = relationship(foreign_keys=[reviewer_id])
    signatures: Mapped[list[Signature]] = relationship(
        back_populates="escalation", order_by="Signature.signed_at"
    )

    __mapper_args__ = {"version_id_col": version}

    def __repr__(self) -> str:
        return f"<Escalation {self.id} {self.status}>"


class Signature(db.Model):
    """A 21 CFR Part 11 style e-signature: who, when (UTC), meaning, bound to a content hash."""

    __tablename__ = "signatures"

    id: Mapped[int] = mapped_column(primary_key=True)
    escalation_id: Mapped[int] = mapped_column(ForeignKey("escalations.id"), index=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("requests.id", ondelete="CASCADE"))
    signer_id: Mapped[int] = mapped_column(ForeignKey("users.id"))
    signer_name: Mapped[str] = mapped_column(String(200))
    signer_username: Mapped[str] = mapped_column(String(64))
    meaning: Mapped[str] = mapped_column(String(100))
    signed_at: Mapped[datetime] = mapped_column(UTCDateTime())
    signed_answer: Mapped[str] = mapped_column(Text)
    kb_versions: Mapped[list] = mapped_column(JSON, default=list)
    content_hash: Mapped[str] = mapped_column(String(64))

    escalation: Mapped[Escalation] = relationship(back_populates="signatures")
    request: Mapped[InfoRequest] = relationship()
    signer: Mapped[User] = relationship()

    def __repr__(self) -> str:
        return f"<Signature {self.id} by {self.signer_username} {self.content_hash[:8]}>"
