"""Users and API tokens."""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, String
from sqlalchemy.orm import Mapped, mapped_column, relationship

from medinfo.database import UTCDateTime, utcnow
from medinfo.extensions import db
from medinfo.permissions import Permission, Role, role_has


def new_session_nonce() -> str:
    """Return a random value that identifies the user's current login generation."""
    return secrets.token_urlsafe(16)


class User(db.Model):
    """A person who logs in: agent, reviewer, PV officer, auditor or admin."""

    __tablename__ = "users"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(64), unique=True)
    full_name: Mapped[str] = mapped_column(String(200), default="")
    email: Mapped[str | None] = mapped_column(String(254))
    role: Mapped[str] = mapped_column(String(32))
    password_hash: Mapped[str] = mapped_column(String(255))
    language: Mapped[str] = mapped_column(String(5), default="en")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    session_nonce: Mapped[str] = mapped_column(String(64), default=new_session_nonce)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_login_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    tokens: Mapped[list[ApiToken]] = relationship(back_populates="user")

    # Flask-Login protocol
    @property
    def is_active(self) -> bool:
        """Deactivated users cannot log in or use tokens."""
        return self.active

    @property
    def is_authenticated(self) -> bool:
        """A loaded user is authenticated."""
        return True

    @property
    def is_anonymous(self) -> bool:
        """A loaded user is not anonymous."""
        return False

    def get_id(self) -> str:
        """Session id: user id plus login generation, so a nonce change ends old sessions."""
        return f"{self.id}:{self.session_nonce}"

    def can(self, permission: Permission) -> bool:
        """Tell whether the user's role grants the permission."""
        return self.active and role_has(self.role, permission)

    @property
    def role_enum(self) -> Role:
        """The role as an enum member."""
        return Role(self.role)

    @property
    def display_name(self) -> str:
        """Full name, or the username when none is set."""
        return self.full_name or self.username

    def is_locked(self, now: datetime) -> bool:
        """Tell whether the account is locked out at this moment."""
        return self.locked_until is not None and self.locked_until > now

    def __repr__(self) -> str:
        return f"<User {self.username} ({self.role})>"


class ApiToken(db.Model):
    """A bearer token for integrations; only its SHA-256 digest is stored."""

    __tablename__ = "api_tokens"

    id: Mapped[int] = mapped_column(primary_key=True)
    user_id: Mapped[int] = mapped_column(ForeignKey("users.id"), index=True)
    name: Mapped[str] = mapped_column(String(100))
    prefix: Mapped[str] = mapped_column(String(12))
    token_hash: Mapped[str] = mapped_column(String(64), unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)
    last_used_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())

    user: Mapped[User] = relationship(back_populates="tokens")

    @property
    def is_revoked(self) -> bool:
        """Revoked tokens authenticate nobody."""
        return self.revoked_at is not None

    def __repr__(self) -> str:
        return f"<ApiToken {self.prefix}… of user {self.user_id}>"
