"""Safety-report workflows: create (and submit), acknowledge, reject, resubmit, follow up."""

from __future__ import annotations

from flask_login import current_user
from sqlalchemy import exists, or_, select, update

from medinfo.audit import record_event
from medinfo.database import utcnow
from medinfo.errors import Conflict, NotFound, ValidationFailed
from medinfo.extensions import db
from medinfo.interactions.models import Interaction
from medinfo.interactions.references import next_reference
from medinfo.safety.data import ReportData, apply_report_data, validate_report
from medinfo.safety.minimum import (
    FOLLOW_UP_TEXT,
    follow_ups_needed,
    minimum_criteria,
    needs_same_day,
    transfer_due,
)
from medinfo.safety.models import FollowUpTask, SafetyReport
from medinfo.safety.outbox import dispatch_report, enqueue
from medinfo.signals import safety_report_changed

MAX_CASE_ID = 64
MAX_REASON = 2000


def _user_id() -> int | None:
    return current_user.id if current_user and current_user.is_authenticated else None


def _snapshot(report: SafetyReport) -> dict:
    return {
        "reference": report.reference,
        "interaction_id": report.interaction_id,
        "status": report.status,
        "day0": report.day0,
        "due_at": report.due_at,
        "same_day": report.same_day,
        "adverse_event": report.adverse_event,
        "product_complaint": report.product_complaint,
        "special_situations": list(report.special_situations or []),
        "seriousness": list(report.seriousness or []),
        "event_outcome": report.event_outcome,
        "event_verbatim": report.event_verbatim,
        "products": [
            {"name": p.display_name, "batch_lot": p.batch_lot, "batch_status": p.batch_status}
            for p in report.products
        ],
        "minimum_criteria": minimum_criteria(report).as_dict(),
    }


def _open_follow_ups(report: SafetyReport) -> list[str]:
    """Open a task for every missing item that has no open task yet."""
    open_kinds = {t.kind for t in report.follow_ups if t.status == "open"}
    added = []
    for kind in follow_ups_needed(report):
        if kind not in open_kinds:
            report.follow_ups.append(
                FollowUpTask(kind=kind, description=FOLLOW_UP_TEXT[kind], created_by_id=_user_id())
            )
            added.append(kind)
    return added


def _schedule(report: SafetyReport) -> None:
    report.same_day = needs_same_day(report)
    report.due_at = transfer_due(report.day0, report.same_day)


def _default_reporter(report: SafetyReport, interaction: Interaction) -> None:
    """The caller's contact is the reporter unless someone else was named."""
    contact = interaction.contact
    if not report.reporter_name and contact is not None:
        report.reporter_name = contact.full_name
        report.reporter_contact = report.reporter_contact or (
            contact.primary_phone or contact.email or ""
        )
        if report.reporter_qualification is None:
            report.reporter_qualification = {
                "physician": "physician",
                "pharmacist": "pharmacist",
                "nurse": "other_hcp",
                "dentist": "other_hcp",
                "midwife": "other_hcp",
                "other_hcp": "other_hcp",
                "patient": "consumer",
                "consumer": "consumer",
            }.get(contact.profession)
    if not report.reporter_country:
        report.reporter_country = interaction.country or ""


def _default_narrative(report: SafetyReport, interaction: Interaction) -> None:
    """The questions asked and the answers given, unless typed."""
    if not report.question_text:
        report.question_text = "\n".join(r.question for r in interaction.requests)
    if not report.answer_given:
        report.answer_given = "\n".join(r.answer for r in interaction.requests if r.answer)


