"""Escalating a request to medical review, working the review queue and signing answers."""

from __future__ import annotations

import logging
from datetime import datetime

from sqlalchemy import select

from medinfo.audit import record_event
from medinfo.auth.models import User
from medinfo.auth.passwords import verify_password
from medinfo.auth.services import register_failure
from medinfo.database import utcnow
from medinfo.errors import Conflict, DomainError, NotFound, ValidationFailed
from medinfo.extensions import db
from medinfo.interactions.models import InfoRequest, Interaction
from medinfo.permissions import Permission
from medinfo.review.models import MEANING_APPROVED, Escalation, Signature
from medinfo.review.signing import content_hash, kb_manifest, signed_content
from medinfo.routing.sla import (
    on_status_change,
    start_escalation_clock,
    stop_escalation_clock,
)
from medinfo.signals import escalation_changed, interaction_changed

logger = logging.getLogger(__name__)
MAX_REASON = 2_000
MAX_TEXT = 20_000
MEANINGS = (MEANING_APPROVED,)


class NotAllowed(DomainError):
    """The user's role does not allow this action."""

    status = 403
    code = "forbidden"


def _set_status(interaction: Interaction, new: str, at: datetime, reason: str | None = None):
    old = interaction.status
    if old == new:
        return
    on_status_change(interaction, old, new, at)
    interaction.status = new
    record_event(
        "interaction.status_changed",
        "interaction",
        interaction.id,
        old={"status": old},
        new={"status": new},
        reason=reason,
    )


def open_escalation_for(request: InfoRequest) -> Escalation | None:
    """The request's escalation still waiting for a signature, if any."""
    return db.session.scalar(
        select(Escalation).where(Escalation.request_id == request.id, Escalation.status == "open")
    )


def escalate_request(request: InfoRequest, reason: str, user: User) -> Escalation:
    """Send one question to medical review; the case becomes ``escalated``."""
    interaction = request.interaction
    if not user.can(Permission.HANDLE_INTERACTIONS):
        raise NotAllowed("Your role cannot escalate cases.")
    if interaction.status in ("answered", "closed"):
        raise Conflict(f"{interaction.reference} is {interaction.status}; reopen it first.")
    reason = (reason or "").strip()
    if not reason:
        raise ValidationFailed({"reason": "Say why the question needs medical review."})
    if len(reason) > MAX_REASON:
        raise ValidationFailed({"reason": f"Limited to {MAX_REASON} characters."})
    if open_escalation_for(request) is not None:
        raise Conflict("This question is already with medical review.")
    now = utcnow()
    escalation = Escalation(
        interaction_id=interaction.id,
        request_id=request.id,
        reason=reason,
        created_by_id=user.id,
        created_at=now,
        draft_answer=request.answer,
    )
    db.session.add(escalation)
    db.session.flush()
    timer = start_escalation_clock(interaction, escalation.id, request.category, now)
    escalation.due_at = timer.due_at
    _set_status(interaction, "escalated", now)
    record_event(
        "request.escalated",
        "escalation",
        escalation.id,
        new={
            "interaction": interaction.reference,
            "request_id": request.id,
            "reason": reason,
            "due_at": escalation.due_at,
        },
        reason=reason,
    )
    db.session.commit()
    escalation_changed.send(escalation, action="escalated")
    interaction_changed.send(interaction, action="status_changed")
    return escalation


def _require_reviewer(user: User, escalation: Escalation) -> None:
    if not user.can(Permission.REVIEW_ESCALATIONS):
        raise NotAllowed("Only medical reviewers work escalations.")
    if escalation.status != "open":
        raise Conflict("This escalation is already closed.")


def claim_escalation(escalation: Escalation, user: User) -> None:
    """A reviewer takes an escalation from the queue."""
    _require_reviewer(user, escalation)
    if escalation.reviewer_id == user.id:
        return
    old = escalation.reviewer_id
    escalation.reviewer_id = user.id
    record_event(
        "escalation.claimed",
        "escalation",
        escalation.id,
        old={"reviewer_id": old},
        new={"reviewer_id": user.id},
    )
    db.session.commit()
    escalation_changed.send(escalation, action="claimed")


def _check_answer(escalation: Escalation, text: str) -> str:
    text = (text or "").strip()
    if not text:
        raise ValidationFailed({"answer": "Write the answer."})
    if len(text) > MAX_TEXT:
        raise ValidationFailed({"answer": f"Limited to {MAX_TEXT} characters."})
    if escalation.request.category == "off_label" and not escalation.interaction.unsolicited:
        raise DomainError(
            "Off-label information is only given in answer to an unsolicited request.",
            {"answer": "This request was solicited."},
        )
    return text


