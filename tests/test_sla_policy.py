"""SLA policies and case clocks end to end: weekends, holidays, DST, outside hours, pauses.

Expected due times are worked out by hand on the default desk calendar (Europe/Paris,
Mon–Fri 09:00–18:00, French public holidays from the `holidays` package) unless a test sets a
policy with its own calendar. Built-in targets: urgent 4 h, high 9 h, normal 18 h.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import select

from medinfo.interactions import services
from medinfo.routing import admin
from medinfo.routing.models import SlaPause, SlaTimer
from medinfo.routing.sla import countdowns_for
from medinfo.sla.policy import find_policy, request_due

PARIS = ZoneInfo("Europe/Paris")
NEW_YORK = ZoneInfo("America/New_York")


def paris(*args) -> datetime:
    return datetime(*args, tzinfo=PARIS)


def utc(*args) -> datetime:
    return datetime(*args, tzinfo=UTC)


def _open(contact, received_at, *, priority="normal", category="medical_info"):
    return services.open_interaction(
        services.InteractionData(
            contact_id=contact.id,
            channel="email",
            unsolicited=True,
            language="fr",
            priority=priority,
            requests=[services.RequestData(category=category, question="Q?", product="Cardiolex")],
            received_at=received_at,
        )
    )


@pytest.mark.parametrize(
    ("received", "priority", "due"),
    [
        # inside hours, same day
        (paris(2026, 11, 16, 10), "urgent", utc(2026, 11, 16, 13)),
        # Friday 16:00 + 18 h: 2 h Fri, 9 h Mon, 7 h Tue → Tue 16:00 CET
        (paris(2026, 11, 13, 16), "normal", utc(2026, 11, 17, 15)),
        # before opening: counts from 09:00
        (paris(2026, 11, 16, 7, 30), "urgent", utc(2026, 11, 16, 12)),
        # Friday night: counts from Monday 09:00
        (paris(2026, 11, 20, 20), "urgent", utc(2026, 11, 23, 12)),
        # Saturday: same
        (paris(2026, 11, 14, 11), "high", utc(2026, 11, 16, 17)),
        # exactly at closing: nothing left that day
        (paris(2026, 11, 16, 18), "urgent", utc(2026, 11, 17, 12)),
        # 11 Nov (Armistice, Wednesday) is skipped: 4 h Tue + 5 h Thu
        (paris(2026, 11, 10, 14), "high", utc(2026, 11, 12, 13)),
        # Easter Monday 6 Apr: 3 h Thu, 9 h Fri, (Mon off), 6 h Tue → 15:00 CEST
        (paris(2026, 4, 2, 15), "normal", utc(2026, 4, 7, 13)),
        # autumn DST (25 Oct): Fri 17:00 CEST + 18 h → Tue 17:00 CET = 16:00 UTC
        (paris(2026, 10, 23, 17), "normal", utc(2026, 10, 27, 16)),
        # spring DST (29 Mar): Fri 10:00 CET + 9 h → Mon 10:00 CEST = 08:00 UTC
        (paris(2026, 3, 27, 10), "high", utc(2026, 3, 30, 8)),
        # safety categories count as urgent whatever the priority given
        (paris(2026, 11, 16, 10), "low", utc(2026, 11, 16, 13)),
    ],
)
def test_case_due_times_on_the_desk_calendar(
    app, products, make_contact, received, priority, due, db
):
    category = "adverse_event" if priority == "low" else "medical_info"
    case = _open(make_contact(), received, priority=priority, category=category)
    assert case.sla_due_at == due
    timer = db.session.scalars(select(SlaTimer).where(SlaTimer.interaction_id == case.id)).one()
    assert timer.due_at == due and timer.kind == "request"
    assert request_due(category, priority, received) == due


def test_most_specific_policy_wins(app, db):
    def make(name, clock, target, **kw):
        return admin.PolicyData(name, clock, target, warn_minutes=0, **kw)

    admin.save_policy(make("any", "request", 600))
    admin.save_policy(make("off-label", "request", 60, category="off_label"))
    admin.save_policy(make("urgent", "request", 30, priority="urgent"))
    admin.save_policy(make("both", "request", 15, category="off_label", priority="urgent"))
    admin.save_policy(make("escalations", "escalation", 5))
    admin.save_policy(make("inactive", "request", 1, category="other", active=False))
    assert find_policy("request", "off_label", "urgent").name == "both"
    assert find_policy("request", "off_label", "normal").name == "off-label"
    assert find_policy("request", "medical_info", "urgent").name == "urgent"
    assert find_policy("request", "other", "normal").name == "any"
    assert find_policy("escalation", "other", "normal").name == "escalations"


def test_policy_with_its_own_calendar_and_us_holidays(app, db, products, make_contact):
    ny = admin.save_calendar(
        admin.CalendarData("US desk", "America/New_York", [0, 1, 2, 3, 4], "09:00", "17:00", "US")
    )
    admin.save_policy(admin.PolicyData("US 2h", "request", 120, calendar_id=ny.id))
    # Thu 2 Jul 16:00 EDT: 1 h Thu, Fri 3 Jul is Independence Day (observed), 1 h Mon
    case = _open(make_contact(), datetime(2026, 7, 2, 16, tzinfo=NEW_YORK))
    assert case.sla_due_at == datetime(2026, 7, 6, 10, tzinfo=NEW_YORK)


def test_default_calendar_replaces_the_configured_one(app, db, products, make_contact):
    admin.save_calendar(
        admin.CalendarData(
            "Six days",
            "Europe/Paris",
            [0, 1, 2, 3, 4, 5],
            "08:00",
            "20:00",
            "",
            ["2026-11-16"],
            is_default=True,
        )
    )
    # Sat 14 Nov 19:00: 1 h Sat, Mon 16 is a closed day, 3 h Tue from 08:00 → 11:00 CET
    case = _open(make_contact(), paris(2026, 11, 14, 19), priority="urgent")
    assert case.sla_due_at == utc(2026, 11, 17, 10)


def test_pauses_while_waiting_for_the_caller(app, db, products, make_contact, monkeypatch):
    clock = {"now": utc(2026, 11, 16, 11)}
    monkeypatch.setattr("medinfo.routing.sla.utcnow", lambda: clock["now"])
    # Mon 10:00 + 18 h → Wed 10:00
    case = _open(make_contact(), paris(2026, 11, 16, 10))
    assert case.sla_due_at == paris(2026, 11, 18, 10)
    clock["now"] = paris(2026, 11, 16, 12)
    services.change_status(case, "pending_info")
    assert case.sla_due_at is None
    state = countdowns_for([case.id], paris(2026, 11, 17, 9, 30))[case.id]
    assert state.state == "paused" and state.remaining == timedelta(hours=16)
    # resumed Tue 15:00: 6 h Mon + 6 h Tue paused → 12 h later: Thu 13:00
    clock["now"] = paris(2026, 11, 17, 15)
    services.change_status(case, "open")
    assert case.sla_due_at == paris(2026, 11, 19, 13)
    # an overnight pause counts only its business part: 30 min + 30 min
    clock["now"] = paris(2026, 11, 18, 17, 30)
    services.change_status(case, "pending_info")
    clock["now"] = paris(2026, 11, 19, 9, 30)
    services.change_status(case, "open")
    assert case.sla_due_at == paris(2026, 11, 19, 14)
    pauses = db.session.scalars(select(SlaPause).order_by(SlaPause.started_at)).all()
    assert [(p.started_at, p.ended_at) for p in pauses] == [
        (paris(2026, 11, 16, 12), paris(2026, 11, 17, 15)),
        (paris(2026, 11, 18, 17, 30), paris(2026, 11, 19, 9, 30)),
    ]
    assert countdowns_for([case.id], paris(2026, 11, 19, 12, 30))[case.id].state == "ok"
    warning = countdowns_for([case.id], paris(2026, 11, 19, 13, 30))[case.id]
    assert warning.state == "warning" and warning.remaining == timedelta(minutes=30)
    late = countdowns_for([case.id], paris(2026, 11, 19, 14, 0, 1))[case.id]
    assert late.state == "breached" and case.is_overdue(paris(2026, 11, 19, 14, 0, 1))


def test_answering_stops_the_clock_and_reopening_resumes_it(
    app, db, products, make_contact, monkeypatch
):
    clock = {"now": paris(2026, 11, 16, 11)}
    monkeypatch.setattr("medinfo.routing.sla.utcnow", lambda: clock["now"])
    case = _open(make_contact(), paris(2026, 11, 16, 10), priority="urgent")  # due 14:00
    services.answer_request(case.requests[0], "The answer.")
    services.change_status(case, "answered")
    assert countdowns_for([case.id], paris(2026, 11, 18, 9))[case.id].state == "met"
    clock["now"] = paris(2026, 11, 17, 10)  # reopened next day: 1 h used, 3 h left
    services.change_status(case, "open", reason="Caller called back")
    assert case.sla_due_at == paris(2026, 11, 17, 13)


def test_admin_changes_to_policies_are_validated(app, db):
    from medinfo.errors import ValidationFailed

    with pytest.raises(ValidationFailed) as exc:
        admin.save_policy(admin.PolicyData("", "nope", 0, warn_minutes=5, category="x"))
    assert set(exc.value.fields) >= {"name", "clock", "target_minutes", "category"}
    with pytest.raises(ValidationFailed) as exc:
        admin.save_calendar(
            admin.CalendarData("x", "Mars/Base", [0], "18:00", "09:00", "ZZ", ["2026-13-01"])
        )
    assert set(exc.value.fields) >= {"timezone", "holiday_country", "extra_holidays"}
