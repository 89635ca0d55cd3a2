"""Application configuration, read from the environment in one place."""

from __future__ import annotations

import os
from datetime import timedelta
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent
INSTANCE_DIR = Path(os.environ.get("MEDINFO_INSTANCE_DIR", BASE_DIR / "instance"))

WEAK_SECRETS = {"", "dev", "secret", "changeme", "change-me", "development-only-secret"}


def _sqlite_url(name: str) -> str:
    return f"sqlite:///{INSTANCE_DIR / name}"


class Config:
    """Settings shared by every environment."""

    SECRET_KEY = os.environ.get("SECRET_KEY", "")
    SQLALCHEMY_DATABASE_URI = os.environ.get("DATABASE_URL") or _sqlite_url("medinfo.sqlite3")
    SQLALCHEMY_ENGINE_OPTIONS: dict = {"pool_pre_ping": True}
    MEDINFO_INDEX_DIR = os.environ.get("MEDINFO_INDEX_DIR", str(INSTANCE_DIR / "index"))
    # "tantivy" alone meets the KB latency targets (bench/search/README.md); "whoosh" selectable.
    MEDINFO_SEARCH_ENGINE = os.environ.get("MEDINFO_SEARCH_ENGINE", "tantivy")
    MEDINFO_AUDIT_KEY = os.environ.get("MEDINFO_AUDIT_KEY", "")
    MEDINFO_AUDIT_CHECKPOINT = os.environ.get(
        "MEDINFO_AUDIT_CHECKPOINT", str(INSTANCE_DIR / "audit-checkpoint.json")
    )
    SOCKETIO_MESSAGE_QUEUE = os.environ.get("SOCKETIO_MESSAGE_QUEUE") or None
    REALTIME_TICK_SECONDS = int(os.environ.get("MEDINFO_REALTIME_TICK", "60"))  # 0 = off
    REALTIME_RETENTION_DAYS = int(os.environ.get("MEDINFO_REALTIME_RETENTION_DAYS", "7"))
    MEDINFO_HOST = os.environ.get("MEDINFO_HOST", "127.0.0.1")
    MEDINFO_PORT = int(os.environ.get("MEDINFO_PORT", "5000"))
    MEDINFO_DEFAULT_COUNTRY = os.environ.get("MEDINFO_DEFAULT_COUNTRY", "FR")
    # The desk's business calendar (JSON: timezone, working_days, opens, closes, holidays)
    # and the country whose public holidays it observes.
    MEDINFO_CALENDAR = os.environ.get(
        "MEDINFO_CALENDAR",
        '{"timezone": "Europe/Paris", "working_days": [0, 1, 2, 3, 4], '
        '"opens": "09:00", "closes": "18:00"}',
    )
    MEDINFO_HOLIDAYS = os.environ.get("MEDINFO_HOLIDAYS", "FR")
    # Pharmacovigilance: same-day transfer for fatal/serious/pregnancy cases; how reports reach
    # PV ("inbox" in the app, "email" via SMTP, "webhook" POST); outbox retries with backoff.
    PV_SAME_DAY_POLICY = os.environ.get("MEDINFO_PV_SAME_DAY", "1").lower() in {"1", "true", "yes"}
    PV_TRANSPORT = os.environ.get("MEDINFO_PV_TRANSPORT", "inbox")
    PV_EMAIL_TO = os.environ.get("MEDINFO_PV_EMAIL_TO", "")
    PV_EMAIL_FROM = os.environ.get("MEDINFO_PV_EMAIL_FROM", "")
    PV_SMTP_HOST = os.environ.get("MEDINFO_PV_SMTP_HOST", "localhost")
    PV_SMTP_PORT = int(os.environ.get("MEDINFO_PV_SMTP_PORT", "25"))
    PV_SMTP_USER = os.environ.get("MEDINFO_PV_SMTP_USER", "")
    PV_SMTP_PASSWORD = os.environ.get("MEDINFO_PV_SMTP_PASSWORD", "")
    PV_WEBHOOK_URL = os.environ.get("MEDINFO_PV_WEBHOOK_URL", "")
    PV_WEBHOOK_TOKEN = os.environ.get("MEDINFO_PV_WEBHOOK_TOKEN", "")
    PV_TRANSPORT_TIMEOUT = float(os.environ.get("MEDINFO_PV_TRANSPORT_TIMEOUT", "10"))
    PV_OUTBOX_MAX_ATTEMPTS = int(os.environ.get("MEDINFO_PV_OUTBOX_MAX_ATTEMPTS", "8"))
    PV_OUTBOX_BACKOFF_SECONDS = float(os.environ.get("MEDINFO_PV_OUTBOX_BACKOFF", "30"))

    # Sessions: idle and absolute timeouts, hardened cookies.
    SESSION_IDLE_TIMEOUT = timedelta(minutes=int(os.environ.get("MEDINFO_IDLE_MINUTES", "30")))
    SESSION_ABSOLUTE_TIMEOUT = timedelta(hours=int(os.environ.get("MEDINFO_SESSION_HOURS", "12")))
    PERMANENT_SESSION_LIFETIME = SESSION_ABSOLUTE_TIMEOUT
    SESSION_COOKIE_HTTPONLY = True
    SESSION_COOKIE_SAMESITE = "Lax"
    REMEMBER_COOKIE_DURATION = timedelta(seconds=0)

    LOGIN_MAX_FAILURES = 5
    LOGIN_LOCKOUT = timedelta(minutes=15)
    RATELIMIT_LOGIN = "30 per minute"
    RATELIMIT_STORAGE_URI = os.environ.get("RATELIMIT_STORAGE_URI", "memory://")
    RATELIMIT_HEADERS_ENABLED = True

    # Password hashing (argon2id); production strength by default.
    ARGON2_TIME_COST = 3
    ARGON2_MEMORY_COST = 65536

    BABEL_DEFAULT_LOCALE = "en"
    BABEL_DEFAULT_TIMEZONE = os.environ.get("MEDINFO_TIMEZONE", "Europe/Paris")
    LANGUAGES = ("en", "fr")
    WTF_CSRF_TIME_LIMIT = None  # the session's own timeouts bound a token's life

    MAX_CONTENT_LENGTH = 2 * 1024 * 1024
    API_MAX_STRING = 20_000
    HISTORY_PAGE_SIZE = 25

    @classmethod
    def check(cls) -> None:
        """Refuse settings that would be unsafe in this environment."""
        if not cls.SECRET_KEY:
            raise RuntimeError("SECRET_KEY is not set")
        if not cls.MEDINFO_AUDIT_KEY:
            raise RuntimeError("MEDINFO_AUDIT_KEY is not set")


