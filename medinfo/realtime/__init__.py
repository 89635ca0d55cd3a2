"""The live desk over Socket.IO: authenticated sockets, authorised rooms, numbered events.

- ``handlers``: connect (session cookie or ``auth={"token": …}``), join/leave, replay, presence.
- ``rooms``: room names and who may join them.
- ``events``: the event log (sequence numbers, replay, pruning) and emission.
- ``bridges``: domain signals (sent after commit) → events.
- ``deadlines``: the periodic due-soon / overdue check (``flask realtime tick`` or a
  background task each serving process starts with its first socket).
- ``presence``: who is viewing a case, and the soft lock of its editor.
"""

from __future__ import annotations

import logging
import threading
from datetime import timedelta

from flask import Flask
from flask_socketio import SocketIO

logger = logging.getLogger(__name__)


def init_realtime(app: Flask, socketio: SocketIO) -> None:
    """Bind Socket.IO (same-origin only) and install the handlers, bridges, CLI and ticker."""
    from medinfo.realtime.bridges import connect_bridges
    from medinfo.realtime.cli import realtime_cli
    from medinfo.realtime.handlers import install_handlers
    from medinfo.realtime.views import bp

    socketio.init_app(
        app,
        async_mode="threading",
        message_queue=app.config.get("SOCKETIO_MESSAGE_QUEUE"),
        cors_allowed_origins=None,  # None = same origin only; never "*"
        manage_session=False,
        logger=False,
        engineio_logger=False,
    )
    ticker = Ticker(app, socketio)
    install_handlers(socketio, on_first_connect=ticker.start)
    connect_bridges()
    app.register_blueprint(bp)
    app.cli.add_command(realtime_cli)


class Ticker:
    """The periodic deadline check and pruning, started once per serving process."""

    def __init__(self, app: Flask, socketio: SocketIO) -> None:
        self.app = app
        self.socketio = socketio
        self.started = False
        self.lock = threading.Lock()

    def start(self) -> None:
        """Start the background task (not at import time; never under the test suite)."""
        interval = int(self.app.config.get("REALTIME_TICK_SECONDS", 60))
        if self.started or interval <= 0 or self.app.testing:
            return
        with self.lock:
            if self.started:
                return
            self.started = True
        self.socketio.start_background_task(self._run, interval)

    def _run(self, interval: int) -> None:
        from medinfo.realtime.deadlines import check_deadlines
        from medinfo.realtime.events import prune_events
        from medinfo.realtime.presence import prune_presence

        retention = timedelta(days=int(self.app.config.get("REALTIME_RETENTION_DAYS", 7)))
        logger.info("realtime ticker started (every %ss)", interval)
        while True:
            try:
                with self.app.app_context():
                    check_deadlines()
                    prune_presence()
                    prune_events(retention)
            except Exception:
                logger.exception("realtime tick failed")
            self.socketio.sleep(interval)
