"""Contact form."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from medinfo.contacts.models import PROFESSIONS
from medinfo.labels import choices


class ContactForm(FlaskForm):
    """Create or edit a contact."""

    first_name = StringField(_l("First name"), validators=[Optional(), Length(max=100)])
    last_name = StringField(_l("Last name"), validators=[DataRequired(), Length(max=100)])
    profession = SelectField(_l("Profession"), choices=choices("profession", PROFESSIONS))
    specialty = StringField(_l("Specialty"), validators=[Optional(), Length(max=100)])
    registry_type = SelectField(
        _l("Registry"),
        default="",
        choices=[("", "—"), ("rpps", "RPPS (FR)"), ("npi", "NPI (US)")],
        validators=[Optional()],
    )
    registry_number = StringField(_l("Registry number"), validators=[Optional(), Length(max=20)])
    phone = StringField(_l("Phone"), validators=[Optional(), Length(max=40)])
    phone2 = StringField(_l("Other phone"), validators=[Optional(), Length(max=40)])
    email = StringField(_l("E-mail"), validators=[Optional(), Length(max=254)])
    institution = StringField(_l("Institution"), validators=[Optional(), Length(max=200)])
    address = TextAreaField(_l("Address"), validators=[Optional(), Length(max=500)])
    postal_code = StringField(_l("Postal code"), validators=[Optional(), Length(max=20)])
    city = StringField(_l("City"), validators=[Optional(), Length(max=100)])
    country = StringField(
        _l("Country (ISO code)"), default="FR", validators=[DataRequired(), Length(min=2, max=2)]
    )
    language = SelectField(_l("Language"), choices=[("fr", "Français"), ("en", "English")])
    consent_contact = BooleanField(_l("Consents to be contacted"))
    reason = StringField(_l("Reason for the change"), validators=[Optional(), Length(max=500)])
    confirm_new = BooleanField(_l("Create it anyway: this is a different person"))
    submit = SubmitField(_l("Save"))
