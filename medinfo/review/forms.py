"""Escalation, draft, signing and KB-attachment forms."""

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import (
    BooleanField,
    HiddenField,
    PasswordField,
    StringField,
    SubmitField,
    TextAreaField,
)
from wtforms.validators import DataRequired, Length

from medinfo.review.models import MEANING_APPROVED


class EscalateForm(FlaskForm):
    """Send one question to medical review."""

    reason = TextAreaField(
        _l("Why does this need medical review?"), validators=[DataRequired(), Length(max=2000)]
    )
    submit = SubmitField(_l("Escalate to medical review"))


class DraftForm(FlaskForm):
    """The reviewer's answer, saved as a draft."""

    answer = TextAreaField(_l("Answer"), validators=[DataRequired(), Length(max=20_000)])
    submit = SubmitField(_l("Save draft"))


class SignForm(FlaskForm):
    """Sign the answer: the text, the meaning and the password again."""

    answer = TextAreaField(_l("Answer to sign"), validators=[DataRequired(), Length(max=20_000)])
    meaning = HiddenField(default=MEANING_APPROVED)
    confirm = BooleanField(
        _l("I approve this answer as medically accurate."), validators=[DataRequired()]
    )
    password = PasswordField(
        _l("Your password (re-enter to sign)"), validators=[DataRequired(), Length(max=200)]
    )
    submit = SubmitField(_l("Sign"))


class AttachKbForm(FlaskForm):
    """Attach the in-force version of a knowledge-base article to the answer."""

    article_id = StringField(_l("Article id"), validators=[DataRequired(), Length(max=100)])
    submit = SubmitField(_l("Attach"))


class ClaimForm(FlaskForm):
    """Take an escalation."""

    submit = SubmitField(_l("Take it"))