def save_draft(escalation: Escalation, text: str, user: User) -> None:
    """Write or edit the reviewer's draft answer (not yet the case's answer)."""
    _require_reviewer(user, escalation)
    text = _check_answer(escalation, text)
    old = escalation.draft_answer
    if old == text:
        return
    escalation.draft_answer = text
    escalation.reviewer_id = escalation.reviewer_id or user.id
    record_event(
        "escalation.draft_saved",
        "escalation",
        escalation.id,
        old={"draft_answer": old},
        new={"draft_answer": text},
    )
    db.session.commit()
    escalation_changed.send(escalation, action="answered")


def _refuse(user: User, escalation: Escalation, why: str) -> None:
    record_event(
        "signature.refused", "escalation", escalation.id, new={"signer": user.username, "why": why}
    )


def sign_answer(
    escalation: Escalation,
    user: User,
    password: str,
    answer: str,
    meaning: str = MEANING_APPROVED,
) -> Signature:
    """E-sign the answer: re-enter the password; the signed text becomes the request's answer.

    A wrong password counts toward the login lockout (and is audited); a locked account
    cannot sign.
    """
    if not user.can(Permission.SIGN_RESPONSES):
        raise NotAllowed("Your role cannot sign answers.")
    _require_reviewer(user, escalation)
    if meaning not in MEANINGS:
        raise ValidationFailed({"meaning": "Choose the meaning of the signature."})
    text = _check_answer(escalation, answer)
    now = utcnow()
    if user.is_locked(now):
        _refuse(user, escalation, "locked")
        db.session.commit()
        raise DomainError("Your account is locked after too many wrong passwords; try later.")
    if not verify_password(user.password_hash, password or ""):
        register_failure(user)
        _refuse(user, escalation, "wrong_password")
        db.session.commit()
        raise ValidationFailed({"password": "The password is wrong."}, "The answer was not signed.")
    if user.failed_logins:
        user.failed_logins = 0
    signed_at = now.replace(microsecond=0)
    request = escalation.request
    manifest = kb_manifest(request)
    content = signed_content(
        request, text, meaning=meaning, signer_id=user.id, signed_at=signed_at, kb_versions=manifest
    )
    signature = Signature(
        escalation=escalation,
        request_id=request.id,
        signer_id=user.id,
        signer_name=user.display_name,
        signer_username=user.username,
        meaning=meaning,
        signed_at=signed_at,
        signed_answer=text,
        kb_versions=manifest,
        content_hash=content_hash(content),
    )
    db.session.add(signature)
    old_answer = request.answer
    request.answer, request.answered_at, request.answered_by_id = text, signed_at, user.id
    escalation.status, escalation.closed_at = "signed", signed_at
    escalation.draft_answer, escalation.reviewer_id = text, user.id
    stop_escalation_clock(escalation.id, signed_at)
    db.session.flush()
    record_event(
        "request.answered",
        "request",
        request.id,
        old={"answer": old_answer} if old_answer else None,
        new={"answer": text, "interaction": escalation.interaction.reference, "signed": True},
    )
    record_event(
        "response.signed",
        "signature",
        signature.id,
        new={
            "escalation_id": escalation.id,
            "request_id": request.id,
            "signer": user.username,
            "signer_name": signature.signer_name,
            "meaning": meaning,
            "signed_at": signed_at,
            "content_hash": signature.content_hash,
            "kb_versions": [item["label"] for item in manifest],
        },
    )
    interaction = escalation.interaction
    others = db.session.scalar(
        select(Escalation.id).where(
            Escalation.interaction_id == interaction.id,
            Escalation.status == "open",
            Escalation.id != escalation.id,
        )
    )
    if others is None and interaction.status == "escalated":
        _set_status(interaction, "answered" if interaction.all_answered else "open", signed_at)
    db.session.commit()
    logger.info("escalation %s signed by %s", escalation.id, user.username)
    escalation_changed.send(escalation, action="signed")
    interaction_changed.send(interaction, action="answered")
    return signature


def get_escalation(escalation_id: int) -> Escalation:
    """Load an escalation or raise NotFound."""
    escalation = db.session.get(Escalation, escalation_id)
    if escalation is None:
        raise NotFound(f"No escalation #{escalation_id}.")
    return escalation


def review_queue(user: User, *, mine: bool = False) -> list[Escalation]:
    """Open escalations, the most urgent first (optionally only those this reviewer took)."""
    stmt = select(Escalation).where(Escalation.status == "open")
    if mine:
        stmt = stmt.where(Escalation.reviewer_id == user.id)
    return list(db.session.scalars(stmt.order_by(Escalation.due_at, Escalation.id)))


def escalations_of(interaction: Interaction) -> list[Escalation]:
    """Every escalation of a case, oldest first."""
    return list(
        db.session.scalars(
            select(Escalation)
            .where(Escalation.interaction_id == interaction.id)
            .order_by(Escalation.created_at, Escalation.id)
        )
    )