class DevelopmentConfig(Config):
    """Local development: SQLite in instance/, generated secrets kept in instance/."""

    DEBUG = False  # the Werkzeug debugger is never enabled by default

    @classmethod
    def check(cls) -> None:
        """Fill missing secrets from files in instance/ so restarts keep sessions and the chain."""
        INSTANCE_DIR.mkdir(parents=True, exist_ok=True)
        if not cls.SECRET_KEY:
            cls.SECRET_KEY = _instance_secret("secret_key")
        if not cls.MEDINFO_AUDIT_KEY:
            cls.MEDINFO_AUDIT_KEY = _instance_secret("audit_key")


class TestingConfig(Config):
    """The test suite: an isolated database chosen by MEDINFO_TEST_DATABASE_URL."""

    TESTING = True
    SECRET_KEY = "testing-secret-key-not-for-production"  # noqa: S105 - test-only constant
    MEDINFO_AUDIT_KEY = "testing-audit-key"
    SQLALCHEMY_DATABASE_URI = os.environ.get("MEDINFO_TEST_DATABASE_URL", "sqlite://")
    WTF_CSRF_ENABLED = False
    RATELIMIT_ENABLED = False
    ARGON2_TIME_COST = 1
    ARGON2_MEMORY_COST = 1024
    SERVER_NAME = "localhost"

    @classmethod
    def check(cls) -> None:
        """Tests set everything they need."""


class ProductionConfig(Config):
    """Production: refuses weak secrets and debug mode."""

    SESSION_COOKIE_SECURE = True
    PREFERRED_URL_SCHEME = "https"

    @classmethod
    def check(cls) -> None:
        """Refuse a missing or weak SECRET_KEY, a missing audit key, or DEBUG."""
        if cls.SECRET_KEY.lower() in WEAK_SECRETS or len(cls.SECRET_KEY) < 32:
            raise RuntimeError("ProductionConfig needs a random SECRET_KEY of 32+ characters")
        if len(cls.MEDINFO_AUDIT_KEY) < 32:
            raise RuntimeError("ProductionConfig needs a MEDINFO_AUDIT_KEY of 32+ characters")
        if os.environ.get("FLASK_DEBUG", "").lower() in {"1", "true", "yes"}:
            raise RuntimeError("ProductionConfig refuses to run with DEBUG on")


def _instance_secret(name: str) -> str:
    """Return a random secret stored in instance/<name>, creating it on first use."""
    import secrets

    path = INSTANCE_DIR / name
    if not path.exists():
        path.write_text(secrets.token_urlsafe(48))
        path.chmod(0o600)
    return path.read_text().strip()


CONFIGS: dict[str, type[Config]] = {
    "development": DevelopmentConfig,
    "testing": TestingConfig,
    "production": ProductionConfig,
}


def config_from_env() -> type[Config]:
    """Pick the configuration class named by MEDINFO_CONFIG (default: development)."""
    name = os.environ.get("MEDINFO_CONFIG", "development")
    try:
        return CONFIGS[name]
    except KeyError:
        raise RuntimeError(
            f"MEDINFO_CONFIG must be one of {sorted(CONFIGS)}, not {name!r}"
        ) from None
