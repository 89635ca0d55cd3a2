"""The demo desk's routing and SLA set-up: calendar, policies, queues, rules, agent skills.

Created by the admin through the routing services (each change audited) before any case is
replayed, so every demo case is routed, prioritised and timed the way a live one would be.
"""

from __future__ import annotations

from sqlalchemy import select

from medinfo.auth.models import User
from medinfo.catalog.models import Product
from medinfo.extensions import db
from medinfo.routing.admin import (
    CalendarData,
    PolicyData,
    QueueData,
    RuleData,
    SkillsData,
    save_calendar,
    save_policy,
    save_queue,
    save_rule,
    save_skills,
)
from medinfo.routing.models import Queue

CALENDAR = "Paris desk (Mon–Fri 09:00–18:00, French holidays)"
# key, name, description, member usernames, default
QUEUES = (
    ("mi-fr", "Medical information FR", "Questions in French.",
     ("amelie.roux", "james.carter"), False),
    ("mi-en", "Medical information EN", "Questions in English; cases no rule matches.",
     ("james.carter", "nina.shah", "amelie.roux"), True),
    ("safety-intake", "Safety intake", "Adverse events and product complaints, urgent.",
     ("amelie.roux", "james.carter", "nina.shah"), False),
)  # fmt: skip
# position, name, match field and value, queue key, priority set
RULES = (
    (10, "Adverse events to safety intake", "category", "adverse_event", "safety-intake", "urgent"),
    (20, "Product complaints to safety intake", "category", "product_complaint", "safety-intake",
     "urgent"),
    (30, "French to MI FR", "language", "fr", "mi-fr", ""),
    (40, "English to MI EN", "language", "en", "mi-en", ""),
)  # fmt: skip
# agent, languages, products (None: all)
SKILLS = (
    ("amelie.roux", ("fr", "en"), None),
    ("james.carter", ("en", "fr"), ("Cardiolex", "Veranel", "Neurovan")),
    ("nina.shah", ("en",), None),
)
# name, clock, category, priority, target minutes (business time), warning minutes
POLICIES = (
    ("Safety intake: same business half-day", "request", "adverse_event", "urgent", 240, 60),
    ("Product complaint: same business half-day", "request", "product_complaint", "urgent",
     240, 60),
    ("Urgent questions", "request", "", "urgent", 240, 60),
    ("High priority questions", "request", "", "high", 540, 120),
    ("Medical information: two business days", "request", "medical_info", "normal", 1080, 240),
    ("Off-label requests: two business days", "request", "off_label", "normal", 1080, 240),
    ("Low priority: five business days", "request", "", "low", 2700, 540),
    ("Medical review: two business days", "escalation", "", "", 1080, 240),
    ("Medical review of urgent questions", "escalation", "", "urgent", 240, 60),
)  # fmt: skip


def set_up_desk(user_ids: dict[str, int]) -> dict[str, int]:
    """Create the calendar, policies, queues, rules and skills as the current (admin) user.

    Returns how many of each were created.
    """
    calendar = save_calendar(
        CalendarData(CALENDAR, "Europe/Paris", [0, 1, 2, 3, 4], "09:00", "18:00", "FR",
                     is_default=True)
    )  # fmt: skip
    for name, clock, category, priority, target, warn in POLICIES:
        save_policy(PolicyData(name, clock, target, warn, category, priority, calendar.id))
    for key, name, description, members, default in QUEUES:
        save_queue(QueueData(key, name, description, default, True, [user_ids[m] for m in members]))
    queues = {q.key: q.id for q in db.session.scalars(select(Queue))}
    for position, name, field, value, queue, priority in RULES:
        save_rule(RuleData(name, position, queues[queue], set_priority=priority, **{field: value}))
    products = {p.name: p.id for p in db.session.scalars(select(Product))}
    for username, languages, names in SKILLS:
        ids = [products[n] for n in names] if names else list(products.values())
        save_skills(
            db.session.get(User, user_ids[username]), SkillsData(ids, list(languages), True)
        )
    return {
        "calendars": 1,
        "policies": len(POLICIES),
        "queues": len(QUEUES),
        "rules": len(RULES),
        "agents": len(SKILLS),
    }
