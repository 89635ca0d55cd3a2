"""Safety reports (ICH E2B(R3)-aligned), suspect products, follow-ups, outbox and PV inbox."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, Boolean, Date, ForeignKey, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from medinfo.auth.models import User
from medinfo.catalog.models import Product
from medinfo.database import UTCDateTime, utcnow
from medinfo.extensions import db
from medinfo.interactions.models import Interaction

STATUSES = ("submitted", "transferred", "acknowledged", "rejected")
OPEN_STATUSES = ("submitted", "transferred", "rejected")
QUALIFICATIONS = ("physician", "pharmacist", "other_hcp", "lawyer", "consumer")
AGE_UNITS = ("years", "months", "weeks", "days")
AGE_GROUPS = ("foetus", "neonate", "infant", "child", "adolescent", "adult", "elderly")
SEXES = ("female", "male", "unknown")
PREGNANCY = ("not_pregnant", "pregnant", "unknown", "not_applicable")
OUTCOMES = (
    "recovered",
    "recovering",
    "not_recovered",
    "recovered_with_sequelae",
    "fatal",
    "unknown",
)
SERIOUSNESS = (
    "death",
    "life_threatening",
    "hospitalisation",
    "disability",
    "congenital_anomaly",
    "other_medically_important",
)
SPECIAL_SITUATIONS = (
    "pregnancy",
    "breastfeeding",
    "paternal_exposure",
    "overdose",
    "abuse",
    "misuse",
    "medication_error",
    "off_label",
    "lack_of_efficacy",
    "interaction",
    "occupational_exposure",
    "accidental_exposure",
    "expired_product",
    "counterfeit_product",
)
BATCH_STATES = ("provided", "unknown", "not_asked")
OUTBOX_KINDS = ("initial", "follow_up", "resubmission")
OUTBOX_STATES = ("pending", "sent", "failed")


class SafetyReport(db.Model):
    """An adverse event, special situation or product complaint, on its way to PV."""

    __tablename__ = "safety_reports"

    id: Mapped[int] = mapped_column(primary_key=True)
    reference: Mapped[str] = mapped_column(String(20), unique=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id"), index=True)
    status: Mapped[str] = mapped_column(String(16), default="submitted", index=True)
    source: Mapped[str] = mapped_column(String(16), default="case")
    day0: Mapped[datetime] = mapped_column(UTCDateTime())
    due_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    same_day: Mapped[bool] = mapped_column(Boolean, default=False)
    # What the report is about.
    adverse_event: Mapped[bool] = mapped_column(Boolean, default=False)
    product_complaint: Mapped[bool] = mapped_column(Boolean, default=False)
    special_situations: Mapped[list[str]] = mapped_column(JSON, default=list)
    screening_flags: Mapped[list[dict[str, Any]]] = mapped_column(JSON, default=list)
    # Reporter (E2B C.2.r).
    reporter_name: Mapped[str] = mapped_column(String(200), default="")
    reporter_qualification: Mapped[str | None] = mapped_column(String(16))
    reporter_contact: Mapped[str] = mapped_column(String(300), default="")
    reporter_country: Mapped[str] = mapped_column(String(2), default="")
    # Patient (E2B D).
    patient_initials: Mapped[str] = mapped_column(String(10), default="")
    patient_age: Mapped[int | None] = mapped_column(Integer)
    patient_age_unit: Mapped[str] = mapped_column(String(8), default="years")
    patient_age_group: Mapped[str | None] = mapped_column(String(16))
    patient_sex: Mapped[str | None] = mapped_column(String(8))
    pregnancy_status: Mapped[str | None] = mapped_column(String(16))
    gestation_weeks: Mapped[int | None] = mapped_column(Integer)
    # Event (E2B E.i).
    event_verbatim: Mapped[str] = mapped_column(Text, default="")
    event_onset: Mapped[date | None] = mapped_column(Date)
    event_outcome: Mapped[str | None] = mapped_column(String(24))
    seriousness: Mapped[list[str]] = mapped_column(JSON, default=list)
    # Product quality complaint.
    pqc_description: Mapped[str] = mapped_column(Text, default="")
    pqc_sample_available: Mapped[bool | None] = mapped_column(Boolean)
    # Narrative (E2B H): the question asked and the answer given.
    narrative: Mapped[str] = mapped_column(Text, default="")
    question_text: Mapped[str] = mapped_column(Text, default="")
    answer_given: Mapped[str] = mapped_column(Text, default="")
    # Workflow.
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    transferred_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    acknowledged_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    acknowledged_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    pv_case_id: Mapped[str | None] = mapped_column(String(64), index=True)
    rejected_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    rejection_reason: Mapped[str | None] = mapped_column(Text)
    version: Mapped[int] = mapped_column(Integer, default=1)

    interaction: Mapped[Interaction] = relationship()
    created_by: Mapped[User | None] = relationship(foreign_keys=[created_by_id])
    acknowledged_by: Mapped[User | None] = relationship(foreign_keys=[acknowledged_by_id])
    products: Mapped[list[SuspectProduct]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="SuspectProduct.position"
    )
    follow_ups: Mapped[list[FollowUpTask]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="FollowUpTask.id"
    )
    messages: Mapped[list[OutboxMessage]] = relationship(
        back_populates="report", cascade="all, delete-orphan", order_by="OutboxMessage.id"
    )

    __mapper_args__ = {"version_id_col": version}

    @property
    def is_serious(self) -> bool:
        """Any seriousness criterion, or a fatal outcome."""
        return bool(self.seriousness) or self.event_outcome == "fatal"

    def is_overdue(self, now: datetime) -> bool:
        """Not yet transferred to PV and past its transfer deadline."""
        return self.transferred_at is None and self.due_at < now

    @property
    def transferred_on_time(self) -> bool | None:
        """Whether PV received it by its deadline (None while not transferred)."""
        if self.transferred_at is None:
            return None
        return self.transferred_at <= self.due_at

    def __repr__(self) -> str:
        return f"<SafetyReport {self.reference} {self.status}>"


class SuspectProduct(db.Model):
    """A suspect product of a report (E2B G.k): as reported, batch/lot always asked."""

    __tablename__ = "safety_suspect_products"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("safety_reports.id", ondelete="CASCADE"), index=True
    )
    position: Mapped[int] = mapped_column(Integer, default=1)
    name_as_reported: Mapped[str] = mapped_column(String(200), default="")
    product_id: Mapped[int | None] = mapped_column(ForeignKey("products.id"))
    batch_lot: Mapped[str] = mapped_column(String(64), default="")
    batch_status: Mapped[str] = mapped_column(String(10), default="not_asked")
    dose: Mapped[str] = mapped_column(String(100), default="")
    route: Mapped[str] = mapped_column(String(60), default="")
    start_date: Mapped[date | None] = mapped_column(Date)
    stop_date: Mapped[date | None] = mapped_column(Date)
    indication: Mapped[str] = mapped_column(String(200), default="")

    report: Mapped[SafetyReport] = relationship(back_populates="products")
    product: Mapped[Product | None] = relationship()

    @property
    def display_name(self) -> str:
        """The product's name, else the name the caller used."""
        return self.product.name if self.product else self.name_as_reported

    def __repr__(self) -> str:
        return f"<SuspectProduct {self.display_name!r} lot={self.batch_lot!r}>"


