"""The audit trail is chained by HMAC: edits, deletions, insertions, swaps and truncation show."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select, text

from medinfo.audit import record_event, verify_chain
from medinfo.audit.models import AuditEvent


@pytest.fixture
def trail(db):
    """Ten committed events."""
    for i in range(10):
        record_event("test.event", "thing", i, new={"n": i})
        db.session.commit()
    assert verify_chain().ok
    return db


def _exec(db, sql: str, **params) -> None:
    db.session.execute(text(sql), params)
    db.session.commit()


def test_intact_chain_verifies(trail):
    result = verify_chain()
    assert result.ok and result.checked == 10


def test_edit_detected(trail):
    _exec(trail, "UPDATE audit_events SET new_values = :v WHERE seq = 4", v=json.dumps({"n": 99}))
    result = verify_chain()
    assert not result.ok and result.bad_seq == 4 and "altered" in result.problem


def test_edit_of_actor_detected(trail):
    _exec(trail, "UPDATE audit_events SET username = 'mallory' WHERE seq = 7")
    assert verify_chain().bad_seq == 7


def test_deletion_in_the_middle_detected(trail):
    _exec(trail, "DELETE FROM audit_events WHERE seq = 5")
    result = verify_chain()
    assert not result.ok and result.bad_seq == 5 and "missing" in result.problem


def test_insertion_detected(trail):
    row = trail.session.scalar(select(AuditEvent).where(AuditEvent.seq == 10))
    _exec(trail, "UPDATE audit_events SET seq = seq + 1000 WHERE seq >= 6")
    _exec(trail, "UPDATE audit_events SET seq = seq - 999 WHERE seq >= 1000")
    # A forged event without the key cannot carry a valid MAC.
    _exec(
        trail,
        "INSERT INTO audit_events (seq, occurred_at, username, role, action, entity_type,"
        " entity_id, prev_mac, mac) VALUES (6, :at, 'x', 'admin', 'forged', 'thing', '1',"
        " :prev, :mac)",
        at=row.occurred_at.replace(tzinfo=None),
        prev="0" * 64,
        mac="f" * 64,
    )
    result = verify_chain()
    assert not result.ok and result.bad_seq == 6


def test_swap_detected(trail):
    _exec(trail, "UPDATE audit_events SET seq = -1 WHERE seq = 3")
    _exec(trail, "UPDATE audit_events SET seq = 3 WHERE seq = 8")
    _exec(trail, "UPDATE audit_events SET seq = 8 WHERE seq = -1")
    result = verify_chain()
    assert not result.ok and result.bad_seq == 3


def test_truncation_detected_by_checkpoint(trail):
    _exec(trail, "DELETE FROM audit_events WHERE seq > 7")
    _exec(
        trail,
        "UPDATE audit_chain_heads SET seq = 7, mac = (SELECT mac FROM audit_events WHERE seq = 7)",
    )
    result = verify_chain()
    assert not result.ok and "truncated" in result.problem


def test_appended_forgery_detected(trail):
    row = trail.session.scalar(select(AuditEvent).where(AuditEvent.seq == 10))
    _exec(
        trail,
        "INSERT INTO audit_events (seq, occurred_at, username, role, action, entity_type,"
        " entity_id, prev_mac, mac) VALUES (11, :at, 'x', 'admin', 'forged', 'thing', '1',"
        " :prev, :mac)",
        at=row.occurred_at.replace(tzinfo=None),
        prev=row.mac,
        mac="f" * 64,
    )
    result = verify_chain()
    assert not result.ok and result.bad_seq == 11


def test_truncation_detected_by_head_row(trail):
    _exec(trail, "DELETE FROM audit_events WHERE seq > 8")
    result = verify_chain()
    assert not result.ok and "chain head" in result.problem


def test_altered_checkpoint_detected(trail, app):
    path = Path(app.config["MEDINFO_AUDIT_CHECKPOINT"])
    data = json.loads(path.read_text())
    data["seq"] = 3
    path.write_text(json.dumps(data))
    assert "checkpoint file was altered" in verify_chain().problem


def test_missing_checkpoint_detected(trail, app):
    import os

    os.remove(app.config["MEDINFO_AUDIT_CHECKPOINT"])
    assert "no checkpoint" in verify_chain().problem


def test_rolled_back_change_leaves_no_event(db):
    record_event("test.event", "thing", 1)
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == 0
    assert verify_chain().ok


def test_concurrent_writers_never_fork_the_chain(app, db):
    """Eight threads writing at once still give one gap-free chain."""
    errors: list[BaseException] = []

    def writer(n: int) -> None:
        try:
            with app.app_context():
                for i in range(10):
                    record_event("test.concurrent", "thing", f"{n}-{i}")
                    db.session.commit()
                db.session.remove()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    result = verify_chain()
    assert result.ok and result.checked == 80


def test_cli_verify_exit_codes(trail, runner):
    ok = runner.invoke(args=["audit", "verify"])
    assert ok.exit_code == 0 and "intact: 10 events" in ok.output
    _exec(trail, "UPDATE audit_events SET action = 'tampered' WHERE seq = 2")
    bad = runner.invoke(args=["audit", "verify"])
    assert bad.exit_code == 1 and "#2" in bad.output


def test_every_service_change_is_audited(make_interaction, db):
    interaction = make_interaction()
    actions = set(db.session.scalars(select(AuditEvent.action)))
    assert {"product.created", "contact.created", "interaction.opened", "call.logged"} <= actions
    opened = db.session.scalar(select(AuditEvent).where(AuditEvent.action == "interaction.opened"))
    assert opened.entity_id == str(interaction.id)
    assert opened.new_values["reference"] == interaction.reference
