"""Business calendars: working hours, holidays and business-time arithmetic across DST.

Pure Python (``zoneinfo``), no Flask, no database.

Definitions
-----------
Business window of a local date ``d``
    When ``d`` is a working day and not a holiday, the real interval
    ``[opens, closes)`` of that date in the calendar's time zone. Each boundary is the
    *first real instant at which the local clock shows that wall time or later*: an
    ambiguous wall time (autumn fall-back) means its first occurrence; a wall time that
    does not exist (spring-forward gap) means the instant the clocks jump. Business time
    is real elapsed time inside windows, so a 01:00-05:00 window lasts 3 h on the
    spring-forward day and 5 h on the fall-back day, and closing on a DST-change day is
    the real local closing time.
Business time
    ``opens`` is inside, ``closes`` is outside (half-open windows). A moment outside a
    window starts counting at the next opening.
``add_business_time(start, d)``
    The earliest instant ``t >= start`` with ``business_time_between(start, t) == d``: a
    duration that ends exactly at closing time is due at closing time, not at the next
    opening. ``d == 0`` returns ``start``. Round trip: ``business_time_between(start,
    add_business_time(start, d)) == d`` always; for ``end >= start``,
    ``add_business_time(start, business_time_between(start, end)) <= end``, with equality
    when business time runs just before ``end`` (inside a window after its opening, or at
    its closing); an opening instant maps back to the previous closing.
Business date of a moment
    Its local date when that date is a business day and the moment is before its closing
    time (before opening counts as that day); otherwise the first business day after
    its local date.
``close_of_business_day(at, n)``
    Closing instant of the ``n``-th business day after the business date of ``at``.
Pharmacovigilance transfer due (:func:`pv_transfer_due`)
    Company policy: a safety report must reach PV by the close of business of the N-th
    business day after day 0 (the moment the company received the information), with
    N = 1 normally and N = 0 for same-day cases (fatal, serious, pregnancy). Day 0 on a
    non-business day or at/after closing time moves to the next business date first.
    So a same-day case received Saturday is due Monday at close, a normal case received
    Saturday is due Tuesday at close, and a normal case received Friday 10:00 is due
    Monday at close.

All public methods take timezone-aware datetimes (naive ones raise ``ValueError``) and
return datetimes in UTC.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

__all__ = ["BusinessCalendar", "ensure_aware", "pv_transfer_due"]

_ONE_DAY = timedelta(days=1)
_ZERO = timedelta(0)
_DICT_FIELDS = ("timezone", "working_days", "opens", "closes", "holidays")


def ensure_aware(value: datetime, name: str) -> datetime:
    """Return ``value`` converted to UTC; raise ValueError if it is not an aware datetime."""
    if not isinstance(value, datetime):
        raise ValueError(f"{name}: expected a datetime, got {type(value).__name__}")
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"{name}: naive datetime {value.isoformat()} (a time zone is required)")
    return value.astimezone(UTC)


def _load_zone(name: object) -> ZoneInfo:
    """Return the ZoneInfo for an IANA name, or raise ValueError naming the field."""
    if not isinstance(name, str) or not name:
        raise ValueError(f"timezone: expected an IANA time-zone name, got {name!r}")
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError, OSError) as exc:
        raise ValueError(f"timezone: unknown IANA time zone {name!r}") from exc


def _first_instant_at_or_after(day: date, wall: time, zone: ZoneInfo) -> datetime:
    """Return the first real instant (UTC) at which the local clock shows ``day wall`` or later."""
    naive = datetime.combine(day, wall)
    earlier = naive.replace(tzinfo=zone, fold=0).astimezone(UTC)
    if earlier.astimezone(zone).replace(tzinfo=None) == naive:
        return earlier  # exists; fold=0 is the first occurrence when ambiguous
    # The wall time falls in a gap: find the transition (tzdata transitions are whole seconds).
    other = naive.replace(tzinfo=zone, fold=1).astimezone(UTC)
    low, high = min(earlier, other), max(earlier, other)
    offset_after = high.astimezone(zone).utcoffset()
    lo_s, hi_s = int(low.timestamp()), int(high.timestamp())
    while hi_s - lo_s > 1:
        mid = (lo_s + hi_s) // 2
        if datetime.fromtimestamp(mid, zone).utcoffset() == offset_after:
            hi_s = mid
        else:
            lo_s = mid
    return datetime.fromtimestamp(hi_s, UTC)


def _parse_time(value: object, name: str) -> time:
    """Return a naive ``time`` from a ``time`` or an ISO ``HH:MM[:SS]`` string."""
    if isinstance(value, str):
        try:
            value = time.fromisoformat(value)
        except ValueError as exc:
            raise ValueError(f"{name}: expected HH:MM, got {value!r}") from exc
    if not isinstance(value, time):
        raise ValueError(f"{name}: expected a time or HH:MM string, got {value!r}")
    if value.tzinfo is not None:
        raise ValueError(f"{name}: must be a local wall time without tzinfo")
    return value


def _parse_working_days(value: object) -> frozenset[int]:
    """Return validated weekday numbers (Monday=0 .. Sunday=6)."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValueError(f"working_days: expected a list of weekday numbers, got {value!r}")
    days = list(value)
    for day in days:
        if isinstance(day, bool) or not isinstance(day, int) or not 0 <= day <= 6:
            raise ValueError(f"working_days: {day!r} is not a weekday number 0 (Mon) to 6 (Sun)")
    if not days:
        raise ValueError("working_days: at least one working day is required")
    return frozenset(days)


