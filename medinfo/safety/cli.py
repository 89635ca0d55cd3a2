"""flask safety dispatch | rescreen."""

from __future__ import annotations

import time

import click
from flask.cli import AppGroup

from medinfo.audit.chain import SYSTEM

safety_cli = AppGroup("safety", help="Pharmacovigilance: outbox delivery and rescreening.")


@safety_cli.command("dispatch")
@click.option("--loop", is_flag=True, help="Keep running, dispatching every --every seconds.")
@click.option("--every", default=15.0, show_default=True, help="Seconds between runs with --loop.")
def dispatch(loop: bool, every: float) -> None:
    """Deliver the outbox messages that are due (retries with backoff)."""
    from medinfo.safety.outbox import dispatch_due

    while True:
        summary = dispatch_due()
        click.echo(f"safety outbox: {summary}")
        if not loop:
            if summary.failed:
                raise SystemExit(1)
            return
        time.sleep(max(1.0, every))


@safety_cli.command("rescreen")
def rescreen() -> None:
    """Re-check closed interactions; flagged ones without a report go to reconciliation."""
    from medinfo.safety.rescreen import rescreen_closed

    click.echo(str(rescreen_closed(actor=SYSTEM)))
