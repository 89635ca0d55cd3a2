"""`flask demo load` data: every role, the five products, valid contacts, realistic cases."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from config import TestingConfig
from medinfo import create_app
from medinfo.audit import verify_chain
from medinfo.audit.models import AuditEvent
from medinfo.auth.models import User
from medinfo.catalog.models import Product
from medinfo.contacts.models import Contact
from medinfo.contacts.validation import registry_error
from medinfo.database import utcnow
from medinfo.demo.backdating import backdate_case
from medinfo.demo.loader import DEMO_PASSWORD, DEMO_USERS, load_demo
from medinfo.extensions import db
from medinfo.interactions.models import Interaction
from medinfo.permissions import Role

CONTACTS, INTERACTIONS, DAYS = 20, 60, 90


@pytest.fixture(scope="module")
def demo_app(tmp_path_factory):
    """An app on its own SQLite file (the loader opens fresh sessions), with a small demo load."""
    tmp = tmp_path_factory.mktemp("demo")

    class DemoTestConfig(TestingConfig):
        SQLALCHEMY_DATABASE_URI = f"sqlite:///{tmp / 'demo.sqlite3'}"
        MEDINFO_AUDIT_CHECKPOINT = str(tmp / "audit-checkpoint.json")

    app = create_app(DemoTestConfig)
    with app.app_context():
        db.create_all()
        app.extensions["demo_summary"] = load_demo(contacts=CONTACTS, interactions=INTERACTIONS,
                                                   days=DAYS)
        yield app
        db.session.remove()
        db.engine.dispose()


def _count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_summary_counts_what_was_loaded(demo_app):
    summary = demo_app.extensions["demo_summary"]
    assert not summary.already_loaded
    assert (summary.users, summary.products) == (len(DEMO_USERS), 5)
    assert (summary.contacts, summary.interactions) == (CONTACTS, INTERACTIONS)
    assert summary.requests >= INTERACTIONS and summary.calls > 0
    assert "60 interactions" in str(summary)


def test_users_for_every_role(demo_app):
    roles = {u.role for u in db.session.scalars(select(User))}
    assert roles == {r.value for r in Role}
    agents = [u for u in DEMO_USERS if u[1] == "agent"]
    assert len(agents) == 3 and any(lang == "fr" for *_r, lang in agents)
    assert len(DEMO_PASSWORD) >= 10


def test_the_five_products(demo_app):
    products = {p.name: p for p in db.session.scalars(select(Product))}
    assert set(products) == {"Cardiolex", "Veranel", "Neurovan", "Insuvia", "Dermavel"}
    assert products["Neurovan"].inn == "zelmitrigine"
    assert products["Neurovan"].aliases == ["NRV", "zelmitrigine PR"]
    assert products["Insuvia"].therapeutic_area == "Endocrinology"


def test_contacts_have_valid_registry_numbers_and_phones(demo_app):
    contacts = list(db.session.scalars(select(Contact)))
    assert {c.country for c in contacts} <= {"FR", "US"}
    numbered = [c for c in contacts if c.registry_number]
    assert numbered
    for contact in numbered:
        assert registry_error(contact.registry_type, contact.registry_number) is None
        assert contact.registry_type == ("rpps" if contact.country == "FR" else "npi")
    for contact in contacts:
        assert all(p.e164.startswith("+33" if contact.country == "FR" else "+1")
                   for p in contact.phones)


def test_interactions_look_worked_by_agents(demo_app):
    now = utcnow()
    agents = {u.id for u in db.session.scalars(select(User).where(User.role == "agent"))}
    cases = list(db.session.scalars(select(Interaction)))
    assert {c.status for c in cases} >= {"closed"}
    for case in cases:
        assert case.requests and case.owner_id in agents
        assert now - timedelta(days=DAYS + 1) < case.received_at < now
        if case.channel == "phone":
            assert case.calls and 2 * 60 <= case.calls[0].duration_seconds <= 15 * 60
        if case.status == "closed":
            assert case.ae_screening == "no" and case.all_answered
            # backdated: closed shortly after it came in, not when the demo was loaded
            assert case.received_at <= case.closed_at < now - timedelta(minutes=1)
            assert all(case.received_at <= r.answered_at <= case.closed_at for r in case.requests)
    assert any(len(c.requests) > 1 for c in cases)


def test_backdating_is_audited_and_the_chain_verifies(demo_app):
    events = list(db.session.scalars(select(AuditEvent).where(
        AuditEvent.action == "demo.backdated")))
    assert events and all(e.old_values and e.new_values and e.reason for e in events)
    opened_by = set(db.session.scalars(select(AuditEvent.username).where(
        AuditEvent.action == "interaction.opened")))
    assert opened_by <= {u for u, role, *_ in DEMO_USERS if role == "agent"}
    assert verify_chain().ok


def test_second_load_adds_nothing(demo_app):
    first = demo_app.extensions["demo_summary"]
    again = load_demo(contacts=CONTACTS, interactions=INTERACTIONS, days=DAYS)
    assert again.already_loaded
    assert (again.users, again.products, again.contacts, again.interactions, again.requests,
            again.calls) == (first.users, first.products, first.contacts, first.interactions,
                             first.requests, first.calls)
    assert _count(Interaction) == INTERACTIONS
    assert verify_chain().ok


def test_backdate_refuses_future_times(demo_app):
    case = db.session.scalars(select(Interaction).limit(1)).one()
    with pytest.raises(ValueError, match="past time"):
        backdate_case(case, {"closed_at": utcnow() + timedelta(hours=1)})
    with pytest.raises(ValueError, match="cannot backdate"):
        backdate_case(case, {"received_at": utcnow() - timedelta(days=1)})
    assert case.closed_at is None or case.closed_at < utcnow()
    db.session.rollback()