def mark_screened_positive(interaction: Interaction) -> None:
    """Set the interaction's AE screening answer to "yes" (audited, not committed).

    A conditional UPDATE rather than an ORM change: two reports filed at once on the same case
    must not fail on the case's version counter; only the one that changes the answer audits it.
    """
    if interaction.ae_screening == "yes":
        return
    old = interaction.ae_screening
    changed = db.session.execute(
        update(Interaction)
        .where(
            Interaction.id == interaction.id,
            or_(Interaction.ae_screening.is_(None), Interaction.ae_screening != "yes"),
        )
        .values(ae_screening="yes", ae_screened_at=utcnow(), version=Interaction.version + 1)
        .execution_options(synchronize_session=False)
    ).rowcount
    db.session.expire(interaction, ["ae_screening", "ae_screened_at", "version"])
    if changed:
        record_event(
            "interaction.ae_screened",
            "interaction",
            interaction.id,
            old={"ae_screening": old},
            new={"ae_screening": "yes", "by": "safety_report"},
        )


def create_report(
    interaction: Interaction,
    data: ReportData,
    *,
    source: str = "case",
    allow_closed: bool = False,
    commit: bool = True,
) -> SafetyReport:
    """Record a safety report on an interaction and queue it for PV in the same transaction."""
    if interaction.status == "closed" and not allow_closed:
        raise Conflict(f"{interaction.reference} is closed.")
    validate_report(data)
    now = utcnow()
    report = SafetyReport(
        reference=next_reference(now, prefix="PV"),
        interaction=interaction,
        source=source,
        day0=interaction.received_at,
        created_by_id=_user_id(),
        submitted_at=now,
        status="submitted",
    )
    apply_report_data(report, data)
    _default_reporter(report, interaction)
    _default_narrative(report, interaction)
    _schedule(report)
    db.session.add(report)
    db.session.flush()
    follow_ups = _open_follow_ups(report)
    mark_screened_positive(interaction)
    message = enqueue(report, "initial")
    record_event(
        "safety_report.created",
        "safety_report",
        report.id,
        new={**_snapshot(report), "source": source, "follow_ups": follow_ups,
             "outbox_message": message.id},
    )  # fmt: skip
    if commit:
        db.session.commit()
        report_committed(report, "created")
    return report


def report_committed(report: SafetyReport, action: str) -> None:
    """After commit: tell listeners, then try to deliver the report's messages at once."""
    safety_report_changed.send(report, action=action)
    dispatch_report(report.id)


def acknowledge_report(report: SafetyReport, pv_case_id: str) -> SafetyReport:
    """PV confirms receipt with its own case ID (repeating the same ID changes nothing)."""
    case_id = (pv_case_id or "").strip()
    if not case_id or len(case_id) > MAX_CASE_ID or not case_id.isprintable():
        raise ValidationFailed({"pv_case_id": f"Give the PV case ID (1–{MAX_CASE_ID} characters)."})
    if report.status == "acknowledged":
        if report.pv_case_id == case_id:
            return report
        raise Conflict(f"{report.reference} is already acknowledged as {report.pv_case_id}.")
    if report.status == "rejected":
        raise Conflict(f"{report.reference} was returned to the desk; it cannot be acknowledged.")
    now = utcnow()
    old = {"status": report.status, "pv_case_id": report.pv_case_id}
    report.status = "acknowledged"
    report.pv_case_id = case_id
    report.acknowledged_at = now
    report.acknowledged_by_id = _user_id()
    if report.transferred_at is None:
        report.transferred_at = now  # PV has it, whatever our outbox still believes
    record_event(
        "safety_report.acknowledged",
        "safety_report",
        report.id,
        old=old,
        new={"status": "acknowledged", "pv_case_id": case_id},
    )
    db.session.commit()
    safety_report_changed.send(report, action="acknowledged")
    return report


def reject_report(report: SafetyReport, reason: str) -> SafetyReport:
    """PV returns the report to the agent who wrote it, saying what to fix."""
    text = (reason or "").strip()
    if not text:
        raise ValidationFailed({"reason": "Say why the report is returned."})
    if len(text) > MAX_REASON:
        raise ValidationFailed({"reason": f"Limited to {MAX_REASON} characters."})
    if report.status not in ("submitted", "transferred"):
        raise Conflict(f"{report.reference} is {report.status}; it cannot be returned.")
    old = report.status
    report.status = "rejected"
    report.rejected_at = utcnow()
    report.rejection_reason = text
    record_event(
        "safety_report.rejected",
        "safety_report",
        report.id,
        old={"status": old},
        new={"status": "rejected"},
        reason=text,
    )
    db.session.commit()
    safety_report_changed.send(report, action="rejected")
    return report


