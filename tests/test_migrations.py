"""Migrations upgrade an empty database to head, and agree with the models."""

from __future__ import annotations

import os

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url

from config import TestingConfig


def _empty_database_url(tmp_path) -> str:
    base = os.environ.get("MEDINFO_TEST_DATABASE_URL", "")
    if not base.startswith("postgresql"):
        return f"sqlite:///{tmp_path / 'migrations.sqlite3'}"
    url = make_url(base)
    name = f"{url.database}_migrations"
    admin = create_engine(url.set(database="postgres"), isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}"'))
        conn.execute(text(f'CREATE DATABASE "{name}"'))
    admin.dispose()
    return url.set(database=name).render_as_string(hide_password=False)


@pytest.mark.slow
def test_upgrade_to_head_matches_models(tmp_path):
    from flask_migrate import upgrade

    from medinfo import create_app
    from medinfo.extensions import db

    class Config(TestingConfig):
        SQLALCHEMY_DATABASE_URI = _empty_database_url(tmp_path)
        MEDINFO_AUDIT_CHECKPOINT = str(tmp_path / "checkpoint.json")

    app = create_app(Config)
    with app.app_context():
        upgrade()
        with db.engine.connect() as conn:
            diff = compare_metadata(MigrationContext.configure(conn), db.metadata)
            head = conn.execute(text("SELECT seq FROM audit_chain_heads WHERE id = 1")).scalar()
        db.session.remove()
        db.engine.dispose()
    assert diff == [], f"models and migrations differ: {diff}"
    assert head == 0
