"""Admin forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField, SelectField, StringField, SubmitField
from wtforms.validators import DataRequired, Length, Optional

from medinfo.permissions import Role

ROLE_CHOICES = [(r.value, r.value.replace("_", " ")) for r in Role]


class UserForm(FlaskForm):
    """Create or edit a user."""

    username = StringField(_l("Username"), validators=[DataRequired(), Length(max=64)])
    full_name = StringField(_l("Full name"), validators=[Optional(), Length(max=200)])
    email = StringField(_l("E-mail"), validators=[Optional(), Length(max=254)])
    role = SelectField(_l("Role"), choices=ROLE_CHOICES)
    language = SelectField(_l("Language"), choices=[("en", "English"), ("fr", "Français")])
    active = BooleanField(_l("Active"), default=True)
    password = PasswordField(
        _l("Password (new users, or to reset)"), validators=[Optional(), Length(max=200)]
    )
    reason = StringField(_l("Reason for the change"), validators=[Optional(), Length(max=500)])
    submit = SubmitField(_l("Save"))


class ProductForm(FlaskForm):
    """Create or edit a product."""

    name = StringField(_l("Brand name"), validators=[DataRequired(), Length(max=100)])
    inn = StringField(_l("INN"), validators=[Optional(), Length(max=100)])
    therapeutic_area = StringField(_l("Therapeutic area"), validators=[Optional(), Length(max=100)])
    aliases = StringField(_l("Aliases (comma-separated)"), validators=[Optional(), Length(max=500)])
    active = BooleanField(_l("Active"), default=True)
    submit = SubmitField(_l("Save"))


class TokenForm(FlaskForm):
    """Create an API token for a user."""

    name = StringField(
        _l("Token name (what uses it)"), validators=[DataRequired(), Length(max=100)]
    )
    submit = SubmitField(_l("Create token"))
