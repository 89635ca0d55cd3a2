"""SLA clocks: due times, pauses, states, and property tests of the arithmetic."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from medinfo.sla.calendar import BusinessCalendar
from medinfo.sla.clock import SlaClock
from tests.sla_calendars import (
    IN_GAP,
    NEW_YORK,
    NIGHT,
    PARIS,
    H,
    paris,
    utc,
)

# -- SLA clock -------------------------------------------------------------------------------

MONDAY_9 = paris(2026, 5, 11, 9)


def clock(target: timedelta = 8 * H, *pauses: tuple[datetime, datetime | None]) -> SlaClock:
    """Return an SLA clock started Monday 11 May 2026 09:00 Paris on the PARIS calendar."""
    return SlaClock(started_at=MONDAY_9, target=target, calendar=PARIS, pauses=pauses)


@pytest.mark.parametrize(
    ("sla", "expected_due"),
    [
        pytest.param(clock(), paris(2026, 5, 11, 17), id="no-pause"),
        pytest.param(
            SlaClock(paris(2026, 5, 16, 10), 8 * H, PARIS), paris(2026, 5, 18, 17), id="saturday"
        ),
        pytest.param(
            SlaClock(paris(2026, 3, 27, 16), 8 * H, PARIS), utc(2026, 3, 30, 13), id="dst"
        ),
        pytest.param(
            clock(8 * H, (paris(2026, 5, 11, 10), paris(2026, 5, 11, 12))),
            paris(2026, 5, 12, 10),
            id="closed-pause",
        ),
        pytest.param(
            clock(8 * H, (paris(2026, 5, 11, 19), paris(2026, 5, 12, 8))),
            paris(2026, 5, 11, 17),
            id="pause-outside-hours",
        ),
        pytest.param(
            clock(9 * H, (paris(2026, 5, 11, 17), paris(2026, 5, 12, 10))),
            paris(2026, 5, 12, 11),
            id="pause-across-night",
        ),
        pytest.param(
            clock(
                8 * H,
                (paris(2026, 5, 11, 13), paris(2026, 5, 11, 13, 30)),
                (paris(2026, 5, 11, 10), paris(2026, 5, 11, 12)),
                (paris(2026, 5, 11, 11), paris(2026, 5, 11, 13)),
                (paris(2026, 5, 11, 11), paris(2026, 5, 11, 12)),
            ),
            paris(2026, 5, 12, 11, 30),
            id="overlapping-pauses-merged",
        ),
        pytest.param(
            clock(8 * H, (paris(2026, 5, 10, 12), paris(2026, 5, 11, 10))),
            paris(2026, 5, 11, 18),
            id="pause-before-start-clipped",
        ),
        pytest.param(
            clock(8 * H, (paris(2026, 5, 1, 12), paris(2026, 5, 2, 10))),
            paris(2026, 5, 11, 17),
            id="pause-entirely-before-start",
        ),
        pytest.param(
            clock(8 * H, (paris(2026, 5, 11, 12), paris(2026, 5, 12, 12))),
            paris(2026, 5, 12, 17),
            id="pause-over-a-day",
        ),
        pytest.param(
            clock(8 * H, (paris(2026, 5, 11, 12), None)), None, id="open-pause-stops-the-clock"
        ),
        pytest.param(
            clock(2 * H, (paris(2026, 5, 11, 14), None)),
            paris(2026, 5, 11, 11),
            id="open-pause-after-target",
        ),
        pytest.param(
            clock(3 * H, (paris(2026, 5, 11, 12), None)),
            paris(2026, 5, 11, 12),
            id="open-pause-at-target",
        ),
        pytest.param(
            clock(
                8 * H,
                (paris(2026, 5, 11, 12), None),
                (paris(2026, 5, 11, 14), paris(2026, 5, 11, 15)),
            ),
            None,
            id="open-pause-absorbs-later",
        ),
        pytest.param(clock(timedelta(0)), MONDAY_9, id="zero-target"),
    ],
)
def test_due_at(sla: SlaClock, expected_due: datetime | None) -> None:
    """The earliest instant with the target spent outside pauses; None while stopped."""
    due = sla.due_at()
    assert due == expected_due
    if due is not None:
        assert due.tzinfo is UTC
        assert sla.elapsed(due) == sla.target


@pytest.mark.parametrize(
    ("sla", "now", "elapsed", "state", "overdue"),
    [
        (clock(), paris(2026, 5, 11, 8), timedelta(0), "ok", False),  # before the start
        (clock(), paris(2026, 5, 11, 13), 4 * H, "ok", False),
        (clock(), paris(2026, 5, 11, 16), 7 * H, "warning", False),  # remaining == warn
        (clock(), paris(2026, 5, 11, 17), 8 * H, "warning", False),  # exactly due
        (clock(), paris(2026, 5, 11, 17, 0, 1), 8 * H + timedelta(seconds=1), "breached", True),
        (clock(), paris(2026, 5, 12, 10), 10 * H, "breached", True),
        (clock(9 * H), paris(2026, 5, 11, 20), 9 * H, "breached", True),  # due Mon 18:00
        (
            clock(8 * H, (paris(2026, 5, 11, 12), None)),
            paris(2026, 5, 13, 12),
            3 * H,
            "paused",
            False,
        ),
        (
            clock(8 * H, (paris(2026, 5, 11, 12), paris(2026, 5, 12, 12))),
            paris(2026, 5, 11, 15),
            3 * H,
            "paused",
            False,
        ),
        (
            clock(8 * H, (paris(2026, 5, 11, 12), paris(2026, 5, 12, 12))),
            paris(2026, 5, 12, 13),
            4 * H,
            "ok",
            False,
        ),
        (
            clock(2 * H, (paris(2026, 5, 11, 14), None)),
            paris(2026, 5, 11, 15),
            5 * H,
            "breached",
            True,
        ),
    ],
)
def test_clock_at_now(
    sla: SlaClock, now: datetime, elapsed: timedelta, state: str, overdue: bool
) -> None:
    """Elapsed, remaining, overdue and state at a given moment (warning one hour before)."""
    assert sla.elapsed(now) == elapsed
    assert sla.remaining(now) == sla.target - elapsed
    assert sla.is_overdue(now) is overdue
    assert sla.state(now, warn_before=H) == state


def test_clock_remaining_is_zero_when_due_at_close_and_overdue_over_weekend() -> None:
    """Due Friday 18:00: on Saturday nothing more has elapsed, yet the case is overdue."""
    sla = SlaClock(paris(2026, 5, 15, 9), 9 * H, PARIS)
    assert sla.due_at() == paris(2026, 5, 15, 18)
    assert sla.remaining(paris(2026, 5, 16, 12)) == timedelta(0)
    assert sla.is_overdue(paris(2026, 5, 16, 12))


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"target": -H}, "target"),
        ({"target": 8}, "target"),
        ({"calendar": "Europe/Paris"}, "calendar"),
        ({"pauses": ((paris(2026, 5, 11, 12), paris(2026, 5, 11, 11)),)}, r"pauses\[0\]"),
        ({"pauses": ((paris(2026, 5, 11, 12),),)}, r"pauses\[0\]"),
    ],
)
def test_clock_rejects_invalid_input(kwargs: dict[str, object], field: str) -> None:
    """Negative targets, reversed pauses and malformed pauses raise ValueError."""
    values: dict[str, object] = {"started_at": MONDAY_9, "target": H, "calendar": PARIS}
    values.update(kwargs)
    with pytest.raises(ValueError, match=f"^{field}"):
        SlaClock(**values)  # type: ignore[arg-type]


def test_clock_is_importable_from_calendar_module() -> None:
    """The API sketch names one module; SlaClock is re-exported lazily from it."""
    from medinfo.sla import calendar as calendar_module

    assert calendar_module.SlaClock is SlaClock


# -- properties (optional: hypothesis) -------------------------------------------------------

PROPERTY_CALENDARS = [PARIS, NEW_YORK, NIGHT, IN_GAP]


def _strategies() -> tuple[Any, ...]:
    """Return hypothesis, its strategies and the shared generators, or skip."""
    hypothesis = pytest.importorskip("hypothesis")
    st = hypothesis.strategies
    moments = st.datetimes(
        min_value=datetime(2025, 12, 1), max_value=datetime(2027, 2, 1), timezones=st.just(UTC)
    )
    durations = st.timedeltas(min_value=timedelta(0), max_value=timedelta(hours=2000))
    calendars = st.sampled_from(PROPERTY_CALENDARS)
    settings = hypothesis.settings(max_examples=150, deadline=None, database=None)
    return hypothesis, st, moments, durations, calendars, settings


def test_property_round_trip() -> None:
    """between(s, add(s, d)) == d; add(s, between(s, e)) <= e, == e when e follows business time."""
    hypothesis, _st, moments, durations, calendars, settings = _strategies()

    @settings
    @hypothesis.given(calendars, moments, durations, moments)
    def check(calendar: BusinessCalendar, start: datetime, duration: timedelta, end: datetime):
        due = calendar.add_business_time(start, duration)
        assert due >= start
        assert calendar.business_time_between(start, due) == duration
        if end >= start:
            back = calendar.add_business_time(start, calendar.business_time_between(start, end))
            assert back <= end
            tick = timedelta(microseconds=1)
            if end > start and calendar.business_time_between(end - tick, end) == tick:
                assert back == end

    check()


def test_property_monotonic_and_additive() -> None:
    """add is monotonic in start and duration; between is additive and antisymmetric."""
    hypothesis, _st, moments, durations, calendars, settings = _strategies()

    @settings
    @hypothesis.given(calendars, moments, moments, moments, durations, durations)
    def check(
        calendar: BusinessCalendar,
        a: datetime,
        b: datetime,
        c: datetime,
        d1: timedelta,
        d2: timedelta,
    ) -> None:
        first, second = sorted((a, b))
        low, high = sorted((d1, d2))
        assert calendar.add_business_time(first, low) <= calendar.add_business_time(first, high)
        assert calendar.add_business_time(first, low) <= calendar.add_business_time(second, low)
        between = calendar.business_time_between
        assert between(a, b) + between(b, c) == between(a, c)
        assert between(a, b) == -between(b, a)

    check()


def test_property_clock_due_matches_elapsed() -> None:
    """With closed pauses, elapsed(due_at()) == target and elapsed never exceeds plain time."""
    hypothesis, st, moments, durations, calendars, settings = _strategies()
    pause = st.tuples(moments, st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)))

    @settings
    @hypothesis.given(calendars, moments, durations, st.lists(pause, max_size=4), moments)
    def check(
        calendar: BusinessCalendar,
        start: datetime,
        target: timedelta,
        raw_pauses: list[tuple[datetime, timedelta]],
        now: datetime,
    ) -> None:
        pauses = tuple((begin, begin + length) for begin, length in raw_pauses)
        sla = SlaClock(start, target, calendar, pauses)
        due = sla.due_at()
        assert due is not None
        assert sla.elapsed(due) == target
        assert not sla.is_overdue(due)
        assert (
            timedelta(0)
            <= sla.elapsed(now)
            <= max(calendar.business_time_between(start, now), timedelta(0))
        )

    check()
