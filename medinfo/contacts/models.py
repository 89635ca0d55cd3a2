"""Contacts: the people interactions are about."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from medinfo.database import UTCDateTime, utcnow
from medinfo.extensions import db

PROFESSIONS = (
    "physician",
    "pharmacist",
    "nurse",
    "dentist",
    "midwife",
    "other_hcp",
    "patient",
    "consumer",
    "other",
)
REGISTRY_TYPES = ("rpps", "npi")


class Contact(db.Model):
    """A healthcare professional or other person who contacts the desk."""

    __tablename__ = "contacts"

    id: Mapped[int] = mapped_column(primary_key=True)
    first_name: Mapped[str] = mapped_column(String(100))
    last_name: Mapped[str] = mapped_column(String(100), index=True)
    # Lower-cased, accent-free "last first" for prefix search on any database.
    search_name: Mapped[str] = mapped_column(String(210), index=True)
    profession: Mapped[str] = mapped_column(String(32))
    specialty: Mapped[str] = mapped_column(String(100), default="")
    registry_type: Mapped[str | None] = mapped_column(String(8))
    registry_number: Mapped[str | None] = mapped_column(String(20), index=True)
    institution: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(254), index=True)
    address: Mapped[str] = mapped_column(Text, default="")
    city: Mapped[str] = mapped_column(String(100), default="")
    postal_code: Mapped[str] = mapped_column(String(20), default="")
    country: Mapped[str] = mapped_column(String(2))
    language: Mapped[str] = mapped_column(String(5))
    consent_contact: Mapped[bool] = mapped_column(Boolean, default=False)
    consent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow, onupdate=utcnow)

    phones: Mapped[list[ContactPhone]] = relationship(
        back_populates="contact", cascade="all, delete-orphan", order_by="ContactPhone.id"
    )

    @property
    def full_name(self) -> str:
        """First and last name."""
        return f"{self.first_name} {self.last_name}".strip()

    @property
    def primary_phone(self) -> str | None:
        """The first phone number in E.164, if any."""
        return self.phones[0].e164 if self.phones else None

    def __repr__(self) -> str:
        return f"<Contact {self.id} {self.full_name}>"


class ContactPhone(db.Model):
    """A phone number kept in E.164 so any formatting of it finds the contact."""

    __tablename__ = "contact_phones"

    id: Mapped[int] = mapped_column(primary_key=True)
    contact_id: Mapped[int] = mapped_column(
        ForeignKey("contacts.id", ondelete="CASCADE"), index=True
    )
    e164: Mapped[str] = mapped_column(String(20), index=True)
    kind: Mapped[str] = mapped_column(String(16), default="work")

    contact: Mapped[Contact] = relationship(back_populates="phones")

    def __repr__(self) -> str:
        return f"<ContactPhone {self.e164}>"
