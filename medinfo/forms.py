"""Helpers shared by every domain's forms."""

from __future__ import annotations

from flask_wtf import FlaskForm


def apply_field_errors(
    form: FlaskForm, errors: dict[str, str], aliases: dict[str, str] | None = None
) -> None:
    """Show a service's field errors on the matching form fields (others on the form)."""
    aliases = aliases or {}
    for name, message in errors.items():
        field = getattr(form, aliases.get(name, name.split(".")[-1]), None)
        if field is not None and hasattr(field, "errors"):
            if isinstance(field.errors, tuple):
                field.errors = list(field.errors)
            field.errors.append(message)
        else:
            form.form_errors.append(message)
