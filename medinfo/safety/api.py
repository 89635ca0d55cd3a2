"""Safety API: live screening, safety reports (Idempotency-Key), PV acknowledgement."""

from __future__ import annotations

from flask import request
from flask_login import current_user

from medinfo.api import bp
from medinfo.api.support import api_route, parse_body, respond
from medinfo.errors import NotFound
from medinfo.extensions import db
from medinfo.idempotency import run_once
from medinfo.interactions.models import Interaction
from medinfo.permissions import Permission, can_view_interaction, require
from medinfo.safety.payload import report_payload
from medinfo.safety.schemas import (
    AcknowledgeIn,
    SafetyReportIn,
    SafetyReportOut,
    ScreenIn,
    ScreenOut,
)
from medinfo.safety.screening import screen
from medinfo.safety.services import acknowledge_report, create_report, get_report, report_committed


@api_route(
    bp,
    "/screen",
    "POST",
    summary="Screen free text for adverse events, special situations and product complaints",
    permission=Permission.REPORT_SAFETY,
    body=ScreenIn,
    response=ScreenOut,
)
def screen_text():
    """Screen the text as the agent types."""
    data = parse_body(ScreenIn)
    result = screen(data.text, data.language)
    return respond(
        {
            "reportable": result.reportable,
            "flags": [
                {"category": f.category, "start": f.start, "end": f.end, "text": f.text}
                for f in result.flags
            ],
        }
    )


@api_route(
    bp,
    "/safety-reports",
    "POST",
    summary="Record a safety report on an interaction and queue it for PV; the same "
    "Idempotency-Key returns the same report",
    permission=Permission.REPORT_SAFETY,
    body=SafetyReportIn,
    response=SafetyReportOut,
    status=201,
    idempotent=True,
)
def create_safety_report():
    """Create a safety report (day 0 is the interaction's received time)."""
    data = parse_body(SafetyReportIn)
    created = []

    def create():
        interaction = db.session.get(Interaction, data.interaction_id)
        if interaction is None:
            raise NotFound(
                f"No interaction #{data.interaction_id}.",
                {"interaction_id": "No such interaction."},
            )
        require(can_view_interaction(current_user, interaction))
        report = create_report(interaction, data.to_data(), source="api", commit=False)
        created.append(report)
        return report_payload(report), 201

    body, status, replayed = run_once(
        f"safety-reports:{current_user.id}",
        request.headers.get("Idempotency-Key"),
        data.model_dump(mode="json"),
        create,
    )
    if created and not replayed:
        report_committed(created[0], "created")
    return respond(body, status, {"Idempotent-Replayed": "true"} if replayed else None)


@api_route(
    bp,
    "/safety-reports/{report_id}",
    "GET",
    summary="One safety report with its workflow state",
    permission=Permission.VIEW_SAFETY,
    response=SafetyReportOut,
)
def get_safety_report(report_id: int):
    """One safety report."""
    return respond(report_payload(get_report(report_id)))


@api_route(
    bp,
    "/safety-reports/{report_id}/acknowledge",
    "POST",
    summary="PV acknowledges receipt with its safety-database case ID",
    permission=Permission.PROCESS_SAFETY,
    body=AcknowledgeIn,
    response=SafetyReportOut,
)
def acknowledge_safety_report(report_id: int):
    """Acknowledge a report (repeating the same case ID is harmless)."""
    data = parse_body(AcknowledgeIn)
    report = acknowledge_report(get_report(report_id), data.pv_case_id)
    return respond(report_payload(report))
