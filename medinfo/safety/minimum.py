"""The four minimum criteria of a valid case, the same-day rule and the transfer deadline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import current_app
from flask_babel import lazy_gettext as _l

from medinfo.safety.models import SafetyReport
from medinfo.sla.calendar import pv_transfer_due
from medinfo.sla.policy import desk_calendar

CRITERIA = ("reporter", "patient", "product", "event")
CRITERION_LABELS = {
    "reporter": _l("Identifiable reporter"),
    "patient": _l("Identifiable patient"),
    "product": _l("Suspect product"),
    "event": _l("Adverse event or situation"),
}
# Stored on the task as data (the record's language), like the services' other messages.
FOLLOW_UP_TEXT = {
    "reporter": "Obtain the reporter's name, qualification or contact details.",
    "patient": "Obtain an identifier of the patient (initials, age or age group, sex).",
    "product": "Obtain the name of the suspect product.",
    "event": "Obtain a description of the event in the reporter's words.",
    "batch": "Ask for the batch/lot number of the product.",
}


@dataclass(frozen=True)
class MinimumCriteria:
    """Which of the four minimum criteria a report meets."""

    reporter: bool
    patient: bool
    product: bool
    event: bool

    @property
    def met(self) -> bool:
        """All four criteria are met: a valid case."""
        return self.reporter and self.patient and self.product and self.event

    def missing(self) -> list[str]:
        """The criteria not met, in the usual order."""
        return [name for name in CRITERIA if not getattr(self, name)]

    def as_dict(self) -> dict[str, bool]:
        """Plain values for JSON and audit events."""
        return {name: getattr(self, name) for name in CRITERIA}


def minimum_criteria(report: SafetyReport) -> MinimumCriteria:
    """Compute the four criteria (GVP VI.B.2) from the report's fields."""
    reporter = bool(
        report.reporter_name.strip()
        or report.reporter_contact.strip()
        or report.reporter_qualification
    )
    patient = bool(
        report.patient_initials.strip()
        or report.patient_age is not None
        or report.patient_age_group
        or report.patient_sex in ("female", "male")
        or report.gestation_weeks is not None
    )
    product = any(p.name_as_reported.strip() or p.product_id for p in report.products)
    event = bool(report.event_verbatim.strip() or report.pqc_description.strip())
    return MinimumCriteria(reporter, patient, product, event)


def follow_ups_needed(report: SafetyReport) -> list[str]:
    """Kinds of follow-up tasks to open: every missing criterion, and a batch not yet known."""
    kinds = minimum_criteria(report).missing()
    if report.products and any(p.batch_status != "provided" for p in report.products):
        kinds.append("batch")
    return kinds


def needs_same_day(report: SafetyReport) -> bool:
    """Fatal, serious or pregnancy cases go the same business day when the policy says so."""
    if not current_app.config.get("PV_SAME_DAY_POLICY", True):
        return False
    pregnancy = "pregnancy" in (report.special_situations or []) or (
        report.pregnancy_status == "pregnant"
    )
    return report.is_serious or pregnancy


def transfer_due(day0: datetime, same_day: bool) -> datetime:
    """When PV must have the report: close of business of day 0 (+1 unless same day)."""
    return pv_transfer_due(day0, desk_calendar(day0), same_day=same_day)