def _parse_holidays(value: object) -> frozenset[date]:
    """Return validated holiday dates from dates or ISO ``YYYY-MM-DD`` strings."""
    if isinstance(value, str | bytes) or not isinstance(value, Iterable):
        raise ValueError(f"holidays: expected a list of dates, got {value!r}")
    result = set()
    for item in value:
        if isinstance(item, str):
            try:
                item = date.fromisoformat(item)
            except ValueError as exc:
                raise ValueError(f"holidays: {item!r} is not a YYYY-MM-DD date") from exc
        if isinstance(item, datetime) or not isinstance(item, date):
            raise ValueError(f"holidays: {item!r} is not a date")
        result.add(item)
    return frozenset(result)


@dataclass(frozen=True)
class BusinessCalendar:
    """Working days, opening hours and holidays in one IANA time zone."""

    timezone: str = "Europe/Paris"
    working_days: frozenset[int] = frozenset({0, 1, 2, 3, 4})
    opens: time = time(9, 0)
    closes: time = time(18, 0)
    holidays: frozenset[date] = frozenset()

    def __post_init__(self) -> None:
        """Validate every field and normalise collections to frozensets."""
        _load_zone(self.timezone)
        object.__setattr__(self, "working_days", _parse_working_days(self.working_days))
        opens = _parse_time(self.opens, "opens")
        closes = _parse_time(self.closes, "closes")
        if closes <= opens:
            raise ValueError(
                f"closes: must be later than opens ({closes.isoformat()} <= {opens.isoformat()})"
            )
        object.__setattr__(self, "holidays", _parse_holidays(self.holidays))

    # -- serialisation -------------------------------------------------------------------

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BusinessCalendar:
        """Build a calendar from its JSON form; missing keys take the defaults."""
        if not isinstance(data, Mapping):
            raise ValueError(f"calendar: expected an object, got {type(data).__name__}")
        unknown = sorted(set(data) - set(_DICT_FIELDS))
        if unknown:
            raise ValueError(f"{unknown[0]}: unknown calendar field")
        kwargs: dict[str, Any] = {}
        if "timezone" in data:
            kwargs["timezone"] = data["timezone"]
        if "working_days" in data:
            kwargs["working_days"] = _parse_working_days(data["working_days"])
        for name in ("opens", "closes"):
            if name in data:
                kwargs[name] = _parse_time(data[name], name)
        if "holidays" in data:
            kwargs["holidays"] = _parse_holidays(data["holidays"])
        return cls(**kwargs)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form read by :meth:`from_dict` (sorted lists, ISO strings)."""
        return {
            "timezone": self.timezone,
            "working_days": sorted(self.working_days),
            "opens": _format_time(self.opens),
            "closes": _format_time(self.closes),
            "holidays": [d.isoformat() for d in sorted(self.holidays)],
        }

    # -- days and windows ----------------------------------------------------------------

    @property
    def zone(self) -> ZoneInfo:
        """The calendar's time zone."""
        return ZoneInfo(self.timezone)

    def is_business_day(self, d: date) -> bool:
        """Whether ``d`` is a working weekday and not a holiday."""
        return d.weekday() in self.working_days and d not in self.holidays

    def business_window(self, d: date) -> tuple[datetime, datetime] | None:
        """Return the real (UTC) opening and closing instants of ``d``, or None if closed."""
        if not self.is_business_day(d):
            return None
        zone = self.zone
        opening = _first_instant_at_or_after(d, self.opens, zone)
        closing = _first_instant_at_or_after(d, self.closes, zone)
        return (opening, closing) if closing > opening else None

    def business_date(self, at: datetime) -> date:
        """Return the business date of ``at`` (see the module docstring)."""
        moment = ensure_aware(at, "at")
        day = moment.astimezone(self.zone).date()
        window = self.business_window(day)
        if window is not None and moment < window[1]:
            return day
        return self._next_business_day(day)

    def _next_business_day(self, day: date) -> date:
        """Return the first business day strictly after ``day``."""
        day += _ONE_DAY
        while self.business_window(day) is None:
            day += _ONE_DAY
        return day

    def business_intervals(self, start: datetime) -> Iterator[tuple[datetime, datetime]]:
        """Yield the business windows from ``start`` on, in order, the first one clipped."""
        moment = ensure_aware(start, "start")
        day = moment.astimezone(self.zone).date()
        while True:
            window = self.business_window(day)
            if window is not None and window[1] > moment:
                yield max(window[0], moment), window[1]
            day += _ONE_DAY

    # -- arithmetic ----------------------------------------------------------------------

    def is_business_time(self, at: datetime) -> bool:
        """Whether ``at`` lies inside a business window (opening inclusive, closing not)."""
        moment = ensure_aware(at, "at")
        window = self.business_window(moment.astimezone(self.zone).date())
        return window is not None and window[0] <= moment < window[1]

    def next_business_moment(self, at: datetime) -> datetime:
        """Return ``at`` (in UTC) when inside business time, else the next opening."""
        return next(self.business_intervals(at))[0]

    def add_business_time(self, start: datetime, duration: timedelta) -> datetime:
        """Return the earliest instant after ``start`` with ``duration`` of business time."""
        moment = ensure_aware(start, "start")
        if duration < _ZERO:
            raise ValueError("duration: must not be negative")
        if duration == _ZERO:
            return moment
        left = duration
        for opening, closing in self.business_intervals(moment):
            if left <= closing - opening:
                return opening + left
            left -= closing - opening
        raise AssertionError("unreachable: business_intervals is infinite")  # pragma: no cover

    def business_time_between(self, start: datetime, end: datetime) -> timedelta:
        """Return the business time from ``start`` to ``end`` (negative if ``end < start``)."""
        begin, finish = ensure_aware(start, "start"), ensure_aware(end, "end")
        if finish < begin:
            return -self.business_time_between(finish, begin)
        total = _ZERO
        for opening, closing in self.business_intervals(begin):
            if opening >= finish:
                break
            total += min(closing, finish) - opening
        return total

    def close_of_business_day(self, at: datetime, business_days_after: int) -> datetime:
        """Return the closing instant of the N-th business day after ``at``'s business date."""
        if isinstance(business_days_after, bool) or not isinstance(business_days_after, int):
            raise ValueError("business_days_after: expected an integer")
        if business_days_after < 0:
            raise ValueError("business_days_after: must not be negative")
        day = self.business_date(at)
        for _ in range(business_days_after):
            day = self._next_business_day(day)
        window = self.business_window(day)
        if window is None:  # pragma: no cover - business_date only returns open days
            raise RuntimeError(f"no business window on {day.isoformat()}")
        return window[1]


def _format_time(value: time) -> str:
    """Return ``HH:MM`` for whole minutes, the full ISO form otherwise."""
    whole_minute = value.second == 0 and value.microsecond == 0
    return value.isoformat(timespec="minutes" if whole_minute else "auto")


def pv_transfer_due(day0: datetime, calendar: BusinessCalendar, *, same_day: bool) -> datetime:
    """Return when a safety report received at ``day0`` must reach pharmacovigilance."""
    return calendar.close_of_business_day(day0, 0 if same_day else 1)


def __getattr__(name: str) -> Any:
    """Re-export :class:`medinfo.sla.clock.SlaClock` lazily (the clock imports this module)."""
    if name == "SlaClock":
        from medinfo.sla.clock import SlaClock  # lazy: clock imports this module

        return SlaClock
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
