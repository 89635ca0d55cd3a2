"""Safety services: minimum criteria, deadlines, creation, acknowledgement, rejection, guard."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
from sqlalchemy import func, select

from medinfo.audit.models import AuditEvent
from medinfo.errors import Conflict, ValidationFailed
from medinfo.interactions import services as interactions
from medinfo.safety import services
from medinfo.safety.data import ProductData, ReportData
from medinfo.safety.minimum import minimum_criteria, transfer_due
from medinfo.safety.models import FollowUpTask, OutboxMessage, PvInboxMessage, SafetyReport
from tests.test_safety_support import full_report

PARIS_FRIDAY_10H = datetime(2026, 11, 20, 9, 0, tzinfo=UTC)  # Fri 20 Nov 2026, 10:00 Paris


def _events(db, action: str) -> int:
    return db.session.scalar(select(func.count()).where(AuditEvent.action == action))


def test_full_report_is_created_submitted_and_transferred_in_app(db, make_interaction):
    interaction = make_interaction()
    report = services.create_report(interaction, full_report())
    db.session.refresh(report)
    assert report.reference.startswith(f"PV-{datetime.now(UTC).year}-")
    assert len(report.reference) == len("PV-2026-000001")
    assert report.day0 == interaction.received_at
    assert report.status == "transferred"  # the in-app inbox delivers at once
    assert report.transferred_at is not None and report.transferred_on_time
    assert minimum_criteria(report).met
    assert report.follow_ups == []
    assert interaction.ae_screening == "yes"
    inbox = db.session.scalars(select(PvInboxMessage)).all()
    assert [m.report_id for m in inbox] == [report.id]
    assert inbox[0].payload["reference"] == report.reference
    assert _events(db, "safety_report.created") == 1
    assert _events(db, "safety_report.transferred") == 1
    assert _events(db, "interaction.ae_screened") == 1


def test_references_count_up_and_question_is_kept_as_narrative(db, make_interaction):
    first = services.create_report(make_interaction(), full_report())
    second = services.create_report(make_interaction(), full_report())
    # one counter per year is shared with MI- case references: unique and increasing
    assert int(second.reference[-6:]) > int(first.reference[-6:])
    assert "renal dosing" in first.question_text


@pytest.mark.parametrize(
    ("missing", "expected"),
    [
        ({}, set()),
        ({"reporter_name": "", "reporter_qualification": None}, {"reporter"}),
        ({"patient_initials": "", "patient_age": None, "patient_sex": None}, {"patient"}),
        ({"patient_initials": "", "patient_age": None, "patient_sex": "unknown"}, {"patient"}),
        ({"products": []}, {"product"}),
        ({"event_verbatim": "", "narrative": "Called about Cardiolex."}, {"event"}),
        ({"event_verbatim": "", "pqc_description": "Cracked blister."}, set()),
    ],
)
def test_minimum_criteria(app, missing, expected):
    from medinfo.safety.data import apply_report_data

    report = SafetyReport()
    apply_report_data(report, full_report(**missing))
    criteria = minimum_criteria(report)
    assert set(criteria.missing()) == expected
    assert criteria.met is (not expected)


def test_missing_criteria_become_follow_ups_and_the_report_still_goes(db, make_interaction):
    data = full_report(patient_initials="", patient_age=None, patient_sex=None, products=[])
    report = services.create_report(make_interaction(), data)
    assert set(minimum_criteria(report).missing()) == {"patient", "product"}
    assert {t.kind for t in report.follow_ups} == {"patient", "product"}
    assert report.status == "transferred"  # incomplete reports are forwarded anyway


def test_reporter_defaults_to_the_caller(db, make_interaction, make_contact):
    contact = make_contact(first_name="Anne", last_name="Roux", profession="pharmacist")
    report = services.create_report(
        make_interaction(contact=contact),
        full_report(reporter_name="", reporter_qualification=None),
    )
    assert report.reporter_name == "Anne Roux"
    assert report.reporter_qualification == "pharmacist"
    assert report.reporter_contact.startswith("+33")


def test_unknown_batch_is_followed_up_and_asked_unknown_is_recorded(db, make_interaction):
    report = services.create_report(
        make_interaction(), full_report(products=[ProductData(product="Cardiolex")])
    )
    assert [t.kind for t in report.follow_ups] == ["batch"]
    assert report.products[0].batch_status == "not_asked"
    told = services.create_report(
        make_interaction(),
        full_report(products=[ProductData(product="Cardiolex", batch_unknown=True)]),
    )
    assert told.products[0].batch_status == "unknown"
    assert [t.kind for t in told.follow_ups] == ["batch"]


@pytest.mark.parametrize(
    ("day0", "same_day", "due"),
    [
        # Friday 10:00 Paris: normal → Monday close (18:00 Paris = 17:00 UTC); same day → Friday
        (PARIS_FRIDAY_10H, False, datetime(2026, 11, 23, 17, 0, tzinfo=UTC)),
        (PARIS_FRIDAY_10H, True, datetime(2026, 11, 20, 17, 0, tzinfo=UTC)),
        # Saturday: normal → Tuesday close, same day → Monday close
        (
            datetime(2026, 11, 21, 11, 0, tzinfo=UTC),
            False,
            datetime(2026, 11, 24, 17, 0, tzinfo=UTC),
        ),
        (
            datetime(2026, 11, 21, 11, 0, tzinfo=UTC),
            True,
            datetime(2026, 11, 23, 17, 0, tzinfo=UTC),
        ),
        # Friday after closing (19:30 Paris), same day → Monday close
        (
            datetime(2026, 11, 20, 18, 30, tzinfo=UTC),
            True,
            datetime(2026, 11, 23, 17, 0, tzinfo=UTC),
        ),
        # Thursday 24 Dec 2026: Christmas (Fri) is a French holiday → Monday 28 Dec close
        (
            datetime(2026, 12, 24, 9, 0, tzinfo=UTC),
            False,
            datetime(2026, 12, 28, 17, 0, tzinfo=UTC),
        ),
        # Summer time: Friday 3 July 10:00 Paris → Monday 6 July 18:00 Paris = 16:00 UTC
        (datetime(2026, 7, 3, 8, 0, tzinfo=UTC), False, datetime(2026, 7, 6, 16, 0, tzinfo=UTC)),
    ],
)
def test_transfer_due_on_the_desk_calendar(app, day0, same_day, due):
    assert transfer_due(day0, same_day) == due


@pytest.mark.parametrize(
    ("overrides", "same_day"),
    [
        ({}, False),
        ({"seriousness": ["hospitalisation"]}, True),
        ({"event_outcome": "fatal"}, True),
        ({"special_situations": ["pregnancy"]}, True),
        ({"pregnancy_status": "pregnant", "gestation_weeks": 12}, True),
        ({"special_situations": ["overdose"]}, False),
    ],
)
def test_same_day_rule(db, make_interaction, overrides, same_day):
    interaction = make_interaction(received_at=PARIS_FRIDAY_10H)
    report = services.create_report(interaction, full_report(**overrides))
    assert report.same_day is same_day
    assert report.due_at == transfer_due(PARIS_FRIDAY_10H, same_day)


def test_same_day_policy_can_be_switched_off(app, db, make_interaction, monkeypatch):
    monkeypatch.setitem(app.config, "PV_SAME_DAY_POLICY", False)
    report = services.create_report(
        make_interaction(received_at=PARIS_FRIDAY_10H), full_report(event_outcome="fatal")
    )
    assert report.same_day is False
    assert report.due_at == datetime(2026, 11, 23, 17, 0, tzinfo=UTC)


def test_transferred_late_is_measured_against_the_deadline(db, make_interaction):
    report = services.create_report(
        make_interaction(received_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC)), full_report()
    )
    assert report.transferred_on_time is False and report.is_overdue(report.due_at) is False


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"patient_sex": "robot"}, "patient_sex"),
        ({"patient_age": 200}, "patient_age"),
        ({"gestation_weeks": 60}, "gestation_weeks"),
        ({"seriousness": ["bad"]}, "seriousness"),
        ({"event_verbatim": "", "pqc_description": "", "narrative": ""}, "event_verbatim"),
        ({"event_onset": datetime(2099, 1, 1).date()}, "event_onset"),
    ],
)
def test_wrong_values_are_refused_and_nothing_is_written(db, make_interaction, overrides, field):
    interaction = make_interaction()
    before = db.session.scalar(select(func.count()).select_from(AuditEvent))
    with pytest.raises(ValidationFailed) as exc:
        services.create_report(interaction, full_report(**overrides))
    assert field in exc.value.fields
    db.session.rollback()
    assert db.session.scalar(select(func.count()).select_from(SafetyReport)) == 0
    assert db.session.scalar(select(func.count()).select_from(AuditEvent)) == before


def test_acknowledge_is_idempotent_for_the_same_case_id(db, make_interaction, make_user):
    report = services.create_report(make_interaction(), full_report())
    services.acknowledge_report(report, " EU-2026-1234 ")
    assert report.status == "acknowledged" and report.pv_case_id == "EU-2026-1234"
    services.acknowledge_report(report, "EU-2026-1234")
    assert _events(db, "safety_report.acknowledged") == 1
    with pytest.raises(Conflict):
        services.acknowledge_report(report, "OTHER-1")
    with pytest.raises(ValidationFailed):
        services.acknowledge_report(services.create_report(make_interaction(), full_report()), "")


def test_rejection_goes_back_to_the_agent_and_resubmission_to_pv(db, make_interaction):
    report = services.create_report(
        make_interaction(), full_report(patient_initials="", patient_age=None, patient_sex=None)
    )
    with pytest.raises(ValidationFailed):
        services.reject_report(report, "  ")
    services.reject_report(report, "Patient details missing: call the doctor back.")
    assert report.status == "rejected"
    with pytest.raises(Conflict):
        services.acknowledge_report(report, "X-1")
    services.resubmit_report(report, full_report())
    db.session.refresh(report)
    assert report.status == "transferred"
    kinds = [m.kind for m in report.messages]
    assert kinds == ["initial", "resubmission"]
    assert all(m.status == "sent" for m in report.messages)
    assert _events(db, "safety_report.rejected") == 1
    assert _events(db, "safety_report.resubmitted") == 1
    with pytest.raises(Conflict):
        services.resubmit_report(report, full_report())


def test_follow_ups_are_requested_done_and_forwarded(db, make_interaction):
    report = services.create_report(make_interaction(), full_report())
    task = services.request_follow_up(report, "Ask for the lab values.")
    with pytest.raises(ValidationFailed):
        services.complete_follow_up(task, "")
    services.complete_follow_up(task, "ALT 3x ULN on 12 Nov.")
    assert task.status == "done"
    follow_up = db.session.scalars(
        select(OutboxMessage).where(OutboxMessage.kind == "follow_up")
    ).one()
    assert follow_up.status == "sent"
    assert "ALT 3x ULN" in follow_up.payload["follow_up_note"]
    with pytest.raises(Conflict):
        services.complete_follow_up(task, "again")
    assert db.session.scalar(select(func.count()).select_from(FollowUpTask)) == 1


def _answered(make_interaction, db):
    interaction = make_interaction()
    interactions.answer_request(interaction.requests[0], "The SmPC says 50 mg.")
    interactions.change_status(interaction, "answered")
    return interaction


def test_close_guard_needs_a_report_after_a_yes(db, make_interaction):
    interaction = _answered(make_interaction, db)
    interactions.record_ae_screening(interaction, "yes")
    with pytest.raises(Conflict, match="safety report"):
        interactions.close_interaction(interaction)
    db.session.rollback()
    services.create_report(interaction, full_report())
    interactions.close_interaction(interaction)
    assert interaction.status == "closed"


def test_close_guard_lets_a_no_through(db, make_interaction):
    interaction = _answered(make_interaction, db)
    interactions.record_ae_screening(interaction, "no")
    interactions.close_interaction(interaction)
    assert interaction.status == "closed"


def test_closed_case_takes_a_report_only_when_allowed(db, make_interaction):
    interaction = _answered(make_interaction, db)
    interactions.record_ae_screening(interaction, "no")
    interactions.close_interaction(interaction)
    with pytest.raises(Conflict):
        services.create_report(interaction, full_report())
    db.session.rollback()
    report = services.create_report(interaction, full_report(), allow_closed=True)
    assert report.interaction_id == interaction.id


def test_history_shows_the_report(db, make_interaction):
    from medinfo.contacts.history import contact_history

    interaction = make_interaction()
    report = services.create_report(interaction, full_report())
    page = contact_history(interaction.contact_id, types=["safety_report"])
    assert [(e.type, e.reference) for e in page.events] == [("safety_report", report.reference)]


def test_special_situations_from_screening_categories():
    from medinfo.safety.data import special_from_categories

    assert special_from_categories(
        ["adverse_event", "special_situation:pregnancy", "special_situation:counterfeit_product"]
    ) == ["pregnancy", "counterfeit_product"]


def test_report_without_any_type_is_forwarded_as_adverse_event(db, make_interaction):
    report = services.create_report(
        make_interaction(), ReportData(event_verbatim="Rash on both arms.")
    )
    assert report.adverse_event is True
