"""A safety report as plain JSON: what the transports send to PV and the API returns."""

from __future__ import annotations

from typing import Any

from medinfo.safety.minimum import minimum_criteria
from medinfo.safety.models import SafetyReport, SuspectProduct


def _iso(value) -> str | None:
    return value.isoformat() if value is not None else None


def product_payload(p: SuspectProduct) -> dict[str, Any]:
    """One suspect product."""
    return {
        "name_as_reported": p.name_as_reported,
        "product": p.product.name if p.product else None,
        "batch_lot": p.batch_lot,
        "batch_status": p.batch_status,
        "dose": p.dose,
        "route": p.route,
        "start_date": _iso(p.start_date),
        "stop_date": _iso(p.stop_date),
        "indication": p.indication,
    }


def report_payload(report: SafetyReport) -> dict[str, Any]:
    """Every field of the report, JSON-ready (E2B(R3) section names in comments)."""
    criteria = minimum_criteria(report)
    interaction = report.interaction
    return {
        "id": report.id,
        "reference": report.reference,
        "interaction_id": report.interaction_id,
        "interaction_reference": interaction.reference if interaction else None,
        "status": report.status,
        "day0": _iso(report.day0),
        "due_at": _iso(report.due_at),
        "same_day": report.same_day,
        "minimum_criteria_met": criteria.met,
        "minimum_criteria": criteria.as_dict(),
        "adverse_event": report.adverse_event,
        "product_complaint": report.product_complaint,
        "special_situations": list(report.special_situations or []),
        # C.2.r primary source
        "reporter": {
            "name": report.reporter_name,
            "qualification": report.reporter_qualification,
            "contact": report.reporter_contact,
            "country": report.reporter_country,
        },
        # D patient
        "patient": {
            "initials": report.patient_initials,
            "age": report.patient_age,
            "age_unit": report.patient_age_unit,
            "age_group": report.patient_age_group,
            "sex": report.patient_sex,
            "pregnancy_status": report.pregnancy_status,
            "gestation_weeks": report.gestation_weeks,
        },
        # G.k drugs
        "products": [product_payload(p) for p in report.products],
        # E.i reactions/events
        "event": {
            "verbatim": report.event_verbatim,
            "onset": _iso(report.event_onset),
            "outcome": report.event_outcome,
            "seriousness": list(report.seriousness or []),
        },
        "pqc": {
            "description": report.pqc_description,
            "sample_available": report.pqc_sample_available,
        },
        # H narrative
        "narrative": report.narrative,
        "question": report.question_text,
        "answer_given": report.answer_given,
        "pv_case_id": report.pv_case_id,
        "created_at": _iso(report.created_at),
        "transferred_at": _iso(report.transferred_at),
        "acknowledged_at": _iso(report.acknowledged_at),
        "rejection_reason": report.rejection_reason,
        "follow_ups": [
            {"id": t.id, "kind": t.kind, "status": t.status, "description": t.description}
            for t in report.follow_ups
        ],
    }
