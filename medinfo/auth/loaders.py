"""How Flask-Login finds the user: session cookie for people, bearer token for integrations."""

from __future__ import annotations

from flask import Flask, Request, jsonify, redirect, request, url_for
from flask_babel import lazy_gettext as _l
from flask_login import LoginManager

from medinfo.auth.models import User
from medinfo.extensions import db


def load_session_user(session_id: str) -> User | None:
    """Load 'id:nonce' from the session; a changed nonce (logout elsewhere, new role) ends it."""
    user_id, _, nonce = (session_id or "").partition(":")
    if not user_id.isdigit() or not nonce:
        return None
    user = db.session.get(User, int(user_id))
    if user is None or not user.active or user.session_nonce != nonce:
        return None
    return user


def load_token_user(req: Request) -> User | None:
    """Authenticate an API or Socket.IO request by its bearer token."""
    from medinfo.auth.services import user_for_token

    header = req.headers.get("Authorization", "")
    scheme, _, value = header.partition(" ")
    if scheme.lower() != "bearer" or not value:
        return None
    return user_for_token(value.strip())


def init_login(app: Flask, manager: LoginManager) -> None:
    """Wire the loaders and what happens to anonymous visitors."""
    manager.init_app(app)
    manager.login_view = "auth.login"
    manager.login_message = _l("Please log in to continue.")
    manager.session_protection = "basic"
    manager.user_loader(load_session_user)

    @manager.request_loader
    def _from_token(req: Request) -> User | None:
        if req.path.startswith("/api/"):
            return load_token_user(req)
        return None

    @manager.unauthorized_handler
    def _unauthorized():
        if request.path.startswith("/api/") or request.accept_mimetypes.best == "application/json":
            body = {
                "error": {
                    "code": "unauthorized",
                    "message": "Log in or send a bearer token.",
                    "fields": {},
                }
            }
            return jsonify(body), 401
        return redirect(url_for("auth.login", next=request.full_path.rstrip("?")))
