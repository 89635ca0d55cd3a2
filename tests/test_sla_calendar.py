"""Business-calendar arithmetic: tables of hard cases, DST, holidays, PV deadlines."""

from __future__ import annotations

import time as wallclock
from datetime import UTC, date, datetime, timedelta

import pytest

from medinfo.sla.calendar import BusinessCalendar, pv_transfer_due
from tests.sla_calendars import (
    APIA,
    APIA_TZ,
    EVERY_DAY,
    IN_GAP,
    MIN,
    NEW_YORK,
    NIGHT,
    NY_NIGHT,
    PARIS,
    PLAIN,
    H,
    ny,
    paris,
    utc,
)

# -- days and business time ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "at", "expected"),
    [
        (PARIS, paris(2026, 5, 11, 9), True),  # Monday, exactly at opening
        (PARIS, paris(2026, 5, 11, 8, 59, 59, 999999), False),
        (PARIS, paris(2026, 5, 11, 17, 59, 59, 999999), True),
        (PARIS, paris(2026, 5, 11, 18), False),  # closing is outside
        (PARIS, paris(2026, 5, 16, 12), False),  # Saturday
        (PARIS, paris(2026, 5, 14, 12), False),  # Ascension
        (PARIS, utc(2026, 5, 11, 7), True),  # 09:00 CEST given in UTC
        (PARIS, utc(2026, 5, 11, 16), False),  # 18:00 CEST given in UTC
        (PARIS, ny(2026, 5, 11, 11), True),  # 17:00 CEST given in New York time
        (IN_GAP, utc(2026, 3, 29, 1), True),  # 02:30 does not exist: opens as clocks jump
        (IN_GAP, utc(2026, 3, 29, 0, 59, 59), False),
        (IN_GAP, utc(2026, 10, 25, 0, 30), True),  # first 02:30 (CEST)
        (IN_GAP, utc(2026, 10, 25, 1, 10), True),  # 02:10 CET, after the first 02:30
        (IN_GAP, utc(2026, 10, 25, 0, 29), False),
    ],
)
def test_is_business_time(calendar: BusinessCalendar, at: datetime, expected: bool) -> None:
    """Opening is inside, closing outside, weekends and holidays closed, any input zone."""
    assert calendar.is_business_time(at) is expected


@pytest.mark.parametrize(
    ("day", "expected"),
    [(date(2026, 5, 11), True), (date(2026, 5, 14), False), (date(2026, 5, 17), False)],
)
def test_is_business_day(day: date, expected: bool) -> None:
    """Working weekdays that are not holidays."""
    assert PARIS.is_business_day(day) is expected


@pytest.mark.parametrize(
    ("at", "expected"),
    [
        (paris(2026, 5, 11, 10, 30), paris(2026, 5, 11, 10, 30)),  # inside: itself
        (paris(2026, 5, 11, 9), paris(2026, 5, 11, 9)),
        (paris(2026, 5, 11, 6), paris(2026, 5, 11, 9)),
        (paris(2026, 5, 11, 18), paris(2026, 5, 12, 9)),
        (paris(2026, 5, 13, 20), paris(2026, 5, 15, 9)),  # Thursday is a holiday
        (paris(2026, 5, 15, 18), paris(2026, 5, 18, 9)),  # Friday close -> Monday
        (paris(2026, 5, 16, 11), paris(2026, 5, 18, 9)),
        (paris(2026, 3, 27, 19), utc(2026, 3, 30, 7)),  # Monday after spring-forward: CEST
        (paris(2026, 10, 23, 19), utc(2026, 10, 26, 8)),  # Monday after fall-back: CET
    ],
)
def test_next_business_moment(at: datetime, expected: datetime) -> None:
    """The moment itself inside hours, otherwise the next opening, in UTC."""
    result = PARIS.next_business_moment(at)
    assert result == expected
    assert result.tzinfo is UTC


# -- add_business_time -----------------------------------------------------------------------

