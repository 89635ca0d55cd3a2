"""Moving service-stamped times of demo records into the past, always through the audit trail."""

from __future__ import annotations

from datetime import datetime

from medinfo.audit import record_event
from medinfo.audit.chain import Actor
from medinfo.database import utcnow
from medinfo.extensions import db

DEMO_ACTOR = Actor(None, "demo-loader", "system")
REASON = "Demo data: time moved back to when the simulated case happened."


def backdate(entity: db.Model, entity_type: str, values: dict[str, datetime],
             reason: str = REASON) -> None:
    """Set past times on one record and audit old and new values in one event (caller commits)."""
    now = utcnow()
    for name, value in values.items():
        if value.tzinfo is None or value > now:
            raise ValueError(f"{entity_type}.{name}: backdating needs an aware past time")
    old = {name: getattr(entity, name) for name in values}
    changed = {name: value for name, value in values.items() if old[name] != value}
    if not changed:
        return
    for name, value in changed.items():
        setattr(entity, name, value)
    record_event("demo.backdated", entity_type, entity.id,
                 old={name: old[name] for name in changed}, new=changed, reason=reason,
                 actor=DEMO_ACTOR)
