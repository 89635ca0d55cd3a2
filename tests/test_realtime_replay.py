"""Sequence numbers, replay on reconnect, pruning, presence and the soft lock, deadline ticks."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from medinfo.realtime import events as event_log
from medinfo.realtime.models import RealtimeEvent
from tests.test_realtime_socket import (
    connect_fixture,  # noqa: F401  (the `connect` fixture)
    events,
)


def test_sequence_numbers_increase_by_one_per_event(app, db):
    seqs = [event_log.publish("test.ping", "desk", {"n": n})["seq"] for n in range(5)]
    assert seqs == list(range(seqs[0], seqs[0] + 5))
    assert event_log.last_seq() == seqs[-1]
    assert [e.seq for e in db.session.query(RealtimeEvent).order_by(RealtimeEvent.seq)] == seqs


def test_dedupe_key_logs_a_fact_once(app):
    first = event_log.publish("x.overdue", "desk", {}, dedupe_key="x:1")
    assert first is not None
    assert event_log.publish("x.overdue", "desk", {}, dedupe_key="x:1") is None
    assert event_log.last_seq() == first["seq"]  # the refused one used no number


def test_reconnecting_client_receives_what_it_missed_for_its_rooms_only(
    connect, make_user, make_interaction
):
    me, other = make_user("agent"), make_user("agent")
    sc = connect(user=me)
    first = make_interaction()
    seen = events(sc, "interaction.opened")
    last = seen[-1]["seq"]
    sc.disconnect()
    missed_case = make_interaction()
    event_log.publish("call.ringing", f"user:{other.id}", {"call_id": "not-yours"})
    event_log.publish("call.ringing", f"user:{me.id}", {"call_id": "yours"})
    again = connect(user=me)
    ack = again.emit("replay", {"since": last}, callback=True)
    assert ack["ok"] and ack["reset"] is False
    got = [(e["name"], e["data"].get("id") or e["data"].get("call_id")) for e in ack["events"]]
    assert ("interaction.opened", missed_case.id) in got
    assert ("call.ringing", "yours") in got
    assert ("call.ringing", "not-yours") not in got
    assert ("interaction.opened", first.id) not in got
    seqs = [e["seq"] for e in ack["events"]]
    assert seqs == sorted(seqs) and seqs[0] > last
    assert ack["last_seq"] == event_log.last_seq()


def test_replay_includes_joined_case_rooms(connect, make_user, make_interaction):
    from medinfo.interactions import services

    me = make_user("agent")
    case = make_interaction()
    sc = connect(user=me)
    since = event_log.last_seq()
    assert sc.emit("join", {"room": f"interaction:{case.id}"}, callback=True)["ok"]
    services.change_status(case, "pending_info")
    ack = sc.emit("replay", {"since": since}, callback=True)
    assert any(
        e["room"] == f"interaction:{case.id}" and e["data"]["status"] == "pending_info"
        for e in ack["events"]
    )


def test_since_zero_replays_from_the_start_and_bad_numbers_reset(connect, make_user):
    sc = connect(user=make_user("agent"))
    hello = events(sc, "desk.hello")[0]
    assert hello["last_seq"] == 0  # a fresh tab starts from the hello's number
    event_log.publish("test.ping", "desk", {})
    assert len(sc.emit("replay", {"since": 0}, callback=True)["events"]) == 1
    assert sc.emit("replay", {"since": 10_000}, callback=True)["reset"] is True
    assert sc.emit("replay", {"since": "abc"}, callback=True) == {
        "ok": False,
        "error": "bad_request",
    }
    assert sc.emit("replay", {"since": True}, callback=True)["ok"] is False


def test_pruned_gap_asks_for_a_reload(connect, make_user, db):
    sc = connect(user=make_user("agent"))
    first = event_log.publish("test.ping", "desk", {})["seq"]
    event_log.publish("test.ping", "desk", {})
    event_log.publish("test.ping", "desk", {})
    old = datetime.now(UTC) - timedelta(days=30)
    db.session.query(RealtimeEvent).filter(RealtimeEvent.seq <= first + 1).update(
        {"created_at": old}
    )
    db.session.commit()
    assert event_log.prune_events(timedelta(days=7)) == 2
    ack = sc.emit("replay", {"since": first}, callback=True)
    assert ack["reset"] is True and ack["events"] == []
    ack = sc.emit("replay", {"since": first + 1}, callback=True)  # nothing missing after it
    assert ack["reset"] is False and len(ack["events"]) == 1


def test_too_much_to_replay_asks_for_a_reload(connect, make_user, monkeypatch):
    sc = connect(user=make_user("agent"))
    since = event_log.publish("test.ping", "desk", {})["seq"]
    for _ in range(4):
        event_log.publish("test.ping", "desk", {})
    monkeypatch.setattr(event_log, "REPLAY_LIMIT", 3)
    from medinfo.realtime import handlers

    monkeypatch.setattr(handlers, "replay", lambda s, r: event_log.replay(s, r, limit=3))
    assert sc.emit("replay", {"since": since}, callback=True)["reset"] is True


def test_presence_lists_viewers_and_soft_lock_warns_the_second_editor(
    connect, make_user, make_interaction
):
    case = make_interaction()
    alice, bob = (
        make_user("agent", full_name="Alice Roux"),
        make_user("agent", full_name="Bob Lenoir"),
    )
    a, b = connect(user=alice), connect(user=bob)
    ack = a.emit("case.view", {"interaction_id": case.id}, callback=True)
    assert [v["name"] for v in ack["viewers"]] == ["Alice Roux"]
    b.emit("case.view", {"interaction_id": case.id}, callback=True)
    latest = [m["args"][0] for m in a.get_received() if m["name"] == "case.presence"][-1]
    assert {v["name"] for v in latest["viewers"]} == {"Alice Roux", "Bob Lenoir"}

    assert a.emit("case.editing", {"interaction_id": case.id, "editing": True}, callback=True)["ok"]
    refused = b.emit("case.editing", {"interaction_id": case.id, "editing": True}, callback=True)
    assert refused["error"] == "locked" and refused["locked_by"]["name"] == "Alice Roux"
    shown = [m["args"][0] for m in b.get_received() if m["name"] == "case.presence"][-1]
    assert [v for v in shown["viewers"] if v["editing"]][0]["name"] == "Alice Roux"

    a.disconnect()  # closing the tab frees the lock and the presence
    assert b.emit("case.editing", {"interaction_id": case.id, "editing": True}, callback=True)["ok"]
    latest = [m["args"][0] for m in b.get_received() if m["name"] == "case.presence"][-1]
    assert [v["name"] for v in latest["viewers"]] == ["Bob Lenoir"]


def test_stale_presence_no_longer_counts(connect, make_user, make_interaction, db):
    from medinfo.realtime import presence
    from medinfo.realtime.models import CasePresence

    case = make_interaction()
    alice, bob = make_user("agent"), make_user("agent")
    a, b = connect(user=alice), connect(user=bob)
    a.emit("case.view", {"interaction_id": case.id}, callback=True)
    a.emit("case.editing", {"interaction_id": case.id, "editing": True}, callback=True)
    db.session.query(CasePresence).update(
        {"seen_at": datetime.now(UTC) - presence.STALE_AFTER - timedelta(seconds=5)}
    )
    db.session.commit()
    assert b.emit("case.editing", {"interaction_id": case.id, "editing": True}, callback=True)["ok"]
    assert presence.prune_presence() == 1


def test_presence_of_a_case_one_cannot_see_is_refused(connect, make_user):
    sc = connect(user=make_user("agent"))
    assert sc.emit("case.view", {"interaction_id": 424242}, callback=True)["ok"] is False
    assert sc.emit("case.editing", {"interaction_id": "x"}, callback=True)["ok"] is False


@pytest.fixture
def overdue_case(make_interaction, db):
    case = make_interaction()
    case.sla_due_at = datetime.now(UTC) - timedelta(minutes=10)
    db.session.commit()
    return case


def test_tick_emits_overdue_once_to_the_queue(
    connect, make_user, overdue_case, make_interaction, db
):
    from medinfo.realtime.deadlines import check_deadlines

    soon = make_interaction()
    soon.sla_due_at = datetime.now(UTC) + timedelta(minutes=30)
    later = make_interaction()
    later.sla_due_at = datetime.now(UTC) + timedelta(days=3)
    db.session.commit()
    sc = connect(user=make_user("agent"))
    sc.get_received()
    assert check_deadlines() >= 2
    overdue = events(sc, "interaction.overdue")
    assert [e["data"]["id"] for e in overdue] == [overdue_case.id]
    assert check_deadlines() == 0  # each fact once
    assert events(sc, "interaction.overdue") == []
    from medinfo.realtime.models import RealtimeEvent as Ev

    kinds = {(e.name, e.payload["id"]) for e in db.session.query(Ev)}
    assert ("interaction.due_soon", soon.id) in kinds
    assert all(i != later.id for name, i in kinds if name.endswith(("due_soon", "overdue")))


def test_tick_command(runner, overdue_case):
    result = runner.invoke(args=["realtime", "tick"])
    assert result.exit_code == 0, result.output
    assert "deadline events sent" in result.output
    again = runner.invoke(args=["realtime", "tick"])
    assert again.output.startswith("0 deadline events sent")


def test_labels_need_a_login_and_are_translated(client, logged_in):
    assert client.get("/live/labels").status_code in (302, 401)
    agent = logged_in("agent")
    body = agent.get("/live/labels").get_json()
    assert body["incoming_call"] == "Incoming call"


def test_every_action_a_toast_can_show_has_words_in_both_languages(app, logged_in, make_user):
    """Toasts say what happened in the user's language, never a raw code like 'follow_up_done'."""
    import re
    from pathlib import Path

    from tests.conftest import login_as

    source = "\n".join(p.read_text() for p in Path("medinfo").rglob("*.py"))
    sent = set(re.findall(r'_changed\.send\([^)]*action="(\w+)"', source))
    sent |= set(re.findall(r'report_committed\(\w+(?:\[0\])?, "(\w+)"\)', source))
    assert {"opened", "acknowledged", "follow_up_done", "signed"} <= sent
    english = logged_in("agent").get("/live/labels").get_json()
    assert {f"action.{code}" for code in sent} <= set(english)
    french_client = login_as(app.test_client(), make_user("agent", language="fr"))
    french = french_client.get("/live/labels").get_json()
    assert french["action.acknowledged"] != english["action.acknowledged"]
