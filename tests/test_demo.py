"""`flask demo load` data: every role, the five products, valid contacts, realistic cases."""

from __future__ import annotations

import random
import string
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from importlib.resources import files
from pathlib import Path

import pytest
from sqlalchemy import func, select

from medinfo.audit import record_event, verify_chain
from medinfo.audit.models import AuditEvent
from medinfo.auth.models import User
from medinfo.catalog.models import Product
from medinfo.contacts.models import Contact
from medinfo.contacts.validation import registry_error
from medinfo.database import utcnow
from medinfo.demo.backdating import DEMO_ACTOR, backdate_case
from medinfo.demo.cases import CaseContact, plan_cases
from medinfo.demo.loader import DEMO_PASSWORD, DEMO_USERS, DemoLoadError, load_demo
from medinfo.demo.people import make_people, regions
from medinfo.demo.questions import DEMO_PRODUCTS, topics
from medinfo.interactions.models import Interaction
from medinfo.permissions import Role
from medinfo.review.models import Escalation, Signature
from medinfo.review.signing import is_valid
from medinfo.routing.models import AgentProfile, Queue, RoutingRule, SlaCalendar, SlaPolicy
from medinfo.safety.models import SafetyReport
from medinfo.safety.reconciliation import SAFETY_CATEGORIES, reconcile
from medinfo.safety.services import reports_for

DAYS = 90


@pytest.fixture
def loaded(app, db):
    """A small demo load (20 contacts, 60 cases) in the per-test database."""
    return load_demo(contacts=20, interactions=60, days=DAYS)


def _count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_users_products_and_contacts(loaded, db):
    assert not loaded.already_loaded
    assert (loaded.users, loaded.products, loaded.contacts) == (len(DEMO_USERS), 5, 20)
    assert {u.role for u in db.session.scalars(select(User))} == {r.value for r in Role}
    agents = [lang for _u, role, _n, lang in DEMO_USERS if role == "agent"]
    assert len(agents) == 3 and "fr" in agents and len(DEMO_PASSWORD) >= 10

    products = {p.name: p for p in db.session.scalars(select(Product))}
    assert set(products) == {"Cardiolex", "Veranel", "Neurovan", "Insuvia", "Dermavel"}
    assert (products["Neurovan"].inn, products["Neurovan"].aliases) == (
        "zelmitrigine",
        ["NRV", "zelmitrigine PR"],
    )

    contacts = list(db.session.scalars(select(Contact)))
    assert {c.country for c in contacts} <= {"FR", "US"}
    assert any(c.registry_number for c in contacts)
    for contact in contacts:
        assert registry_error(contact.registry_type, contact.registry_number) is None
        if contact.registry_number:
            assert contact.registry_type == ("rpps" if contact.country == "FR" else "npi")
        prefix = "+33" if contact.country == "FR" else "+1"
        assert all(p.e164.startswith(prefix) for p in contact.phones)


def test_cases_look_worked_by_agents(loaded, db):
    assert (loaded.interactions, loaded.calls > 0) == (60, True)
    now = utcnow()
    agents = set(db.session.scalars(select(User.id).where(User.role == "agent")))
    cases = list(db.session.scalars(select(Interaction)))
    assert "closed" in {c.status for c in cases}
    assert any(len(c.requests) > 1 for c in cases)
    for case in cases:
        assert case.requests and case.owner_id in agents
        assert now - timedelta(days=DAYS + 1) < case.received_at < now
        if case.channel == "phone":
            assert case.calls and 2 * 60 <= case.calls[0].duration_seconds <= 15 * 60
        if case.status == "closed":
            # backdated: answered and closed after the call, not when the demo was loaded (but
            # signed answers keep their signing time and the rescreen gap is closed at load)
            assert case.ae_screening in ("yes", "no") and case.all_answered
            assert case.ae_screening == "no" or reports_for(case.id)
            assert case.received_at <= case.closed_at <= now
            assert all(case.received_at <= r.answered_at <= case.closed_at for r in case.requests)


def test_backdating_is_audited_and_the_chain_verifies(loaded, db):
    events = list(
        db.session.scalars(select(AuditEvent).where(AuditEvent.action == "demo.backdated"))
    )
    assert events and all(e.old_values and e.new_values and e.reason for e in events)
    opened_by = set(
        db.session.scalars(
            select(AuditEvent.username).where(AuditEvent.action == "interaction.opened")
        )
    )
    assert opened_by <= {u for u, role, *_ in DEMO_USERS if role == "agent"}
    assert verify_chain().ok


def test_second_load_adds_nothing(app, db):
    first = load_demo(contacts=5, interactions=10)
    again = load_demo(contacts=5, interactions=10)
    assert again.already_loaded and not first.already_loaded
    assert (
        again.users,
        again.products,
        again.contacts,
        again.interactions,
        again.requests,
        again.calls,
        again.audit_events,
    ) == (
        first.users,
        first.products,
        first.contacts,
        first.interactions,
        first.requests,
        first.calls,
        first.audit_events,
    )
    assert _count(db, Interaction) == 10
    assert verify_chain().ok


