"""The intake screen's safety part: open the case and its safety report in one transaction."""

from __future__ import annotations

from medinfo.errors import ValidationFailed
from medinfo.extensions import db
from medinfo.forms import apply_field_errors
from medinfo.interactions import services as interactions
from medinfo.interactions.models import Interaction
from medinfo.safety.data import ProductData, ReportData, validate_report
from medinfo.safety.forms import ReportFields, fields_to_data
from medinfo.safety.services import create_report, report_committed

PREFIX = "safety."


def report_section_data(section) -> ReportData | None:
    """The report typed in the intake's safety section, or None when it was not opened."""
    fields: ReportFields = section.form
    if (fields.open.data or "") != "yes":
        return None
    return fields_to_data(fields)


def show_report_errors(section, errors: dict[str, str]) -> dict[str, str]:
    """Put "safety.*" errors on the section's fields; return the others for the intake form."""
    mine = {k.removeprefix(PREFIX): v for k, v in errors.items() if k.startswith(PREFIX)}
    if mine:
        fields = section.form
        if isinstance(fields.form_errors, tuple):
            fields.form_errors = list(fields.form_errors)
        apply_field_errors(fields, mine)
    return {k: v for k, v in errors.items() if not k.startswith(PREFIX)}


def _with_question_product(report: ReportData, data: interactions.InteractionData) -> None:
    """No suspect product typed: take the product of the first question that names one."""
    if report.products:
        return
    named = next((r.product for r in data.requests if r.product), None)
    if named:
        report.products = [ProductData(name_as_reported=named, product=named)]


def open_with_report(
    data: interactions.InteractionData, report: ReportData | None, *, allow_duplicate: bool
) -> Interaction:
    """Open the interaction and, when given, its safety report; one commit for both."""
    if report is None:
        return interactions.open_interaction(data, allow_duplicate=allow_duplicate)
    try:
        validate_report(report)
    except ValidationFailed as exc:
        raise ValidationFailed({PREFIX + k: v for k, v in exc.fields.items()}) from exc
    _with_question_product(report, data)
    try:
        interaction = interactions.open_interaction(
            data, allow_duplicate=allow_duplicate, commit=False
        )
        safety_report = create_report(interaction, report, source="intake", commit=False)
        db.session.commit()
    except Exception:
        db.session.rollback()
        raise
    interactions.announce_opened(interaction)
    report_committed(safety_report, "created")
    return interaction
