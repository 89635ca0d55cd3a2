"""Socket.IO: authenticated connections, per-user and per-role rooms, nudges after commit."""

from __future__ import annotations

import logging

from flask import Flask, request
from flask_login import current_user
from flask_socketio import SocketIO, join_room

from medinfo.signals import interaction_changed

logger = logging.getLogger(__name__)


def _token_user(auth: object):
    from medinfo.auth.services import user_for_token

    if isinstance(auth, dict) and isinstance(auth.get("token"), str):
        return user_for_token(auth["token"])
    return None


def init_realtime(app: Flask, socketio: SocketIO) -> None:
    """Bind Socket.IO (same-origin only) and install the handlers and signal bridges."""
    socketio.init_app(
        app,
        async_mode="threading",
        message_queue=app.config.get("SOCKETIO_MESSAGE_QUEUE"),
        cors_allowed_origins=None,  # None = same origin only; never "*"
        manage_session=False,
        logger=False,
        engineio_logger=False,
    )

    @socketio.on("connect")
    def _connect(auth=None):
        user = current_user if current_user.is_authenticated else _token_user(auth)
        if user is None or not user.is_active:
            logger.info("refused anonymous socket from %s", request.remote_addr)
            return False
        join_room(f"user:{user.id}")
        join_room(f"role:{user.role}")
        return True

    interaction_changed.connect(_interaction_changed, weak=False)


def _interaction_changed(interaction, action: str = "changed", **_kw) -> None:
    """Nudge desk screens after an interaction changed (already committed)."""
    from medinfo.extensions import socketio

    payload = {
        "id": interaction.id,
        "reference": interaction.reference,
        "status": interaction.status,
        "action": action,
    }
    for role in ("agent", "medical_reviewer"):
        socketio.emit("interaction.changed", payload, to=f"role:{role}")
