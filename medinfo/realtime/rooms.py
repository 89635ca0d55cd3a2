"""Room names and who may be in them (checked on connect and on every join).

Rooms: ``desk`` (every signed-in user), ``user:<id>``, ``role:<role>``, ``queue:<name>``,
``interaction:<id>``. Queue membership comes from a provider the routing domain may register
(``register_queue_provider``); by default the routing domain's queue memberships, else the
default queue (``queue:general`` when routing has none).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from medinfo.extensions import db
from medinfo.permissions import Permission, can_view_interaction

if TYPE_CHECKING:
    from medinfo.auth.models import User

DESK = "desk"
DEFAULT_QUEUE = "general"
QueueProvider = Callable[["User"], Iterable[str]]
_queue_provider: QueueProvider | None = None


def register_queue_provider(provider: QueueProvider | None) -> None:
    """Let routing say which queues a user works (their live "new case" feeds)."""
    global _queue_provider
    _queue_provider = provider


def user_room(user_id: int) -> str:
    """The room of one user (all their tabs and devices)."""
    return f"user:{user_id}"


def role_room(role: str) -> str:
    """The room of everyone with a role."""
    return f"role:{role}"


def queue_room(queue: str) -> str:
    """The room of a queue's members."""
    return f"queue:{queue}"


def interaction_room(interaction_id: int) -> str:
    """The room of the screens showing one case."""
    return f"interaction:{interaction_id}"


def member_queues(user: User) -> list[str]:
    """The queues whose new cases this user hears about."""
    if not user.can(Permission.HANDLE_INTERACTIONS):
        return []
    provider = _queue_provider or routing_queues
    return sorted({q for q in provider(user) if q})


def routing_queues(user: User) -> list[str]:
    """The routing domain's active queues the user is a member of, else the default queue."""
    try:
        from medinfo.routing.models import Queue, QueueMember
    except ImportError:  # no routing domain: one desk-wide queue
        return [DEFAULT_QUEUE]
    from sqlalchemy import select

    keys = list(
        db.session.scalars(
            select(Queue.key)
            .join(QueueMember, QueueMember.queue_id == Queue.id)
            .where(QueueMember.user_id == user.id, Queue.active.is_(True))
        )
    )
    if keys:
        return keys
    default = db.session.scalar(
        select(Queue.key).where(Queue.is_default.is_(True), Queue.active.is_(True))
    )
    return [default or DEFAULT_QUEUE]


def home_rooms(user: User) -> list[str]:
    """The rooms a connection joins at once."""
    rooms = [DESK, user_room(user.id), role_room(user.role)]
    return rooms + [queue_room(q) for q in member_queues(user)]


def may_join(user: User, room: str) -> bool:
    """Authorise a join: own user/role rooms, queues the user works, cases the user may view."""
    if not user.is_active or not isinstance(room, str) or len(room) > 80:
        return False
    kind, _, key = room.partition(":")
    if room == DESK:
        return True
    if kind == "user":
        return key == str(user.id)
    if kind == "role":
        return key == user.role
    if kind == "queue":
        return key in member_queues(user)
    if kind == "interaction" and key.isdigit():
        from medinfo.interactions.models import Interaction

        interaction = db.session.get(Interaction, int(key))
        return interaction is not None and can_view_interaction(user, interaction)
    return False
