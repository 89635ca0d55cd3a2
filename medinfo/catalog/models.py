"""The product catalogue."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, String
from sqlalchemy.orm import Mapped, mapped_column

from medinfo.database import UTCDateTime, utcnow
from medinfo.extensions import db


class Product(db.Model):
    """A company product the desk answers questions about."""

    __tablename__ = "products"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    inn: Mapped[str] = mapped_column(String(100), default="")
    therapeutic_area: Mapped[str] = mapped_column(String(100), default="")
    aliases: Mapped[list[str]] = mapped_column(JSON, default=list)
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    @property
    def synonyms(self) -> tuple[str, ...]:
        """Brand, INN and aliases: the words that all mean this product."""
        words = [self.name, self.inn, *(self.aliases or [])]
        return tuple(dict.fromkeys(w for w in words if w))

    def __repr__(self) -> str:
        return f"<Product {self.name}>"
