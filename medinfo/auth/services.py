"""Authentication, lockout, users and API tokens; every change is audited."""

from __future__ import annotations

import hashlib
import logging
import secrets

from flask import current_app
from sqlalchemy import func, select

from medinfo.audit import record_event
from medinfo.audit.chain import SYSTEM, Actor
from medinfo.auth.models import ApiToken, User, new_session_nonce
from medinfo.auth.passwords import hash_password, password_problem, verify_password
from medinfo.database import utcnow
from medinfo.errors import Conflict, NotFound, ValidationFailed
from medinfo.extensions import db
from medinfo.permissions import Role

logger = logging.getLogger(__name__)
TOKEN_PREFIX = "mid_"  # noqa: S105 - a public prefix that marks our tokens, not a secret


def actor_of(user: User) -> Actor:
    """The audit actor for a user."""
    return Actor(user.id, user.username, user.role)


def find_user(username: str) -> User | None:
    """Find a user by username, case-insensitively."""
    return db.session.scalar(
        select(User).where(func.lower(User.username) == (username or "").strip().lower())
    )


def authenticate(username: str, password: str) -> User | None:
    """Return the user when the password is right and the account usable; count failures.

    Unknown users, wrong passwords and locked accounts all get the same answer (None), and
    cost the same hashing time.
    """
    user = find_user(username)
    now = utcnow()
    ok = verify_password(user.password_hash if user else None, password or "")
    if user is None:
        return None
    if not user.active or user.is_locked(now):
        record_event(
            "auth.login_refused",
            "user",
            user.id,
            new={"reason": "locked" if user.active else "inactive"},
            actor=actor_of(user),
        )
        db.session.commit()
        return None
    if not ok:
        register_failure(user)
        db.session.commit()
        return None
    if user.failed_logins or user.locked_until:
        user.failed_logins, user.locked_until = 0, None
    user.last_login_at = now
    record_event("auth.login", "user", user.id, actor=actor_of(user))
    db.session.commit()
    logger.info("user %s logged in", user.username)
    return user


def register_failure(user: User) -> None:
    """Count a failed password (login or e-signature); lock after too many (caller commits)."""
    cfg = current_app.config
    user.failed_logins = (user.failed_logins or 0) + 1
    new = {"failed_logins": user.failed_logins}
    if user.failed_logins >= cfg["LOGIN_MAX_FAILURES"]:
        user.locked_until = utcnow() + cfg["LOGIN_LOCKOUT"]
        new["locked_until"] = user.locked_until
        logger.warning("user %s locked after %s failures", user.username, user.failed_logins)
    record_event("auth.failed_password", "user", user.id, new=new, actor=actor_of(user))


def record_logout(user: User) -> None:
    """Audit a logout."""
    record_event("auth.logout", "user", user.id, actor=actor_of(user))
    db.session.commit()


def _user_snapshot(user: User) -> dict:
    return {
        "username": user.username,
        "full_name": user.full_name,
        "email": user.email,
        "role": user.role,
        "language": user.language,
        "active": user.active,
    }


def create_user(
    username: str,
    password: str,
    role: str,
    *,
    full_name: str = "",
    email: str | None = None,
    language: str = "en",
    actor: Actor | None = None,
) -> User:
    """Create a user with a hashed password."""
    errors: dict[str, str] = {}
    username = (username or "").strip()
    if (
        not username
        or len(username) > 64
        or not username.replace(".", "").replace("_", "").replace("-", "").isalnum()
    ):
        errors["username"] = "Use 1–64 letters, digits, dots, dashes or underscores."
    elif find_user(username):
        errors["username"] = "This username is taken."
    if role not in {r.value for r in Role}:
        errors["role"] = f"Role must be one of: {', '.join(r.value for r in Role)}."
    if problem := password_problem(password, username):
        errors["password"] = problem
    if language not in ("en", "fr"):
        errors["language"] = "Language must be en or fr."
    if errors:
        raise ValidationFailed(errors)
    user = User(
        username=username,
        password_hash=hash_password(password),
        role=role,
        full_name=full_name.strip(),
        email=email or None,
        language=language,
    )
    db.session.add(user)
    db.session.flush()
    record_event("user.created", "user", user.id, new=_user_snapshot(user), actor=actor)
    db.session.commit()
    return user


