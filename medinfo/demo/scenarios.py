"""Roles for planned cases: PV outcomes, medical review, and gaps an auditor should find.

Pure like cases.py: it runs after ``plan_cases`` with its own seeded ``random.Random`` (so the
case plans a seed gives do not change) and only sets ``CasePlan.pv``, ``review`` and ``gap``,
adjusting outcomes where a role needs it. The last plan becomes a fresh adverse-event call whose
report is still within its transfer deadline.

PV outcomes of the safety cases (``pv``): most reports are transferred and acknowledged
("acknowledged"); of the older ones, two are never transferred ("overdue"), one is returned to
the agent ("returned"); the newest is transferred but not acknowledged yet ("awaiting_ack"); the
fresh call's report waits in the outbox ("due_soon"). Deliberate gaps (``gap``): an
adverse-event question screened "no" and closed without a report ("unreported"), a report filed
five days after the call ("late"), and a closed medical-information call whose notes mention a
side effect while the screening said "no" ("rescreen", flagged by the rescreen job).
"""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from medinfo.demo.cases import PARIS, CaseContact, CasePlan, _requests, _timeline
from medinfo.demo.questions import SAFETY_CATEGORIES

OLD = timedelta(days=4)  # reports older than this are past any transfer deadline
RECENT = timedelta(days=3)
SIGNED, OPEN_CLAIMED, OPEN = "signed", "open_claimed", "open"
N_SIGNED, N_OPEN = 6, 2
SIDE_EFFECT_NOTE = {
    "en": " Mentioned in passing that the patient has felt dizzy and fainted once since the"
    " dose was increased.",
    "fr": " Signale en passant que le patient a fait un malaise avec vertiges depuis"
    " l'augmentation de dose.",
}


def is_safety(plan: CasePlan) -> bool:
    """Whether the case's main question is an adverse event or a product complaint."""
    return plan.requests[0].category in SAFETY_CATEGORIES


def latest_working_moment(now: datetime) -> datetime:
    """Shortly before now if the Paris desk is open, else the last working day at 17:40."""
    local = now.astimezone(PARIS)
    if local.weekday() < 5 and 10 * 60 <= local.hour * 60 + local.minute:
        evening = local.replace(hour=17, minute=40, second=0, microsecond=0)
        return min(local - timedelta(minutes=50), evening).astimezone(UTC).replace(microsecond=0)
    day = local.date() - timedelta(days=1)
    while day.weekday() >= 5:
        day -= timedelta(days=1)
    return datetime(day.year, day.month, day.day, 17, 40, tzinfo=PARIS).astimezone(UTC)


def fresh_safety_plan(
    rng: random.Random, contact: CaseContact, now: datetime, agents: dict[str, list[str]]
) -> CasePlan:
    """A phone call reporting an adverse event at the latest working moment, still open."""
    plan = CasePlan(
        contact=contact,
        received_at=latest_working_moment(now),
        channel="phone" if contact.phones else "email",
        unsolicited=True,
        priority="high",
        agent=rng.choice(agents[contact.language] or agents["any"]),
        requests=_requests(rng, contact, "adverse_event")[:1],
        outcome="open",
    )
    _timeline(rng, plan, now)
    if plan.screening is None:
        ended = plan.call.ended_at if plan.call else plan.received_at + timedelta(minutes=40)
        plan.screening, plan.screened_at = "yes", min(ended, now - timedelta(minutes=2))
    plan.pv = "due_soon"
    return plan


def _pv_roles(plans: list[CasePlan], now: datetime) -> None:
    safety = [p for p in plans if is_safety(p) and p.pv is None]
    for plan in safety:
        plan.pv = "acknowledged"
    older = [p for p in safety if now - p.received_at > OLD]
    newest_older = list(reversed(older))
    for plan, role in zip(newest_older, ("overdue", "overdue", "returned"), strict=False):
        plan.pv = role
    recent = [p for p in safety if now - p.received_at <= OLD]
    if recent:
        recent[-1].pv = "awaiting_ack"
    rest = [p for p in older[:-3] if p.outcome == "answered" and p.request_times]
    if rest:
        gap = rest[len(rest) // 3]
        gap.pv, gap.gap, gap.screening = None, "unreported", "no"
        gap.outcome = "closed"
        gap.closed_at = min(
            gap.request_times[-1] + timedelta(minutes=25), now - timedelta(minutes=2)
        )
    rest = [p for p in older[:-3] if p.pv == "acknowledged"]
    if rest:
        late = rest[(2 * len(rest)) // 3]
        late.pv, late.gap = "acknowledged", "late"


def _review_roles(rng: random.Random, plans: list[CasePlan], reviewers: list[str]) -> None:
    """The newest non-safety escalations: two wait for review, six get signed; others drop it."""
    chosen = [p for p in reversed(plans) if p.reviewer and not is_safety(p)][: N_OPEN + N_SIGNED]
    if len(chosen) < N_OPEN + N_SIGNED:
        extra = [
            p
            for p in reversed(plans)
            if not p.reviewer and not is_safety(p) and p.outcome in ("answered", "closed")
        ]
        for plan in extra[: N_OPEN + N_SIGNED - len(chosen)]:
            plan.reviewer = rng.choice(reviewers)
            chosen.append(plan)
    chosen.sort(key=lambda p: p.received_at, reverse=True)
    for i, plan in enumerate(chosen):
        plan.review = (OPEN_CLAIMED if i == 0 else OPEN) if i < N_OPEN else SIGNED
        if plan.review != SIGNED:
            plan.outcome, plan.closed_at = "escalated", None
    for plan in plans:
        if plan.reviewer and plan.review is None:
            plan.reviewer = None
            if plan.outcome == "escalated":
                plan.outcome = "pending_info"


def _rescreen_gap(plans: list[CasePlan], now: datetime) -> None:
    candidates = [
        p
        for p in plans
        if p.outcome == "closed"
        and p.call is not None
        and not (is_safety(p) or p.reviewer or p.gap)
        and p.requests[0].category == "medical_info"
    ]
    recent = [p for p in candidates if now - p.received_at <= RECENT] or candidates
    if recent:
        plan = recent[-1]
        plan.gap = "rescreen"
        plan.call.notes += SIDE_EFFECT_NOTE[plan.contact.language]


def assign_roles(
    rng: random.Random,
    plans: list[CasePlan],
    contacts: list[CaseContact],
    now: datetime,
    agents: dict[str, list[str]],
    reviewers: list[str],
) -> None:
    """Give the plans their PV, review and gap roles (in place); see the module docstring."""
    if not plans:
        return
    callers = [c for c in contacts if c.phones] or contacts
    plans[-1] = fresh_safety_plan(rng, rng.choice(callers), now, agents)
    _pv_roles(plans, now)
    _review_roles(rng, plans, reviewers)
    _rescreen_gap(plans, now)