class FollowUpTask(db.Model):
    """Something still to obtain from the reporter (a missing criterion, the batch number…)."""

    __tablename__ = "safety_follow_ups"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("safety_reports.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(32))
    description: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[str] = mapped_column(String(8), default="open", index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    created_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    done_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    done_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    outcome: Mapped[str] = mapped_column(Text, default="")

    report: Mapped[SafetyReport] = relationship(back_populates="follow_ups")

    def __repr__(self) -> str:
        return f"<FollowUpTask {self.kind} {self.status}>"


class OutboxMessage(db.Model):
    """A message to PV, written with the change that caused it, delivered with retries."""

    __tablename__ = "safety_outbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    report_id: Mapped[int] = mapped_column(
        ForeignKey("safety_reports.id", ondelete="CASCADE"), index=True
    )
    kind: Mapped[str] = mapped_column(String(16), default="initial")
    transport: Mapped[str] = mapped_column(String(16), default="inbox")
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    status: Mapped[str] = mapped_column(String(8), default="pending", index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, index=True)
    last_error: Mapped[str | None] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    report: Mapped[SafetyReport] = relationship(back_populates="messages")

    def __repr__(self) -> str:
        return f"<OutboxMessage {self.id} {self.kind} {self.status} x{self.attempts}>"


class PvInboxMessage(db.Model):
    """The in-app PV inbox: what the default transport delivers to the safety department."""

    __tablename__ = "safety_pv_inbox"

    id: Mapped[int] = mapped_column(primary_key=True)
    outbox_id: Mapped[int] = mapped_column(ForeignKey("safety_outbox.id"), unique=True)
    report_id: Mapped[int] = mapped_column(ForeignKey("safety_reports.id"), index=True)
    kind: Mapped[str] = mapped_column(String(16))
    payload: Mapped[dict[str, Any]] = mapped_column(JSON)
    received_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    def __repr__(self) -> str:
        return f"<PvInboxMessage {self.id} report={self.report_id} {self.kind}>"


class RescreenFinding(db.Model):
    """A closed interaction whose text the screener flags but which has no safety report."""

    __tablename__ = "safety_rescreen_findings"

    id: Mapped[int] = mapped_column(primary_key=True)
    interaction_id: Mapped[int] = mapped_column(ForeignKey("interactions.id"), unique=True)
    categories: Mapped[list[str]] = mapped_column(JSON, default=list)
    excerpt: Mapped[str] = mapped_column(Text, default="")
    found_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    interaction: Mapped[Interaction] = relationship()

    def __repr__(self) -> str:
        return f"<RescreenFinding interaction={self.interaction_id} {self.categories}>"
