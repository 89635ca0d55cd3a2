"""Assignment: round-robin (also under concurrency), skills, availability, reassignment."""

from __future__ import annotations

import threading
import time
from collections import Counter
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from medinfo.audit.models import AuditEvent
from medinfo.errors import Conflict, ValidationFailed
from medinfo.interactions import services
from medinfo.interactions.models import Interaction
from medinfo.routing import admin, assignment
from medinfo.signals import interaction_assigned


@pytest.fixture
def desk(app, db, products, make_user):
    """Three skilled, available agents (Cardiolex, French) in the default queue."""
    cardiolex = products[0]
    agents = [make_user("agent") for _ in range(3)]
    for agent in agents:
        admin.save_skills(agent, admin.SkillsData([cardiolex.id], ["fr", "en"], True))
    queue = admin.save_queue(
        admin.QueueData("desk", "Desk", is_default=True, member_ids=[a.id for a in agents])
    )
    return queue, agents


def _data(contact_id: int, *, product="Cardiolex", language="fr", channel="email"):
    return services.InteractionData(
        contact_id=contact_id,
        channel=channel,
        unsolicited=True,
        language=language,
        requests=[services.RequestData(category="medical_info", question="Q?", product=product)],
        received_at=datetime.now(UTC) - timedelta(minutes=5),
    )


def test_round_robin_cycles_through_available_agents(desk, make_contact):
    _queue, agents = desk
    contact = make_contact()
    owners = [services.open_interaction(_data(contact.id)).owner_id for _ in range(7)]
    ids = [a.id for a in agents]
    assert owners == ids + ids + ids[:1]


def test_round_robin_skips_unavailable_unskilled_inactive_and_locked(
    desk, make_contact, products, db
):
    _queue, (a, b, c) = desk
    contact = make_contact()
    assignment.set_availability(b, False)
    owners = [services.open_interaction(_data(contact.id)).owner_id for _ in range(4)]
    assert owners == [a.id, c.id, a.id, c.id]
    # Neurovan: nobody has the skill → waits unassigned in the queue
    case = services.open_interaction(_data(contact.id, product="Neurovan"))
    assert (case.queue, case.owner_id) == ("desk", None)
    # a is locked out, c speaks French only after a skills change → only c is left
    a.locked_until = datetime.now(UTC) + timedelta(minutes=10)
    db.session.commit()
    admin.save_skills(c, admin.SkillsData([products[0].id], ["en"], True))
    assert services.open_interaction(_data(contact.id, language="en")).owner_id == c.id
    assert services.open_interaction(_data(contact.id, language="fr")).owner_id is None


def test_live_phone_call_stays_with_the_agent_who_took_it(desk, make_interaction, app, db):
    from flask_login import login_user

    _queue, agents = desk
    with app.test_request_context():
        login_user(agents[2])
        case = make_interaction()
    assert case.owner_id == agents[2].id
    routed = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "interaction.routed")
    ).one()
    assert routed.new_values["method"] == "live_call"


def test_concurrent_cases_never_share_a_turn(app, desk, make_contact, db):
    """24 cases opened from 6 threads at once: 8 each, in strict rotation by commit order."""
    _queue, agents = desk
    contact_id = make_contact().id
    errors: list[BaseException] = []
    barrier = threading.Barrier(6)

    def worker() -> None:
        try:
            with app.app_context():
                barrier.wait()
                for _ in range(4):
                    services.open_interaction(_data(contact_id))
        except BaseException as exc:  # noqa: BLE001 - collected and re-raised in the test
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    db.session.expire_all()
    owners = db.session.scalars(select(Interaction.owner_id).order_by(Interaction.id)).all()
    assert Counter(owners) == {a.id: 8 for a in agents}
    routed = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "interaction.routed").order_by(AuditEvent.seq)
    ).all()
    sequence = [e.new_values["owner_id"] for e in routed]
    ids = [a.id for a in agents]
    assert sequence == (ids * 8)


def _claim_turns_concurrently(app, queue_id: int, agent_ids: list[int]) -> list[int]:
    """6 threads × 5 turns, each holding its turn a moment before committing."""
    from medinfo.auth.models import User
    from medinfo.extensions import db as database

    order: list[int] = []
    guard, errors = threading.Lock(), []
    barrier = threading.Barrier(6)

    def worker() -> None:
        try:
            with app.app_context():
                candidates = [database.session.get(User, i) for i in agent_ids]
                database.session.commit()
                barrier.wait()
                for _ in range(5):
                    chosen = assignment.next_in_turn(queue_id, candidates)
                    with guard:  # recorded while the turn is still held: commit order
                        order.append(chosen.id)
                    time.sleep(0.005)  # widen the window between reading and writing the turn
                    database.session.commit()
        except BaseException as exc:  # noqa: BLE001 - collected and re-raised in the test
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=60)
    assert not errors, errors
    return order


