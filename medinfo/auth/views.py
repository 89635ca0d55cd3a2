"""Log in, log out, preferences."""

from __future__ import annotations

from urllib.parse import urlsplit

from flask import (
    Blueprint,
    current_app,
    flash,
    redirect,
    render_template,
    request,
    session,
    url_for,
)
from flask_babel import gettext as _
from flask_login import current_user, login_user, logout_user

from medinfo.auth import services
from medinfo.auth.forms import LoginForm, PasswordForm, PreferencesForm
from medinfo.auth.passwords import verify_password
from medinfo.errors import ValidationFailed
from medinfo.extensions import limiter
from medinfo.permissions import authenticated, public
from medinfo.security import start_session

bp = Blueprint("auth", __name__)


def _safe_next(target: str | None) -> str:
    if (
        target
        and target.startswith("/")
        and not target.startswith("//")
        and not urlsplit(target).netloc
    ):
        return target
    return url_for("main.home")


@bp.route("/login", methods=["GET", "POST"])
@limiter.limit(lambda: current_app.config["RATELIMIT_LOGIN"], methods=["POST"])
@public
def login():
    """Show the login form; on success rotate the session and go on."""
    if current_user.is_authenticated:
        return redirect(url_for("main.home"))
    form = LoginForm()
    if form.validate_on_submit():
        user = services.authenticate(form.username.data, form.password.data)
        if user is None:
            flash(_("Wrong username or password, or the account is locked."), "error")
            return render_template("auth/login.html", form=form), 401
        start_session(user.id)
        login_user(user)
        return redirect(_safe_next(request.args.get("next")))
    return render_template("auth/login.html", form=form)


@bp.post("/logout")
@authenticated
def logout():
    """End the session."""
    services.record_logout(current_user)
    logout_user()
    session.clear()
    flash(_("You are logged out."), "info")
    return redirect(url_for("auth.login"))


@bp.route("/account", methods=["GET", "POST"])
@authenticated
def account():
    """Language preference and password change."""
    prefs = PreferencesForm(prefix="prefs", language=current_user.language)
    pwd = PasswordForm(prefix="pwd")
    if prefs.submit.data and prefs.validate_on_submit():
        services.set_language(current_user, prefs.language.data)
        flash(_("Preferences saved."), "success")
        return redirect(url_for("auth.account"))
    if pwd.submit.data and pwd.validate_on_submit():
        if not verify_password(current_user.password_hash, pwd.current.data):
            pwd.current.errors.append(_("This is not your current password."))
        else:
            try:
                services.set_password(current_user, pwd.new.data)
            except ValidationFailed as exc:
                pwd.new.errors.append(exc.fields.get("password", exc.message))
            else:
                start_session(current_user.id)
                login_user(current_user)
                flash(_("Password changed."), "success")
                return redirect(url_for("auth.account"))
    return render_template("auth/account.html", prefs=prefs, pwd=pwd)
