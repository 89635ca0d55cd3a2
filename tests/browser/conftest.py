"""Real-browser end-to-end tests: the app served over HTTP, driven by headless Chromium.

How it works
------------
- ``live_server`` (session): the very ``app`` of ``tests/conftest.py`` (same test database)
  served by werkzeug's ``make_server`` on 127.0.0.1, port 0 (the OS picks a free port), threaded,
  in a background thread. Each request gets its own app context and database session from Flask;
  the per-test truncation of ``tests/conftest.py`` still applies, because data made by the test
  (``make_user``, ``make_contact``, ...) is committed to the same database the server reads.
- ``browser`` (session): one headless Chromium launched through Playwright's sync API with
  ``executable_path`` pointing at the system Chromium. Playwright never downloads a browser here.
  Chromium is found from ``$MEDINFO_CHROMIUM``, then ``/usr/bin/chromium``, then ``chromium`` on
  PATH; with no Chromium, or without the ``playwright`` package, every test in this folder is
  skipped with the reason.
- ``page`` (per test): a fresh browser context (own cookies) and page; JavaScript errors raised
  on the page fail the test.
- ``login(page, user)``: logs in through the real login form with ``tests.conftest.PASSWORD``.
- ``shot(page, name)``: a full-page screenshot in ``$MEDINFO_SHOTS`` (default ``/tmp/shots``).

Tests (``test_intake_flow.py``): a new caller saved with Ctrl+Enter then found in the contact's
history; the caller search-as-you-type picked with ArrowDown/Enter; a save without the
unsolicited answer (form error, nothing created); a look-alike new caller offered as an existing
contact and picked; and a regression test that the empty "chosen caller" box stays hidden
until a caller is chosen.

Run: ``.venv/bin/pytest -q tests/browser -p no:cacheprovider`` (marker: ``browser``;
deselect with ``-m "not browser"``).
"""

from __future__ import annotations

import importlib.util
import os
import shutil
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from werkzeug.serving import make_server

from tests.conftest import PASSWORD

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Page

SKIP_REASON = (
    "Chromium not found: browser tests skipped (install Debian's chromium or set MEDINFO_CHROMIUM)"
)
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
SHOTS = Path(os.environ.get("MEDINFO_SHOTS", "/tmp/shots"))  # noqa: S108 - screenshots, not secrets
TIMEOUT_MS = 5000


def find_chromium() -> str | None:
    """The Chromium executable to drive, or None."""
    candidates = [os.environ.get("MEDINFO_CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")]
    for candidate in candidates:
        if candidate and os.path.isfile(candidate) and os.access(candidate, os.X_OK):
            return candidate
    return None


@pytest.fixture(scope="session", autouse=True)
def chromium_path() -> str:
    """Skip the whole folder, before any server starts, when there is nothing to drive."""
    path = find_chromium()
    if path is None:
        pytest.skip(SKIP_REASON)
    if importlib.util.find_spec("playwright") is None:
        pytest.skip(
            "The playwright package is missing: browser tests skipped "
            "(pip install playwright; no browser download is needed)"
        )
    return path


@pytest.fixture(scope="session")
def live_server(app) -> Iterator[str]:
    """The app served on a free local port in a background thread; yields its base URL."""
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.1},
        name="medinfo-live-server",
        daemon=True,
    )
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


@pytest.fixture(scope="session")
def browser(chromium_path: str, live_server: str) -> Iterator[Browser]:
    """One headless Chromium for the session (closed before the server stops)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        chromium = pw.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        try:
            yield chromium
        finally:
            chromium.close()


@pytest.fixture
def page(browser: Browser, live_server: str) -> Iterator[Page]:
    """A fresh context and page per test; uncaught JavaScript errors fail the test."""
    context = browser.new_context(
        base_url=live_server,
        locale="en-GB",
        timezone_id="Europe/Paris",
        viewport={"width": 1366, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    try:
        yield tab
    finally:
        context.close()
    assert not errors, f"JavaScript errors on the page: {errors}"


def login(page: Page, user) -> None:
    """Log in through the real login form and land on the home page."""
    page.goto("/login")
    page.fill("#username", user.username)
    page.fill("#password", PASSWORD)
    page.click("form button[type=submit]")
    page.wait_for_url(lambda url: "/login" not in url)
    assert page.locator("header .who").count() == 1, "not logged in"


def shot(page: Page, name: str) -> Path:
    """A full-page screenshot to look at after the run."""
    SHOTS.mkdir(parents=True, exist_ok=True)
    path = SHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path
