"""Safety report forms: the report fields (also nested in the intake form) and PV actions."""

from __future__ import annotations

import json

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    DateField,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from medinfo.safety.data import ProductData, ReportData

QUALIFICATION_LABELS = [
    ("", "—"),
    ("physician", _l("Physician")),
    ("pharmacist", _l("Pharmacist")),
    ("other_hcp", _l("Other health professional")),
    ("lawyer", _l("Lawyer")),
    ("consumer", _l("Consumer or patient")),
]
SEX_LABELS = [("", "—"), ("female", _l("Female")), ("male", _l("Male")), ("unknown", _l("Unknown"))]
AGE_UNIT_LABELS = [
    ("years", _l("years")),
    ("months", _l("months")),
    ("weeks", _l("weeks")),
    ("days", _l("days")),
]
AGE_GROUP_LABELS = [
    ("", "—"),
    ("foetus", _l("Foetus")),
    ("neonate", _l("Neonate")),
    ("infant", _l("Infant")),
    ("child", _l("Child")),
    ("adolescent", _l("Adolescent")),
    ("adult", _l("Adult")),
    ("elderly", _l("Elderly")),
]
PREGNANCY_LABELS = [
    ("", "—"),
    ("not_pregnant", _l("Not pregnant")),
    ("pregnant", _l("Pregnant")),
    ("unknown", _l("Unknown")),
    ("not_applicable", _l("Not applicable")),
]
OUTCOME_LABELS = [
    ("", "—"),
    ("recovered", _l("Recovered")),
    ("recovering", _l("Recovering")),
    ("not_recovered", _l("Not recovered")),
    ("recovered_with_sequelae", _l("Recovered with sequelae")),
    ("fatal", _l("Fatal")),
    ("unknown", _l("Unknown")),
]
SERIOUSNESS_LABELS = [
    ("death", _l("Results in death")),
    ("life_threatening", _l("Life-threatening")),
    ("hospitalisation", _l("Hospitalisation (or prolonged)")),
    ("disability", _l("Disability or incapacity")),
    ("congenital_anomaly", _l("Congenital anomaly")),
    ("other_medically_important", _l("Other medically important")),
]
SPECIAL_LABELS = [
    ("pregnancy", _l("Pregnancy exposure")),
    ("breastfeeding", _l("Breastfeeding exposure")),
    ("paternal_exposure", _l("Paternal exposure")),
    ("overdose", _l("Overdose")),
    ("abuse", _l("Abuse")),
    ("misuse", _l("Misuse")),
    ("medication_error", _l("Medication error")),
    ("off_label", _l("Off-label use")),
    ("lack_of_efficacy", _l("Lack of efficacy")),
    ("interaction", _l("Drug interaction")),
    ("occupational_exposure", _l("Occupational exposure")),
    ("accidental_exposure", _l("Accidental exposure (child)")),
    ("expired_product", _l("Expired product")),
    ("counterfeit_product", _l("Counterfeit product")),
]
YES_NO_UNKNOWN = [("", _l("Not known")), ("yes", _l("Yes")), ("no", _l("No"))]
MAX_FLAGS = 50


class CheckboxesField(SelectMultipleField):
    """Several choices shown as checkboxes."""

    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class ReportFields(Form):
    """Every field of a safety report (no CSRF: nested in the intake or report form)."""

    open = HiddenField(default="")
    screen_flags = HiddenField(default="")
    adverse_event = BooleanField(_l("Adverse event"))
    product_complaint = BooleanField(_l("Product quality complaint"))
    special_situations = CheckboxesField(_l("Special situations"), choices=SPECIAL_LABELS)
    reporter_name = StringField(_l("Reporter"), validators=[Optional(), Length(max=200)])
    reporter_qualification = SelectField(
        _l("Qualification"), choices=QUALIFICATION_LABELS, default=""
    )
    reporter_contact = StringField(
        _l("Reporter's phone or e-mail"), validators=[Optional(), Length(max=300)]
    )
    patient_initials = StringField(_l("Patient initials"), validators=[Optional(), Length(max=10)])
    patient_age = IntegerField(_l("Age"), validators=[Optional(), NumberRange(min=0, max=150)])
    patient_age_unit = SelectField(_l("Unit"), choices=AGE_UNIT_LABELS, default="years")
    patient_age_group = SelectField(_l("Age group"), choices=AGE_GROUP_LABELS, default="")
    patient_sex = SelectField(_l("Sex"), choices=SEX_LABELS, default="")
    pregnancy_status = SelectField(_l("Pregnancy"), choices=PREGNANCY_LABELS, default="")
    gestation_weeks = IntegerField(
        _l("Gestation (weeks)"), validators=[Optional(), NumberRange(min=0, max=45)]
    )
    product = SelectField(_l("Suspect product"), choices=[], default="", validate_choice=False)
    name_as_reported = StringField(
        _l("Product name as reported"), validators=[Optional(), Length(max=200)]
    )
    batch_lot = StringField(_l("Batch/lot number"), validators=[Optional(), Length(max=64)])
    batch_unknown = BooleanField(_l("Asked: the reporter does not know it"))
    dose = StringField(_l("Dose and frequency"), validators=[Optional(), Length(max=100)])
    route = StringField(_l("Route"), validators=[Optional(), Length(max=60)])
    start_date = DateField(_l("Started"), validators=[Optional()])
    stop_date = DateField(_l("Stopped"), validators=[Optional()])
    indication = StringField(_l("Indication"), validators=[Optional(), Length(max=200)])
    event_verbatim = TextAreaField(
        _l("Event, in the reporter's words"), validators=[Optional(), Length(max=20000)]
    )
    event_onset = DateField(_l("Onset"), validators=[Optional()])
    event_outcome = SelectField(_l("Outcome"), choices=OUTCOME_LABELS, default="")
    seriousness = CheckboxesField(_l("Seriousness"), choices=SERIOUSNESS_LABELS)
    pqc_description = TextAreaField(
        _l("Quality complaint details"), validators=[Optional(), Length(max=20000)]
    )
    pqc_sample_available = SelectField(_l("Sample available"), choices=YES_NO_UNKNOWN, default="")
    narrative = TextAreaField(
        _l("Narrative (question asked, answer given)"), validators=[Optional(), Length(max=20000)]
    )


