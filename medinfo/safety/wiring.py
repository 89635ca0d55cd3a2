"""What the safety domain plugs into others: the close guard and the contact-history source."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from sqlalchemy import Select, literal, select

from medinfo.contacts.history import labelled, register_history_source
from medinfo.interactions.guards import register_close_guard
from medinfo.interactions.models import Interaction
from medinfo.labels import register_labels
from medinfo.safety.forms import (
    AGE_GROUP_LABELS,
    AGE_UNIT_LABELS,
    OUTCOME_LABELS,
    PREGNANCY_LABELS,
    QUALIFICATION_LABELS,
    SERIOUSNESS_LABELS,
    SEX_LABELS,
    SPECIAL_LABELS,
)
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
    for kind, table in (
        ("special_situation", SPECIAL_LABELS),
        ("event_outcome", OUTCOME_LABELS),
        ("seriousness", SERIOUSNESS_LABELS),
        ("qualification", QUALIFICATION_LABELS),
        ("sex", SEX_LABELS),
        ("age_unit", AGE_UNIT_LABELS),
        ("age_group", AGE_GROUP_LABELS),
        ("pregnancy", PREGNANCY_LABELS),
    ):
        register_labels(kind, {code: text for code, text in table if code})
    register_labels(
        "reconciliation_gap",
        {
            "no_report": _l("No report"),
            "not_transferred": _l("Not transferred"),
            "overdue": _l("Overdue"),
            "transfer_failed": _l("Transfer failed"),
            "returned_to_desk": _l("Returned to the desk"),
            "not_acknowledged": _l("Not acknowledged"),
            "late_transfer": _l("Transferred late"),
        },
    )
    register_labels("task_status", {"open": _l("To do"), "done": _l("Done")})
    register_labels(
        "outbox_status",
        {"pending": _l("Pending"), "sent": _l("Sent"), "failed": _l("Failed")},
    )
    register_labels(
        "batch_status",
        {"given": _l("given"), "unknown": _l("unknown"), "not_asked": _l("not asked")},
    )
    register_labels(
        "safety_status",
        {
            "submitted": _l("Submitted"),
            "transferred": _l("Transferred"),
            "acknowledged": _l("Acknowledged"),
            "rejected": _l("Returned to the desk"),
        },
    )
