"""Case references MI-YYYY-NNNNNN, unique under concurrent creation on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from medinfo.extensions import db
from medinfo.interactions.models import ReferenceCounter


def _bump(prefix: str, year: int) -> int | None:
    stmt = (
        update(ReferenceCounter)
        .where(ReferenceCounter.prefix == prefix, ReferenceCounter.year == year)
        .values(last_value=ReferenceCounter.last_value + 1)
        .returning(ReferenceCounter.last_value)
    )
    return db.session.execute(stmt).scalar()


def next_reference(at: datetime, prefix: str = "MI") -> str:
    """Return the next reference for the prefix and at's year, in the caller's transaction.

    Each prefix (MI for cases, PV for safety reports) counts on its own.

    A single UPDATE … RETURNING is atomic on both databases (no read-modify-write), and the
    year's row is created with INSERT … ON CONFLICT DO NOTHING so two first callers cannot clash.
    """
    year = at.year
    value = _bump(prefix, year)
    if value is None:
        insert = pg_insert if db.session.get_bind().dialect.name == "postgresql" else sqlite_insert
        db.session.execute(
            insert(ReferenceCounter)
            .values(prefix=prefix, year=year, last_value=0)
            .on_conflict_do_nothing()
        )
        value = _bump(prefix, year)
    return f"{prefix}-{year}-{value:06d}"
