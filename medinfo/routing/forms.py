"""Admin and desk forms for routing and SLAs (choices are filled in by the views)."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    IntegerField,
    SelectField,
    SelectMultipleField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, InputRequired, Length, NumberRange, Optional

from medinfo.interactions.forms import CATEGORY_LABELS, CHANNEL_LABELS

ANY = [("", _l("Any"))]
PRIORITY_CHOICES = [
    ("low", _l("Low")),
    ("normal", _l("Normal")),
    ("high", _l("High")),
    ("urgent", _l("Urgent")),
]
LANGUAGE_CHOICES = [("en", "English"), ("fr", "Français")]
WEEKDAY_CHOICES = [
    (0, _l("Monday")),
    (1, _l("Tuesday")),
    (2, _l("Wednesday")),
    (3, _l("Thursday")),
    (4, _l("Friday")),
    (5, _l("Saturday")),
    (6, _l("Sunday")),
]
CLOCK_CHOICES = [
    ("request", _l("Request (answer to the caller)")),
    ("escalation", _l("Escalation (medical review)")),
]


class QueueForm(FlaskForm):
    """Create or edit a queue and choose its members."""

    key = StringField(_l("Key"), validators=[DataRequired(), Length(max=64)])
    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=100)])
    description = TextAreaField(_l("Description"), validators=[Optional(), Length(max=2000)])
    member_ids = SelectMultipleField(_l("Members"), coerce=int, validate_choice=False)
    is_default = BooleanField(_l("Default queue (cases no rule matches)"))
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class RuleForm(FlaskForm):
    """Create or edit a routing rule; empty match fields match anything."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=100)])
    position = IntegerField(
        _l("Position (lower runs first)"),
        default=100,
        validators=[InputRequired(), NumberRange(0, 100_000)],
    )
    category = SelectField(_l("Category"), choices=ANY + CATEGORY_LABELS, default="")
    product_id = SelectField(_l("Product"), coerce=int, validate_choice=False)
    therapeutic_area = StringField(_l("Therapeutic area"), validators=[Optional(), Length(max=100)])
    country = StringField(_l("Country (two letters)"), validators=[Optional(), Length(max=2)])
    language = SelectField(_l("Language"), choices=ANY + LANGUAGE_CHOICES, default="")
    channel = SelectField(_l("Channel"), choices=ANY + CHANNEL_LABELS, default="")
    priority = SelectField(_l("Priority"), choices=ANY + PRIORITY_CHOICES, default="")
    queue_id = SelectField(_l("Send to queue"), coerce=int, validate_choice=False)
    set_priority = SelectField(
        _l("Set priority"), choices=[("", _l("Keep"))] + PRIORITY_CHOICES, default=""
    )
    owner_id = SelectField(_l("Owner"), coerce=int, validate_choice=False)
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class SkillsForm(FlaskForm):
    """An agent's products, languages and availability."""

    product_ids = SelectMultipleField(_l("Products"), coerce=int, validate_choice=False)
    languages = SelectMultipleField(
        _l("Languages"), choices=LANGUAGE_CHOICES, validate_choice=False
    )
    available = BooleanField(_l("Available for assignment"))
    submit = SubmitField(_l("Save"))


class CalendarForm(FlaskForm):
    """Create or edit a business calendar."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=100)])
    timezone = StringField(
        _l("Time zone (IANA)"), default="Europe/Paris", validators=[DataRequired(), Length(max=64)]
    )
    working_days = SelectMultipleField(
        _l("Working days"),
        coerce=int,
        choices=WEEKDAY_CHOICES,
        default=[0, 1, 2, 3, 4],
        validate_choice=False,
    )
    opens = StringField(
        _l("Opens (HH:MM)"), default="09:00", validators=[DataRequired(), Length(max=8)]
    )
    closes = StringField(
        _l("Closes (HH:MM)"), default="18:00", validators=[DataRequired(), Length(max=8)]
    )
    holiday_country = StringField(
        _l("Public holidays of (country code)"), validators=[Optional(), Length(max=2)]
    )
    extra_holidays = TextAreaField(
        _l("Other closed days (YYYY-MM-DD, one per line)"),
        validators=[Optional(), Length(max=5000)],
    )
    is_default = BooleanField(_l("Default calendar"))
    submit = SubmitField(_l("Save"))


class PolicyForm(FlaskForm):
    """Create or edit an SLA policy."""

    name = StringField(_l("Name"), validators=[DataRequired(), Length(max=100)])
    clock = SelectField(_l("Clock"), choices=CLOCK_CHOICES)
    category = SelectField(_l("Category"), choices=ANY + CATEGORY_LABELS, default="")
    priority = SelectField(_l("Priority"), choices=ANY + PRIORITY_CHOICES, default="")
    target_minutes = IntegerField(_l("Target (business minutes)"), validators=[InputRequired()])
    warn_minutes = IntegerField(
        _l("Warn this many business minutes before"), default=60, validators=[Optional()]
    )
    calendar_id = SelectField(_l("Calendar"), coerce=int, validate_choice=False)
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class AvailabilityForm(FlaskForm):
    """Go available or step away."""

    available = BooleanField(_l("Available"))
    submit = SubmitField(_l("Update"))


class ReassignForm(FlaskForm):
    """Move a case to another queue or person."""

    queue = SelectField(_l("Queue"), validate_choice=False)
    owner_id = SelectField(_l("Owner"), coerce=int, validate_choice=False)
    reason = StringField(_l("Reason"), validators=[DataRequired(), Length(max=500)])
    submit = SubmitField(_l("Reassign"))
