"""`flask realtime …`: the periodic check and pruning, for cron or a supervisor."""

from __future__ import annotations

from datetime import timedelta

import click
from flask import current_app
from flask.cli import AppGroup

from medinfo.realtime.events import use_emitter

realtime_cli = AppGroup("realtime", help="Live desk: deadline checks and the event log.")


def use_queue_emitter() -> None:
    """Emit through the message queue, write-only (this process serves no sockets)."""
    url = current_app.config.get("SOCKETIO_MESSAGE_QUEUE")
    if url:
        from flask_socketio import SocketIO

        use_emitter(SocketIO(message_queue=url, async_mode="threading"))


@realtime_cli.command("tick")
def tick() -> None:
    """Emit due-soon and overdue events once each, then prune old events and presence."""
    from medinfo.realtime.deadlines import check_deadlines
    from medinfo.realtime.events import prune_events
    from medinfo.realtime.presence import prune_presence

    use_queue_emitter()
    sent = check_deadlines()
    prune_presence()
    days = int(current_app.config.get("REALTIME_RETENTION_DAYS", 7))
    pruned = prune_events(timedelta(days=days))
    click.echo(f"{sent} deadline events sent; {pruned} old events pruned")


@realtime_cli.command("prune")
@click.option("--days", type=click.IntRange(min=0), default=None, help="Keep this many days.")
def prune(days: int | None) -> None:
    """Delete logged events older than the retention (REALTIME_RETENTION_DAYS, default 7)."""
    from medinfo.realtime.events import prune_events

    keep = days if days is not None else int(current_app.config.get("REALTIME_RETENTION_DAYS", 7))
    click.echo(f"{prune_events(timedelta(days=keep))} events pruned")
