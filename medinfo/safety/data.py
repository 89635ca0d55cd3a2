"""Plain input values of a safety report, their validation, and copying them onto the model."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from medinfo.catalog.services import find_product
from medinfo.database import utcnow
from medinfo.errors import ValidationFailed
from medinfo.safety.models import (
    AGE_GROUPS,
    AGE_UNITS,
    OUTCOMES,
    PREGNANCY,
    QUALIFICATIONS,
    SERIOUSNESS,
    SEXES,
    SPECIAL_SITUATIONS,
    SafetyReport,
    SuspectProduct,
)

MAX_TEXT = 20_000
MAX_AGE = {"years": 150, "months": 1800, "weeks": 7800, "days": 54750}
SCREENING_PREFIX = "special_situation:"
# The screener's special-situation kinds that map onto a different report code.
_SCREEN_ALIASES = {"paternal": "paternal_exposure", "counterfeit": "counterfeit_product"}


@dataclass
class ProductData:
    """One suspect product as the reporter named it."""

    name_as_reported: str = ""
    product: str | None = None
    batch_lot: str = ""
    batch_unknown: bool = False
    dose: str = ""
    route: str = ""
    start_date: date | None = None
    stop_date: date | None = None
    indication: str = ""


@dataclass
class ReportData:
    """Everything a safety report can hold (ICH E2B(R3) sections), as plain values."""

    adverse_event: bool = False
    product_complaint: bool = False
    special_situations: list[str] = field(default_factory=list)
    screening_flags: list[dict[str, Any]] = field(default_factory=list)
    reporter_name: str = ""
    reporter_qualification: str | None = None
    reporter_contact: str = ""
    reporter_country: str = ""
    patient_initials: str = ""
    patient_age: int | None = None
    patient_age_unit: str = "years"
    patient_age_group: str | None = None
    patient_sex: str | None = None
    pregnancy_status: str | None = None
    gestation_weeks: int | None = None
    event_verbatim: str = ""
    event_onset: date | None = None
    event_outcome: str | None = None
    seriousness: list[str] = field(default_factory=list)
    pqc_description: str = ""
    pqc_sample_available: bool | None = None
    narrative: str = ""
    question_text: str = ""
    answer_given: str = ""
    products: list[ProductData] = field(default_factory=list)


def special_from_categories(categories: list[str]) -> list[str]:
    """Report special-situation codes from screening categories (special_situation:<kind>)."""
    kinds = []
    for category in categories:
        if category.startswith(SCREENING_PREFIX):
            kind = category.removeprefix(SCREENING_PREFIX)
            kind = _SCREEN_ALIASES.get(kind, kind)
            if kind in SPECIAL_SITUATIONS and kind not in kinds:
                kinds.append(kind)
    return kinds


def _choice(errors: dict, name: str, value: str | None, allowed: tuple[str, ...]) -> None:
    if value not in (None, "") and value not in allowed:
        errors[name] = f"Choose one of: {', '.join(allowed)}."


def _text(errors: dict, name: str, value: str, limit: int = MAX_TEXT) -> None:
    if len(value or "") > limit:
        errors[name] = f"Limited to {limit} characters."


def _not_future(errors: dict, name: str, value: date | None) -> None:
    if value is not None and value > (utcnow() + timedelta(days=1)).date():
        errors[name] = "This date is in the future."


def validate_report(data: ReportData) -> None:
    """Raise ValidationFailed naming every wrong field (incomplete is fine, wrong is not)."""
    errors: dict[str, str] = {}
    _choice(errors, "reporter_qualification", data.reporter_qualification, QUALIFICATIONS)
    _choice(errors, "patient_age_unit", data.patient_age_unit, AGE_UNITS)
    _choice(errors, "patient_age_group", data.patient_age_group, AGE_GROUPS)
    _choice(errors, "patient_sex", data.patient_sex, SEXES)
    _choice(errors, "pregnancy_status", data.pregnancy_status, PREGNANCY)
    _choice(errors, "event_outcome", data.event_outcome, OUTCOMES)
    for name, values, allowed in (
        ("seriousness", data.seriousness, SERIOUSNESS),
        ("special_situations", data.special_situations, SPECIAL_SITUATIONS),
    ):
        if wrong := [v for v in values if v not in allowed]:
            errors[name] = f"Unknown: {', '.join(wrong)}."
    if data.patient_age is not None:
        limit = MAX_AGE.get(data.patient_age_unit or "years", 150)
        if not 0 <= data.patient_age <= limit:
            errors["patient_age"] = f"Give an age between 0 and {limit}."
    if data.gestation_weeks is not None and not 0 <= data.gestation_weeks <= 45:
        errors["gestation_weeks"] = "Give a gestational age between 0 and 45 weeks."
    for name, limit in (
        ("reporter_name", 200),
        ("reporter_contact", 300),
        ("patient_initials", 10),
        ("reporter_country", 2),
    ):
        _text(errors, name, getattr(data, name), limit)
    for name in ("event_verbatim", "pqc_description", "narrative", "question_text"):
        _text(errors, name, getattr(data, name))
    _text(errors, "answer_given", data.answer_given)
    _not_future(errors, "event_onset", data.event_onset)
    for i, p in enumerate(data.products):
        prefix = f"products.{i}."
        for name, limit in (
            ("name_as_reported", 200),
            ("batch_lot", 64),
            ("dose", 100),
            ("route", 60),
            ("indication", 200),
        ):
            _text(errors, prefix + name, getattr(p, name), limit)
        _not_future(errors, prefix + "start_date", p.start_date)
        if p.start_date and p.stop_date and p.stop_date < p.start_date:
            errors[prefix + "stop_date"] = "The stop date is before the start date."
    described = (
        data.event_verbatim.strip()
        or data.pqc_description.strip()
        or data.narrative.strip()
        or data.special_situations
    )
    if not described:
        errors["event_verbatim"] = "Describe what the caller reported, in their words."
    if errors:
        raise ValidationFailed(errors)


def _suspect(position: int, p: ProductData) -> SuspectProduct:
    product = find_product(p.product) if (p.product or "").strip() else None
    name = (p.name_as_reported or "").strip() or (p.product or "").strip()
    batch = (p.batch_lot or "").strip()
    status = "provided" if batch else ("unknown" if p.batch_unknown else "not_asked")
    return SuspectProduct(
        position=position,
        name_as_reported=name[:200],
        product=product,
        batch_lot=batch,
        batch_status=status,
        dose=p.dose.strip(),
        route=p.route.strip(),
        start_date=p.start_date,
        stop_date=p.stop_date,
        indication=p.indication.strip(),
    )


def apply_report_data(report: SafetyReport, data: ReportData) -> None:
    """Copy validated values onto the report (replacing its suspect products)."""
    kinds = list(dict.fromkeys(data.special_situations))
    report.adverse_event = bool(data.adverse_event)
    report.product_complaint = bool(data.product_complaint or data.pqc_description.strip())
    if not (report.adverse_event or report.product_complaint or kinds):
        report.adverse_event = True  # unclassified: forward as an AE rather than hold it back
    report.special_situations = kinds
    report.screening_flags = list(data.screening_flags or report.screening_flags or [])
    report.reporter_name = data.reporter_name.strip()
    report.reporter_qualification = data.reporter_qualification or None
    report.reporter_contact = data.reporter_contact.strip()
    report.reporter_country = (data.reporter_country or "").strip().upper()
    report.patient_initials = data.patient_initials.strip()
    report.patient_age = data.patient_age
    report.patient_age_unit = data.patient_age_unit or "years"
    report.patient_age_group = data.patient_age_group or None
    report.patient_sex = data.patient_sex or None
    report.pregnancy_status = data.pregnancy_status or None
    report.gestation_weeks = data.gestation_weeks
    report.event_verbatim = data.event_verbatim.strip()
    report.event_onset = data.event_onset
    report.event_outcome = data.event_outcome or None
    report.seriousness = list(dict.fromkeys(data.seriousness))
    report.pqc_description = data.pqc_description.strip()
    report.pqc_sample_available = data.pqc_sample_available
    report.narrative = data.narrative.strip()
    report.question_text = data.question_text.strip()
    report.answer_given = data.answer_given.strip()
    report.products = [_suspect(i + 1, p) for i, p in enumerate(data.products)]
