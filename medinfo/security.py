"""Security headers (CSP without inline script), request ids, idle and absolute session timeouts."""

from __future__ import annotations

import secrets
from datetime import datetime

from flask import Flask, flash, g, jsonify, redirect, request, session, url_for
from flask_babel import gettext as _
from flask_login import current_user, logout_user

from medinfo.database import utcnow
from medinfo.errors import wants_json

CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'; frame-ancestors 'none'"
)
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
    "Cross-Origin-Opener-Policy": "same-origin",
}


def start_session(user_id: int) -> None:
    """Rotate the session at login: drop everything the anonymous session held."""
    session.clear()
    session.permanent = True
    now = utcnow().isoformat()
    session["login_at"] = now
    session["last_seen"] = now
    session["sid"] = secrets.token_urlsafe(16)


def _expired(now: datetime, app: Flask) -> bool:
    try:
        login_at = datetime.fromisoformat(session["login_at"])
        last_seen = datetime.fromisoformat(session["last_seen"])
    except (KeyError, ValueError):
        return True
    return (
        now - last_seen > app.config["SESSION_IDLE_TIMEOUT"]
        or now - login_at > app.config["SESSION_ABSOLUTE_TIMEOUT"]
    )


def init_security(app: Flask) -> None:
    """Install the request hooks."""

    @app.before_request
    def _request_id() -> None:
        incoming = request.headers.get("X-Request-Id", "")
        g.request_id = (
            incoming[:64] if incoming.isprintable() and incoming else (secrets.token_hex(8))
        )

    @app.before_request
    def _session_timeouts():
        # Timeouts bound cookie sessions (pages and session-authenticated API calls alike);
        # bearer-token requests carry no session.
        if request.endpoint == "static" or "_user_id" not in session:
            return None
        if not current_user.is_authenticated:
            return None
        now = utcnow()
        if _expired(now, app):
            logout_user()
            session.clear()
            if wants_json():
                return jsonify(
                    {
                        "error": {
                            "code": "session_expired",
                            "message": "Your session has expired.",
                            "fields": {},
                        }
                    }
                ), 401
            flash(_("Your session has expired; please log in again."), "warning")
            return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
        session["last_seen"] = now.isoformat()
        return None

    @app.after_request
    def _headers(response):
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        response.headers["X-Request-Id"] = g.get("request_id", "")
        if request.endpoint != "static":
            response.headers.setdefault("Cache-Control", "no-store")
        return response
