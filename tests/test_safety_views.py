"""Safety pages: intake with a report, PV queue, report page actions, reconciliation."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from medinfo.contacts.models import Contact
from medinfo.database import utcnow
from medinfo.interactions.models import Interaction
from medinfo.safety import services
from medinfo.safety.models import FollowUpTask, SafetyReport
from tests.test_safety_support import full_report

INTAKE = {
    "new_first_name": "Hélène",
    "new_last_name": "Garnier",
    "new_profession": "physician",
    "new_phone": "01 45 00 00 07",
    "new_country": "FR",
    "channel": "phone",
    "unsolicited": "yes",
    "language": "fr",
    "priority": "normal",
    "requests-0-product": "Cardiolex",
    "requests-0-category": "medical_info",
    "requests-0-question": "Sa patiente a des vertiges depuis qu'elle prend Cardiolex ?",
    "notes": "Patiente de 67 ans, vertiges depuis 3 jours.",
    "outcome": "answered",
    "safety-open": "yes",
    "safety-screen_flags": json.dumps(
        [{"category": "adverse_event", "start": 22, "end": 30, "text": "vertiges"}]
    ),
    "safety-adverse_event": "y",
    "safety-patient_initials": "MB",
    "safety-patient_age": "67",
    "safety-patient_age_unit": "years",
    "safety-patient_sex": "female",
    "safety-event_verbatim": "Vertiges depuis 3 jours.",
    "safety-product": "Cardiolex",
    "safety-batch_lot": "",
    "safety-event_outcome": "",
}


def count(db, model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def test_intake_saves_the_case_and_its_report_together(agent_client, products, db):
    resp = agent_client.post("/cases/intake", data=INTAKE)
    assert resp.status_code == 302, resp.text
    interaction = db.session.scalar(select(Interaction))
    report = db.session.scalar(select(SafetyReport))
    assert report.interaction_id == interaction.id and report.source == "intake"
    assert interaction.ae_screening == "yes"
    assert report.day0 == interaction.received_at
    assert report.reporter_name == "Hélène Garnier"  # the caller, by default
    assert report.products[0].product.name == "Cardiolex"
    assert report.screening_flags[0]["text"] == "vertiges"
    assert "vertiges" in report.question_text
    assert [t.kind for t in report.follow_ups] == ["batch"]
    assert report.status == "transferred"


def test_intake_with_a_wrong_report_saves_nothing(agent_client, products, db):
    resp = agent_client.post("/cases/intake", data=INTAKE | {"safety-gestation_weeks": "60"})
    assert resp.status_code == 200
    assert "safety-report" in resp.text and "45" in resp.text
    assert count(db, Interaction) == count(db, SafetyReport) == count(db, Contact) == 0


def test_intake_report_refused_by_the_service_shows_beside_the_field(agent_client, products, db):
    bad = INTAKE | {
        "safety-event_verbatim": "",
        "safety-screen_flags": "",
        "safety-adverse_event": "",
    }
    resp = agent_client.post("/cases/intake", data=bad)
    assert resp.status_code == 200
    assert "Describe what the caller reported" in resp.text
    assert count(db, Interaction) == count(db, SafetyReport) == 0


def test_intake_without_the_section_makes_no_report(agent_client, products, db):
    resp = agent_client.post("/cases/intake", data=INTAKE | {"safety-open": ""})
    assert resp.status_code == 302
    assert count(db, Interaction) == 1 and count(db, SafetyReport) == 0


def test_intake_page_has_the_screening_hooks(agent_client, products):
    page = agent_client.get("/cases/intake").text
    assert 'data-screen-url="/api/v1/screen"' in page
    assert 'id="safety-report"' in page and "js/screening.js" in page


def test_pv_queue_orders_by_deadline_and_marks_overdue(logged_in, make_interaction, db):
    recent = services.create_report(make_interaction(), full_report())
    old = services.create_report(
        make_interaction(received_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC)), full_report()
    )
    db.session.execute(
        SafetyReport.__table__.update()
        .where(SafetyReport.id == old.id)
        .values(transferred_at=None, status="submitted")
    )
    db.session.commit()
    pv = logged_in("pv_officer")
    page = pv.get("/safety/").text
    assert page.index(old.reference) < page.index(recent.reference)
    assert "is-overdue" in page and "1 overdue on this page" in page
    assert logged_in("agent").get("/safety/").status_code == 403


def test_pv_acknowledges_and_rejects_from_the_report_page(logged_in, make_interaction, db):
    agent = logged_in("agent")
    pv = logged_in("pv_officer")
    first = services.create_report(make_interaction(), full_report())
    page = pv.get(f"/safety/reports/{first.id}").text
    assert "valid case" in page and "pv_case_id" in page
    resp = pv.post(f"/safety/reports/{first.id}/acknowledge", data={"pv_case_id": "EU-9"})
    assert resp.status_code == 302
    db.session.refresh(first)
    assert first.status == "acknowledged" and first.pv_case_id == "EU-9"
    assert (
        agent.post(f"/safety/reports/{first.id}/acknowledge", data={"pv_case_id": "X"}).status_code
        == 403
    )

    second = services.create_report(make_interaction(), full_report())
    db.session.execute(
        SafetyReport.__table__.update()
        .where(SafetyReport.id == second.id)
        .values(created_by_id=agent.user.id)
    )
    db.session.commit()
    pv.post(f"/safety/reports/{second.id}/reject", data={"reason": "Wrong product name."})
    db.session.refresh(second)
    assert second.status == "rejected"
    returned = agent.get("/safety/returned").text
    assert second.reference in returned and "Wrong product name." in returned
    form = agent.get(f"/safety/reports/{second.id}/edit").text
    assert "LOT-42" in form
    data = {
        "report-open": "yes",
        "report-adverse_event": "y",
        "report-event_verbatim": "Dizziness.",
        "report-patient_initials": "JD",
        "report-product": "Veranel",
        "report-batch_lot": "V-1",
        "report-patient_age_unit": "years",
    }
    resp = agent.post(f"/safety/reports/{second.id}/edit", data=data)
    assert resp.status_code == 302
    db.session.refresh(second)
    assert second.status == "transferred"
    assert second.products[0].product.name == "Veranel"
    assert [m.kind for m in second.messages] == ["initial", "resubmission"]


def test_follow_ups_from_the_report_page(logged_in, make_interaction, db):
    agent = logged_in("agent")
    pv = logged_in("pv_officer")
    report = services.create_report(make_interaction(), full_report())
    pv.post(f"/safety/reports/{report.id}/follow-ups", data={"description": "Ask for the ECG."})
    task = db.session.scalar(select(FollowUpTask))
    assert task.kind == "pv_request"
    resp = agent.post(f"/safety/follow-ups/{task.id}/done", data={"outcome": "ECG normal."})
    assert resp.status_code == 302
    db.session.refresh(task)
    assert task.status == "done" and task.outcome == "ECG normal."


def test_report_added_to_an_existing_case(logged_in, make_interaction, db):
    agent = logged_in("agent")
    interaction = make_interaction()
    form = agent.get(f"/safety/cases/{interaction.id}/report").text
    assert "Cardiolex" in form and "renal dosing" in form
    resp = agent.post(
        f"/safety/cases/{interaction.id}/report",
        data={
            "report-open": "yes",
            "report-product_complaint": "y",
            "report-pqc_description": "Blister cracked, tablets crumbled.",
            "report-product": "Cardiolex",
            "report-batch_unknown": "y",
            "report-patient_age_unit": "years",
        },
    )
    assert resp.status_code == 302
    report = db.session.scalar(select(SafetyReport))
    assert report.product_complaint and report.products[0].batch_status == "unknown"
    assert report.source == "case"
    bad = agent.post(
        f"/safety/cases/{interaction.id}/report",
        data={"report-open": "yes", "report-patient_age": "-3", "report-patient_age_unit": "years"},
    )
    assert bad.status_code == 200 and count(db, SafetyReport) == 1


@pytest.mark.parametrize(
    ("role", "status"), [("pv_officer", 200), ("auditor", 200), ("agent", 403)]
)
def test_reconciliation_page_and_csv(logged_in, make_interaction, role, status):
    make_interaction(category="adverse_event")
    client = logged_in(role)
    resp = client.get("/safety/reconciliation")
    assert resp.status_code == status
    if status == 200:
        assert "No report" in resp.text
        today = utcnow().date()
        csv = client.get(f"/safety/reconciliation.csv?from={today - timedelta(days=1)}&to={today}")
        assert csv.mimetype == "text/csv"
        assert csv.text.splitlines()[1].startswith("no_report,")


def test_navigation_shows_safety_to_pv_and_reconciliation_to_auditors(logged_in):
    pv_page = logged_in("pv_officer").get("/safety/").text
    assert 'href="/safety/"' in pv_page and 'href="/safety/reconciliation"' in pv_page
    auditor_page = logged_in("auditor").get("/safety/reconciliation").text
    assert 'href="/safety/reconciliation"' in auditor_page and 'href="/safety/"' not in auditor_page


def test_contact_history_lists_the_report(logged_in, make_interaction):
    interaction = make_interaction()
    report = services.create_report(interaction, full_report())
    page = logged_in("agent").get(f"/contacts/{interaction.contact_id}").text
    assert report.reference in page


def test_case_page_lists_reports_and_offers_to_file_one(agent_client, make_interaction):
    from medinfo.safety.services import reports_for

    interaction = make_interaction()
    page = agent_client.get(f"/cases/{interaction.id}").text
    assert f"/safety/cases/{interaction.id}/report" in page
    assert reports_for(interaction.id) == []
