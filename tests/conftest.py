"""Shared fixtures: one app per run, a clean database per test, users per role, factories.

The database comes from MEDINFO_TEST_DATABASE_URL (PostgreSQL in CI's second pass); by default a
SQLite file in a temporary folder (a file, not :memory:, so threads see the same data).
"""

from __future__ import annotations

import itertools
import os
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import text
from sqlalchemy.exc import OperationalError

from config import TestingConfig

PASSWORD = "correct-horse-battery"
_counter = itertools.count(1)


class IsolatedClient(FlaskClient):
    """A test client whose every request runs in its own app context, as in production.

    The per-test app context of the fixtures would otherwise be reused by each request, sharing
    `g` (the logged-in user) and the database session between requests.
    """

    def open(self, *args, **kwargs):
        with self.application.app_context():
            return super().open(*args, **kwargs)


@pytest.fixture(scope="session")
def app(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Flask]:
    """The application, with every table created once for the run."""
    url = os.environ.get("MEDINFO_TEST_DATABASE_URL") or (
        f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}"
    )

    class Config(TestingConfig):
        SQLALCHEMY_DATABASE_URI = url
        MEDINFO_INDEX_DIR = str(tmp_path_factory.mktemp("index"))
        MEDINFO_AUDIT_CHECKPOINT = str(tmp_path_factory.mktemp("audit") / "checkpoint.json")

    from medinfo import create_app
    from medinfo.extensions import db

    application = create_app(Config)
    application.test_client_class = IsolatedClient
    with application.app_context():
        db.drop_all()
        db.create_all()
        _reset_chain_head(db)
    yield application
    with application.app_context():
        db.session.remove()
        db.engine.dispose()


def _reset_chain_head(db) -> None:
    db.session.execute(text("DELETE FROM audit_chain_heads"))
    db.session.execute(text("INSERT INTO audit_chain_heads (id, seq, mac) VALUES (1, 0, '')"))
    db.session.commit()


# PostgreSQL deadlock and lock-timeout codes: a browser test's live server may still be finishing
# a request (an as-you-type lookup) when the test ends, and PostgreSQL may pick the TRUNCATE as
# the deadlock victim. Waiting for that request and trying again is all it needs.
_LOCK_CONFLICTS = {"40P01", "55P03"}
TRUNCATE_ATTEMPTS = 5


def _truncate(db) -> None:
    tables = list(reversed(db.metadata.sorted_tables))
    for attempt in range(1, TRUNCATE_ATTEMPTS + 1):
        db.session.rollback()
        try:
            if db.engine.dialect.name == "postgresql":
                names = ", ".join(t.name for t in tables)
                db.session.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            else:
                for table in tables:
                    db.session.execute(table.delete())
            db.session.commit()
            break
        except OperationalError as exc:
            db.session.rollback()
            conflict = getattr(exc.orig, "sqlstate", None) in _LOCK_CONFLICTS
            if not conflict or attempt == TRUNCATE_ATTEMPTS:
                raise
            time.sleep(0.2 * attempt)
    _reset_chain_head(db)


@pytest.fixture(autouse=True)
def _clean_database(request: pytest.FixtureRequest, tmp_path) -> Iterator[None]:
    """Each test starts with empty tables, a fresh chain and its own audit checkpoint file."""
    if "app" not in request.fixturenames:
        yield
        return
    application: Flask = request.getfixturevalue("app")
    from medinfo.extensions import db

    application.config["MEDINFO_AUDIT_CHECKPOINT"] = str(tmp_path / "audit-checkpoint.json")
    ctx = application.app_context()
    ctx.push()
    try:
        yield
    finally:
        db.session.remove()
        _truncate(db)
        db.session.remove()
        ctx.pop()


@pytest.fixture
def db(app):
    """The Flask-SQLAlchemy handle."""
    from medinfo.extensions import db as database

    return database


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """A browser-like test client (not logged in)."""
    return app.test_client()


@pytest.fixture
def runner(app: Flask):
    """The CLI runner."""
    return app.test_cli_runner()


@pytest.fixture
def make_user(app) -> Callable[..., object]:
    """Create a user of a role: make_user("agent", username=...)."""
    from medinfo.auth.services import create_user

    def make(role: str = "agent", username: str | None = None, password: str = PASSWORD, **kw):
        name = username or f"{role.replace('_', '')}{next(_counter)}"
        return create_user(name, password, role, full_name=kw.pop("full_name", name.title()), **kw)

    return make


def login_as(client: FlaskClient, user) -> FlaskClient:
    """Put a logged-in session for user into the client's cookie (no password round trip)."""
    now = datetime.now(UTC).isoformat()
    with client.session_transaction() as sess:
        sess["_user_id"] = user.get_id()
        sess["_fresh"] = True
        sess["login_at"] = now
        sess["last_seen"] = now
    return client


@pytest.fixture
def logged_in(app, make_user) -> Callable[[str], FlaskClient]:
    """A new client logged in as a new user of the given role."""

    def make(role: str = "agent") -> FlaskClient:
        c = app.test_client()
        c.user = make_user(role)
        return login_as(c, c.user)

    return make


@pytest.fixture
def agent_client(logged_in) -> FlaskClient:
    """A client logged in as an agent."""
    return logged_in("agent")


@pytest.fixture
def products(app):
    """The demo products (brand, INN, aliases)."""
    from medinfo.catalog.services import ProductData, create_product

    return [
        create_product(ProductData(name, inn, area, aliases))
        for name, inn, area, aliases in (
            ("Cardiolex", "tervasartan", "Cardiology", ["CLX"]),
            ("Veranel", "velparixaban", "Haematology", ["VPX"]),
            ("Neurovan", "zelmitrigine", "Neurology", ["NRV"]),
        )
    ]


@pytest.fixture
def make_contact(app) -> Callable[..., object]:
    """Create a contact: make_contact(last_name=..., phones=[...])."""
    from medinfo.contacts.services import ContactData, create_contact

    def make(**overrides):
        n = next(_counter)
        values = {
            "first_name": "Claire",
            "last_name": f"Martin{n}",
            "profession": "physician",
            "country": "FR",
            "language": "fr",
            "specialty": "cardiology",
            "phones": [f"+33 1 42 00 {n // 100 % 100:02d} {n % 100:02d}"],
            "city": "Lyon",
        }
        values.update(overrides)
        return create_contact(ContactData(**values), allow_duplicate=True)

    return make


@pytest.fixture
def make_interaction(app, make_contact, products) -> Callable[..., object]:
    """Open an interaction: make_interaction(contact=..., requests=[...], **fields)."""
    from medinfo.interactions import services

    def make(contact=None, *, questions: int = 1, category: str = "medical_info", **fields):
        contact = contact or make_contact()
        now = datetime.now(UTC)
        data = services.InteractionData(
            contact_id=contact.id,
            channel=fields.pop("channel", "phone"),
            unsolicited=fields.pop("unsolicited", True),
            language=fields.pop("language", "fr"),
            requests=[
                services.RequestData(
                    category=category,
                    product="Cardiolex",
                    question=f"Question {i + 1} about renal dosing?",
                )
                for i in range(questions)
            ],
            received_at=fields.pop("received_at", now - timedelta(minutes=5)),
            call=fields.pop(
                "call",
                services.CallData(
                    started_at=now - timedelta(minutes=5),
                    ended_at=now,
                    ani="+33142000000",
                    notes="Caller asked about dosing.",
                ),
            ),
            **fields,
        )
        return services.open_interaction(data)

    return make