ADD_CASES = [
    # weekday within hours
    pytest.param(PARIS, paris(2026, 5, 11, 9), 2 * H, paris(2026, 5, 11, 11), id="within-hours"),
    pytest.param(PARIS, paris(2026, 5, 11, 11), 8 * H, paris(2026, 5, 12, 10), id="next-day"),
    pytest.param(PARIS, paris(2026, 5, 11, 10), 8 * H, paris(2026, 5, 11, 18), id="ends-at-close"),
    pytest.param(PARIS, paris(2026, 5, 11, 9), 9 * H, paris(2026, 5, 11, 18), id="full-day"),
    pytest.param(
        PARIS,
        paris(2026, 5, 11, 9),
        9 * H + timedelta(microseconds=1),
        paris(2026, 5, 12, 9, 0, 0, 1),
        id="one-microsecond-past-close",
    ),
    pytest.param(PARIS, paris(2026, 5, 11, 7), 2 * H, paris(2026, 5, 11, 11), id="before-opening"),
    pytest.param(PARIS, paris(2026, 5, 11, 20), 2 * H, paris(2026, 5, 12, 11), id="after-closing"),
    pytest.param(PARIS, paris(2026, 5, 11, 18), H, paris(2026, 5, 12, 10), id="exactly-at-close"),
    pytest.param(PARIS, paris(2026, 5, 12, 17), 2 * H, paris(2026, 5, 13, 10), id="tuesday-late"),
    pytest.param(PARIS, paris(2026, 5, 15, 17), 2 * H, paris(2026, 5, 18, 10), id="friday-late"),
    pytest.param(PARIS, paris(2026, 5, 15, 20), 2 * H, paris(2026, 5, 18, 11), id="friday-night"),
    pytest.param(PARIS, paris(2026, 5, 16, 12), 2 * H, paris(2026, 5, 18, 11), id="saturday"),
    pytest.param(PARIS, paris(2026, 5, 13, 17), 2 * H, paris(2026, 5, 15, 10), id="holiday"),
    pytest.param(PARIS, paris(2026, 5, 14, 10), H, paris(2026, 5, 15, 10), id="on-holiday"),
    pytest.param(
        PARIS, paris(2026, 12, 23, 17), 2 * H, paris(2026, 12, 28, 10), id="christmas-weekend"
    ),
    pytest.param(
        PARIS, paris(2026, 12, 31, 17), 2 * H, paris(2027, 1, 4, 10), id="new-year-weekend"
    ),
    pytest.param(PARIS, paris(2026, 5, 11, 10), timedelta(0), paris(2026, 5, 11, 10), id="zero"),
    pytest.param(
        PARIS, paris(2026, 5, 16, 10), timedelta(0), paris(2026, 5, 16, 10), id="zero-sat"
    ),
    # several weeks: 2 weeks exactly, then 400 h with and without Bastille Day
    pytest.param(PLAIN, paris(2026, 6, 1, 9), 90 * H, paris(2026, 6, 12, 18), id="two-weeks"),
    pytest.param(PLAIN, paris(2026, 6, 1, 9), 400 * H, paris(2026, 7, 31, 13), id="400h"),
    pytest.param(PARIS, paris(2026, 6, 1, 9), 400 * H, paris(2026, 8, 3, 13), id="400h-holiday"),
    # DST: the Monday after the change opens and closes at the new offset
    pytest.param(PARIS, paris(2026, 3, 27, 17), 2 * H, utc(2026, 3, 30, 8), id="paris-spring"),
    pytest.param(PARIS, paris(2026, 10, 23, 17), 2 * H, utc(2026, 10, 26, 9), id="paris-fall"),
    pytest.param(NEW_YORK, ny(2026, 3, 6, 17), 2 * H, utc(2026, 3, 9, 14), id="ny-spring"),
    pytest.param(NEW_YORK, ny(2026, 10, 30, 17), 2 * H, utc(2026, 11, 2, 15), id="ny-fall"),
    pytest.param(NEW_YORK, ny(2026, 3, 6, 9), 18 * H, utc(2026, 3, 9, 22), id="ny-close-edt"),
    # DST: working on the change day itself
    pytest.param(EVERY_DAY, paris(2026, 3, 28, 17), 2 * H, utc(2026, 3, 29, 8), id="sunday-dst"),
    pytest.param(EVERY_DAY, paris(2026, 3, 29, 9), 9 * H, utc(2026, 3, 29, 16), id="dst-close"),
    pytest.param(EVERY_DAY, paris(2026, 10, 25, 9), 9 * H, utc(2026, 10, 25, 17), id="fb-close"),
    pytest.param(NIGHT, utc(2026, 3, 29, 0), 3 * H, utc(2026, 3, 29, 3), id="night-spring-3h"),
    pytest.param(NIGHT, utc(2026, 3, 29, 0), 3 * H + MIN, utc(2026, 3, 29, 23, 1), id="night-spr"),
    pytest.param(NIGHT, utc(2026, 10, 24, 23), 5 * H, utc(2026, 10, 25, 4), id="night-fall-5h"),
    pytest.param(NY_NIGHT, ny(2026, 3, 8, 1), 3 * H, utc(2026, 3, 8, 9), id="ny-night-spring"),
    pytest.param(NY_NIGHT, ny(2026, 11, 1, 1), 5 * H, utc(2026, 11, 1, 10), id="ny-night-fall"),
    pytest.param(IN_GAP, paris(2026, 3, 28, 23), H, utc(2026, 3, 29, 2), id="opens-in-gap"),
    pytest.param(
        APIA,
        datetime(2011, 12, 29, 17, tzinfo=APIA_TZ),
        2 * H,
        datetime(2011, 12, 31, 10, tzinfo=APIA_TZ),
        id="skipped-date",
    ),
]


