"""Idempotency keys: a retried POST returns the first response instead of a second record."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Callable
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, Integer, String, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from medinfo.database import UTCDateTime, utcnow
from medinfo.errors import DomainError, ValidationFailed
from medinfo.extensions import db

MAX_KEY = 200


class IdempotencyKey(db.Model):
    """A stored response for (scope, key), written in the same transaction as the record."""

    __tablename__ = "idempotency_keys"

    id: Mapped[int] = mapped_column(primary_key=True)
    scope: Mapped[str] = mapped_column(String(100))
    key: Mapped[str] = mapped_column(String(MAX_KEY))
    request_hash: Mapped[str] = mapped_column(String(64))
    status_code: Mapped[int] = mapped_column(Integer)
    response: Mapped[dict[str, Any]] = mapped_column(JSON)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime(), default=utcnow)

    __table_args__ = (db.UniqueConstraint("scope", "key", name="uq_idempotency_keys_scope_key"),)

    def __repr__(self) -> str:
        return f"<IdempotencyKey {self.scope} {self.key}>"


class KeyReused(DomainError):
    """The same key came with a different request body."""

    status = 422
    code = "idempotency_key_reused"


def request_hash(payload: Any) -> str:
    """A stable digest of the request body."""
    text = json.dumps(payload, sort_keys=True, separators=(",", ":"), default=str)
    return hashlib.sha256(text.encode()).hexdigest()


def _stored(scope: str, key: str) -> IdempotencyKey | None:
    return db.session.scalar(
        select(IdempotencyKey).where(IdempotencyKey.scope == scope, IdempotencyKey.key == key)
    )


def run_once(
    scope: str, key: str | None, payload: Any, create: Callable[[], tuple[dict[str, Any], int]]
) -> tuple[dict[str, Any], int, bool]:
    """Run create() once per (scope, key); return (body, status, replayed).

    create() adds its records to the session without committing; the key row is added to the
    same transaction, so either both are committed or neither is.
    """
    if key is None:
        body, status = create()
        db.session.commit()
        return body, status, False
    if not key or len(key) > MAX_KEY or not key.isprintable():
        raise ValidationFailed({"Idempotency-Key": f"Use 1–{MAX_KEY} printable characters."})
    digest = request_hash(payload)
    if (found := _stored(scope, key)) is not None:
        return _replay(found, digest)
    body, status = create()
    db.session.add(
        IdempotencyKey(scope=scope, key=key, request_hash=digest, status_code=status, response=body)
    )
    try:
        db.session.commit()
    except IntegrityError:
        db.session.rollback()
        found = _stored(scope, key)
        if found is None:
            raise
        return _replay(found, digest)
    return body, status, False


def _replay(found: IdempotencyKey, digest: str) -> tuple[dict[str, Any], int, bool]:
    if found.request_hash != digest:
        raise KeyReused(
            "This Idempotency-Key was used with a different request.",
            {"Idempotency-Key": "Reused with a different body."},
        )
    return found.response, found.status_code, True