class SafetyReportForm(FlaskForm):
    """A safety report added to an existing case, or corrected after PV returned it."""

    report = FormField(ReportFields)
    submit = SubmitField(_l("Send to pharmacovigilance"))


class AcknowledgeForm(FlaskForm):
    """PV confirms receipt with its case ID."""

    pv_case_id = StringField(_l("PV case ID"), validators=[DataRequired(), Length(max=64)])
    submit = SubmitField(_l("Acknowledge"))


class RejectForm(FlaskForm):
    """PV returns the report to the desk."""

    reason = TextAreaField(_l("What must be fixed"), validators=[DataRequired(), Length(max=2000)])
    submit = SubmitField(_l("Return to the desk"))


class FollowUpRequestForm(FlaskForm):
    """PV asks for more information."""

    description = TextAreaField(
        _l("What to ask the reporter"), validators=[DataRequired(), Length(max=2000)]
    )
    submit = SubmitField(_l("Request a follow-up"))


class FollowUpDoneForm(FlaskForm):
    """The desk records what the reporter said."""

    outcome = TextAreaField(
        _l("What the reporter said"), validators=[DataRequired(), Length(max=2000)]
    )
    submit = SubmitField(_l("Send the follow-up to PV"))


def _flags(raw: str) -> list[dict]:
    try:
        value = json.loads(raw or "[]")
    except ValueError:
        return []
    if not isinstance(value, list):
        return []
    keep = ("category", "start", "end", "text")
    return [
        {k: item[k] for k in keep if k in item}
        for item in value[:MAX_FLAGS]
        if isinstance(item, dict)
    ]


def fields_to_data(f: ReportFields) -> ReportData:
    """Plain values from the report fields."""
    sample = {"yes": True, "no": False}.get(f.pqc_sample_available.data or "")
    product = ProductData(
        name_as_reported=f.name_as_reported.data or "",
        product=f.product.data or None,
        batch_lot=f.batch_lot.data or "",
        batch_unknown=bool(f.batch_unknown.data),
        dose=f.dose.data or "",
        route=f.route.data or "",
        start_date=f.start_date.data,
        stop_date=f.stop_date.data,
        indication=f.indication.data or "",
    )
    has_product = bool(product.name_as_reported.strip() or product.product or product.batch_lot)
    return ReportData(
        adverse_event=bool(f.adverse_event.data),
        product_complaint=bool(f.product_complaint.data),
        special_situations=list(f.special_situations.data or []),
        screening_flags=_flags(f.screen_flags.data),
        reporter_name=f.reporter_name.data or "",
        reporter_qualification=f.reporter_qualification.data or None,
        reporter_contact=f.reporter_contact.data or "",
        patient_initials=f.patient_initials.data or "",
        patient_age=f.patient_age.data,
        patient_age_unit=f.patient_age_unit.data or "years",
        patient_age_group=f.patient_age_group.data or None,
        patient_sex=f.patient_sex.data or None,
        pregnancy_status=f.pregnancy_status.data or None,
        gestation_weeks=f.gestation_weeks.data,
        event_verbatim=f.event_verbatim.data or "",
        event_onset=f.event_onset.data,
        event_outcome=f.event_outcome.data or None,
        seriousness=list(f.seriousness.data or []),
        pqc_description=f.pqc_description.data or "",
        pqc_sample_available=sample,
        narrative=f.narrative.data or "",
        products=[product] if has_product else [],
    )


def fill_fields(f: ReportFields, report) -> None:
    """Show a stored report in the fields (to correct a returned report)."""
    for name in (
        "adverse_event", "product_complaint", "reporter_name", "reporter_contact",
        "patient_initials", "patient_age", "gestation_weeks", "event_verbatim",
        "event_onset", "pqc_description", "narrative",
    ):  # fmt: skip
        getattr(f, name).data = getattr(report, name)
    for name in (
        "reporter_qualification", "patient_age_unit", "patient_age_group", "patient_sex",
        "pregnancy_status", "event_outcome",
    ):  # fmt: skip
        getattr(f, name).data = getattr(report, name) or ""
    f.special_situations.data = list(report.special_situations or [])
    f.seriousness.data = list(report.seriousness or [])
    f.pqc_sample_available.data = {True: "yes", False: "no"}.get(report.pqc_sample_available, "")
    f.screen_flags.data = json.dumps(report.screening_flags or [])
    f.open.data = "yes"
    if report.products:
        p = report.products[0]
        f.product.data = p.product.name if p.product else ""
        f.name_as_reported.data = p.name_as_reported
        f.batch_lot.data = p.batch_lot
        f.batch_unknown.data = p.batch_status == "unknown"
        for name in ("dose", "route", "start_date", "stop_date", "indication"):
            getattr(f, name).data = getattr(p, name)
