"""Knowledge-base forms: a new article, a new version, lifecycle actions, attach to an answer."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import DateField, SelectField, StringField, SubmitField, TextAreaField
from wtforms.validators import Length, Optional

from medinfo.kb.services import VersionData

DOC_TYPE_LABELS = [
    ("srd", _l("Standard response document")),
    ("faq", _l("FAQ")),
    ("smpc", _l("SmPC extract")),
    ("pil", _l("Patient leaflet extract")),
    ("enclosure", _l("Enclosure")),
]
LANGUAGE_LABELS = [("fr", "Français"), ("en", "English")]


class VersionForm(FlaskForm):
    """The content of a version."""

    title = StringField(_l("Title"), validators=[Length(max=300)])
    body = TextAreaField(_l("Body (Markdown)"), validators=[Length(max=200_000)])
    keywords = StringField(
        _l("Keywords, separated by commas"), validators=[Optional(), Length(max=2000)]
    )
    references = TextAreaField(
        _l("References, one per line"), validators=[Optional(), Length(max=20_000)]
    )
    effective = DateField(_l("Effective from"), validators=[Optional()])
    expires = DateField(_l("Expires on"), validators=[Optional()])
    submit = SubmitField(_l("Save the draft"))

    def to_data(self) -> VersionData:
        """Plain values for the services."""
        return VersionData(
            title=self.title.data or "",
            body=self.body.data or "",
            effective=self.effective.data,
            expires=self.expires.data,
            keywords=(self.keywords.data or "").split(","),
            references=(self.references.data or "").splitlines(),
        )


class ArticleForm(VersionForm):
    """A new article and its first version."""

    article_id = StringField(_l("Article id (e.g. SRD-CLX-RENAL-EN)"), validators=[Length(max=64)])
    product = SelectField(_l("Product"), choices=[])
    language = SelectField(_l("Language"), choices=LANGUAGE_LABELS)
    doc_type = SelectField(_l("Document type"), choices=DOC_TYPE_LABELS)


class ActionForm(FlaskForm):
    """A lifecycle step with nothing to fill in (submit, approve)."""


class RetireForm(FlaskForm):
    """Retire a version, with the reason."""

    reason = StringField(_l("Reason"), validators=[Length(max=500)])


class AttachForm(FlaskForm):
    """Use an article's current version in the answer to a request (case page)."""

    article_id = StringField(_l("Article id"), validators=[Length(max=64)])
