"""Business calendars: construction, JSON form, validation and naive-datetime refusal."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time

import pytest

from medinfo.sla.calendar import BusinessCalendar, pv_transfer_due
from medinfo.sla.clock import SlaClock
from tests.sla_calendars import (
    HOLIDAYS,
    PARIS,
    H,
    utc,
)

# -- construction, JSON form and validation --------------------------------------------------


def test_dict_round_trip_is_json() -> None:
    """to_dict is plain JSON and from_dict rebuilds an equal, hashable calendar."""
    data = PARIS.to_dict()
    assert data == {
        "timezone": "Europe/Paris",
        "working_days": [0, 1, 2, 3, 4],
        "opens": "09:00",
        "closes": "18:00",
        "holidays": sorted(d.isoformat() for d in HOLIDAYS),
    }
    rebuilt = BusinessCalendar.from_dict(json.loads(json.dumps(data)))
    assert rebuilt == PARIS
    assert hash(rebuilt) == hash(PARIS)


def test_from_dict_defaults_and_plain_values() -> None:
    """Missing keys take the defaults; lists and HH:MM:SS strings are accepted."""
    assert BusinessCalendar.from_dict({}) == BusinessCalendar()
    calendar = BusinessCalendar.from_dict(
        {"timezone": "America/New_York", "working_days": [5, 6, 6], "opens": "08:30:15"}
    )
    assert calendar.working_days == frozenset({5, 6})
    assert calendar.opens == time(8, 30, 15)
    assert calendar.to_dict()["opens"] == "08:30:15"


def test_constructor_normalises_collections() -> None:
    """Lists passed to the constructor become frozensets, so calendars stay hashable."""
    calendar = BusinessCalendar(working_days=[0, 1], holidays=[date(2026, 1, 1)])  # type: ignore[arg-type]
    assert calendar.working_days == frozenset({0, 1})
    assert calendar.holidays == frozenset({date(2026, 1, 1)})
    assert hash(calendar)


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"timezone": "Europe/Pariss"}, "timezone"),
        ({"timezone": ""}, "timezone"),
        ({"timezone": 42}, "timezone"),
        ({"timezone": "../../etc/passwd"}, "timezone"),
        ({"timezone": "Europe"}, "timezone"),
        ({"opens": "18:00", "closes": "09:00"}, "closes"),
        ({"opens": "09:00", "closes": "09:00"}, "closes"),
        ({"closes": "08:00"}, "closes"),
        ({"opens": "9h"}, "opens"),
        ({"opens": 9}, "opens"),
        ({"closes": "25:00"}, "closes"),
        ({"working_days": []}, "working_days"),
        ({"working_days": [7]}, "working_days"),
        ({"working_days": [-1]}, "working_days"),
        ({"working_days": ["mon"]}, "working_days"),
        ({"working_days": [True]}, "working_days"),
        ({"working_days": "01234"}, "working_days"),
        ({"working_days": 3}, "working_days"),
        ({"holidays": ["2026-13-01"]}, "holidays"),
        ({"holidays": "2026-12-25"}, "holidays"),
        ({"holidays": [20261225]}, "holidays"),
        ({"holiday": []}, "holiday"),
    ],
)
def test_from_dict_rejects_invalid_calendars(data: dict[str, object], field: str) -> None:
    """Every invalid input raises ValueError with a message that starts with the field."""
    with pytest.raises(ValueError, match=f"^{field}:"):
        BusinessCalendar.from_dict(data)


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"timezone": "Mars/Olympus"}, "timezone"),
        ({"closes": time(8)}, "closes"),
        ({"opens": time(9, tzinfo=UTC)}, "opens"),
        ({"working_days": frozenset()}, "working_days"),
        ({"holidays": frozenset({datetime(2026, 1, 1, tzinfo=UTC)})}, "holidays"),
    ],
)
def test_constructor_rejects_invalid_calendars(kwargs: dict[str, object], field: str) -> None:
    """Direct construction is validated like the JSON form."""
    with pytest.raises(ValueError, match=f"^{field}:"):
        BusinessCalendar(**kwargs)  # type: ignore[arg-type]


def test_from_dict_rejects_non_mapping() -> None:
    """The JSON form is an object."""
    with pytest.raises(ValueError, match="^calendar:"):
        BusinessCalendar.from_dict(["Europe/Paris"])  # type: ignore[arg-type]


NAIVE = datetime(2026, 5, 11, 10)
NAIVE_CALLS = [
    pytest.param(lambda: PARIS.is_business_time(NAIVE), id="is_business_time"),
    pytest.param(lambda: PARIS.next_business_moment(NAIVE), id="next_business_moment"),
    pytest.param(lambda: PARIS.add_business_time(NAIVE, H), id="add_business_time"),
    pytest.param(lambda: PARIS.business_time_between(NAIVE, utc(2026, 6, 1)), id="between-start"),
    pytest.param(lambda: PARIS.business_time_between(utc(2026, 6, 1), NAIVE), id="between-end"),
    pytest.param(lambda: PARIS.close_of_business_day(NAIVE, 1), id="close_of_business_day"),
    pytest.param(lambda: pv_transfer_due(NAIVE, PARIS, same_day=True), id="pv_transfer_due"),
    pytest.param(lambda: SlaClock(NAIVE, H, PARIS), id="clock-start"),
    pytest.param(lambda: SlaClock(utc(2026, 5, 11), H, PARIS, ((NAIVE, None),)), id="pause"),
    pytest.param(lambda: SlaClock(utc(2026, 5, 11), H, PARIS).elapsed(NAIVE), id="elapsed"),
    pytest.param(lambda: SlaClock(utc(2026, 5, 11), H, PARIS).state(NAIVE, H), id="state"),
    pytest.param(lambda: PARIS.is_business_time(date(2026, 5, 11)), id="date-not-datetime"),
]


@pytest.mark.parametrize("call", NAIVE_CALLS)
def test_naive_datetimes_are_rejected(call: object) -> None:
    """Naive datetimes (and non-datetimes) raise ValueError instead of guessing a zone."""
    with pytest.raises(ValueError, match="naive|expected a datetime"):
        call()  # type: ignore[operator]
