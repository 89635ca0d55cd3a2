"""Password hashing with argon2id (argon2-cffi)."""

from __future__ import annotations

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError
from flask import current_app

MIN_LENGTH = 10
# Verified against when the username is unknown, so both paths cost the same time.
_DUMMY: dict[tuple[int, int], str] = {}


def _hasher() -> PasswordHasher:
    cfg = current_app.config
    return PasswordHasher(time_cost=cfg["ARGON2_TIME_COST"], memory_cost=cfg["ARGON2_MEMORY_COST"])


def hash_password(password: str) -> str:
    """Return an argon2id hash of the password."""
    return _hasher().hash(password)


def verify_password(stored_hash: str | None, password: str) -> bool:
    """Check a password against its hash (or a dummy hash when the user is unknown)."""
    hasher = _hasher()
    if stored_hash is None:
        key = (hasher.time_cost, hasher.memory_cost)
        stored_hash = _DUMMY.setdefault(key, hasher.hash("dummy-password-for-timing"))
        password = password + "\0never-matches"
    try:
        return hasher.verify(stored_hash, password)
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        return False


def password_problem(password: str, username: str = "") -> str | None:
    """Why a new password is not acceptable, or None."""
    if len(password or "") < MIN_LENGTH:
        return f"Use at least {MIN_LENGTH} characters."
    if username and username.lower() in password.lower():
        return "The password must not contain the username."
    return None
