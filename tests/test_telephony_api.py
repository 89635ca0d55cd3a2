"""POST /api/v1/telephony/events: screen pop to the right agent, timer events, field errors."""

from __future__ import annotations

import pytest

from tests.test_realtime_socket import (
    connect_fixture,  # noqa: F401  (the `connect` fixture)
    events,
)

URL = "/api/v1/telephony/events"


@pytest.fixture
def phone_system(app, make_user):
    """Headers of the telephony integration (a bearer token of a desk user)."""
    from medinfo.auth.services import create_token

    user = make_user("agent", username="pbx")
    return {"Authorization": f"Bearer {create_token(user, 'PBX')[1]}"}


def post(client, headers, **body):
    return client.post(URL, json=body, headers=headers)


def test_ringing_pops_the_callers_record_and_history_on_the_agents_screens_only(
    client, phone_system, connect, make_user, make_contact, make_interaction
):
    alice, bob = make_user("agent", username="alice"), make_user("agent", username="bob")
    contact = make_contact(first_name="Anne", last_name="Dubois", phones=["+33 4 72 11 22 33"])
    case = make_interaction(contact=contact)
    a, a2, b = connect(user=alice), connect(user=alice), connect(user=bob)
    for sc in (a, a2, b):
        sc.get_received()
    res = post(
        client, phone_system, event="ringing", call_id="c-1", ani="04 72 11 22 33", agent="alice"
    )
    assert res.status_code == 202, res.get_json()
    body = res.get_json()
    assert body["agent"] == "alice" and body["matches"] == 1 and body["seq"] >= 1
    for sc in (a, a2):  # every tab of the agent
        pops = events(sc, "call.ringing")
        assert len(pops) == 1
        pop = pops[0]["data"]
        assert pop["e164"] == "+33472112233"
        assert pop["contacts"][0]["id"] == contact.id
        assert pop["contacts"][0]["name"] == "Anne Dubois"
        assert any(h["reference"] == case.reference for h in pop["history"])
        assert (
            f"contact={contact.id}" in pop["intake_url"]
            and "phone=%2B33472112233" in pop["intake_url"]
        )
    assert events(b, "call.ringing") == []


def test_unknown_number_offers_new_contact_intake_with_the_number(
    client, phone_system, connect, make_user
):
    alice = make_user("agent", username="alice")
    sc = connect(user=alice)
    sc.get_received()
    res = post(
        client, phone_system, event="ringing", call_id="c-2", ani="+33 6 12 34 56 78", agent="alice"
    )
    assert res.status_code == 202
    pop = events(sc, "call.ringing")[0]["data"]
    assert pop["contacts"] == [] and pop["history"] == []
    assert pop["intake_url"].endswith("/cases/intake?phone=%2B33612345678&call=c-2")
    page = client.get(pop["intake_url"])  # not logged in: the URL is only a link
    assert page.status_code in (302, 401)


def test_answered_and_ended_reach_the_calls_agent_and_are_recorded(
    client, phone_system, connect, make_user, db
):
    from medinfo.audit.models import AuditEvent
    from medinfo.telephony.models import TelephonyCall

    alice = make_user("agent", username="alice")
    sc = connect(user=alice)
    post(client, phone_system, event="ringing", call_id="c-3", ani="+33612345678", agent="alice")
    sc.get_received()
    assert post(client, phone_system, event="answered", call_id="c-3", ani="").status_code == 202
    assert post(client, phone_system, event="ended", call_id="c-3", ani="").status_code == 202
    got = [(m["name"], m["args"][0]["data"]) for m in sc.get_received()]
    assert [n for n, _ in got] == ["call.answered", "call.ended"]
    assert got[0][1]["answered_at"] and got[1][1]["ended_at"]
    call = db.session.query(TelephonyCall).filter_by(call_id="c-3").one()
    assert call.state == "ended" and call.agent_id == alice.id
    assert call.answered_at <= call.ended_at
    actions = [
        e.action for e in db.session.query(AuditEvent).filter_by(entity_type="telephony_call")
    ]
    assert actions == ["telephony.ringing", "telephony.answered", "telephony.ended"]


