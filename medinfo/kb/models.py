"""Knowledge-base articles, their versions, and the versions used in answers."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    ColumnElement,
    Date,
    ForeignKey,
    Integer,
    String,
    Text,
    UniqueConstraint,
    and_,
)
from sqlalchemy.orm import Mapped, backref, mapped_column, relationship

from medinfo.auth.models import User
from medinfo.catalog.models import Product
from medinfo.database import UTCDateTime, utcnow
from medinfo.extensions import db
from medinfo.interactions.models import InfoRequest

LANGUAGES = ("en", "fr")
DOC_TYPES = ("srd", "faq", "smpc", "pil", "enclosure")
STATUSES = ("draft", "in_review", "approved", "retired")


class Article(db.Model):
    """One article (an SRD, FAQ, SmPC/PIL extract or enclosure) per product and language."""

    __tablename__ = "kb_articles"

    id: Mapped[str] = mapped_column(String(64), primary_key=True)  # stable id (front matter)
    product_id: Mapped[int] = mapped_column(ForeignKey("products.id"), index=True)
    language: Mapped[str] = mapped_column(String(2))
    doc_type: Mapped[str] = mapped_column(String(16))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    product: Mapped[Product] = relationship()
    versions: Mapped[list[ArticleVersion]] = relationship(
        back_populates="article", order_by="ArticleVersion.version"
    )

    def __repr__(self) -> str:
        return f"<Article {self.id}>"


class ArticleVersion(db.Model):
    """One version of an article: content, dates and its place in the lifecycle."""

    __tablename__ = "kb_article_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    article_id: Mapped[str] = mapped_column(ForeignKey("kb_articles.id"), index=True)
    version: Mapped[int] = mapped_column(Integer)
    title: Mapped[str] = mapped_column(String(300))
    body: Mapped[str] = mapped_column(Text)
    keywords: Mapped[list[str]] = mapped_column(JSON, default=list)
    references: Mapped[list[str]] = mapped_column("reference_list", JSON, default=list)
    effective: Mapped[date] = mapped_column(Date)
    expires: Mapped[date] = mapped_column(Date)
    status: Mapped[str] = mapped_column(String(16), default="draft", index=True)
    body_hash: Mapped[str] = mapped_column(String(64))
    author_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    approver_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    submitted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    approved_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    retired_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    source: Mapped[str] = mapped_column(String(300), default="")  # file it was imported from
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    article: Mapped[Article] = relationship(back_populates="versions")
    author: Mapped[User | None] = relationship(foreign_keys=[author_id])
    approver: Mapped[User | None] = relationship(foreign_keys=[approver_id])

    __table_args__ = (UniqueConstraint("article_id", "version"),)

    def is_visible_on(self, day: date) -> bool:
        """Approved and within its dates on that day: what agents may see."""
        return self.status == "approved" and self.effective <= day < self.expires

    @classmethod
    def visible_on(cls, day: date) -> ColumnElement[bool]:
        """The same rule as is_visible_on, as a query condition."""
        return and_(cls.status == "approved", cls.effective <= day, cls.expires > day)

    @property
    def label(self) -> str:
        """Short name used in answers and histories: "SRD-CLX-PREG-FR v3"."""
        return f"{self.article_id} v{self.version}"

    def __repr__(self) -> str:
        return f"<ArticleVersion {self.article_id} v{self.version} {self.status}>"


class RequestKbVersion(db.Model):
    """An article version used in the answer to one request ("use in answer")."""

    __tablename__ = "request_kb_versions"

    id: Mapped[int] = mapped_column(primary_key=True)
    request_id: Mapped[int] = mapped_column(
        ForeignKey("requests.id", ondelete="CASCADE"), index=True
    )
    version_id: Mapped[int] = mapped_column(ForeignKey("kb_article_versions.id"), index=True)
    attached_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    attached_by_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))

    # The backref gives InfoRequest.kb_links without the interactions package importing kb.
    request: Mapped[InfoRequest] = relationship(
        backref=backref("kb_links", cascade="all, delete-orphan", order_by="RequestKbVersion.id")
    )
    version: Mapped[ArticleVersion] = relationship()
    attached_by: Mapped[User | None] = relationship()

    __table_args__ = (UniqueConstraint("request_id", "version_id"),)

    def __repr__(self) -> str:
        return f"<RequestKbVersion request={self.request_id} version={self.version_id}>"
