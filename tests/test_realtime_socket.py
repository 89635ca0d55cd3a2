"""Socket.IO: authenticated connects, same-origin handshakes, authorised rooms, live events."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from types import SimpleNamespace

import pytest

from medinfo.extensions import socketio
from medinfo.signals import article_changed, escalation_changed, interaction_assigned
from tests.conftest import login_as


@pytest.fixture(name="connect")
def connect_fixture(app):
    """Open a Socket.IO test client: connect(user=…) by cookie, connect(token=…) by token."""
    opened = []
    server = socketio.server
    patched = ("_send_packet", "_send_eio_packet", "async_handlers")
    saved = {name: server.__dict__.get(name) for name in patched}
    saved_eio = server.eio.async_handlers

    def make(user=None, token=None, auth=None, flask_client=None):
        flask_client = flask_client or app.test_client()
        if user is not None:
            login_as(flask_client, user)
        if token is not None:
            auth = {"token": token}
        # Its own app context, as in production: the test's `g` would cache the last login.
        with app.app_context():
            sc = socketio.test_client(app, flask_test_client=flask_client, auth=auth)
        opened.append(sc)
        return sc

    yield make
    for sc in opened:
        if sc.is_connected():
            sc.disconnect()
    # The test client patches the shared server; undo it so real sockets (browser tests,
    # run later in the same session) get their packets again.
    for name, value in saved.items():
        if value is None:
            server.__dict__.pop(name, None)
        else:
            setattr(server, name, value)
    server.eio.async_handlers = saved_eio


@pytest.fixture
def token_for(app):
    """A bearer token for a user."""
    from medinfo.auth.services import create_token

    def make(user):
        return create_token(user, "socket test")[1]

    return make


def names(sc) -> list[str]:
    """Names of the events a client received since last asked."""
    return [m["name"] for m in sc.get_received()]


def events(sc, name: str) -> list[dict]:
    """Payloads (envelopes) of one event name received since last asked."""
    return [m["args"][0] for m in sc.get_received() if m["name"] == name]


def test_anonymous_connect_is_refused(connect):
    assert not connect().is_connected()


def test_bad_or_revoked_token_is_refused(connect, make_user, token_for):
    assert not connect(token="mi_not-a-real-token").is_connected()
    assert not connect(auth={"token": 12345}).is_connected()
    assert not connect(auth="just a string").is_connected()
    user = make_user("agent")
    from medinfo.auth.models import ApiToken
    from medinfo.auth.services import revoke_token

    plain = token_for(user)
    revoke_token(ApiToken.query.filter_by(user_id=user.id).one())
    assert not connect(token=plain).is_connected()


def test_inactive_user_is_refused(connect, make_user, db):
    user = make_user("agent")
    user.active = False
    db.session.commit()
    assert not connect(user=user).is_connected()


def test_expired_session_is_refused(app, connect, make_user):
    user = make_user("agent")
    client = app.test_client()
    login_as(client, user)
    stale = (datetime.now(UTC) - timedelta(hours=2)).isoformat()
    with client.session_transaction() as sess:
        sess["last_seen"] = stale
    assert not connect(flask_client=client).is_connected()


def test_session_cookie_connects_and_joins_home_rooms(connect, make_user):
    user = make_user("agent")
    sc = connect(user=user)
    assert sc.is_connected()
    hello = [m["args"][0] for m in sc.get_received() if m["name"] == "desk.hello"]
    assert hello and hello[0]["user_id"] == user.id
    assert set(hello[0]["rooms"]) == {"desk", f"user:{user.id}", "role:agent", "queue:general"}


def test_token_connects_an_integration(connect, make_user, token_for):
    user = make_user("medical_reviewer")
    sc = connect(token=token_for(user))
    assert sc.is_connected()
    hello = events(sc, "desk.hello")[0]
    assert "role:medical_reviewer" in hello["rooms"]


def test_foreign_origin_handshake_is_refused_same_origin_accepted(client):
    path = "/socket.io/?EIO=4&transport=polling"
    foreign = client.get(path, headers={"Origin": "http://evil.example"})
    assert foreign.status_code == 400
    assert "access-control-allow-origin" not in {k.lower() for k in foreign.headers.keys()}
    same = client.get(path, headers={"Origin": "http://localhost"})
    assert same.status_code == 200


@pytest.mark.parametrize(
    ("room", "allowed"),
    [
        ("desk", True),
        ("user:{me}", True),
        ("user:{other}", False),
        ("role:agent", True),
        ("role:pv_officer", False),
        ("queue:general", True),
        ("queue:oncology-secret", False),
        ("interaction:{case}", True),
        ("interaction:999999", False),
        ("interaction:abc", False),
        ("admin", False),
        ("x" * 200, False),
    ],
)
def test_join_is_authorised(connect, make_user, make_interaction, room, allowed):
    me, other = make_user("agent"), make_user("agent")
    case = make_interaction()
    sc = connect(user=me)
    ack = sc.emit(
        "join", {"room": room.format(me=me.id, other=other.id, case=case.id)}, callback=True
    )
    assert ack["ok"] is allowed
    if not allowed:
        assert ack == {"ok": False, "error": "forbidden"}


def test_join_without_a_room_or_garbage_is_refused(connect, make_user):
    sc = connect(user=make_user("agent"))
    assert sc.emit("join", None, callback=True)["ok"] is False
    assert sc.emit("join", ["room"], callback=True)["ok"] is False
    assert sc.emit("join", {"room": 42}, callback=True)["ok"] is False


def test_user_without_case_permission_cannot_join_a_case(connect, make_user, make_interaction):
    from medinfo.permissions import ROLE_PERMISSIONS, Permission, Role

    case = make_interaction()
    # every role reads cases today; a role without the permission must be refused
    assert all(Permission.VIEW_INTERACTIONS in perms for perms in ROLE_PERMISSIONS.values())
    user = make_user("auditor")
    sc = connect(user=user)
    assert sc.emit("join", {"room": f"interaction:{case.id}"}, callback=True)["ok"] is True
    original = ROLE_PERMISSIONS[Role.AUDITOR]
    ROLE_PERMISSIONS[Role.AUDITOR] = original - {Permission.VIEW_INTERACTIONS}
    try:
        ack = sc.emit("join", {"room": f"interaction:{case.id}"}, callback=True)
    finally:
        ROLE_PERMISSIONS[Role.AUDITOR] = original
    assert ack == {"ok": False, "error": "forbidden"}


def test_new_case_reaches_queue_members_not_other_roles(connect, make_user, make_interaction):
    agent = connect(user=make_user("agent"))
    pv = connect(user=make_user("pv_officer"))
    agent.get_received()
    pv.get_received()
    case = make_interaction()
    opened = events(agent, "interaction.opened")
    assert len(opened) == 1
    envelope = opened[0]
    assert envelope["room"] == "queue:general"
    assert envelope["data"]["id"] == case.id and envelope["data"]["reference"] == case.reference
    assert envelope["seq"] >= 1
    assert "interaction.opened" not in names(pv)


def test_event_is_logged_after_commit_and_nothing_for_a_refused_change(
    connect, make_user, make_contact, db
):
    from medinfo.errors import ValidationFailed
    from medinfo.interactions import services
    from medinfo.realtime.models import RealtimeEvent

    sc = connect(user=make_user("agent"))
    sc.get_received()
    contact = make_contact()
    bad = services.InteractionData(
        contact_id=contact.id, channel="phone", unsolicited=None, language="fr", requests=[]
    )
    with pytest.raises(ValidationFailed):
        services.open_interaction(bad)
    assert names(sc) == []
    assert db.session.query(RealtimeEvent).count() == 0


def test_assignment_reaches_owner_and_queue(connect, make_user, make_interaction):
    owner, colleague = make_user("agent"), make_user("agent")
    case = make_interaction()
    a, b = connect(user=owner), connect(user=colleague)
    a.get_received()
    b.get_received()
    interaction_assigned.send(case, queue="general", owner_id=owner.id)
    mine = events(a, "interaction.assigned")
    assert {e["room"] for e in mine} == {"queue:general", f"user:{owner.id}"}
    theirs = events(b, "interaction.assigned")
    assert [e["room"] for e in theirs] == ["queue:general"]
    assert theirs[0]["data"]["owner_id"] == owner.id


def test_escalation_reaches_reviewers_only(connect, make_user, make_interaction):
    case = make_interaction()
    reviewer = connect(user=make_user("medical_reviewer"))
    agent = connect(user=make_user("agent"))
    reviewer.get_received()
    agent.get_received()
    escalation = SimpleNamespace(id=7, interaction_id=case.id, interaction=case, created_by_id=None)
    escalation_changed.send(escalation, action="escalated")
    got = events(reviewer, "escalation.changed")
    assert len(got) == 1 and got[0]["data"]["reference"] == case.reference
    assert got[0]["data"]["url"].endswith(f"/cases/{case.id}")
    assert "escalation.changed" not in names(agent)


def test_article_approved_reaches_everyone(connect, make_user):
    clients = [connect(user=make_user(role)) for role in ("agent", "pv_officer", "auditor")]
    for sc in clients:
        sc.get_received()
    version = SimpleNamespace(
        id=3, article_id="srd-cardiolex-renal", title="Renal dosing", version=2
    )
    article_changed.send(version, action="approved")
    for sc in clients:
        got = events(sc, "article.approved")
        assert len(got) == 1 and got[0]["data"]["title"] == "Renal dosing"


def test_a_broken_bridge_does_not_fail_the_committed_request(make_user, db, caplog):
    from medinfo.realtime.models import RealtimeEvent

    escalation_changed.send(SimpleNamespace(), action="escalated")  # no id: bridge fails, logged
    assert "not sent" in caplog.text
    assert db.session.query(RealtimeEvent).count() == 0


def test_errors_in_handlers_never_leak_text(connect, make_user, monkeypatch):
    from medinfo.realtime import presence

    def boom(*_a, **_k):
        raise RuntimeError("secret internals /etc/passwd")

    monkeypatch.setattr(presence, "viewers", boom)
    sc = connect(user=make_user("agent"))
    ack = sc.emit("case.view", {"interaction_id": 1}, callback=True)
    assert ack == {"ok": False, "error": "forbidden"}  # unknown case: refused before the boom
    monkeypatch.setattr(presence, "enter_case", boom)
    from medinfo.realtime import rooms

    monkeypatch.setattr(rooms, "may_join", lambda *_a: True)
    ack = sc.emit("case.view", {"interaction_id": 1}, callback=True)
    assert ack == {"ok": False, "error": "internal"}
