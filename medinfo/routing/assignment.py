"""Routing a new case to a queue and an agent; round-robin, availability and reassignment."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select, update

from medinfo.audit import record_event
from medinfo.auth.models import User
from medinfo.database import utcnow
from medinfo.errors import Conflict, NotFound, ValidationFailed
from medinfo.extensions import db
from medinfo.interactions.models import Interaction
from medinfo.permissions import Permission
from medinfo.routing.models import AgentProfile, Queue, QueueMember, RoutingRule
from medinfo.routing.rules import facts_of, first_match
from medinfo.routing.sla import start_request_clock
from medinfo.signals import interaction_assigned

logger = logging.getLogger(__name__)
FALLBACK_QUEUE = "general"


@dataclass(frozen=True)
class RoutingResult:
    """Where a case went and why."""

    queue: str
    priority: str
    owner_id: int | None
    rule_id: int | None
    method: str  # rule_owner | live_call | round_robin | unassigned | no_queues


def default_queue() -> Queue | None:
    """The queue for cases no rule matches."""
    return db.session.scalar(
        select(Queue).where(Queue.is_default.is_(True), Queue.active.is_(True)).order_by(Queue.id)
    )


def can_work(user: User | None) -> bool:
    """An active user whose role works cases."""
    return user is not None and user.active and user.can(Permission.HANDLE_INTERACTIONS)


def skills_match(profile: AgentProfile, interaction: Interaction) -> bool:
    """The agent speaks the case's language and covers every product asked about."""
    products = {r.product_id for r in interaction.requests if r.product_id is not None}
    return interaction.language in (profile.languages or []) and products <= set(
        profile.product_ids or []
    )


def eligible_agents(queue: Queue, interaction: Interaction) -> list[User]:
    """Members of the queue who are available, allowed to work cases and skilled, by user id."""
    rows = db.session.execute(
        select(User, AgentProfile)
        .join(QueueMember, QueueMember.user_id == User.id)
        .join(AgentProfile, AgentProfile.user_id == User.id)
        .where(QueueMember.queue_id == queue.id, AgentProfile.available.is_(True))
        .order_by(User.id)
    ).all()
    now = utcnow()
    return [
        user
        for user, profile in rows
        if can_work(user) and not user.is_locked(now) and skills_match(profile, interaction)
    ]


def next_in_turn(queue_id: int, candidates: list[User]) -> User | None:
    """Claim the queue's next round-robin turn among the candidates (in the caller's transaction).

    The UPDATE … RETURNING takes the queue row's lock (PostgreSQL) or the write lock (SQLite)
    before the last-served agent is read, so two concurrent cases never get the same turn.
    """
    if not candidates:
        return None
    last = db.session.execute(
        update(Queue)
        .where(Queue.id == queue_id)
        .values(rr_turns=Queue.rr_turns + 1)
        .returning(Queue.rr_last_user_id)
        .execution_options(synchronize_session=False)
    ).scalar_one()
    chosen = next((u for u in candidates if last is None or u.id > last), candidates[0])
    db.session.execute(
        update(Queue)
        .where(Queue.id == queue_id)
        .values(rr_last_user_id=chosen.id)
        .execution_options(synchronize_session=False)
    )
    return chosen