def test_agents_own_softphone_needs_no_agent_field(connect, logged_in):
    agent = logged_in("agent")
    sc = connect(user=agent.user)
    sc.get_received()
    res = agent.post(URL, json={"event": "ringing", "call_id": "soft-1", "ani": "+33612345678"})
    assert res.status_code == 202 and res.get_json()["agent"] == agent.user.username
    assert len(events(sc, "call.ringing")) == 1


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"call_id": "x", "ani": "1"}, "event"),
        ({"event": "hangup", "call_id": "x", "ani": "1"}, "event"),
        ({"event": "ringing", "ani": "1", "agent": "alice"}, "call_id"),
        ({"event": "ringing", "call_id": "", "ani": "1", "agent": "alice"}, "call_id"),
        ({"event": "ringing", "call_id": "x" * 200, "ani": "1", "agent": "alice"}, "call_id"),
        ({"event": "ringing", "call_id": "x", "agent": "alice"}, "ani"),
        ({"event": "ringing", "call_id": "x", "ani": "1", "agent": "nobody"}, "agent"),
        ({"event": "ringing", "call_id": "x", "ani": "1", "agent": "auditor1"}, "agent"),
    ],
)
def test_bad_events_get_field_errors_and_change_nothing(
    client, phone_system, make_user, db, body, field
):
    from medinfo.telephony.models import TelephonyCall

    make_user("agent", username="alice")
    make_user("auditor", username="auditor1")
    res = client.post(URL, json=body, headers=phone_system)
    assert res.status_code == 422
    assert field in res.get_json()["error"]["fields"]
    assert db.session.query(TelephonyCall).count() == 0


def test_integration_user_without_agent_field_is_told_to_name_one(client, make_user):
    from medinfo.auth.services import create_token

    reviewer = make_user("medical_reviewer")
    reviewer_headers = {"Authorization": f"Bearer {create_token(reviewer, 'x')[1]}"}
    res = post(client, reviewer_headers, event="ringing", call_id="x", ani="1")
    assert res.status_code == 202  # reviewers take calls too: the pop goes to themselves
    pv = make_user("pv_officer")
    pv_headers = {"Authorization": f"Bearer {create_token(pv, 'y')[1]}"}
    assert post(client, pv_headers, event="ringing", call_id="y", ani="1").status_code == 403


def test_out_of_order_events_conflict(client, phone_system, make_user):
    make_user("agent", username="alice")
    post(client, phone_system, event="ended", call_id="c-9", ani="", agent="alice")
    res = post(client, phone_system, event="answered", call_id="c-9", ani="", agent="alice")
    assert res.status_code == 409 and res.get_json()["error"]["code"] == "conflict"


def test_anonymous_and_bad_json_are_refused(client, phone_system):
    assert client.post(URL, json={"event": "ringing"}).status_code == 401
    res = client.post(URL, data="not json", headers={**phone_system, "Content-Type": "text/plain"})
    assert res.status_code == 422 and "body" in res.get_json()["error"]["fields"]


def test_call_state_for_the_intake_timer(client, phone_system, logged_in):
    agent = logged_in("agent")
    post(
        client,
        phone_system,
        event="answered",
        call_id="c-7",
        ani="+33612345678",
        agent=agent.user.username,
    )
    state = agent.get("/api/v1/telephony/calls?call_id=c-7").get_json()
    assert state["state"] == "answered" and state["answered_at"] and state["ended_at"] is None
    other = logged_in("agent")
    assert other.get("/api/v1/telephony/calls?call_id=c-7").status_code == 404


def test_openapi_lists_the_telephony_events(client):
    spec = client.get("/api/v1/openapi.json").get_json()
    op = spec["paths"]["/telephony/events"]["post"]
    assert "ringing" in str(spec["components"]["schemas"]["TelephonyEventIn"])
    assert op["summary"].startswith("Phone-system call event")
