"""Admin pages for queues, rules, skills, calendars and SLA policies: forms, audit, access."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from medinfo.audit.models import AuditEvent
from medinfo.routing.models import AgentProfile, Queue, RoutingRule, SlaCalendar, SlaPolicy

LISTS = [
    "/routing/queues",
    "/routing/rules",
    "/routing/agents",
    "/routing/calendars",
    "/routing/policies",
]
NEW = [
    "/routing/queues/new",
    "/routing/rules/new",
    "/routing/calendars/new",
    "/routing/policies/new",
]


def _count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def _events(db, action: str) -> list[AuditEvent]:
    return list(db.session.scalars(select(AuditEvent).where(AuditEvent.action == action)))


def test_admin_pages_render(logged_in):
    admin = logged_in("admin")
    for url in LISTS + NEW:
        resp = admin.get(url)
        assert resp.status_code == 200, url
        assert "Routing administration" in resp.text


@pytest.mark.parametrize("role", ["agent", "medical_reviewer", "auditor", "pv_officer"])
def test_only_admins_reach_routing_admin(logged_in, role):
    client = logged_in(role)
    for url in LISTS + NEW:
        assert client.get(url).status_code == 403, url


def test_admin_builds_a_desk_through_the_pages(logged_in, make_user, products, db):
    admin = logged_in("admin")
    agent = make_user("agent")
    resp = admin.post(
        "/routing/queues/new",
        data={
            "key": "cardio",
            "name": "Cardiology",
            "member_ids": [agent.id],
            "active": "y",
            "is_default": "y",
        },
    )
    assert resp.status_code == 302
    queue = db.session.scalars(select(Queue)).one()
    assert [m.user_id for m in queue.members] == [agent.id] and queue.is_default
    resp = admin.post(
        "/routing/rules/new",
        data={
            "name": "Cardio FR",
            "position": 10,
            "queue_id": queue.id,
            "country": "fr",
            "product_id": products[0].id,
            "set_priority": "high",
            "owner_id": 0,
            "active": "y",
        },
    )
    assert resp.status_code == 302
    rule = db.session.scalars(select(RoutingRule)).one()
    assert (rule.country, rule.product_id, rule.set_priority, rule.owner_id) == (
        "FR",
        products[0].id,
        "high",
        None,
    )
    resp = admin.post(
        f"/routing/agents/{agent.id}",
        data={"product_ids": [products[0].id], "languages": ["fr"], "available": "y"},
    )
    assert resp.status_code == 302
    profile = db.session.get(AgentProfile, agent.id)
    assert profile.product_ids == [products[0].id] and profile.available
    resp = admin.post(
        "/routing/calendars/new",
        data={
            "name": "Paris",
            "timezone": "Europe/Paris",
            "working_days": [0, 1, 2, 3, 4],
            "opens": "08:30",
            "closes": "17:30",
            "holiday_country": "fr",
            "extra_holidays": "2026-12-24\n2026-12-31",
            "is_default": "y",
        },
    )
    assert resp.status_code == 302
    cal = db.session.scalars(select(SlaCalendar)).one()
    assert cal.extra_holidays == ["2026-12-24", "2026-12-31"] and cal.holiday_country == "FR"
    resp = admin.post(
        "/routing/policies/new",
        data={
            "name": "Urgent 2h",
            "clock": "request",
            "priority": "urgent",
            "target_minutes": 120,
            "warn_minutes": 30,
            "calendar_id": cal.id,
            "active": "y",
        },
    )
    assert resp.status_code == 302
    policy = db.session.scalars(select(SlaPolicy)).one()
    assert (policy.priority, policy.target_minutes, policy.calendar_id) == ("urgent", 120, cal.id)
    for action in (
        "queue.created",
        "routing_rule.created",
        "agent_profile.created",
        "sla_calendar.created",
        "sla_policy.created",
    ):
        assert len(_events(db, action)) == 1, action
    # editing is audited with old and new values; an unchanged save writes nothing
    admin.post(
        f"/routing/policies/{policy.id}",
        data={
            "name": "Urgent 3h",
            "clock": "request",
            "priority": "urgent",
            "target_minutes": 180,
            "warn_minutes": 30,
            "calendar_id": cal.id,
            "active": "y",
        },
    )
    updated = _events(db, "sla_policy.updated")
    assert len(updated) == 1 and updated[0].old_values["target_minutes"] == 120
    assert updated[0].new_values["target_minutes"] == 180
    listing = admin.get("/routing/rules")
    assert "Cardio FR" in listing.text and "country=FR" in listing.text


@pytest.mark.parametrize(
    ("url", "data", "message"),
    [
        ("/routing/queues/new", {"key": "Bad Key!", "name": "Q"}, "lower-case letters"),
        ("/routing/rules/new", {"name": "R", "position": 1, "queue_id": 999}, "Choose the queue"),
        (
            "/routing/calendars/new",
            {
                "name": "C",
                "timezone": "Nowhere/City",
                "working_days": [0],
                "opens": "09:00",
                "closes": "18:00",
            },
            "unknown IANA time zone",
        ),
        (
            "/routing/calendars/new",
            {
                "name": "C",
                "timezone": "Europe/Paris",
                "working_days": [0],
                "opens": "18:00",
                "closes": "09:00",
            },
            "must be later than opens",
        ),
        (
            "/routing/policies/new",
            {"name": "P", "clock": "request", "target_minutes": 30, "warn_minutes": 60},
            "between 0 and the target",
        ),
        ("/routing/policies/new", {"name": "P", "clock": "request"}, "This field is required"),
    ],
)
def test_bad_input_shows_field_errors_and_writes_nothing(logged_in, db, url, data, message):
    admin = logged_in("admin")
    before = _count(db, AuditEvent)
    resp = admin.post(url, data=data)
    assert resp.status_code == 200 and message in resp.text
    assert _count(db, AuditEvent) == before
    for model in (Queue, RoutingRule, SlaCalendar, SlaPolicy):
        assert _count(db, model) == 0
