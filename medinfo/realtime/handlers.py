"""Socket.IO handlers (thin): authenticate on connect, authorise every join, replay, presence."""

from __future__ import annotations

import logging
import threading
from datetime import datetime

from flask import current_app, request, session
from flask_login import current_user
from flask_socketio import SocketIO, join_room, leave_room, rooms

from medinfo.database import utcnow
from medinfo.extensions import db
from medinfo.realtime import presence
from medinfo.realtime import rooms as room_names
from medinfo.realtime.events import emit_volatile, last_seq, replay

logger = logging.getLogger(__name__)

# sid → user id, for this process's connections (socket events carry no login of their own).
_users: dict[str, int] = {}
_users_lock = threading.Lock()


def _token_user(auth: object):
    from medinfo.auth.services import user_for_token

    if isinstance(auth, dict) and isinstance(auth.get("token"), str):
        return user_for_token(auth["token"])
    return None


def _session_expired() -> bool:
    """The same idle/absolute limits as pages (before_request does not run for sockets)."""
    try:
        login_at = datetime.fromisoformat(session["login_at"])
        last_seen = datetime.fromisoformat(session["last_seen"])
    except (KeyError, ValueError, TypeError):
        return True
    now = utcnow()
    cfg = current_app.config
    return (
        now - last_seen > cfg["SESSION_IDLE_TIMEOUT"]
        or now - login_at > cfg["SESSION_ABSOLUTE_TIMEOUT"]
    )


def authenticate(auth: object):
    """The user behind this handshake (cookie session or integration token), or None."""
    if current_user.is_authenticated and not _session_expired():
        return current_user._get_current_object()
    return _token_user(auth)


def socket_user():
    """The active user of the current socket, reloaded from the database, or None."""
    from medinfo.auth.models import User

    with _users_lock:
        user_id = _users.get(request.sid)
    user = db.session.get(User, user_id) if user_id else None
    return user if user is not None and user.is_active else None


def _int(value: object) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int) and value >= 0:
        return value
    if isinstance(value, str) and value.isdigit() and len(value) < 19:
        return int(value)
    return None


def _field(data: object, name: str) -> object:
    return data.get(name) if isinstance(data, dict) else None


def _viewers_payload(interaction_id: int) -> dict:
    return {
        "interaction_id": interaction_id,
        "viewers": [
            {"user_id": v.user_id, "name": v.name, "editing": v.editing}
            for v in presence.viewers(interaction_id)
        ],
    }


def _announce(interaction_id: int) -> None:
    emit_volatile(
        "case.presence",
        room_names.interaction_room(interaction_id),
        _viewers_payload(interaction_id),
    )


FORBIDDEN = {"ok": False, "error": "forbidden"}
BAD_REQUEST = {"ok": False, "error": "bad_request"}


def install_handlers(socketio: SocketIO, on_first_connect=None) -> None:
    """Register the handlers on the app's SocketIO."""

    @socketio.on("connect")
    def connect(auth=None):
        user = authenticate(auth)
        if user is None or not user.is_active:
            logger.info("refused unauthenticated socket from %s", request.remote_addr)
            return False
        with _users_lock:
            _users[request.sid] = user.id
        joined = room_names.home_rooms(user)
        for room in joined:
            join_room(room)
        socketio.emit(
            "desk.hello",
            {"user_id": user.id, "rooms": joined, "last_seq": last_seq()},
            to=request.sid,
        )
        if on_first_connect is not None:
            on_first_connect()
        return True

    @socketio.on("disconnect")
    def disconnect(*_args):
        sid = request.sid
        with _users_lock:
            _users.pop(sid, None)
        for interaction_id in presence.leave_case(sid):
            _announce(interaction_id)

    @socketio.on("join")
    def join(data=None):
        user = socket_user()
        room = _field(data, "room")
        if user is None or not room_names.may_join(user, room):
            return FORBIDDEN
        join_room(room)
        return {"ok": True, "room": room, "last_seq": last_seq()}

    @socketio.on("leave")
    def leave(data=None):
        room = _field(data, "room")
        if isinstance(room, str) and room in rooms():
            leave_room(room)
        return {"ok": True}

    @socketio.on("replay")
    def replay_missed(data=None):
        user = socket_user()
        since = _int(_field(data, "since"))
        if user is None:
            return FORBIDDEN
        if since is None:
            return BAD_REQUEST
        # Only rooms this socket was authorised into, re-checked now (rights may have changed).
        allowed = [r for r in rooms() if r != request.sid and room_names.may_join(user, r)]
        result = replay(since, allowed)
        return {
            "ok": True,
            "events": result.events,
            "last_seq": result.last_seq,
            "reset": result.reset,
        }

    def _case(data):
        user = socket_user()
        interaction_id = _int(_field(data, "interaction_id"))
        if user is None or interaction_id is None:
            return None, None
        if not room_names.may_join(user, room_names.interaction_room(interaction_id)):
            return user, None
        return user, interaction_id

    @socketio.on("case.view")
    def view_case(data=None):
        user, interaction_id = _case(data)
        if interaction_id is None:
            return FORBIDDEN
        join_room(room_names.interaction_room(interaction_id))
        presence.enter_case(request.sid, user.id, interaction_id)
        _announce(interaction_id)
        return {"ok": True, "last_seq": last_seq(), **_viewers_payload(interaction_id)}

    @socketio.on("case.ping")
    def ping_case(data=None):
        user, interaction_id = _case(data)
        if interaction_id is None:
            return FORBIDDEN
        presence.enter_case(request.sid, user.id, interaction_id)
        return {"ok": True}

    @socketio.on("case.leave")
    def leave_case(data=None):
        interaction_id = _int(_field(data, "interaction_id"))
        if interaction_id is None:
            return BAD_REQUEST
        leave_room(room_names.interaction_room(interaction_id))
        if presence.leave_case(request.sid, interaction_id):
            _announce(interaction_id)
        return {"ok": True}

    @socketio.on("case.editing")
    def editing(data=None):
        user, interaction_id = _case(data)
        if interaction_id is None:
            return FORBIDDEN
        wants = _field(data, "editing") is True
        holder = presence.set_editing(request.sid, user.id, interaction_id, wants)
        _announce(interaction_id)
        if holder is not None:
            return {
                "ok": False,
                "error": "locked",
                "locked_by": {"user_id": holder.user_id, "name": holder.name},
            }
        return {"ok": True, "editing": wants}

    @socketio.on_error_default
    def on_error(exc):  # never send exception text to the client
        logger.exception("socket event %s failed", request.event.get("message", "?"))
        db.session.rollback()
        return {"ok": False, "error": "internal"}
