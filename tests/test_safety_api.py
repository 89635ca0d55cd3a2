"""Safety API: /screen, idempotent POST /safety-reports, GET, acknowledge, errors."""

from __future__ import annotations

import threading

import pytest
from sqlalchemy import func, select

from medinfo.audit.models import AuditEvent
from medinfo.safety.models import SafetyReport


def _client(app, make_user, role):
    from medinfo.auth.services import create_token

    _token, plain = create_token(make_user(role), "test")
    client = app.test_client()
    client.headers = {"Authorization": f"Bearer {plain}"}
    return client


@pytest.fixture
def agent_api(app, make_user):
    return _client(app, make_user, "agent")


@pytest.fixture
def pv_api(app, make_user):
    return _client(app, make_user, "pv_officer")


def post(api, path, body, **headers):
    return api.post(path, json=body, headers=api.headers | headers)


REPORT = {
    "adverse_event": True,
    "reporter_qualification": "physician",
    "patient_initials": "JD",
    "patient_age": 71,
    "patient_sex": "male",
    "event_verbatim": "Fainted two days after the first dose.",
    "seriousness": ["hospitalisation"],
    "products": [{"product": "CLX", "batch_lot": "A123", "dose": "50 mg od", "route": "oral"}],
}


def test_screen_flags_a_report_and_not_a_general_question(agent_api):
    resp = post(agent_api, "/api/v1/screen", {"text": "She has been dizzy since she started it."})
    body = resp.get_json()
    assert resp.status_code == 200 and body["reportable"] is True
    flag = body["flags"][0]
    assert flag["category"] == "adverse_event"
    text = "She has been dizzy since she started it."
    assert text[flag["start"] : flag["end"]] == flag["text"]
    general = post(
        agent_api,
        "/api/v1/screen",
        {"text": "Quels sont les effets indésirables ?", "language": "fr"},
    ).get_json()
    assert general == {"reportable": False, "flags": []}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": "x", "language": "de"}, "language"),
        ({"text": "x" * 20_001}, "text"),
    ],
)
def test_screen_errors_name_the_field(agent_api, body, field):
    resp = post(agent_api, "/api/v1/screen", body)
    assert resp.status_code == 422
    assert field in resp.get_json()["error"]["fields"]


def test_screen_needs_a_login(client):
    assert client.post("/api/v1/screen", json={"text": "x"}).status_code == 401


def test_create_is_idempotent_and_returns_deadlines(agent_api, make_interaction, db):
    interaction = make_interaction()
    body = REPORT | {"interaction_id": interaction.id}
    first = post(agent_api, "/api/v1/safety-reports", body, **{"Idempotency-Key": "k-1"})
    assert first.status_code == 201, first.get_json()
    data = first.get_json()
    assert data["reference"].startswith("PV-")
    assert data["day0"].startswith(interaction.received_at.isoformat()[:19])
    assert data["same_day"] is True and data["minimum_criteria_met"] is True
    assert data["products"][0]["product"] == "Cardiolex"
    again = post(agent_api, "/api/v1/safety-reports", body, **{"Idempotency-Key": "k-1"})
    assert again.status_code == 201 and again.get_json()["id"] == data["id"]
    assert again.headers["Idempotent-Replayed"] == "true"
    assert db.session.scalar(select(func.count()).select_from(SafetyReport)) == 1
    reused = post(
        agent_api,
        "/api/v1/safety-reports",
        body | {"patient_age": 72},
        **{"Idempotency-Key": "k-1"},
    )
    assert reused.status_code == 422
    fetched = agent_api.get(f"/api/v1/safety-reports/{data['id']}", headers=agent_api.headers)
    assert fetched.get_json()["reference"] == data["reference"]
    assert fetched.get_json()["status"] == "transferred"


def test_concurrent_retries_with_one_key_make_one_report(app, agent_api, make_interaction, db):
    interaction = make_interaction()
    body = REPORT | {"interaction_id": interaction.id}
    statuses, ids = [], []

    def send():
        resp = agent_api.post(
            "/api/v1/safety-reports",
            json=body,
            headers=agent_api.headers | {"Idempotency-Key": "same"},
        )
        statuses.append(resp.status_code)
        ids.append(resp.get_json().get("id"))

    threads = [threading.Thread(target=send) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert statuses == [201] * 4 and len(set(ids)) == 1
    assert db.session.scalar(select(func.count()).select_from(SafetyReport)) == 1
    created = db.session.scalar(
        select(func.count()).where(AuditEvent.action == "safety_report.created")
    )
    assert created == 1


@pytest.mark.parametrize(
    ("change", "field", "status"),
    [
        ({"interaction_id": 999999}, "interaction_id", 404),
        ({"patient_sex": "x"}, "patient_sex", 422),
        ({"gestation_weeks": 50}, "gestation_weeks", 422),
        ({"seriousness": ["bad"]}, "seriousness", 422),
        ({"event_verbatim": "", "special_situations": []}, "event_verbatim", 422),
        ({"products": [{"start_date": "not-a-date"}]}, "products.0.start_date", 422),
        ({"products": [{"start_date": "2026-05-02", "stop_date": "2026-05-01"}]},
         "products.0.stop_date", 422),
    ],
)  # fmt: skip
def test_create_errors_name_the_field(agent_api, make_interaction, db, change, field, status):
    body = REPORT | {"interaction_id": make_interaction().id} | change
    resp = post(agent_api, "/api/v1/safety-reports", body)
    assert resp.status_code == status, resp.get_json()
    assert field in resp.get_json()["error"]["fields"]
    assert db.session.scalar(select(func.count()).select_from(SafetyReport)) == 0


def test_acknowledge_through_the_api(agent_api, pv_api, make_interaction):
    created = post(
        agent_api, "/api/v1/safety-reports", REPORT | {"interaction_id": make_interaction().id}
    ).get_json()
    path = f"/api/v1/safety-reports/{created['id']}/acknowledge"
    assert post(agent_api, path, {"pv_case_id": "X"}).status_code == 403
    assert post(pv_api, path, {}).status_code == 422
    resp = post(pv_api, path, {"pv_case_id": "EU-2026-77"})
    assert resp.status_code == 200
    assert resp.get_json()["status"] == "acknowledged"
    assert resp.get_json()["pv_case_id"] == "EU-2026-77"
    assert post(pv_api, path, {"pv_case_id": "EU-2026-77"}).status_code == 200
    assert post(pv_api, path, {"pv_case_id": "OTHER"}).status_code == 409
    assert pv_api.get("/api/v1/safety-reports/999999", headers=pv_api.headers).status_code == 404


def test_auditor_cannot_create(app, make_user, make_interaction):
    auditor = _client(app, make_user, "auditor")
    resp = post(
        auditor, "/api/v1/safety-reports", REPORT | {"interaction_id": make_interaction().id}
    )
    assert resp.status_code == 403


def test_openapi_lists_the_safety_operations(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert {
        "/screen",
        "/safety-reports",
        "/safety-reports/{report_id}",
        "/safety-reports/{report_id}/acknowledge",
    } <= set(doc["paths"])
    create = doc["paths"]["/safety-reports"]["post"]
    assert any(p["name"] == "Idempotency-Key" for p in create["parameters"])
    assert {"ScreenIn", "ScreenOut", "SafetyReportIn"} <= set(doc["components"]["schemas"])
