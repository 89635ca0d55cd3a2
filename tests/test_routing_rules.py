"""Routing rules: the matching table, first match wins, and routing a newly opened case."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from medinfo.audit.models import AuditEvent
from medinfo.interactions import services
from medinfo.routing import admin
from medinfo.routing.models import RoutingRule
from medinfo.routing.rules import CaseFacts, first_match, rule_matches

FACTS = CaseFacts(
    categories=frozenset({"medical_info", "off_label"}),
    product_ids=frozenset({1, 2}),
    therapeutic_areas=frozenset({"cardiology"}),
    country="FR",
    language="fr",
    channel="phone",
    priority="normal",
)


@pytest.mark.parametrize(
    ("fields", "matches"),
    [
        ({}, True),
        ({"category": "off_label"}, True),
        ({"category": "adverse_event"}, False),
        ({"product_id": 2}, True),
        ({"product_id": 3}, False),
        ({"therapeutic_area": " Cardiology "}, True),
        ({"therapeutic_area": "Neurology"}, False),
        ({"country": "fr"}, True),
        ({"country": "BE"}, False),
        ({"language": "fr"}, True),
        ({"language": "en"}, False),
        ({"channel": "phone"}, True),
        ({"channel": "email"}, False),
        ({"priority": "normal"}, True),
        ({"priority": "urgent"}, False),
        ({"category": "medical_info", "country": "FR", "language": "fr"}, True),
        ({"category": "medical_info", "country": "FR", "language": "en"}, False),
        ({"category": "", "product_id": None, "country": ""}, True),
    ],
)
def test_rule_matching_table(fields, matches):
    assert rule_matches(RoutingRule(**fields), FACTS) is matches


def test_first_active_matching_rule_wins_by_position():
    rules = [
        RoutingRule(id=1, position=30, name="any", active=True),
        RoutingRule(id=2, position=10, name="english", active=True, language="en"),
        RoutingRule(id=3, position=20, name="french inactive", active=False, language="fr"),
        RoutingRule(id=4, position=20, name="french", active=True, language="fr"),
        RoutingRule(id=5, position=20, name="french later id", active=True, language="fr"),
    ]
    assert first_match(rules, FACTS).name == "french"
    assert first_match(rules[:1], FACTS).name == "any"
    assert first_match([rules[1]], FACTS) is None


@pytest.fixture
def queues(app, db):
    """A default queue and a cardiology queue."""
    general = admin.save_queue(admin.QueueData("general", "General", is_default=True))
    cardio = admin.save_queue(admin.QueueData("cardio", "Cardiology"))
    offlabel = admin.save_queue(admin.QueueData("medical", "Medical"))
    return general, cardio, offlabel


def _open(contact, *, category="medical_info", product="Cardiolex", channel="email", **kw):
    data = services.InteractionData(
        contact_id=contact.id,
        channel=channel,
        unsolicited=True,
        language=kw.pop("language", "fr"),
        requests=[services.RequestData(category=category, question="Dose?", product=product)],
        received_at=datetime.now(UTC) - timedelta(minutes=5),
        **kw,
    )
    return services.open_interaction(data)


def test_open_interaction_routes_by_rule_then_default_queue(
    app, db, queues, products, make_contact
):
    general, cardio, medical = queues
    admin.save_rule(
        admin.RuleData("Cardiology", 20, cardio.id, therapeutic_area="cardiology", country="FR")
    )
    admin.save_rule(
        admin.RuleData("Off-label", 10, medical.id, category="off_label", set_priority="high")
    )
    contact = make_contact()
    assert _open(contact).queue == "cardio"
    off = _open(contact, category="off_label")
    assert (off.queue, off.priority) == ("medical", "high")
    assert _open(contact, product="Neurovan").queue == "general"
    assert _open(contact, country="BE").queue == "general"
    routed = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "interaction.routed")
    ).all()
    assert [e.new_values["queue"] for e in routed] == ["cardio", "medical", "general", "general"]


def test_rule_priority_changes_the_sla_target(app, db, queues, products, make_contact):
    general, _cardio, _medical = queues
    contact = make_contact()
    normal = _open(contact)
    admin.save_rule(admin.RuleData("Urgent all", 1, general.id, set_priority="urgent"))
    urgent = _open(contact)
    assert urgent.priority == "urgent"
    assert urgent.sla_due_at < normal.sla_due_at


def test_rule_owner_gets_the_case(app, db, queues, products, make_contact, make_user):
    _general, cardio, _medical = queues
    owner = make_user("agent")
    admin.save_rule(admin.RuleData("VIP", 5, cardio.id, country="FR", owner_id=owner.id))
    case = _open(make_contact())
    assert (case.queue, case.owner_id) == ("cardio", owner.id)


def test_without_queues_nothing_changes(app, db, products, make_interaction):
    case = make_interaction()
    assert case.queue == "general" and case.sla_due_at is not None
