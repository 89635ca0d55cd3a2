"""Replaying one planned case through the services: intake, safety report, PV, review, close.

Each step runs as the person who would do it (the routed owner, the PV officer, the medical
reviewer) in a throw-away request context; times the services stamp with "now" are moved back
to the simulated moment through the audited backdating functions. Medical-review escalations
and e-signatures keep their real times: a signature is bound to its signing time.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask import Flask
from flask_login import login_user

from medinfo.audit.chain import SYSTEM
from medinfo.auth.models import User
from medinfo.database import utcnow
from medinfo.demo.backdating import DEMO_ACTOR, backdate_case, backdate_report
from medinfo.demo.cases import CasePlan, PlannedCall
from medinfo.demo.reports import RETURN_REASON, pv_case_id, pv_times, report_data, report_time
from medinfo.demo.scenarios import OPEN_CLAIMED
from medinfo.extensions import db
from medinfo.interactions.models import Interaction
from medinfo.interactions.services import (
    CallData,
    InteractionData,
    RequestData,
    answer_request,
    change_status,
    close_interaction,
    log_call,
    open_interaction,
    record_ae_screening,
)
from medinfo.kb.answers import find_usable_version
from medinfo.review.models import Escalation
from medinfo.review.services import claim_escalation, escalate_request, save_draft, sign_answer
from medinfo.safety.minimum import transfer_due
from medinfo.safety.models import SafetyReport
from medinfo.safety.outbox import deliver_message
from medinfo.safety.rescreen import rescreen_closed
from medinfo.safety.services import acknowledge_report, create_report, reject_report

ARTICLE_RE = re.compile(r"\b(?:SRD|FAQ|SMPC)-[A-Z]{3}-[A-Z0-9]+-(?:EN|FR)\b")
ESCALATION_REASON = {
    "en": "Needs a medical reviewer: the answer goes beyond the standard response documents.",
    "fr": "Avis médical nécessaire : la réponse dépasse les documents de réponse standard.",
}


@dataclass
class Replay:
    """What every case replay shares: the app, user ids, demo password and PV counters."""

    app: Flask
    user_ids: dict[str, int]
    password: str
    seed: int
    with_kb: bool = False
    acknowledged: int = 0
    rescreened: list[int] = field(default_factory=list)

    def rng(self, plan: CasePlan) -> random.Random:
        """A generator of its own per case, so roles do not shift the other cases' draws."""
        return random.Random(f"{self.seed}:{plan.received_at.isoformat()}")  # noqa: S311


@contextmanager
def acting_as(app: Flask, user_id: int) -> Iterator[User]:
    """Run service calls as this user, in a fresh app and request context (a fresh session)."""
    with app.app_context(), app.test_request_context("/demo/load"):
        user = db.session.get(User, user_id)
        # Detached, the user keeps its loaded columns across the services' commits instead of
        # being re-read from the database each time current_user is consulted.
        db.session.expunge(user)
        login_user(user)
        yield user


def _call_data(call: PlannedCall) -> CallData:
    return CallData(
        started_at=call.started_at,
        ended_at=call.ended_at,
        ani=call.ani,
        notes=call.notes,
        outcome=call.outcome,
        direction=call.direction,
    )


def _kb_versions(answer: str) -> list[int]:
    """The approved versions of the articles an answer names (the agent's "use in answer")."""
    found = (find_usable_version(a) for a in dict.fromkeys(ARTICLE_RE.findall(answer)))
    return [v.id for v in found if v is not None]


def _open(replay: Replay, plan: CasePlan, latest: datetime):
    """Open the case with its first call; screen it, or file its report in the same commit."""
    kb = replay.with_kb
    interaction = open_interaction(
        InteractionData(
            channel=plan.channel,
            unsolicited=plan.unsolicited,
            language=plan.contact.language,
            requests=[
                RequestData(r.category, r.question, r.product, _kb_versions(r.answer) if kb else [])
                for r in plan.requests
            ],
            contact_id=plan.contact.id,
            received_at=plan.received_at,
            requester_name=plan.requester[0],
            requester_relation=plan.requester[1],
            priority=plan.priority,
            call=_call_data(plan.call) if plan.call else None,
        ),
        commit=False,
    )
    report = None
    if plan.pv and plan.gap != "late":
        rng = replay.rng(plan)
        at = report_time(plan, latest)
        serious = rng.random() < 0.2 and at + timedelta(minutes=5) < transfer_due(
            plan.received_at, True
        )
        report = create_report(interaction, report_data(rng, plan, serious), commit=False)
        db.session.commit()
    elif plan.screening:
        record_ae_screening(interaction, plan.screening)
    else:
        db.session.commit()
    if plan.outcome == "pending_info":
        change_status(interaction, "pending_info")
    return interaction, report


def _answer(interaction: Interaction, plan: CasePlan, skip_first: bool = False) -> None:
    pairs = list(zip(interaction.requests, plan.requests, strict=True))
    for request, planned in pairs[1:] if skip_first else pairs:
        answer_request(request, planned.answer)


def _finish(interaction: Interaction, plan: CasePlan) -> None:
    """Log the callback, mark the case answered and close it, as the agent."""
    if plan.callback:
        log_call(interaction, _call_data(plan.callback))
    change_status(interaction, "answered")
    if plan.outcome == "closed" and plan.gap != "rescreen":
        close_interaction(interaction)


def _backdate(interaction: Interaction, plan: CasePlan, times: dict, signed: bool = False) -> None:
    """Move the times the services stamped with "now" back into the simulated past (audited).

    Signed cases keep their real answer and closing times: they follow the signature.
    """
    if plan.screened_at is not None and interaction.ae_screening == plan.screening:
        times.setdefault("ae_screened_at", plan.screened_at)
    if plan.closed_at is not None and interaction.status == "closed" and not signed:
        times.setdefault("closed_at", plan.closed_at)
    answered = plan.request_times if interaction.all_answered and not signed else []
    backdate_case(interaction, {k: v for k, v in times.items() if v is not None}, answered)
    db.session.commit()