def route_interaction(interaction: Interaction) -> RoutingResult:
    """Pick queue, priority and owner for a just-opened case, start its clock (caller commits).

    The first matching rule gives the queue (else the default queue); its owner, if set and
    able to work, gets the case; else the agent who took the live phone call keeps it; else the
    next available skilled member of the queue in round-robin order; else it waits unassigned.
    """
    rules = db.session.scalars(
        select(RoutingRule).where(RoutingRule.active.is_(True)).order_by(RoutingRule.position)
    ).all()
    rule = first_match(rules, facts_of(interaction))
    queue = rule.queue if rule is not None and rule.queue.active else default_queue()
    if rule is not None and rule.set_priority:
        interaction.priority = rule.set_priority
    if queue is None:
        result = RoutingResult(
            interaction.queue or FALLBACK_QUEUE,
            interaction.priority,
            interaction.owner_id,
            None,
            "no_queues",
        )
    else:
        interaction.queue = queue.key
        owner, method = _choose_owner(interaction, queue, rule)
        interaction.owner_id = owner.id if owner else None
        result = RoutingResult(
            queue.key, interaction.priority, interaction.owner_id, rule.id if rule else None, method
        )
    timer = start_request_clock(interaction)
    record_event(
        "interaction.routed",
        "interaction",
        interaction.id,
        new={
            "queue": result.queue,
            "priority": result.priority,
            "owner_id": result.owner_id,
            "rule_id": result.rule_id,
            "method": result.method,
            "sla_due_at": timer.due_at,
        },
    )
    return result


def _choose_owner(
    interaction: Interaction, queue: Queue, rule: RoutingRule | None
) -> tuple[User | None, str]:
    if rule is not None and rule.owner_id and can_work(rule.owner):
        return rule.owner, "rule_owner"
    creator = interaction.created_by
    if interaction.channel == "phone" and interaction.calls and can_work(creator):
        return creator, "live_call"
    chosen = next_in_turn(queue.id, eligible_agents(queue, interaction))
    return chosen, "round_robin" if chosen else "unassigned"


def announce_assignment(interaction: Interaction) -> None:
    """Tell listeners (the live desk) where a case went; call after commit."""
    interaction_assigned.send(interaction, queue=interaction.queue, owner_id=interaction.owner_id)


def reassign(
    interaction: Interaction, *, owner_id: int | None, queue_key: str, reason: str
) -> None:
    """Move a case to another queue and/or owner by hand; audited with the reason."""
    if interaction.status == "closed":
        raise Conflict(f"{interaction.reference} is closed.")
    errors: dict[str, str] = {}
    queue = db.session.scalar(select(Queue).where(Queue.key == queue_key))
    if queue_key != interaction.queue and (queue is None or not queue.active):
        errors["queue"] = "Choose an active queue."
    owner = db.session.get(User, owner_id) if owner_id else None
    if owner_id and not can_work(owner):
        errors["owner"] = "This person cannot work cases."
    if not (reason or "").strip():
        errors["reason"] = "Say why the case is reassigned."
    if errors:
        raise ValidationFailed(errors)
    old = {"queue": interaction.queue, "owner_id": interaction.owner_id}
    new = {"queue": queue_key, "owner_id": owner_id}
    if old == new:
        raise Conflict("The case is already there.")
    interaction.queue, interaction.owner_id = queue_key, owner_id
    record_event(
        "interaction.reassigned",
        "interaction",
        interaction.id,
        old=old,
        new=new,
        reason=reason.strip(),
    )
    db.session.commit()
    announce_assignment(interaction)


def profile_for(user: User) -> AgentProfile:
    """The user's routing profile, created empty (unavailable, no skills) on first use."""
    profile = db.session.get(AgentProfile, user.id)
    if profile is None:
        profile = AgentProfile(user_id=user.id, product_ids=[], languages=[], available=False)
        db.session.add(profile)
    return profile


def set_availability(user: User, available: bool) -> None:
    """An agent goes available for assignment, or steps away."""
    if not can_work(user):
        raise Conflict("Only people who work cases have an availability.")
    profile = profile_for(user)
    if profile.available == available:
        return
    profile.available = available
    record_event(
        "agent.availability_set",
        "agent_profile",
        user.id,
        old={"available": not available},
        new={"available": available},
    )
    db.session.commit()


def get_user_or_404(user_id: int) -> User:
    """Load a user or raise NotFound."""
    user = db.session.get(User, user_id)
    if user is None:
        raise NotFound(f"No user #{user_id}.")
    return user
