"""A contact's history: every interaction, call, response (and later safety report), newest first.

Each domain registers a *source*: a function returning a SELECT of the same columns for one
contact. The page is one UNION ALL ordered by time, so the database does the merging and paging.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Select, func, literal, select, union_all
from sqlalchemy.sql import ColumnElement

from medinfo.database import UTCDateTime
from medinfo.extensions import db

COLUMNS = ("type", "at", "id", "interaction_id", "reference", "title", "detail")
HistorySource = Callable[[int], Select]
_SOURCES: dict[str, HistorySource] = {}


def register_history_source(event_type: str, source: HistorySource) -> None:
    """Add a kind of event to every contact's history."""
    _SOURCES[event_type] = source


def history_types() -> list[str]:
    """The kinds of events a history can show."""
    return list(_SOURCES)


def labelled(
    event_type: str,
    at: ColumnElement,
    id_: ColumnElement,
    interaction_id: ColumnElement,
    reference: ColumnElement,
    title: ColumnElement,
    detail: ColumnElement,
) -> list[ColumnElement]:
    """Columns for a history source, named and typed alike so the union lines up."""
    return [
        literal(event_type).label("type"),
        at.label("at"),
        id_.label("id"),
        interaction_id.label("interaction_id"),
        reference.label("reference"),
        func.substr(title, 1, 200).label("title"),
        func.substr(detail, 1, 300).label("detail"),
    ]


@dataclass(frozen=True)
class HistoryEvent:
    """One line of a contact's history."""

    type: str
    at: datetime
    id: int
    interaction_id: int | None
    reference: str | None
    title: str
    detail: str


@dataclass(frozen=True)
class HistoryPage:
    """A page of history with its totals."""

    events: list[HistoryEvent]
    total: int
    page: int
    per_page: int

    @property
    def pages(self) -> int:
        """Number of pages."""
        return max(1, -(-self.total // self.per_page))


def contact_history(
    contact_id: int,
    *,
    types: list[str] | None = None,
    since: datetime | None = None,
    until: datetime | None = None,
    page: int = 1,
    per_page: int = 25,
) -> HistoryPage:
    """One page of a contact's history, newest first, optionally filtered."""
    chosen = [t for t in (types or _SOURCES) if t in _SOURCES]
    if not chosen:
        return HistoryPage([], 0, 1, per_page)
    union = union_all(*(_SOURCES[t](contact_id) for t in chosen)).subquery("history")
    conditions = []
    at_col = union.c.at
    if since is not None:
        conditions.append(at_col >= since)
    if until is not None:
        conditions.append(at_col < until)
    total = db.session.scalar(select(func.count()).select_from(union).where(*conditions)) or 0
    page = max(1, page)
    rows = db.session.execute(
        select(*union.c)
        .where(*conditions)
        .order_by(at_col.desc(), union.c.id.desc())
        .limit(per_page)
        .offset((page - 1) * per_page)
    ).all()
    at_type = UTCDateTime()
    dialect = db.session.get_bind().dialect
    events = [
        HistoryEvent(
            type=r.type,
            at=_as_datetime(r.at, at_type, dialect),
            id=r.id,
            interaction_id=r.interaction_id,
            reference=r.reference,
            title=r.title or "",
            detail=r.detail or "",
        )
        for r in rows
    ]
    return HistoryPage(events, total, page, per_page)


def _as_datetime(value, at_type: UTCDateTime, dialect) -> datetime:
    if isinstance(value, str):  # SQLite returns unioned timestamps as text
        value = datetime.fromisoformat(value)
    return at_type.process_result_value(value, dialect)