def test_turn_claiming_alone_is_fair_under_threads(app, desk):
    """The turn itself is locked (not only serialised by other writes of open_interaction)."""
    queue, agents = desk
    ids = [a.id for a in agents]
    order = _claim_turns_concurrently(app, queue.id, ids)
    assert Counter(order) == dict.fromkeys(ids, 10)
    assert all(order[k] != order[k + 1] for k in range(len(order) - 1))


def test_reassign_is_audited_and_announced(desk, make_contact, make_user, db):
    queue, agents = desk
    admin.save_queue(admin.QueueData("second", "Second line"))
    case = services.open_interaction(_data(make_contact().id))
    heard = []

    def listener(sender, **kw):
        heard.append((sender.id, kw))

    interaction_assigned.connect(listener)
    try:
        assignment.reassign(case, owner_id=agents[1].id, queue_key="second", reason="Expertise")
    finally:
        interaction_assigned.disconnect(listener)
    assert (case.queue, case.owner_id) == ("second", agents[1].id)
    assert heard == [(case.id, {"queue": "second", "owner_id": agents[1].id})]
    event = db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "interaction.reassigned")
    ).one()
    assert event.reason == "Expertise" and event.old_values["queue"] == queue.key


@pytest.mark.parametrize(
    ("kwargs", "field"),
    [
        ({"owner_id": None, "queue_key": "nope", "reason": "x"}, "queue"),
        ({"owner_id": None, "queue_key": "desk", "reason": "  "}, "reason"),
        ({"owner_id": "auditor", "queue_key": "desk", "reason": "x"}, "owner"),
    ],
)
def test_reassign_refuses_bad_targets(desk, make_contact, make_user, kwargs, field):
    case = services.open_interaction(_data(make_contact().id))
    if kwargs["owner_id"] == "auditor":
        kwargs["owner_id"] = make_user("auditor").id
    with pytest.raises(ValidationFailed) as exc:
        assignment.reassign(case, **kwargs)
    assert field in exc.value.fields


def test_reassign_to_the_same_place_is_a_conflict(desk, make_contact):
    case = services.open_interaction(_data(make_contact().id))
    with pytest.raises(Conflict):
        assignment.reassign(case, owner_id=case.owner_id, queue_key="desk", reason="same")


def test_new_case_signal_carries_queue_and_owner(desk, make_contact):
    heard = []

    def listener(sender, **kw):
        heard.append(kw)

    interaction_assigned.connect(listener)
    try:
        case = services.open_interaction(_data(make_contact().id))
    finally:
        interaction_assigned.disconnect(listener)
    assert heard == [{"queue": "desk", "owner_id": case.owner_id}]


def test_availability_is_audited_and_only_for_case_workers(desk, make_user, db):
    _queue, agents = desk
    assignment.set_availability(agents[0], False)
    assert db.session.scalars(
        select(AuditEvent).where(AuditEvent.action == "agent.availability_set")
    ).one().new_values == {"available": False}
    with pytest.raises(Conflict):
        assignment.set_availability(make_user("auditor"), True)


def test_agent_toggles_availability_and_reassigns_from_pages(desk, make_contact, app, db):
    from tests.conftest import login_as

    _queue, agents = desk
    client = login_as(app.test_client(), agents[0])
    assert client.post("/routing/availability", data={}).status_code == 302
    db.session.expire_all()
    case = services.open_interaction(_data(make_contact().id))
    assert case.owner_id == agents[1].id  # agents[0] stepped away
    page = client.get("/routing/board")
    assert page.status_code == 200 and case.reference in page.text
    resp = client.post(
        f"/routing/interactions/{case.id}/reassign",
        data={"queue": "desk", "owner_id": agents[2].id, "reason": "Callback booked"},
    )
    assert resp.status_code == 302
    db.session.expire_all()
    assert db.session.get(Interaction, case.id).owner_id == agents[2].id
    shown = client.get(f"/cases/{case.id}")
    assert "Queue and SLA" in shown.text and agents[2].display_name in shown.text