@pytest.mark.parametrize(("calendar", "start", "duration", "expected"), ADD_CASES)
def test_add_business_time(
    calendar: BusinessCalendar, start: datetime, duration: timedelta, expected: datetime
) -> None:
    """Durations count only inside windows, skip weekends and holidays, and follow DST."""
    result = calendar.add_business_time(start, duration)
    assert result == expected
    assert result.tzinfo is UTC


def test_add_business_time_rejects_negative_duration() -> None:
    """A negative duration is a caller error."""
    with pytest.raises(ValueError, match="^duration:"):
        PARIS.add_business_time(paris(2026, 5, 11, 10), -H)


def test_add_business_time_is_fast_for_long_durations() -> None:
    """Ten years of business hours loop by day, not by minute."""
    begun = wallclock.perf_counter()
    result = PARIS.add_business_time(paris(2026, 1, 5, 9), 10 * 250 * 9 * H)
    assert wallclock.perf_counter() - begun < 5
    assert datetime(2035, 6, 1, tzinfo=UTC) < result < datetime(2036, 12, 31, tzinfo=UTC)


# -- business_time_between -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("calendar", "start", "end", "expected"),
    [
        (PARIS, paris(2026, 5, 11, 9), paris(2026, 5, 11, 18), 9 * H),
        (PARIS, paris(2026, 5, 11, 7), paris(2026, 5, 11, 20), 9 * H),
        (PARIS, paris(2026, 5, 11, 10), paris(2026, 5, 11, 10), timedelta(0)),
        (PARIS, paris(2026, 5, 15, 17), paris(2026, 5, 18, 10), 2 * H),
        (PARIS, paris(2026, 5, 16, 0), paris(2026, 5, 17, 23), timedelta(0)),
        (PARIS, paris(2026, 5, 18, 10), paris(2026, 5, 15, 17), -2 * H),  # reversed
        (PARIS, paris(2026, 5, 11, 0), paris(2026, 5, 18, 0), 36 * H),  # Ascension week
        (PARIS, paris(2026, 12, 21, 0), paris(2027, 1, 4, 0), 7 * 9 * H),  # 2 weeks, 3 holidays
        (PLAIN, paris(2026, 3, 23, 0), paris(2026, 3, 30, 0), 45 * H),  # week of spring DST
        (EVERY_DAY, paris(2026, 3, 29, 0), paris(2026, 3, 30, 0), 9 * H),
        (NIGHT, paris(2026, 3, 29, 0), paris(2026, 3, 30, 0), 3 * H),  # 02:00-03:00 missing
        (NIGHT, paris(2026, 10, 25, 0), paris(2026, 10, 26, 0), 5 * H),  # 02:00-03:00 twice
        (NY_NIGHT, ny(2026, 3, 8, 0), ny(2026, 3, 9, 0), 3 * H),
        (NY_NIGHT, ny(2026, 11, 1, 0), ny(2026, 11, 2, 0), 5 * H),
        (IN_GAP, paris(2026, 3, 29, 0), paris(2026, 3, 30, 0), 2 * H),  # 03:00-05:00 CEST
        (IN_GAP, paris(2026, 10, 25, 0), paris(2026, 10, 26, 0), 3 * H + 30 * MIN),
        (NEW_YORK, ny(2026, 3, 6, 17), paris(2026, 3, 9, 15), 2 * H),  # mixed input zones
        (
            APIA,
            datetime(2011, 12, 29, tzinfo=APIA_TZ),
            datetime(2011, 12, 31, 23, tzinfo=APIA_TZ),
            18 * H,
        ),  # a local date that never happened has no window
    ],
)
def test_business_time_between(
    calendar: BusinessCalendar, start: datetime, end: datetime, expected: timedelta
) -> None:
    """Real elapsed time inside windows; negative when the end comes first."""
    assert calendar.business_time_between(start, end) == expected


