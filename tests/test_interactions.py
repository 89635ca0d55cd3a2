"""Interactions: one-transaction intake, references, status rules, closing, calls, pages."""

from __future__ import annotations

import re
import threading
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from medinfo.contacts.models import Contact
from medinfo.contacts.services import ContactData
from medinfo.errors import Conflict, DomainError, ValidationFailed
from medinfo.interactions import services
from medinfo.interactions.models import Call, Interaction


def count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_reference_format_and_sequence(make_interaction):
    a, b = make_interaction(), make_interaction()
    assert re.fullmatch(r"MI-\d{4}-\d{6}", a.reference)
    assert int(b.reference[-6:]) == int(a.reference[-6:]) + 1


def test_references_unique_under_concurrent_creation(app, db, make_contact, products):
    contact_id = make_contact().id
    refs: list[str] = []
    errors: list[BaseException] = []

    def worker() -> None:
        try:
            with app.app_context():
                for _ in range(5):
                    i = services.open_interaction(
                        services.InteractionData(
                            contact_id=contact_id,
                            channel="email",
                            unsolicited=True,
                            language="en",
                            requests=[services.RequestData("medical_info", "Storage?")],
                        )
                    )
                    refs.append(i.reference)
                db.session.remove()
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(refs) == 30 and len(set(refs)) == 30


def test_new_contact_interaction_and_call_in_one_transaction(app, db, products):
    now = datetime.now(UTC)
    bad = services.InteractionData(
        new_contact=ContactData(
            first_name="A",
            last_name="B",
            profession="physician",
            country="FR",
            language="fr",
            phones=["not a phone"],
        ),
        channel="phone",
        unsolicited=False,
        language="fr",
        requests=[services.RequestData("medical_info", "Dose?", "Cardiolex")],
        call=services.CallData(started_at=now - timedelta(minutes=3), ended_at=now),
    )
    with pytest.raises(ValidationFailed) as exc:
        services.open_interaction(bad)
    assert "contact.phone" in exc.value.fields
    db.session.rollback()
    assert count(db, Contact) == count(db, Interaction) == count(db, Call) == 0
    bad.new_contact.phones = ["01 42 68 53 00"]
    interaction = services.open_interaction(bad)
    assert interaction.contact.primary_phone == "+33142685300"
    assert interaction.calls[0].duration_seconds == 180


@pytest.mark.parametrize(
    ("field", "change"),
    [
        ("channel", {"channel": "pigeon"}),
        ("unsolicited", {"unsolicited": None}),
        ("language", {"language": "de"}),
        ("requests", {"requests": []}),
        ("requests.0.product", {"requests": [services.RequestData("medical_info", "Q", "Nope")]}),
        ("requests.0.category", {"requests": [services.RequestData("gossip", "Q")]}),
        ("requests.0.question", {"requests": [services.RequestData("medical_info", "  ")]}),
        ("received_at", {"received_at": datetime.now(UTC) + timedelta(days=1)}),
        ("contact_id", {"contact_id": 999999}),
    ],
)
def test_open_interaction_rejects_bad_input(make_contact, products, db, field, change):
    values = {
        "contact_id": make_contact().id,
        "channel": "phone",
        "unsolicited": True,
        "language": "fr",
        "requests": [services.RequestData("medical_info", "Q", "Cardiolex")],
    }
    values.update(change)
    with pytest.raises(ValidationFailed) as exc:
        services.open_interaction(services.InteractionData(**values))
    assert field in exc.value.fields
    db.session.rollback()
    assert count(db, Interaction) == 0


def test_sla_due_is_in_business_time(make_interaction):
    # Received on a Saturday: the clock starts on Monday morning (Europe/Paris calendar).
    saturday = datetime(2026, 11, 21, 10, 0, tzinfo=UTC)
    interaction = make_interaction(received_at=saturday, call=None, priority="urgent")
    assert interaction.sla_due_at == datetime(2026, 11, 23, 12, 0, tzinfo=UTC)  # 09:00+4h Paris


def test_status_machine(make_interaction):
    i = make_interaction()
    with pytest.raises(Conflict):
        services.change_status(i, "answered")  # nothing answered yet
    services.change_status(i, "pending_info")
    services.change_status(i, "escalated")
    with pytest.raises(Conflict):
        services.change_status(i, "pending_info")  # not allowed from escalated
    services.answer_request(i.requests[0], "Answer from SRD.")
    services.change_status(i, "answered")
    with pytest.raises(ValidationFailed):
        services.change_status(i, "open")  # reopening needs a reason
    services.change_status(i, "open", reason="caller had a follow-up question")
    assert i.status == "open"


def test_closing_requires_answered_and_screening(make_interaction):
    i = make_interaction()
    with pytest.raises(Conflict):
        services.close_interaction(i)
    services.answer_request(i.requests[0], "Answer.")
    services.change_status(i, "answered")
    with pytest.raises(ValidationFailed) as exc:
        services.close_interaction(i)
    assert "ae_screening" in exc.value.fields
    services.record_ae_screening(i, "no")
    services.change_status(i, "closed")
    assert i.status == "closed" and i.closed_at is not None
    with pytest.raises(Conflict):
        services.log_call(i, services.CallData(started_at=datetime.now(UTC)))


def test_answer_correction_needs_reason_and_off_label_needs_unsolicited(make_interaction):
    i = make_interaction(unsolicited=False, category="off_label")
    with pytest.raises(DomainError):
        services.answer_request(i.requests[0], "Off-label data…")
    j = make_interaction()
    services.answer_request(j.requests[0], "First answer")
    with pytest.raises(ValidationFailed):
        services.answer_request(j.requests[0], "Second answer")
    services.answer_request(j.requests[0], "Second answer", reason="typo in dose")
    assert j.requests[0].answer == "Second answer"