def resubmit_report(report: SafetyReport, data: ReportData) -> SafetyReport:
    """The agent corrects a returned report; it goes to PV again (day 0 does not move)."""
    if report.status != "rejected":
        raise Conflict(
            f"{report.reference} is {report.status}; only a returned report is resubmitted."
        )
    validate_report(data)
    before = _snapshot(report)
    apply_report_data(report, data)
    _schedule(report)
    report.status = "submitted"
    report.submitted_at = utcnow()
    db.session.flush()
    follow_ups = _open_follow_ups(report)
    message = enqueue(report, "resubmission")
    record_event(
        "safety_report.resubmitted",
        "safety_report",
        report.id,
        old=before,
        new={**_snapshot(report), "follow_ups": follow_ups, "outbox_message": message.id},
        reason=report.rejection_reason,
    )
    db.session.commit()
    report_committed(report, "resubmitted")
    return report


def request_follow_up(report: SafetyReport, description: str) -> FollowUpTask:
    """PV asks the desk to obtain more information from the reporter."""
    text = (description or "").strip()
    if not text:
        raise ValidationFailed({"description": "Say what to ask the reporter."})
    if len(text) > MAX_REASON:
        raise ValidationFailed({"description": f"Limited to {MAX_REASON} characters."})
    task = FollowUpTask(kind="pv_request", description=text, created_by_id=_user_id())
    report.follow_ups.append(task)
    db.session.flush()
    record_event(
        "safety_report.follow_up_requested",
        "safety_report",
        report.id,
        new={"task_id": task.id, "description": text},
    )
    db.session.commit()
    safety_report_changed.send(report, action="follow_up_requested")
    return task


def complete_follow_up(task: FollowUpTask, outcome: str) -> FollowUpTask:
    """Record what the reporter said; it is forwarded to PV as follow-up information."""
    text = (outcome or "").strip()
    if not text:
        raise ValidationFailed(
            {"outcome": "Record what the reporter said (or that they could not say)."}
        )
    if len(text) > MAX_REASON:
        raise ValidationFailed({"outcome": f"Limited to {MAX_REASON} characters."})
    if task.status != "open":
        raise Conflict("This follow-up is already done.")
    task.status = "done"
    task.done_at = utcnow()
    task.done_by_id = _user_id()
    task.outcome = text
    report = task.report
    message = enqueue(report, "follow_up", note=f"{task.description}\n{text}")
    record_event(
        "safety_report.follow_up_done",
        "safety_report",
        report.id,
        old={"task_id": task.id, "status": "open"},
        new={"task_id": task.id, "status": "done", "outcome": text, "outbox_message": message.id},
    )
    db.session.commit()
    report_committed(report, "follow_up_done")
    return task


def get_report(report_id: int) -> SafetyReport:
    """Load a report or raise NotFound."""
    report = db.session.get(SafetyReport, report_id)
    if report is None:
        raise NotFound(f"No safety report #{report_id}.")
    return report


def reports_for(interaction_id: int) -> list[SafetyReport]:
    """The safety reports filed for an interaction, oldest first."""
    stmt = (
        select(SafetyReport)
        .where(SafetyReport.interaction_id == interaction_id)
        .order_by(SafetyReport.id)
    )
    return list(db.session.scalars(stmt))


def has_report(interaction_id: int) -> bool:
    """Whether any safety report is linked to the interaction."""
    return bool(
        db.session.scalar(select(exists().where(SafetyReport.interaction_id == interaction_id)))
    )
