"""Intake, call, answer and status forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    FieldList,
    Form,
    FormField,
    HiddenField,
    IntegerField,
    RadioField,
    SelectField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, Optional

from medinfo.contacts.models import PROFESSIONS
from medinfo.labels import choices
from medinfo.safety.forms import ReportFields

CHANNEL_LABELS = choices("channel")
CATEGORY_LABELS = choices("category")
PRIORITY_LABELS = choices("priority")
OUTCOME_LABELS = choices("outcome")
LANGUAGE_LABELS = [("fr", "Français"), ("en", "English")]


class RequestForm(Form):
    """One question (no CSRF of its own: it lives inside the intake form)."""

    product = SelectField(_l("Product"), choices=[], default="", validators=[Optional()])
    category = SelectField(_l("Category"), choices=CATEGORY_LABELS)
    question = TextAreaField(_l("Question"), validators=[Optional(), Length(max=20000)])
    kb_versions = HiddenField()  # ids of KB article versions used in the answer (kb panel)


class IntakeForm(FlaskForm):
    """The live-call intake screen: caller, case, questions and call log in one save."""

    contact_id = HiddenField()
    new_first_name = StringField(_l("First name"), validators=[Optional(), Length(max=100)])
    new_last_name = StringField(_l("Last name"), validators=[Optional(), Length(max=100)])
    new_profession = SelectField(_l("Profession"), choices=choices("profession", PROFESSIONS))
    new_specialty = StringField(_l("Specialty"), validators=[Optional(), Length(max=100)])
    new_phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    new_email = StringField(_l("E-mail"), validators=[Optional(), Length(max=254)])
    new_city = StringField(_l("City"), validators=[Optional(), Length(max=100)])
    new_country = StringField(_l("Country"), default="FR", validators=[Optional(), Length(max=2)])
    new_registry_type = SelectField(
        _l("Registry"), default="", choices=[("", "—"), ("rpps", "RPPS"), ("npi", "NPI")]
    )
    new_registry_number = StringField(
        _l("Registry number"), validators=[Optional(), Length(max=20)]
    )
    confirm_new = HiddenField(default="")
    requester_name = StringField(
        _l("Caller, if not the contact"), validators=[Optional(), Length(max=200)]
    )
    requester_relation = StringField(
        _l("Relation (e.g. secretary)"), validators=[Optional(), Length(max=100)]
    )
    channel = SelectField(_l("Channel"), choices=CHANNEL_LABELS, default="phone")
    unsolicited = RadioField(
        _l("Request"),
        choices=[("yes", _l("Unsolicited")), ("no", _l("Solicited"))],
        validators=[InputRequired(_l("Say whether it was unsolicited."))],
    )
    language = SelectField(_l("Language"), choices=LANGUAGE_LABELS)
    priority = SelectField(_l("Priority"), choices=PRIORITY_LABELS)
    requests = FieldList(FormField(RequestForm), min_entries=1, max_entries=10)
    notes = TextAreaField(_l("Call notes"), validators=[Optional(), Length(max=20000)])
    outcome = SelectField(_l("Call outcome"), choices=OUTCOME_LABELS)
    call_started_at = HiddenField()
    safety = FormField(ReportFields)  # the safety report section, opened by the AE prompt
    submit = SubmitField(_l("Save the call"))


class CallForm(FlaskForm):
    """A further call (callback) on an existing case."""

    direction = SelectField(
        _l("Direction"),
        choices=choices("direction", ("outbound", "inbound")),
    )
    ani = StringField(_l("Number"), validators=[Optional(), Length(max=32)])
    minutes = IntegerField(_l("Duration (minutes)"), validators=[Optional()], default=5)
    outcome = SelectField(_l("Outcome"), choices=OUTCOME_LABELS)
    notes = TextAreaField(_l("Notes"), validators=[Optional(), Length(max=20000)])
    submit = SubmitField(_l("Log the call"))


class AnswerForm(FlaskForm):
    """The answer given to one question."""

    answer = TextAreaField(_l("Answer"), validators=[DataRequired(), Length(max=20000)])
    reason = StringField(_l("Reason for the correction"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Record the answer"))


class StatusForm(FlaskForm):
    """Move the case to another status."""

    status = HiddenField(validators=[DataRequired()])
    reason = StringField(_l("Reason"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Apply"))


class ScreeningForm(FlaskForm):
    """Did the caller mention an AE, special situation or complaint?"""

    ae_screening = RadioField(
        _l("Did the caller mention an adverse event, a special situation or a product complaint?"),
        choices=[("no", _l("No")), ("yes", _l("Yes"))],
        validators=[InputRequired()],
    )
    submit = SubmitField(_l("Record"))
