"""Logins, lockout, sessions, tokens, security headers, configuration, permissions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from medinfo.auth import services
from tests.conftest import PASSWORD, login_as


def login(client, username, password=PASSWORD):
    return client.post("/login", data={"username": username, "password": password})


def test_password_is_hashed_with_argon2(make_user):
    user = make_user("agent")
    assert user.password_hash.startswith("$argon2id$") and PASSWORD not in user.password_hash


def test_login_logout_and_session_rotation(client, make_user):
    user = make_user("agent", username="alice")
    with client.session_transaction() as sess:
        sess["planted"] = "by an attacker"
    resp = login(client, "ALICE")
    assert resp.status_code == 302
    with client.session_transaction() as sess:
        assert "planted" not in sess and sess["_user_id"] == user.get_id()
    assert client.get("/").status_code == 200
    client.post("/logout")
    assert client.get("/").status_code == 302


def test_lockout_after_five_failures_same_answer_for_unknown(client, make_user, db):
    make_user("agent", username="bob")
    unknown = login(client, "nobody", "whatever-123")
    for _ in range(5):
        wrong = login(client, "bob", "wrong-password")
        assert wrong.status_code == 401
    assert (
        wrong.text.count("Wrong username or password")
        == unknown.text.count("Wrong username or password")
        == 1
    )
    locked = login(client, "bob")  # right password, but locked now
    assert locked.status_code == 401
    user = services.find_user("bob")
    assert user.locked_until is not None and user.failed_logins == 5


def test_lock_expires(client, make_user, db):
    user = make_user("agent", username="carol")
    user.failed_logins, user.locked_until = 5, datetime.now(UTC) - timedelta(seconds=1)
    db.session.commit()
    assert login(client, "carol").status_code == 302


@pytest.mark.parametrize("field", ["last_seen", "login_at"])
def test_idle_and_absolute_timeouts(app, make_user, field):
    client = app.test_client()
    login_as(client, make_user("agent"))
    limit = app.config[
        "SESSION_IDLE_TIMEOUT" if field == "last_seen" else "SESSION_ABSOLUTE_TIMEOUT"
    ]
    with client.session_transaction() as sess:
        sess[field] = (datetime.now(UTC) - limit - timedelta(minutes=1)).isoformat()
    resp = client.get("/")
    assert resp.status_code == 302 and "/login" in resp.location


def test_role_change_ends_sessions(app, make_user):
    user = make_user("admin")
    client = login_as(app.test_client(), user)
    assert client.get("/admin/users").status_code == 200
    services.update_user(user, role="agent", full_name="x", email=None, language="en", active=True)
    assert client.get("/admin/users").status_code == 302  # logged out: back to login


def test_security_headers_and_csp(client):
    resp = client.get("/login")
    csp = resp.headers["Content-Security-Policy"]
    assert "script-src 'self'" in csp and "unsafe-inline" not in csp
    assert resp.headers["X-Frame-Options"] == "DENY"
    assert resp.headers["X-Content-Type-Options"] == "nosniff"
    assert "<script>" not in resp.text  # no inline script anywhere on the page


def test_csrf_is_enforced_outside_tests(app, make_user):
    from config import TestingConfig
    from medinfo import create_app

    class CsrfConfig(TestingConfig):
        SQLALCHEMY_DATABASE_URI = app.config["SQLALCHEMY_DATABASE_URI"]
        WTF_CSRF_ENABLED = True

    strict = create_app(CsrfConfig)
    with strict.app_context():
        resp = strict.test_client().post("/login", data={"username": "x", "password": "y"})
    assert resp.status_code == 400


def test_production_config_refuses_weak_settings(monkeypatch):
    from config import ProductionConfig

    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "changeme")
    monkeypatch.setattr(ProductionConfig, "MEDINFO_AUDIT_KEY", "k" * 40)
    with pytest.raises(RuntimeError, match="SECRET_KEY"):
        ProductionConfig.check()
    monkeypatch.setattr(ProductionConfig, "SECRET_KEY", "s" * 40)
    monkeypatch.setenv("FLASK_DEBUG", "1")
    with pytest.raises(RuntimeError, match="DEBUG"):
        ProductionConfig.check()
    monkeypatch.delenv("FLASK_DEBUG")
    ProductionConfig.check()


def test_cli_users_create_reads_password_from_stdin(runner):
    result = runner.invoke(
        args=["users", "create", "dora", "--role", "pv_officer"], input="a-long-password-1\n"
    )
    assert result.exit_code == 0, result.output
    assert services.authenticate("dora", "a-long-password-1") is not None
    bad = runner.invoke(args=["users", "create", "eve", "--role", "king"], input="short\n")
    assert bad.exit_code == 2 and "role" in bad.output and "password" in bad.output


def test_cli_tokens_create_prints_a_working_token(runner, make_user, client):
    make_user("agent", username="frank")
    result = runner.invoke(args=["tokens", "create", "frank"])
    token = result.output.strip()
    assert result.exit_code == 0 and token.startswith("mid_")
    assert (
        client.get("/api/v1/contacts?q=a", headers={"Authorization": f"Bearer {token}"}).status_code
        == 200
    )
    assert runner.invoke(args=["tokens", "create", "nobody"]).exit_code == 2


def test_every_route_declares_its_permission(app):
    """No endpoint is reachable without an explicit permission (or an explicit public mark)."""
    missing = []
    for rule in app.url_map.iter_rules():
        if rule.endpoint == "static":
            continue
        view = app.view_functions[rule.endpoint]
        if not hasattr(view, "required_permissions"):
            missing.append(rule.endpoint)
    assert missing == []


@pytest.mark.parametrize(
    ("role", "path", "status"),
    [
        ("agent", "/admin/users", 403),
        ("agent", "/audit/", 403),
        ("agent", "/cases/intake", 200),
        ("auditor", "/audit/", 200),
        ("auditor", "/audit/verify", 200),
        ("auditor", "/cases/intake", 403),
        ("auditor", "/admin/products", 403),
        ("admin", "/admin/users", 200),
        ("admin", "/admin/products", 200),
        ("pv_officer", "/contacts/new", 403),
        ("medical_reviewer", "/cases/", 200),
    ],
)
def test_role_matrix(logged_in, role, path, status):
    assert logged_in(role).get(path).status_code == status


def test_admin_manages_users_products_and_tokens(logged_in, db):
    admin = logged_in("admin")
    resp = admin.post(
        "/admin/users/new",
        data={
            "username": "gina",
            "role": "agent",
            "language": "fr",
            "password": "strong-password-9",
            "active": "y",
        },
    )
    assert resp.status_code == 302
    gina = services.find_user("gina")
    resp = admin.post(f"/admin/users/{gina.id}/tokens", data={"name": "phone system"})
    assert resp.status_code == 200 and "mid_" in resp.text
    resp = admin.post(
        "/admin/products/new",
        data={
            "name": "Cardiolex",
            "inn": "tervasartan",
            "aliases": "CLX, tervasartan",
            "active": "y",
        },
    )
    assert resp.status_code == 302
    dup = admin.post("/admin/products/new", data={"name": "cardiolex"})
    assert dup.status_code == 200 and "already exists" in dup.text


def test_session_timeout_also_guards_session_api_calls(app, make_user):
    client = login_as(app.test_client(), make_user("agent"))
    assert client.get("/api/v1/contacts?q=x").status_code == 200
    with client.session_transaction() as sess:
        sess["last_seen"] = (datetime.now(UTC) - timedelta(days=1)).isoformat()
    resp = client.get("/api/v1/contacts?q=x")
    assert resp.status_code == 401 and resp.get_json()["error"]["code"] == "session_expired"
