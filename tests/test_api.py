"""JSON API: bearer tokens, contacts, interactions with Idempotency-Key, errors, OpenAPI."""

from __future__ import annotations

import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from medinfo.interactions.models import Interaction


@pytest.fixture
def api(app, make_user):
    """A test client and the headers of an agent's bearer token."""
    from medinfo.auth.services import create_token

    user = make_user("agent")
    _token, plain = create_token(user, "test")
    client = app.test_client()
    client.headers = {"Authorization": f"Bearer {plain}"}
    client.token = plain
    return client


def post(api, path, body, **headers):
    return api.post(path, json=body, headers=api.headers | headers)


def get(api, path):
    return api.get(path, headers=api.headers)


CONTACT = {
    "first_name": "John",
    "last_name": "Carter",
    "profession": "physician",
    "specialty": "cardiology",
    "registry_type": "npi",
    "registry_number": "1234567893",
    "phone": "(617) 555-0142",
    "email": "jcarter@example.org",
    "city": "Boston",
    "country": "US",
    "language": "en",
}


def test_requires_authentication(client):
    resp = client.get("/api/v1/contacts?q=x")
    assert resp.status_code == 401 and resp.get_json()["error"]["code"] == "unauthorized"
    resp = client.get("/api/v1/contacts?q=x", headers={"Authorization": "Bearer mid_wrong"})
    assert resp.status_code == 401


def test_revoked_token_stops_working(api, db):
    from medinfo.auth.models import ApiToken
    from medinfo.auth.services import revoke_token

    assert get(api, "/api/v1/contacts?q=x").status_code == 200
    revoke_token(db.session.scalar(select(ApiToken)))
    assert get(api, "/api/v1/contacts?q=x").status_code == 401


def test_contact_create_find_and_duplicate(api):
    resp = post(api, "/api/v1/contacts", CONTACT)
    assert resp.status_code == 201, resp.get_json()
    created = resp.get_json()
    assert created["phones"] == ["+16175550142"]
    found = get(api, "/api/v1/contacts?phone=617-555-0142&country=US").get_json()["results"]
    assert found == get(api, "/api/v1/contacts?phone=%2B16175550142").get_json()["results"]
    assert [c["id"] for c in found] == [created["id"]]
    assert get(api, "/api/v1/contacts?q=carter").get_json()["results"][0]["id"] == created["id"]
    dup = post(api, "/api/v1/contacts", CONTACT)
    assert dup.status_code == 409 and dup.get_json()["error"]["code"] == "possible_duplicate"
    again = post(api, "/api/v1/contacts", CONTACT | {"allow_duplicate": True})
    assert again.status_code == 201


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "last_name"),
        (CONTACT | {"profession": "astronaut"}, "profession"),
        (CONTACT | {"registry_number": "1234567890"}, "registry_number"),
        (CONTACT | {"phone": "12"}, "phone"),
        (CONTACT | {"last_name": "x" * 5000}, "last_name"),
        (CONTACT | {"consent_contact": "yes"}, "consent_contact"),
        (CONTACT | {"language": 3}, "language"),
        (CONTACT | {"country": None}, "country"),
    ],
)
def test_contact_errors_name_the_field(api, body, field):
    resp = post(api, "/api/v1/contacts", body)
    assert resp.status_code == 422
    assert field in resp.get_json()["error"]["fields"]


@pytest.mark.parametrize("raw", [b"", b"not json", b"[1,2]", b'"text"', b"null", b"{" * 10])
def test_malformed_bodies_are_4xx(api, raw):
    resp = api.post(
        "/api/v1/contacts", data=raw, headers=api.headers | {"Content-Type": "application/json"}
    )
    assert 400 <= resp.status_code < 500
    assert "error" in resp.get_json()


@pytest.fixture
def contact_id(api, products):
    return post(api, "/api/v1/contacts", CONTACT).get_json()["id"]


def interaction_body(contact_id: int) -> dict:
    now = datetime.now(UTC)
    return {
        "contact_id": contact_id,
        "channel": "phone",
        "unsolicited": True,
        "language": "en",
        "requests": [
            {
                "product": "Cardiolex",
                "category": "medical_info",
                "question": "Dose in renal impairment?",
            },
            {"product": "CLX", "category": "other", "question": "Stock?"},
        ],
        "call": {
            "started_at": (now - timedelta(minutes=4)).isoformat(),
            "ended_at": now.isoformat(),
            "ani": "+16175550142",
            "notes": "ok",
        },
    }


