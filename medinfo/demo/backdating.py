"""Moving service-stamped times of demo cases and reports into the past, always audited."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from medinfo.audit import record_event
from medinfo.audit.chain import Actor
from medinfo.database import utcnow
from medinfo.interactions.models import Interaction
from medinfo.safety.models import SafetyReport

DEMO_ACTOR = Actor(None, "demo-loader", "system")
REASON = "Demo data: times moved back to when the simulated case happened."
CASE_FIELDS = frozenset({"ae_screened_at", "closed_at"})
# (record, attribute, key in the audit event, new time)
Target = tuple[object, str, str, datetime]


def _move(
    targets: list[Target], entity_type: str, entity_id: int, reference: str, reason: str
) -> bool:
    """Check, apply and audit (in one event) the moves; False when nothing changed."""
    now = utcnow()
    for _record, _name, key, value in targets:
        if value.tzinfo is None or value > now:
            raise ValueError(f"{key}: backdating needs an aware past time, not {value}")
    old: dict[str, datetime | None] = {}
    new: dict[str, datetime] = {}
    for record, name, key, value in targets:
        if getattr(record, name) != value:
            old[key], new[key] = getattr(record, name), value
            setattr(record, name, value)
    if not new:
        return False
    record_event(
        "demo.backdated",
        entity_type,
        entity_id,
        old=old,
        new={"reference": reference, **new},
        reason=reason,
        actor=DEMO_ACTOR,
    )
    return True


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
    if unknown := set(times) - CASE_FIELDS:
        raise ValueError(f"cannot backdate {', '.join(sorted(unknown))}")
    targets: list[Target] = [(interaction, name, name, value) for name, value in times.items()]
    targets += [
        (request, "answered_at", f"requests.{request.id}.answered_at", value)
        for request, value in zip(interaction.requests, answered_at, strict=False)
    ]
    return _move(targets, "interaction", interaction.id, interaction.reference, reason)


REPORT_FIELDS = frozenset({"created_at", "submitted_at", "acknowledged_at", "rejected_at"})


def backdate_report(report: SafetyReport, times: dict[str, datetime], reason: str = REASON) -> bool:
    """Set past times on a safety report; one audit event, old and new values (no commit).

    Moving ``submitted_at`` also moves the report's outbox messages (written then, and due
    then while still pending) and its follow-up tasks (opened then) to that time.
    """
    if unknown := set(times) - REPORT_FIELDS:
        raise ValueError(f"cannot backdate {', '.join(sorted(unknown))}")
    targets: list[Target] = [(report, name, name, value) for name, value in times.items()]
    if (submitted := times.get("submitted_at")) is not None:
        for message in report.messages:
            targets.append((message, "created_at", f"messages.{message.id}.created_at", submitted))
            if message.status == "pending":
                key = f"messages.{message.id}.next_attempt_at"
                targets.append((message, "next_attempt_at", key, submitted))
        for task in report.follow_ups:
            targets.append((task, "created_at", f"follow_ups.{task.id}.created_at", submitted))
    return _move(targets, "safety_report", report.id, report.reference, reason)