ROUND_TRIP_STARTS = [
    paris(2026, 5, 11, 10, 17),
    paris(2026, 5, 16, 3),
    paris(2026, 3, 27, 17, 59, 59),
    paris(2026, 10, 23, 8),
    paris(2026, 12, 23, 12),
]
ROUND_TRIP_DURATIONS = [timedelta(0), MIN, 9 * H, 9 * H + MIN, 31 * H + 7 * MIN, 400 * H]


@pytest.mark.parametrize("start", ROUND_TRIP_STARTS)
@pytest.mark.parametrize("duration", ROUND_TRIP_DURATIONS)
@pytest.mark.parametrize("calendar", [PARIS, NEW_YORK, NIGHT])
def test_round_trip_add_then_between(
    calendar: BusinessCalendar, start: datetime, duration: timedelta
) -> None:
    """between(start, add(start, d)) == d, and add inverts between on business moments."""
    due = calendar.add_business_time(start, duration)
    assert calendar.business_time_between(start, due) == duration
    assert calendar.business_time_between(due, start) == -duration
    if duration:
        assert calendar.add_business_time(start, calendar.business_time_between(start, due)) == due


# -- close of business and PV transfer deadlines ---------------------------------------------

PV_CASES = [
    # normal cases (one business day after day 0), week of Ascension (Thu 14 May)
    (paris(2026, 5, 11, 10), False, paris(2026, 5, 12, 18)),  # Mon -> Tue
    (paris(2026, 5, 12, 10), False, paris(2026, 5, 13, 18)),  # Tue -> Wed
    (paris(2026, 5, 13, 10), False, paris(2026, 5, 15, 18)),  # Wed -> Fri (Thu holiday)
    (paris(2026, 5, 14, 10), False, paris(2026, 5, 18, 18)),  # holiday -> Fri is day 0 -> Mon
    (paris(2026, 5, 15, 10), False, paris(2026, 5, 18, 18)),  # Fri -> Mon
    (paris(2026, 5, 16, 10), False, paris(2026, 5, 19, 18)),  # Sat -> Tue
    (paris(2026, 5, 17, 23, 59), False, paris(2026, 5, 19, 18)),  # Sun -> Tue
    (paris(2026, 5, 11, 0), False, paris(2026, 5, 12, 18)),  # before opening: same date
    (paris(2026, 5, 11, 17, 59, 59), False, paris(2026, 5, 12, 18)),
    (paris(2026, 5, 11, 18), False, paris(2026, 5, 13, 18)),  # at closing: after hours
    (paris(2026, 5, 11, 19), False, paris(2026, 5, 13, 18)),
    (utc(2026, 5, 11, 16, 30), False, paris(2026, 5, 13, 18)),  # 18:30 CEST given in UTC
    (paris(2026, 12, 23, 10), False, paris(2026, 12, 28, 18)),  # Christmas + weekend
    (paris(2026, 3, 27, 10), False, utc(2026, 3, 30, 16)),  # closes 18:00 CEST after DST
    (paris(2026, 10, 23, 10), False, utc(2026, 10, 26, 17)),  # closes 18:00 CET after DST
    # same-day cases (fatal, serious, pregnancy)
    (paris(2026, 5, 11, 10), True, paris(2026, 5, 11, 18)),
    (paris(2026, 5, 11, 7), True, paris(2026, 5, 11, 18)),
    (paris(2026, 5, 11, 19), True, paris(2026, 5, 12, 18)),
    (paris(2026, 5, 13, 19), True, paris(2026, 5, 15, 18)),  # Wed evening -> Fri
    (paris(2026, 5, 14, 10), True, paris(2026, 5, 15, 18)),  # holiday -> Fri
    (paris(2026, 5, 15, 18, 30), True, paris(2026, 5, 18, 18)),  # Fri evening -> Mon
    (paris(2026, 5, 16, 10), True, paris(2026, 5, 18, 18)),  # Sat -> Mon
    (paris(2026, 5, 17, 23, 59), True, paris(2026, 5, 18, 18)),  # Sun -> Mon
]


