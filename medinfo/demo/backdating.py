"""Moving service-stamped times of demo cases into the past, always through the audit trail."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from medinfo.audit import record_event
from medinfo.audit.chain import Actor
from medinfo.database import utcnow
from medinfo.interactions.models import Interaction

DEMO_ACTOR = Actor(None, "demo-loader", "system")
REASON = "Demo data: times moved back to when the simulated case happened."
CASE_FIELDS = frozenset({"ae_screened_at", "closed_at"})


def backdate_case(
    interaction: Interaction,
    times: dict[str, datetime],
    answered_at: Sequence[datetime] = (),
    reason: str = REASON,
) -> bool:
    """Set past times on a case and its answers; one audit event, old and new values (no commit).

    times holds the case's own fields (ae_screened_at, closed_at); answered_at lists the answer
    times of its requests in order. Returns False when nothing changed (and nothing is audited).
    """
    now = utcnow()
    if unknown := set(times) - CASE_FIELDS:
        raise ValueError(f"cannot backdate {', '.join(sorted(unknown))}")
    targets = [(interaction, name, value) for name, value in times.items()]
    targets += [
        (request, "answered_at", value)
        for request, value in zip(interaction.requests, answered_at, strict=False)
    ]
    for _entity, name, value in targets:
        if value.tzinfo is None or value > now:
            raise ValueError(f"{name}: backdating needs an aware past time, not {value}")
    old: dict[str, datetime | None] = {}
    new: dict[str, datetime] = {}
    for entity, name, value in targets:
        key = name if entity is interaction else f"requests.{entity.id}.{name}"
        if getattr(entity, name) != value:
            old[key], new[key] = getattr(entity, name), value
            setattr(entity, name, value)
    if not new:
        return False
    record_event(
        "demo.backdated",
        "interaction",
        interaction.id,
        old=old,
        new={"reference": interaction.reference, **new},
        reason=reason,
        actor=DEMO_ACTOR,
    )
    return True