def test_interaction_create_get_and_call(api, contact_id):
    resp = post(api, "/api/v1/interactions", interaction_body(contact_id))
    assert resp.status_code == 201, resp.get_json()
    body = resp.get_json()
    assert body["reference"].startswith("MI-") and len(body["requests"]) == 2
    assert body["requests"][1]["product"] == "Cardiolex"  # alias resolved
    assert get(api, f"/api/v1/interactions/{body['id']}").get_json()["id"] == body["id"]
    now = datetime.now(UTC)
    call = post(
        api,
        f"/api/v1/interactions/{body['id']}/calls",
        {
            "started_at": (now - timedelta(minutes=1)).isoformat(),
            "ended_at": now.isoformat(),
            "outcome": "voicemail",
            "direction": "outbound",
        },
    )
    assert call.status_code == 201 and call.get_json()["duration_seconds"] == 60
    history = get(api, f"/api/v1/contacts/{contact_id}/history").get_json()
    types = [e["type"] for e in history["events"]]
    assert types.count("call") == 2 and "interaction" in types
    assert history["events"][0]["at"] >= history["events"][-1]["at"]


def test_idempotency_key_returns_the_same_interaction(api, contact_id, db):
    body = interaction_body(contact_id)
    first = post(api, "/api/v1/interactions", body, **{"Idempotency-Key": "abc-1"})
    second = post(api, "/api/v1/interactions", body, **{"Idempotency-Key": "abc-1"})
    assert first.status_code == second.status_code == 201
    assert first.get_json()["id"] == second.get_json()["id"]
    assert second.headers.get("Idempotent-Replayed") == "true"
    assert db.session.scalar(select(func.count()).select_from(Interaction)) == 1
    other = post(
        api, "/api/v1/interactions", body | {"language": "fr"}, **{"Idempotency-Key": "abc-1"}
    )
    assert other.status_code == 422


def test_idempotency_under_concurrent_retries(app, api, contact_id, db):
    body = interaction_body(contact_id)
    ids: list[int] = []

    def send() -> None:
        c = app.test_client()
        r = c.post(
            "/api/v1/interactions", json=body, headers=api.headers | {"Idempotency-Key": "race-7"}
        )
        ids.append(r.get_json()["id"])

    threads = [threading.Thread(target=send) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(ids) == 6 and len(set(ids)) == 1
    assert db.session.scalar(select(func.count()).select_from(Interaction)) == 1


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"contact_id": 999999}, "contact_id"),
        ({"contact_id": "abc"}, "contact_id"),
        ({"unsolicited": "yes"}, "unsolicited"),
        ({"channel": "carrier pigeon"}, "channel"),
        ({"requests": []}, "requests"),
        ({"requests": [{"category": "medical_info"}]}, "requests.0.question"),
        (
            {"requests": [{"product": "Nope", "category": "other", "question": "?"}]},
            "requests.0.product",
        ),
        ({"received_at": "yesterday"}, "received_at"),
        ({"received_at": "2026-01-01T10:00:00"}, "received_at"),  # no time zone
        ({"received_at": "2999-01-01T10:00:00+00:00"}, "received_at"),
        (
            {
                "call": {
                    "started_at": "2026-01-01T10:00:00+00:00",
                    "ended_at": "2025-01-01T10:00:00+00:00",
                }
            },
            "call.ended_at",
        ),
    ],
)
def test_interaction_errors_name_the_field(api, contact_id, change, field):
    resp = post(api, "/api/v1/interactions", interaction_body(contact_id) | change)
    assert resp.status_code in (404, 422), resp.get_json()
    assert field in resp.get_json()["error"]["fields"], resp.get_json()


def test_unknown_ids_are_404(api):
    assert get(api, "/api/v1/interactions/424242").status_code == 404
    assert get(api, "/api/v1/contacts/424242/history").status_code == 404


def test_auditor_token_cannot_write(app, make_user):
    from medinfo.auth.services import create_token

    _t, plain = create_token(make_user("auditor"), "audit")
    resp = app.test_client().post(
        "/api/v1/contacts", json=CONTACT, headers={"Authorization": f"Bearer {plain}"}
    )
    assert resp.status_code == 403


def test_openapi_document_lists_operations_and_schemas(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    assert doc["openapi"].startswith("3.1")
    assert {
        "/contacts",
        "/interactions",
        "/interactions/{interaction_id}/calls",
        "/contacts/{contact_id}/history",
    } <= set(doc["paths"])
    post_i = doc["paths"]["/interactions"]["post"]
    assert any(p["name"] == "Idempotency-Key" for p in post_i["parameters"])
    schemas = doc["components"]["schemas"]
    assert {"InteractionIn", "ContactIn", "Error", "RequestIn"} <= set(schemas)
    assert "unsolicited" in schemas["InteractionIn"]["required"]


def test_text_path_parameters_are_documented_as_strings(client):
    doc = client.get("/api/v1/openapi.json").get_json()
    op = doc["paths"]["/kb/articles/{article_id}"]["get"]
    assert op["parameters"][0] == {
        "name": "article_id",
        "in": "path",
        "required": True,
        "schema": {"type": "string"},
    }
    assert doc["paths"]["/interactions/{interaction_id}"]["get"]["parameters"][0]["schema"] == {
        "type": "integer"
    }
