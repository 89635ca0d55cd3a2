"""SLA clocks: a business-time target measured on a calendar, with pauses that stop the clock.

Definitions
-----------
Elapsed business time at ``now``
    Business time (see :mod:`medinfo.sla.calendar`) from ``started_at`` to ``now`` minus
    the business time spent inside pauses. A case started outside working hours starts
    counting at the next opening; a pause outside working hours changes nothing.
Pauses
    ``(start, end)`` intervals, ``end`` exclusive; ``(start, None)`` is an open pause (the
    clock is stopped now, e.g. status ``pending_info``). Overlapping or touching pauses
    are merged, the parts before ``started_at`` are ignored, and an open pause absorbs
    every pause after its start.
Due instant (:meth:`SlaClock.due_at`)
    The earliest instant at which elapsed business time reaches the target. ``None`` when
    an open pause stops the clock before the target is reached (the due time is not
    known until the pause ends). A target of zero is due at ``started_at``.
Overdue
    ``now`` is strictly after the due instant: due at 18:00 is on time at 18:00:00 and
    overdue from then on, including over the weekend when elapsed time no longer grows.
Remaining
    ``target - elapsed(now)``: negative once more business time than the target has
    been spent; zero while an overdue case waits outside working hours.
State (:meth:`SlaClock.state`)
    ``"breached"`` when overdue (also while paused), else ``"paused"`` while ``now`` is
    inside a pause, else ``"warning"`` when remaining <= ``warn_before``, else ``"ok"``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Literal

from medinfo.sla.calendar import BusinessCalendar, ensure_aware

__all__ = ["SlaClock", "SlaState"]

SlaState = Literal["ok", "warning", "breached", "paused"]

_FOREVER = datetime.max.replace(tzinfo=UTC)
_ZERO = timedelta(0)

Pause = tuple[datetime, datetime | None]


@dataclass(frozen=True)
class SlaClock:
    """A business-time target started at a moment, stopped during pauses."""

    started_at: datetime
    target: timedelta
    calendar: BusinessCalendar
    pauses: tuple[Pause, ...] = ()

    def __post_init__(self) -> None:
        """Validate the start, the target and the pauses."""
        ensure_aware(self.started_at, "started_at")
        if not isinstance(self.target, timedelta) or self.target < _ZERO:
            raise ValueError("target: expected a non-negative timedelta")
        if not isinstance(self.calendar, BusinessCalendar):
            raise ValueError("calendar: expected a BusinessCalendar")
        object.__setattr__(self, "pauses", tuple(tuple(p) for p in self.pauses))
        self._merged_pauses()  # validates each pause

    def _merged_pauses(self) -> list[tuple[datetime, datetime]]:
        """Return the pauses in UTC, clipped to the start, sorted and merged (open = forever)."""
        start = ensure_aware(self.started_at, "started_at")
        spans: list[tuple[datetime, datetime]] = []
        for index, pause in enumerate(self.pauses):
            if len(pause) != 2:
                raise ValueError(f"pauses[{index}]: expected a (start, end or None) pair")
            begin = ensure_aware(pause[0], f"pauses[{index}].start")
            end = _FOREVER if pause[1] is None else ensure_aware(pause[1], f"pauses[{index}].end")
            if end < begin:
                raise ValueError(f"pauses[{index}]: end is before start")
            begin = max(begin, start)
            if end > begin:
                spans.append((begin, end))
        spans.sort()
        merged: list[tuple[datetime, datetime]] = []
        for begin, end in spans:
            if merged and begin <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(merged[-1][1], end))
            else:
                merged.append((begin, end))
        return merged

    def is_paused(self, now: datetime) -> bool:
        """Whether ``now`` falls inside a pause (the clock is stopped)."""
        moment = ensure_aware(now, "now")
        return any(begin <= moment < end for begin, end in self._merged_pauses())

    def due_at(self) -> datetime | None:
        """Return the due instant in UTC, or None while an open pause stops the clock."""
        start = ensure_aware(self.started_at, "started_at")
        if self.target == _ZERO:
            return start
        pauses = self._merged_pauses()
        left, index = self.target, 0
        for opening, closing in self.calendar.business_intervals(start):
            cursor = opening
            while cursor < closing:
                while index < len(pauses) and pauses[index][1] <= cursor:
                    index += 1
                if index < len(pauses) and pauses[index][0] <= cursor:
                    if pauses[index][1] == _FOREVER:
                        return None
                    cursor = pauses[index][1]
                    continue
                piece_end = min(closing, pauses[index][0]) if index < len(pauses) else closing
                if left <= piece_end - cursor:
                    return cursor + left
                left -= piece_end - cursor
                cursor = piece_end
        raise AssertionError("unreachable: business_intervals is infinite")  # pragma: no cover

    def elapsed(self, now: datetime) -> timedelta:
        """Return the business time counted from the start to ``now``, pauses excluded."""
        start, moment = ensure_aware(self.started_at, "started_at"), ensure_aware(now, "now")
        if moment <= start:
            return _ZERO
        total = self.calendar.business_time_between(start, moment)
        for begin, end in self._merged_pauses():
            if begin >= moment:
                break
            total -= self.calendar.business_time_between(begin, min(end, moment))
        return total

    def remaining(self, now: datetime) -> timedelta:
        """Return the target minus the elapsed business time (negative past the target)."""
        return self.target - self.elapsed(now)

    def is_overdue(self, now: datetime) -> bool:
        """Whether ``now`` is strictly after the due instant."""
        moment = ensure_aware(now, "now")
        due = self.due_at()
        return due is not None and moment > due

    def state(self, now: datetime, warn_before: timedelta) -> SlaState:
        """Return ``"breached"``, ``"paused"``, ``"warning"`` or ``"ok"`` at ``now``."""
        if self.is_overdue(now):
            return "breached"
        if self.is_paused(now):
            return "paused"
        if self.remaining(now) <= warn_before:
            return "warning"
        return "ok"