def update_user(
    user: User,
    *,
    role: str,
    full_name: str,
    email: str | None,
    language: str,
    active: bool,
    reason: str | None = None,
) -> User:
    """Change a user's role, details or active flag (ends their sessions when access shrinks)."""
    if role not in {r.value for r in Role}:
        raise ValidationFailed({"role": "Unknown role."})
    if language not in ("en", "fr"):
        raise ValidationFailed({"language": "Language must be en or fr."})
    old = _user_snapshot(user)
    user.role, user.full_name, user.email = role, full_name.strip(), email or None
    user.language, user.active = language, active
    new = _user_snapshot(user)
    if new == old:
        return user
    if old["role"] != role or not active:
        user.session_nonce = new_session_nonce()
    if active and not old["active"]:
        user.failed_logins, user.locked_until = 0, None
    record_event("user.updated", "user", user.id, old=old, new=new, reason=reason)
    db.session.commit()
    return user


def set_password(user: User, password: str, *, actor: Actor | None = None) -> None:
    """Set a new password; ends every other session of the user."""
    if problem := password_problem(password, user.username):
        raise ValidationFailed({"password": problem})
    user.password_hash = hash_password(password)
    user.session_nonce = new_session_nonce()
    user.failed_logins, user.locked_until = 0, None
    record_event("user.password_set", "user", user.id, actor=actor)
    db.session.commit()


def set_language(user: User, language: str) -> None:
    """Save the user's interface language."""
    if language not in current_app.config["LANGUAGES"]:
        raise ValidationFailed({"language": "Language must be en or fr."})
    if user.language != language:
        record_event(
            "user.language_set",
            "user",
            user.id,
            old={"language": user.language},
            new={"language": language},
        )
        user.language = language
        db.session.commit()


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create_token(user: User, name: str, *, actor: Actor | None = None) -> tuple[ApiToken, str]:
    """Create an API token; the plain value is returned once and only its digest is kept."""
    if not (name or "").strip():
        raise ValidationFailed({"name": "Name the token (e.g. the integration using it)."})
    plain = TOKEN_PREFIX + secrets.token_urlsafe(32)
    token = ApiToken(
        user=user, name=name.strip()[:100], prefix=plain[:12], token_hash=_digest(plain)
    )
    db.session.add(token)
    db.session.flush()
    record_event(
        "token.created",
        "api_token",
        token.id,
        new={"user": user.username, "name": token.name, "prefix": token.prefix},
        actor=actor,
    )
    db.session.commit()
    return token, plain


def revoke_token(token: ApiToken, *, actor: Actor | None = None) -> None:
    """Revoke a token; it stops working at once."""
    if token.is_revoked:
        raise Conflict("This token is already revoked.")
    token.revoked_at = utcnow()
    record_event("token.revoked", "api_token", token.id, new={"prefix": token.prefix}, actor=actor)
    db.session.commit()


def user_for_token(plain: str) -> User | None:
    """The active user owning an unrevoked token, or None."""
    if not plain or not plain.startswith(TOKEN_PREFIX) or len(plain) > 200:
        return None
    token = db.session.scalar(select(ApiToken).where(ApiToken.token_hash == _digest(plain)))
    if token is None or token.is_revoked or not token.user.active:
        return None
    return token.user


def get_user(user_id: int) -> User:
    """Load a user or raise NotFound."""
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound(f"No user #{user_id}.")
    return user


__all__ = ["SYSTEM", "authenticate", "create_token", "create_user", "revoke_token"]
