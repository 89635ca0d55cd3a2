"""What the safety domain plugs into others: the close guard and the contact-history source."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, literal, select

from medinfo.contacts.history import labelled, register_history_source
from medinfo.interactions.guards import register_close_guard
from medinfo.interactions.models import Interaction
from medinfo.labels import register_labels
from medinfo.safety.models import SafetyReport
from medinfo.safety.services import has_report


def require_report_when_screened_yes(interaction: Interaction) -> str | None:
    """Close guard: a "yes" AE screening answer needs a linked safety report."""
    if interaction.ae_screening == "yes" and not has_report(interaction.id):
        return "The caller mentioned a safety event: add the safety report before closing."
    return None


def safety_reports_of(contact_id: int) -> Select:
    """Safety reports about the contact's interactions."""
    return (
        select(
            *labelled(
                "safety_report",
                SafetyReport.created_at,
                SafetyReport.id,
                SafetyReport.interaction_id,
                SafetyReport.reference,
                SafetyReport.reference + literal(" · ") + SafetyReport.status,
                SafetyReport.event_verbatim,
            )
        )
        .join(Interaction, SafetyReport.interaction_id == Interaction.id)
        .where(Interaction.contact_id == contact_id)
    )


_installed: list[bool] = []


def register() -> None:
    """Install the close guard (once per process), the history source and the safety labels."""
    if not _installed:
        register_close_guard(require_report_when_screened_yes)
        _installed.append(True)
    register_history_source("safety_report", safety_reports_of)
    register_labels("history", {"safety_report": _l("Safety report")})
    register_labels(
        "safety_status",
        {
            "submitted": _l("Submitted"),
            "transferred": _l("Transferred"),
            "acknowledged": _l("Acknowledged"),
            "rejected": _l("Returned to the desk"),
        },
    )
