"""Domain errors and the HTTP error handlers (HTML pages and JSON for the API)."""

from __future__ import annotations

import logging

from flask import Flask, jsonify, render_template, request
from werkzeug.exceptions import HTTPException

logger = logging.getLogger(__name__)


class DomainError(Exception):
    """A business rule refused the action; safe to show to the user."""

    status = 422
    code = "invalid"

    def __init__(self, message: str, fields: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.fields = fields or {}


class ValidationFailed(DomainError):
    """Input values are wrong; `fields` maps field names to messages."""

    code = "validation_failed"

    def __init__(self, fields: dict[str, str], message: str | None = None) -> None:
        super().__init__(message or "Some fields are invalid.", fields)


class NotFound(DomainError):
    """A referenced record does not exist."""

    status = 404
    code = "not_found"


class Conflict(DomainError):
    """The action conflicts with the record's current state."""

    status = 409
    code = "conflict"


def json_error(status: int, code: str, message: str, fields: dict | None = None):
    """Build the API's error body: {"error": {"code", "message", "fields"}}."""
    body = {"error": {"code": code, "message": message, "fields": fields or {}}}
    return jsonify(body), status


def wants_json() -> bool:
    """API paths and JSON-asking clients get JSON errors."""
    if request.path.startswith("/api/"):
        return True
    best = request.accept_mimetypes.best_match(["application/json", "text/html"])
    return (
        best == "application/json"
        and request.accept_mimetypes[best] > request.accept_mimetypes["text/html"]
    )


def register_error_handlers(app: Flask) -> None:
    """Render HTTP errors as pages, or as JSON for the API; never leak exception text."""

    @app.errorhandler(DomainError)
    def domain_error(exc: DomainError):
        if wants_json():
            return json_error(exc.status, exc.code, exc.message, exc.fields)
        return render_template(
            "errors/error.html", code=exc.status, message=exc.message
        ), exc.status

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        code = exc.code or 500
        if wants_json():
            return json_error(
                code, (exc.name or "error").lower().replace(" ", "_"), exc.description or exc.name
            )
        return render_template("errors/error.html", code=code, message=exc.description), code

    @app.errorhandler(Exception)
    def unexpected(exc: Exception):
        logger.exception("unhandled error on %s %s", request.method, request.path)
        from medinfo.extensions import db

        db.session.rollback()
        if wants_json():
            return json_error(500, "internal_error", "Something went wrong; it has been logged.")
        return render_template(
            "errors/error.html", code=500, message="Something went wrong; it has been logged."
        ), 500
