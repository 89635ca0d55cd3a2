"""Shared helpers for the safety tests (a report factory), plus a check of the factory."""

from __future__ import annotations

from medinfo.safety.data import ProductData, ReportData


def full_report(**overrides) -> ReportData:
    """A report meeting all four minimum criteria, batch given."""
    values = {
        "adverse_event": True,
        "reporter_name": "Dr Claire Martin",
        "reporter_qualification": "physician",
        "patient_initials": "J.D.",
        "patient_age": 54,
        "patient_sex": "female",
        "event_verbatim": "She has been dizzy since she started Cardiolex last week.",
        "event_outcome": "recovering",
        "products": [
            ProductData(name_as_reported="cardiolex", product="Cardiolex", batch_lot="LOT-42")
        ],
    }
    values.update(overrides)
    return ReportData(**values)


def test_full_report_meets_every_field_rule():
    from medinfo.safety.data import validate_report

    validate_report(full_report())  # raises when a factory value breaks a rule
