"""The register_* helpers that create_app() calls, one concern each."""

from __future__ import annotations

import logging
from pathlib import Path

from flask import Flask
from sqlalchemy import event
from sqlalchemy.engine import Engine

from medinfo.extensions import babel, csrf, db, limiter, login_manager, migrate, socketio

logger = logging.getLogger(__name__)


def _sqlite_pragmas(dbapi_connection, connection_record) -> None:  # noqa: ARG001
    """WAL, foreign keys and a busy timeout on every SQLite connection."""
    import sqlite3

    if not isinstance(dbapi_connection, sqlite3.Connection):
        return
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=5000")
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.close()


def register_extensions(app: Flask) -> None:
    """Bind the extensions to this app."""
    if app.config["SQLALCHEMY_DATABASE_URI"].startswith("sqlite"):
        uri = app.config["SQLALCHEMY_DATABASE_URI"]
        if uri.startswith("sqlite:///") and not uri.startswith("sqlite:///:memory:"):
            Path(uri.removeprefix("sqlite:///")).parent.mkdir(parents=True, exist_ok=True)
        if not event.contains(Engine, "connect", _sqlite_pragmas):
            event.listen(Engine, "connect", _sqlite_pragmas)
    db.init_app(app)
    migrate.init_app(
        app, db, directory=str(Path(app.root_path).parent / "migrations"), render_as_batch=True
    )
    csrf.init_app(app)
    limiter.init_app(app)


def register_auth(app: Flask) -> None:
    """Flask-Login: sessions for people, bearer tokens for integrations."""
    from medinfo.auth.loaders import init_login

    init_login(app, login_manager)


def register_i18n(app: Flask) -> None:
    """Flask-Babel with the user's language, else the browser's."""
    from medinfo.i18n import select_locale

    babel.init_app(app, locale_selector=select_locale)


def register_security(app: Flask) -> None:
    """Security headers, request ids and session timeouts."""
    from medinfo.security import init_security

    init_security(app)


def register_domains(app: Flask) -> None:  # noqa: ARG001
    """Let domains plug into shared mechanisms (history sources, close guards)."""
    import medinfo.models  # noqa: F401  (every table known to migrations and create_all)
    from medinfo.interactions import history
    from medinfo.kb import history as kb_history

    history.register()
    from medinfo.safety import wiring

    wiring.register()
    kb_history.register()


def register_blueprints(app: Flask) -> None:
    """Mount every domain's views."""
    from medinfo.admin.views import bp as admin_bp
    from medinfo.api import bp as api_bp
    from medinfo.audit.views import bp as audit_bp
    from medinfo.auth.views import bp as auth_bp
    from medinfo.contacts.views import bp as contacts_bp
    from medinfo.interactions.views import bp as interactions_bp
    from medinfo.kb.views import bp as kb_bp
    from medinfo.main.views import bp as main_bp
    from medinfo.safety.views import bp as safety_bp

    for bp in (main_bp, auth_bp, contacts_bp, interactions_bp, admin_bp, audit_bp, kb_bp):
        app.register_blueprint(bp)
    from medinfo.review.views import bp as review_bp
    from medinfo.routing.views import bp as routing_bp

    app.register_blueprint(routing_bp)
    app.register_blueprint(review_bp)
    app.register_blueprint(safety_bp)
    app.register_blueprint(api_bp)
    csrf.exempt(api_bp)  # the API authenticates with bearer tokens, not cookies + forms


def register_template_helpers(app: Flask) -> None:
    """Filters and globals used by templates (formatting only, no decisions)."""
    from medinfo.templating import init_templating

    init_templating(app)


def register_error_handlers(app: Flask) -> None:
    """HTML and JSON error responses."""
    from medinfo.errors import register_error_handlers as register

    register(app)


def register_cli(app: Flask) -> None:
    """flask users / tokens / demo / audit commands."""
    from medinfo.cli import register_commands

    register_commands(app)


def register_realtime(app: Flask) -> None:
    """Flask-SocketIO in threading mode; same-origin only; a queue when several processes run."""
    from medinfo.realtime import init_realtime

    init_realtime(app, socketio)