def test_an_interrupted_load_is_not_repeated(app, db):
    record_event("demo.started", "demo", 7, actor=DEMO_ACTOR)
    db.session.commit()
    with pytest.raises(DemoLoadError):
        load_demo(contacts=5, interactions=10)
    assert _count(db, Contact) == 0


def test_backdating_refuses_future_times_and_other_fields(app, db, make_interaction):
    case = make_interaction()
    with pytest.raises(ValueError, match="past time"):
        backdate_case(case, {"closed_at": utcnow() + timedelta(hours=1)})
    with pytest.raises(ValueError, match="cannot backdate"):
        backdate_case(case, {"received_at": utcnow() - timedelta(days=1)})
    assert case.closed_at is None


def test_safety_reports_pv_review_and_reconciliation_gaps(app, db):
    load_demo(contacts=40, interactions=250, days=DAYS)
    now = utcnow()
    reports = list(db.session.scalars(select(SafetyReport)))
    safety_cases = [
        c
        for c in db.session.scalars(select(Interaction))
        if c.requests[0].category in SAFETY_CATEGORIES
    ]
    assert len(reports) == len(safety_cases) - 1  # one AE question was never reported (a gap)
    by_status = {s: [r for r in reports if r.status == s] for s in ("acknowledged", "rejected")}
    assert len(by_status["acknowledged"]) > len(reports) / 2 and len(by_status["rejected"]) == 1
    for report in reports:
        case = report.interaction
        assert case.ae_screening == "yes" and report.day0 == case.received_at
        assert report.reporter_name == case.contact.full_name and report.products
        assert report.event_verbatim or report.pqc_description
        assert report.submitted_at < now and report.created_by.role == "agent"
        if report.status == "acknowledged":
            assert report.pv_case_id.startswith("SDB-") and report.transferred_at
            assert report.transferred_at <= report.acknowledged_at < now
            assert report.acknowledged_by.role == "pv_officer"
    assert sum(bool(p.batch_lot) for r in reports for p in r.products) > len(reports) / 2
    waiting = [r for r in reports if r.transferred_at is None]
    assert sum(r.is_overdue(now) for r in waiting) == 2
    assert sum(r.due_at > now for r in waiting) == 1  # the fresh call, due soon

    result = reconcile(now=now)
    counts = result.gap_counts()
    assert counts["overdue"] == 2 and counts["not_transferred"] == 1
    assert counts["returned_to_desk"] == 1 and counts["late_transfer"] == 1
    assert counts["transfer_failed"] == 0
    missing = {g.detail: db.session.get(Interaction, g.interaction_id) for g in result.gaps
               if g.code == "no_report"}  # fmt: skip
    assert set(missing) == {"AE/PQC question", "rescreen flag"}
    for case in missing.values():  # closed, screened "no": what an auditor should find
        assert case.status == "closed" and case.ae_screening == "no"
    assert "dizzy" in missing["rescreen flag"].calls[0].notes or "vertiges" in (
        missing["rescreen flag"].calls[0].notes
    )

    queues = {q.key: q for q in db.session.scalars(select(Queue))}
    assert set(queues) == {"mi-fr", "mi-en", "safety-intake"} and queues["mi-en"].is_default
    rules = list(db.session.scalars(select(RoutingRule).order_by(RoutingRule.position)))
    assert [r.category or r.language for r in rules] == [
        "adverse_event", "product_complaint", "fr", "en"
    ]  # fmt: skip
    assert all(p.available and p.languages for p in db.session.scalars(select(AgentProfile)))
    assert db.session.scalar(select(SlaCalendar.holiday_country)) == "FR"
    assert _count(db, SlaPolicy) >= 5
    for case in safety_cases:
        assert (case.queue, case.priority) == ("safety-intake", "urgent")
    assert {c.queue for c in db.session.scalars(select(Interaction))} <= set(queues)

    escalations = list(db.session.scalars(select(Escalation)))
    assert sorted(e.status for e in escalations) == ["open"] * 2 + ["signed"] * 6
    assert all(e.reason for e in escalations)
    signatures = list(db.session.scalars(select(Signature)))
    assert len(signatures) == 6 and all(is_valid(s) for s in signatures)
    assert {s.signer_username for s in signatures} <= {"dr.lefevre", "dr.morgan"}
    assert verify_chain().ok


# --- the data files and what a seed generates from them -------------------------------------