def _file_report_late(replay: Replay, plan: CasePlan, interaction: Interaction, at: datetime):
    """The report the agent only filed days after the call (a late transfer)."""
    report = create_report(interaction, report_data(replay.rng(plan), plan, False), commit=False)
    db.session.commit()
    backdate_report(report, {"created_at": at, "submitted_at": at})
    db.session.commit()
    return report.id


def _pv(replay: Replay, plan: CasePlan, report_id: int, latest: datetime) -> datetime | None:
    """Transfer the report at its simulated time, then PV acknowledges or returns it."""
    rng = replay.rng(plan)
    with acting_as(replay.app, replay.user_ids["sofia.berg"]):
        report = db.session.get(SafetyReport, report_id)
        transferred, handled = pv_times(rng, report.submitted_at, latest)
        if plan.pv in ("overdue", "due_soon"):
            return None  # still in the outbox: the demo runs no dispatcher
        for message in list(report.messages):
            deliver_message(message.id, now=transferred, actor=SYSTEM)
        report = db.session.get(SafetyReport, report_id)
        if handled is None or plan.pv == "awaiting_ack":
            return None
        if plan.pv == "returned":
            reject_report(report, RETURN_REASON)
            backdate_report(report, {"rejected_at": handled})
            db.session.commit()
            return None
        replay.acknowledged += 1
        acknowledge_report(report, pv_case_id(replay.acknowledged, handled))
        backdate_report(report, {"acknowledged_at": handled})
        db.session.commit()
        return handled


def _review(replay: Replay, plan: CasePlan, interaction_id: int, agent_id: int) -> None:
    """Escalate the first question; a reviewer signs it, or it waits in the review queue."""
    reviewer_id = replay.user_ids[plan.reviewer or "dr.lefevre"]
    with acting_as(replay.app, agent_id) as agent:
        interaction = db.session.get(Interaction, interaction_id)
        _answer(interaction, plan, skip_first=True)
        reason = ESCALATION_REASON[plan.contact.language]
        escalation_id = escalate_request(interaction.requests[0], reason, agent).id
    if plan.review == "open":
        return
    with acting_as(replay.app, reviewer_id) as reviewer:
        escalation = db.session.get(Escalation, escalation_id)
        claim_escalation(escalation, reviewer)
        answer = plan.requests[0].answer
        if plan.review == OPEN_CLAIMED:
            save_draft(escalation, answer, reviewer)
            return
        sign_answer(escalation, reviewer, replay.password, answer)
    if plan.outcome == "closed":
        with acting_as(replay.app, agent_id):
            close_interaction(db.session.get(Interaction, interaction_id))


def play_case(replay: Replay, plan: CasePlan) -> int:
    """Replay one planned case through the services as the people who work it; return its id."""
    app, ids = replay.app, replay.user_ids
    latest = (utcnow() - timedelta(minutes=2)).replace(microsecond=0)
    answered = plan.outcome in ("answered", "closed")
    with acting_as(app, ids[plan.agent]):
        interaction, report = _open(replay, plan, latest)
        interaction_id, owner_id = interaction.id, interaction.owner_id or ids[plan.agent]
        report_id, times = None, {}
        if report is not None:
            report_id, at = report.id, report_time(plan, latest)
            times["ae_screened_at"] = at  # the report records the screening answer
            backdate_report(report, {"created_at": at, "submitted_at": at})
            db.session.commit()
    if plan.review is not None:
        _review(replay, plan, interaction_id, owner_id)
        with acting_as(app, owner_id):
            _backdate(db.session.get(Interaction, interaction_id), plan, times, signed=True)
        return interaction_id
    with acting_as(app, owner_id):
        interaction = db.session.get(Interaction, interaction_id)
        if answered:
            _answer(interaction, plan)
            _finish(interaction, plan)
        if plan.gap == "late":
            report_id = _file_report_late(replay, plan, interaction, report_time(plan, latest))
        _backdate(interaction, plan, times)
    closed_by_pv = _pv(replay, plan, report_id, latest) if report_id else None
    if closed_by_pv is not None:
        _close_after_pv(replay, plan, interaction_id, owner_id, closed_by_pv, latest)
    if plan.gap == "rescreen":
        _close_and_rescreen(replay, interaction_id, owner_id)
    return interaction_id


def _close_after_pv(
    replay: Replay, plan: CasePlan, interaction_id: int, owner_id: int, at: datetime, latest
) -> None:
    """Close the answered case once PV has acknowledged its report (the desk's close rule)."""
    with acting_as(replay.app, owner_id):
        interaction = db.session.get(Interaction, interaction_id)
        if interaction.status != "answered":
            return
        last = max([at, *(r.answered_at for r in interaction.requests if r.answered_at)])
        closed = last + timedelta(minutes=replay.rng(plan).randint(10, 90))
        if closed >= latest:
            return
        close_interaction(interaction)
        backdate_case(interaction, {"closed_at": closed})
        db.session.commit()


def _close_and_rescreen(replay: Replay, interaction_id: int, owner_id: int) -> None:
    """Close the case now, then rescreen what closed since: the side effect in its notes."""
    with acting_as(replay.app, owner_id):
        interaction = db.session.get(Interaction, interaction_id)
        close_interaction(interaction)
        since = interaction.closed_at
    with replay.app.app_context():
        rescreen_closed(since=since, actor=DEMO_ACTOR)
        replay.rescreened.append(interaction_id)
