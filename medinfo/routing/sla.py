"""Running SLA clocks of cases and escalations: start, pause while waiting, stop, countdowns."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import select

from medinfo.database import utcnow
from medinfo.extensions import db
from medinfo.interactions.models import Interaction
from medinfo.routing.models import SlaPause, SlaTimer
from medinfo.sla.calendar import BusinessCalendar
from medinfo.sla.clock import SlaClock
from medinfo.sla.policy import sla_terms

WAITING = "pending_info"
ANSWERED = "answered"


@dataclass(frozen=True)
class Countdown:
    """What a screen shows for one clock: state, due time and business time left."""

    kind: str
    state: str  # ok | warning | breached | paused | met | missed
    due_at: datetime | None
    remaining: timedelta | None

    @property
    def remaining_label(self) -> str:
        """Business time left (or past due) as ``1d 2h 05m`` with a sign."""
        if self.remaining is None:
            return "—"
        seconds = int(self.remaining.total_seconds())
        sign = "-" if seconds < 0 else ""
        seconds = abs(seconds)
        hours, minutes = seconds // 3600, seconds % 3600 // 60
        return f"{sign}{hours}h {minutes:02d}m"


def _start(
    interaction: Interaction, kind: str, category: str, priority: str, at: datetime, **extra
) -> SlaTimer:
    terms = sla_terms(kind, category, priority, at)
    timer = SlaTimer(
        interaction_id=interaction.id,
        kind=kind,
        policy_id=terms.policy_id,
        started_at=at,
        target_seconds=int(terms.target.total_seconds()),
        warn_seconds=int(terms.warn.total_seconds()),
        calendar=terms.calendar.to_dict(),
        due_at=terms.calendar.add_business_time(at, terms.target),
        **extra,
    )
    db.session.add(timer)
    return timer


def start_request_clock(interaction: Interaction) -> SlaTimer:
    """Start (or restart after re-routing) the case's request clock at its received time."""
    for old in _timers(interaction.id, "request"):
        db.session.delete(old)
    category = interaction.requests[0].category if interaction.requests else "other"
    timer = _start(interaction, "request", category, interaction.priority, interaction.received_at)
    interaction.sla_due_at = timer.due_at
    return timer


def start_escalation_clock(
    interaction: Interaction, escalation_id: int, category: str, at: datetime
) -> SlaTimer:
    """Start the clock of one escalation to medical review."""
    return _start(
        interaction, "escalation", category, interaction.priority, at, escalation_id=escalation_id
    )


def stop_escalation_clock(escalation_id: int, at: datetime) -> None:
    """Stop an escalation's clock (signed or withdrawn)."""
    timer = db.session.scalar(select(SlaTimer).where(SlaTimer.escalation_id == escalation_id))
    if timer is not None and timer.stopped_at is None:
        timer.stopped_at = at


def _timers(interaction_id: int, kind: str) -> list[SlaTimer]:
    return list(
        db.session.scalars(
            select(SlaTimer).where(SlaTimer.interaction_id == interaction_id, SlaTimer.kind == kind)
        )
    )


def pauses_of(interaction_id: int) -> list[SlaPause]:
    """The stored pause intervals of a case, oldest first."""
    return list(
        db.session.scalars(
            select(SlaPause)
            .where(SlaPause.interaction_id == interaction_id)
            .order_by(SlaPause.started_at, SlaPause.id)
        )
    )


def clock_of(timer: SlaTimer, pauses: Iterable[SlaPause] = ()) -> SlaClock:
    """The SlaClock of a stored timer (pauses only stop request clocks)."""
    spans = tuple((p.started_at, p.ended_at) for p in pauses) if timer.kind == "request" else ()
    return SlaClock(
        started_at=timer.started_at,
        target=timedelta(seconds=timer.target_seconds),
        calendar=BusinessCalendar.from_dict(timer.calendar),
        pauses=spans,
    )


def on_status_change(
    interaction: Interaction, old: str, new: str, at: datetime | None = None
) -> None:
    """Pause the request clock while the case waits for the caller or is answered; resume after.

    Called by the status-changing services inside their transaction (they commit).
    """
    at = at or utcnow()
    if old == new:
        return
    timer = next(iter(_timers(interaction.id, "request")), None)
    if timer is None:
        return
    pauses = pauses_of(interaction.id)
    if old in (WAITING, ANSWERED) and new != "closed":
        for pause in pauses:
            if pause.ended_at is None:
                pause.ended_at = at
    if new in (WAITING, ANSWERED):
        pause = SlaPause(interaction_id=interaction.id, started_at=at, reason=new)
        db.session.add(pause)
        pauses.append(pause)
    if new == ANSWERED:
        timer.stopped_at = at  # the due time in force is kept to tell met from missed
        return
    if new == "closed":
        return
    timer.stopped_at = None
    timer.due_at = clock_of(timer, pauses).due_at()
    interaction.sla_due_at = timer.due_at


def countdown(timer: SlaTimer, pauses: Iterable[SlaPause], now: datetime) -> Countdown:
    """The countdown of one timer at ``now``."""
    if timer.stopped_at is not None:
        met = timer.due_at is None or timer.stopped_at <= timer.due_at
        return Countdown(timer.kind, "met" if met else "missed", timer.due_at, None)
    clock = clock_of(timer, pauses)
    state = clock.state(now, timedelta(seconds=timer.warn_seconds))
    return Countdown(timer.kind, state, clock.due_at(), clock.remaining(now))


def countdowns_for(
    interaction_ids: Iterable[int], now: datetime, kind: str = "request"
) -> dict[int, Countdown]:
    """Countdowns of many cases' clocks in two queries, keyed by interaction (or escalation) id."""
    ids = list(interaction_ids)
    if not ids:
        return {}
    timers = db.session.scalars(
        select(SlaTimer).where(SlaTimer.interaction_id.in_(ids), SlaTimer.kind == kind)
    ).all()
    pauses: dict[int, list[SlaPause]] = defaultdict(list)
    for pause in db.session.scalars(
        select(SlaPause).where(SlaPause.interaction_id.in_(ids)).order_by(SlaPause.started_at)
    ):
        pauses[pause.interaction_id].append(pause)
    key = (lambda t: t.escalation_id) if kind == "escalation" else (lambda t: t.interaction_id)
    return {key(t): countdown(t, pauses[t.interaction_id], now) for t in timers}