def _generate(seed: int):
    """People and case plans exactly as the loader draws them, at a fixed "now"."""
    rng = random.Random(seed)  # noqa: S311 - reproducible demo data
    people = make_people(rng, 200)
    contacts = [
        CaseContact(
            i,
            p.data.language,
            p.data.first_name,
            p.data.last_name,
            p.data.profession,
            p.products,
            tuple(p.data.phones),
            p.data.email is not None,
        )
        for i, p in enumerate(people, 1)
    ]
    agents = {"fr": ["a1", "a2"], "en": ["a3"], "any": ["a1", "a2", "a3"]}
    now = datetime(2025, 6, 18, 14, 30, tzinfo=UTC)
    plans = plan_cases(rng, contacts, 1000, 90, now, agents, ["r1", "r2"])
    return people, plans, rng.random()


def test_same_seed_gives_the_same_people_and_cases():
    """Values pinned from the generator as it was before its tables moved to YAML."""
    people, plans, next_draw = _generate(7)
    first = people[0].data
    assert (first.first_name, first.last_name, first.city, first.specialty) == (
        "Benoît",
        "Laurent",
        "Bordeaux",
        "Pédiatrie",
    )
    assert (first.registry_number, first.phones, first.address) == (
        "10091390996",
        ["05 36 49 74 07"],
        "5 avenue Jean-Jaurès",
    )
    assert first.email == "benoit.laurent@maison-de-sante-pluriprofessionnelle.example"
    us = people[1].data
    assert (us.first_name, us.last_name, us.phones, us.institution, us.registry_number) == (
        "Grace",
        "Shapiro",
        ["(312) 555-0173"],
        "Lakeside Family Practice",
        "2181909377",
    )
    assert (people[2].data.institution, people[4].data.institution) == (
        "Clinique des Tilleuls",
        "Cabinet médical du Dr Perrin",
    )
    questions = {i: plans[i].requests[0] for i in (0, 1, 20, 80, 93)}
    assert [(r.category, r.question) for r in questions.values()] == [
        (
            "adverse_event",
            "Un patient de 52 ans sous Veranel a eu hier une épistaxis de plus d'une heure.",
        ),
        (
            "medical_info",
            "Can Neurovan PR tablets be crushed or split for a patient with dysphagia?",
        ),
        (
            "off_label",
            "Le Veranel a-t-il été étudié chez les porteurs de valve cardiaque mécanique ?",
        ),
        ("other", "Could you send me the current Veranel SmPC and patient leaflet?"),
        ("product_complaint", "Comprimés décolorés dans une plaquette de Cardiolex (lot F6620)."),
    ]
    assert questions[0].answer.startswith("Recueil de l'effet indésirable (notificateur")
    assert plans[1].call.notes == (
        "Call from Ryan Patel (Neurovan): crushing PR tablets. Answered during the call."
    )
    assert next_draw == 0.565741988525484  # as many draws as before, in the same order
    again = _generate(7)
    assert [p.data for p in again[0]] == [p.data for p in people] and again[1] == plans


def test_data_files_ship_inside_the_package_and_load_lazily():
    data = files("medinfo.demo") / "data"
    assert (data / "people.yaml").is_file() and (data / "topics.yaml").is_file()
    # a fresh interpreter: importing the demo modules must not read or parse the YAML files
    code = (
        "import yaml\n"
        "def refuse(*_args, **_kwargs): raise AssertionError('demo YAML parsed at import')\n"
        "yaml.safe_load = yaml.load = refuse\n"
        "import medinfo.demo.loader, medinfo.demo.people as p, medinfo.demo.questions as q\n"
        "assert p.regions.cache_info().currsize == q.topics.cache_info().currsize == 0\n"
    )
    root = str(Path(__file__).resolve().parents[1])
    subprocess.run([sys.executable, "-c", code], check=True, cwd=root)


def test_topics_cover_every_product_with_known_placeholders():
    brands = {name for name, *_ in DEMO_PRODUCTS}
    tables = topics()
    assert {t.product for t in tables.medical} == brands
    assert {t.product for t in tables.off_label} == brands
    assert {t.category for t in tables.safety} == {"adverse_event", "product_complaint"}
    assert {t.product for t in tables.other} == {None}
    known = {"brand", "crcl", "age", "child_age", "days", "lot"}
    for topic in (*tables.medical, *tables.off_label, *tables.safety, *tables.other):
        assert topic.en and topic.fr and all(topic.label) and all(topic.answer)
        for text in (*topic.en, *topic.fr, *topic.answer):
            fields = {f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f}
            assert fields <= known, (text, fields - known)
    for country, region in regions().items():
        assert region.first_names and region.last_names and region.streets, country
        assert set(region.institutions) == {"hospital", "practice", "pharmacy"}, country


def test_demo_load_command_exits_1_on_an_interrupted_load(app, db):
    record_event("demo.started", "demo", 7, actor=DEMO_ACTOR)
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["demo", "load", "--contacts", "5"])
    assert result.exit_code == 1
    assert result.stderr.startswith("error: An earlier demo load was interrupted")
    assert db.session.scalar(select(func.count()).select_from(Contact)) == 0
