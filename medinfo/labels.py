"""Translated labels for stored codes (statuses, channels, categories…), defined once.

Forms build their choices from these tables and templates show codes through the `label`
filter, so a code never appears raw on a page and each label is translated in one place.
"""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_babel import lazy_pgettext

LABELS: dict[str, dict[str, object]] = {
    "status": {
        "open": lazy_pgettext("case status", "Open"),
        "pending_info": _l("Pending information"),
        "escalated": _l("Escalated"),
        "answered": _l("Answered"),
        "closed": _l("Closed"),
    },
    "channel": {
        "phone": _l("Phone"),
        "email": _l("E-mail"),
        "web_form": _l("Web form"),
        "fax": _l("Fax"),
        "letter": _l("Letter"),
        "sales_rep": _l("Forwarded by a sales rep"),
    },
    "category": {
        "medical_info": _l("Medical information"),
        "off_label": _l("Off-label"),
        "adverse_event": _l("Adverse event"),
        "product_complaint": _l("Product complaint"),
        "other": _l("Other"),
    },
    "priority": {
        "normal": _l("Normal"),
        "high": _l("High"),
        "urgent": _l("Urgent"),
        "low": _l("Low"),
    },
    "outcome": {
        "answered": _l("Answered"),
        "callback_needed": _l("Callback needed"),
        "transferred": _l("Transferred"),
        "voicemail": _l("Voicemail"),
        "no_answer": _l("No answer"),
        "dropped": _l("Dropped"),
    },
    "direction": {"inbound": _l("Inbound"), "outbound": _l("Outbound (callback)")},
    "profession": {
        "physician": _l("Physician"),
        "pharmacist": _l("Pharmacist"),
        "nurse": _l("Nurse"),
        "dentist": _l("Dentist"),
        "midwife": _l("Midwife"),
        "other_hcp": _l("Other HCP"),
        "patient": _l("Patient"),
        "consumer": _l("Consumer"),
        "other": _l("Other"),
    },
    "role": {
        "agent": _l("Agent"),
        "medical_reviewer": _l("Medical reviewer"),
        "pv_officer": _l("PV officer"),
        "auditor": _l("Auditor"),
        "admin": _l("Administrator"),
    },
    "history": {
        "interaction": _l("Case"),
        "call": _l("Call"),
        "response": _l("Answer"),
    },
    "yes_no": {"yes": _l("Yes"), "no": _l("No")},
    "kb_status": {
        "draft": _l("Draft"),
        "in_review": _l("In review"),
        "approved": _l("Approved"),
        "retired": _l("Retired"),
    },
}


def label(code: str | None, kind: str) -> str:
    """The translated label of a stored code; the code itself when none is defined."""
    if code is None:
        return "—"
    return str(LABELS.get(kind, {}).get(code, code))


def choices(kind: str, order: tuple[str, ...] | None = None) -> list[tuple[str, object]]:
    """(code, label) pairs for a form field, in the table's order or the given one."""
    table = LABELS[kind]
    return [(code, table[code]) for code in (order or tuple(table))]


def register_labels(kind: str, table: dict[str, object]) -> None:
    """Let a domain add its own codes (e.g. safety report statuses, history event types)."""
    LABELS.setdefault(kind, {}).update(table)