@pytest.mark.parametrize(("day0", "same_day", "expected"), PV_CASES)
def test_pv_transfer_due(day0: datetime, same_day: bool, expected: datetime) -> None:
    """Close of business of the N-th business day after day 0's business date."""
    result = pv_transfer_due(day0, PARIS, same_day=same_day)
    assert result == expected
    assert result.tzinfo is UTC


@pytest.mark.parametrize(
    ("day0", "same_day", "expected"),
    [
        (ny(2026, 3, 6, 10), False, utc(2026, 3, 9, 22)),  # Fri EST -> Mon 18:00 EDT
        (ny(2026, 10, 30, 10), False, utc(2026, 11, 2, 23)),  # Fri EDT -> Mon 18:00 EST
        (ny(2026, 3, 7, 10), True, utc(2026, 3, 9, 22)),  # Sat -> Mon
        (paris(2026, 5, 12, 0, 30), True, utc(2026, 5, 12, 22)),  # Mon 18:30 in New York
    ],
)
def test_pv_transfer_due_new_york(day0: datetime, same_day: bool, expected: datetime) -> None:
    """Day 0 is read in the calendar's zone, whatever zone it is given in."""
    assert pv_transfer_due(day0, NEW_YORK, same_day=same_day) == expected


@pytest.mark.parametrize(
    ("at", "days_after", "expected"),
    [
        (paris(2026, 5, 11, 10), 0, paris(2026, 5, 11, 18)),
        (paris(2026, 5, 11, 10), 2, paris(2026, 5, 13, 18)),
        (paris(2026, 5, 11, 10), 5, paris(2026, 5, 19, 18)),  # skips Ascension and weekend
        (paris(2026, 5, 22, 20), 1, paris(2026, 5, 27, 18)),  # Fri night, Whit Monday
        (paris(2026, 3, 29, 12), 0, utc(2026, 3, 30, 16)),
    ],
)
def test_close_of_business_day(at: datetime, days_after: int, expected: datetime) -> None:
    """N business days after the business date, at closing time."""
    assert PARIS.close_of_business_day(at, days_after) == expected


@pytest.mark.parametrize("days_after", [-1, 1.0, True])
def test_close_of_business_day_rejects_bad_count(days_after: object) -> None:
    """The day count is a non-negative integer."""
    with pytest.raises(ValueError, match="^business_days_after:"):
        PARIS.close_of_business_day(paris(2026, 5, 11, 10), days_after)  # type: ignore[arg-type]


def test_dst_change_day_closes_at_real_local_time() -> None:
    """On the change day itself, 18:00 local is 16:00 UTC (spring) and 17:00 UTC (autumn)."""
    assert EVERY_DAY.close_of_business_day(paris(2026, 3, 29, 10), 0) == utc(2026, 3, 29, 16)
    assert EVERY_DAY.close_of_business_day(paris(2026, 10, 25, 10), 0) == utc(2026, 10, 25, 17)
    assert EVERY_DAY.close_of_business_day(utc(2026, 3, 29, 0, 30), 0) == utc(2026, 3, 29, 16)