def test_log_callback_call(make_interaction):
    i = make_interaction()
    now = datetime.now(UTC)
    with pytest.raises(ValidationFailed):
        services.log_call(i, services.CallData(started_at=now, ended_at=now - timedelta(1)))
    call = services.log_call(
        i,
        services.CallData(
            started_at=now - timedelta(minutes=2),
            ended_at=now,
            direction="outbound",
            outcome="voicemail",
        ),
    )
    assert call.duration_seconds == 120 and len(i.calls) == 2


INTAKE = {
    "new_first_name": "Hélène",
    "new_last_name": "Garnier",
    "new_profession": "physician",
    "new_phone": "01 45 00 00 07",
    "new_country": "FR",
    "new_city": "Nantes",
    "channel": "phone",
    "unsolicited": "yes",
    "language": "fr",
    "priority": "normal",
    "requests-0-product": "Cardiolex",
    "requests-0-category": "medical_info",
    "requests-0-question": "Posologie chez l'insuffisant rénal ?",
    "requests-1-product": "Veranel",
    "requests-1-category": "medical_info",
    "requests-1-question": "Peut-on écraser les comprimés ?",
    "notes": "Appel du Dr Garnier.",
    "outcome": "answered",
}


def test_intake_page_saves_everything_at_once(agent_client, products, db):
    assert agent_client.get("/cases/intake").status_code == 200
    resp = agent_client.post("/cases/intake", data=INTAKE)
    assert resp.status_code == 302
    interaction = db.session.scalar(select(Interaction))
    assert len(interaction.requests) == 2 and len(interaction.calls) == 1
    assert interaction.contact.full_name == "Hélène Garnier"
    assert interaction.owner_id == agent_client.user.id
    page = agent_client.get(resp.location)
    assert interaction.reference in page.text and "Peut-on écraser" in page.text


def test_intake_without_solicited_answer_saves_nothing(agent_client, products, db):
    resp = agent_client.post(
        "/cases/intake", data={k: v for k, v in INTAKE.items() if k != "unsolicited"}
    )
    assert resp.status_code == 200 and "unsolicited" in resp.text.lower()
    assert count(db, Interaction) == count(db, Contact) == 0


def test_case_actions_through_pages(agent_client, make_interaction):
    i = make_interaction()
    base = f"/cases/{i.id}"
    assert agent_client.get(base).status_code == 200
    r = agent_client.post(f"{base}/requests/{i.requests[0].id}/answer", data={"answer": "Done"})
    assert r.status_code == 302
    agent_client.post(f"{base}/status", data={"status": "answered"})
    resp = agent_client.post(f"{base}/status", data={"status": "closed"}, follow_redirects=True)
    assert "Record the AE screening answer" in resp.text
    agent_client.post(f"{base}/screening", data={"ae_screening": "no"})
    agent_client.post(f"{base}/status", data={"status": "closed"})
    agent_client.post(
        f"{base}/calls", data={"direction": "outbound", "outcome": "answered", "minutes": "3"}
    )
    from medinfo.extensions import db

    db.session.refresh(i)
    assert i.status == "closed" and len(i.calls) == 1
    assert agent_client.get("/cases/?status=closed").status_code == 200


def test_auditor_reads_but_cannot_change(logged_in, make_interaction):
    i = make_interaction()
    auditor = logged_in("auditor")
    assert auditor.get(f"/cases/{i.id}").status_code == 200
    assert auditor.post(f"/cases/{i.id}/status", data={"status": "pending_info"}).status_code == 403
    assert auditor.get("/cases/intake").status_code == 403


def test_intake_errors_are_shown_beside_their_fields(agent_client, products, db):
    bad = INTAKE | {"new_phone": "12", "unsolicited": "no"}
    resp = agent_client.post("/cases/intake", data=bad)
    assert resp.status_code == 200 and "is not a valid phone number" in resp.text
    none = {k: v for k, v in INTAKE.items() if k not in ("new_last_name", "new_first_name")}
    resp = agent_client.post("/cases/intake", data=none)
    assert "Choose the caller or enter a new contact." in resp.text
    assert count(db, Interaction) == 0


def test_pages_show_labels_not_codes(agent_client, make_interaction):
    from medinfo.interactions import services as svc

    i = make_interaction(category="off_label")
    svc.change_status(i, "pending_info")
    page = agent_client.get(f"/cases/{i.id}").text
    assert "Pending information" in page and "Off-label" in page
    assert "pending_info</span>" not in page and ">off_label<" not in page


def test_call_cannot_start_before_the_case_was_received(make_contact, products, db):
    now = datetime.now(UTC)
    data = services.InteractionData(
        contact_id=make_contact().id,
        channel="phone",
        unsolicited=True,
        language="fr",
        requests=[services.RequestData("medical_info", "Q", "Cardiolex")],
        received_at=now - timedelta(minutes=1),
        call=services.CallData(started_at=now - timedelta(hours=2), ended_at=now),
    )
    with pytest.raises(ValidationFailed) as exc:
        services.open_interaction(data)
    assert "call.started_at" in exc.value.fields
    db.session.rollback()
    data.received_at = None  # day 0 defaults to the call's start
    assert services.open_interaction(data).received_at == now - timedelta(hours=2)


def test_each_reference_prefix_counts_on_its_own(app, db):
    from medinfo.interactions.references import next_reference

    at = datetime(2026, 5, 4, tzinfo=UTC)
    refs = [next_reference(at), next_reference(at, prefix="PV"), next_reference(at)]
    db.session.commit()
    assert refs == ["MI-2026-000001", "PV-2026-000001", "MI-2026-000002"]
