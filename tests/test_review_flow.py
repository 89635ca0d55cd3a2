"""Escalation to medical review and e-signatures: flow, validity, lockout, permissions."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from medinfo.audit import verify_chain
from medinfo.audit.models import AuditEvent
from medinfo.errors import Conflict, DomainError, ValidationFailed
from medinfo.interactions import services
from medinfo.review import services as review
from medinfo.review.models import MEANING_APPROVED, Escalation, Signature
from medinfo.review.signing import is_valid, signed_content
from medinfo.routing.models import SlaTimer
from medinfo.signals import escalation_changed
from tests.conftest import PASSWORD


@pytest.fixture
def case(make_interaction):
    """An open case with two questions."""
    return make_interaction(questions=2)


@pytest.fixture
def people(make_user):
    """An agent, a medical reviewer and an auditor."""
    return make_user("agent"), make_user("medical_reviewer"), make_user("auditor")


def _actions(db) -> list[str]:
    return list(db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)))


def test_escalate_review_and_sign(case, people, db):
    agent, reviewer, _auditor = people
    heard = []

    def listener(sender, **kw):
        heard.append((type(sender).__name__, kw["action"]))

    escalation_changed.connect(listener)
    try:
        escalation = review.escalate_request(case.requests[0], "Renal impairment dosing", agent)
        assert case.status == "escalated" and escalation.status == "open"
        assert review.review_queue(reviewer) == [escalation]
        review.claim_escalation(escalation, reviewer)
        review.save_draft(escalation, "Reduce the dose to 5 mg.", reviewer)
        signature = review.sign_answer(
            escalation, reviewer, PASSWORD, "Reduce the dose to 5 mg daily."
        )
    finally:
        escalation_changed.disconnect(listener)
    assert heard == [
        ("Escalation", "escalated"),
        ("Escalation", "claimed"),
        ("Escalation", "answered"),
        ("Escalation", "signed"),
    ]
    request = case.requests[0]
    assert request.answer == "Reduce the dose to 5 mg daily."
    assert request.answered_by_id == reviewer.id
    assert signature.signer_name == reviewer.display_name
    assert signature.meaning == MEANING_APPROVED == "approved as medically accurate"
    assert signature.signed_at.tzinfo is not None and signature.signed_at.microsecond == 0
    assert len(signature.content_hash) == 64 and is_valid(signature)
    # one of two questions answered → back to open; escalation clock stopped
    assert case.status == "open" and escalation.status == "signed"
    timer = db.session.scalars(
        select(SlaTimer).where(SlaTimer.escalation_id == escalation.id)
    ).one()
    assert timer.stopped_at == signature.signed_at
    assert review.review_queue(reviewer) == []
    actions = _actions(db)
    for action in (
        "request.escalated",
        "escalation.claimed",
        "escalation.draft_saved",
        "request.answered",
        "response.signed",
    ):
        assert action in actions
    assert verify_chain().ok


def test_signing_the_last_escalation_of_an_answered_case_marks_it_answered(
    make_interaction, people
):
    agent, reviewer, _ = people
    case = make_interaction()
    escalation = review.escalate_request(case.requests[0], "Off-label question", agent)
    review.sign_answer(escalation, reviewer, PASSWORD, "Signed answer.")
    assert case.status == "answered"


def test_signature_becomes_invalid_when_the_answer_changes(case, people, db):
    agent, reviewer, _ = people
    escalation = review.escalate_request(case.requests[0], "Check", agent)
    signature = review.sign_answer(escalation, reviewer, PASSWORD, "Signed text.")
    assert is_valid(signature)
    services.answer_request(case.requests[0], "Edited text.", reason="Typo")
    db.session.expire_all()
    signature = db.session.get(Signature, signature.id)
    assert not is_valid(signature)
    services.answer_request(case.requests[0], "Signed text.", reason="Back")
    assert is_valid(db.session.get(Signature, signature.id))


def test_tampering_with_the_signature_record_invalidates_it(case, people, db):
    agent, reviewer, _ = people
    escalation = review.escalate_request(case.requests[0], "Check", agent)
    signature = review.sign_answer(escalation, reviewer, PASSWORD, "Signed text.")
    signature.signed_at = signature.signed_at - timedelta(days=1)
    assert not is_valid(signature)
    db.session.rollback()
    signature = db.session.get(Signature, signature.id)
    signature.signer_id = agent.id
    assert not is_valid(signature)


def test_hash_is_sha256_of_the_canonical_content(case, people):
    import hashlib

    agent, reviewer, _ = people
    escalation = review.escalate_request(case.requests[0], "Check", agent)
    signature = review.sign_answer(escalation, reviewer, PASSWORD, "Signed text.")
    content = signed_content(
        case.requests[0],
        "Signed text.",
        meaning=MEANING_APPROVED,
        signer_id=reviewer.id,
        signed_at=signature.signed_at,
        kb_versions=[],
    )
    assert b'"answer":"Signed text."' in content and b'"meaning":"approved' in content
    assert signature.content_hash == hashlib.sha256(content).hexdigest()


def test_wrong_password_counts_and_locks_after_five(case, people, db, app):
    agent, reviewer, _ = people
    escalation = review.escalate_request(case.requests[0], "Check", agent)
    for attempt in range(1, 6):
        with pytest.raises(ValidationFailed) as exc:
            review.sign_answer(escalation, reviewer, "wrong-password", "Answer.")
        assert "password" in exc.value.fields
        db.session.refresh(reviewer)
        assert reviewer.failed_logins == attempt
    assert reviewer.is_locked(datetime.now(UTC))
    with pytest.raises(DomainError, match="locked"):
        review.sign_answer(escalation, reviewer, PASSWORD, "Answer.")
    assert db.session.scalar(select(Signature.id)) is None
    assert case.requests[0].answer is None
    actions = _actions(db)
    assert actions.count("auth.failed_password") == 5
    assert actions.count("signature.refused") == 6
    # the same lock refuses the login form too
    client = app.test_client()
    resp = client.post("/login", data={"username": reviewer.username, "password": PASSWORD})
    assert resp.status_code == 401


def test_agent_and_auditor_cannot_sign_or_review(case, people, make_user):
    agent, _reviewer, auditor = people
    escalation = review.escalate_request(case.requests[0], "Check", agent)
    for user in (agent, auditor):
        with pytest.raises(review.NotAllowed):
            review.sign_answer(escalation, user, PASSWORD, "Answer.")
        with pytest.raises(review.NotAllowed):
            review.save_draft(escalation, "Answer.", user)
    with pytest.raises(review.NotAllowed):
        review.escalate_request(case.requests[1], "Check", auditor)


def test_escalation_rules(case, people, db):
    agent, reviewer, _ = people
    with pytest.raises(ValidationFailed):
        review.escalate_request(case.requests[0], "   ", agent)
    escalation = review.escalate_request(case.requests[0], "Check", agent)
    with pytest.raises(Conflict):
        review.escalate_request(case.requests[0], "Again", agent)
    second = review.escalate_request(case.requests[1], "Second question", agent)
    assert case.status == "escalated"
    review.sign_answer(escalation, reviewer, PASSWORD, "First.")
    assert case.status == "escalated"  # the second escalation is still open
    with pytest.raises(Conflict):
        review.sign_answer(escalation, reviewer, PASSWORD, "Again.")
    review.sign_answer(second, reviewer, PASSWORD, "Second.")
    assert case.status == "answered"
    with pytest.raises(Conflict):
        review.escalate_request(case.requests[0], "Answered case", agent)
    assert db.session.scalar(select(Escalation).where(Escalation.status == "open")) is None


def test_off_label_answer_to_a_solicited_request_cannot_be_signed(make_interaction, people):
    agent, reviewer, _ = people
    case = make_interaction(category="off_label", unsolicited=False)
    escalation = review.escalate_request(case.requests[0], "Off-label", agent)
    with pytest.raises(DomainError, match="unsolicited"):
        review.sign_answer(escalation, reviewer, PASSWORD, "Off-label answer.")


def test_escalation_clock_uses_the_escalation_policy(case, people, db):
    from medinfo.routing import admin

    agent, _reviewer, _ = people
    admin.save_policy(admin.PolicyData("Review in 2h", "escalation", 120, warn_minutes=30))
    escalation = review.escalate_request(case.requests[0], "Check", agent)
    timer = db.session.scalars(
        select(SlaTimer).where(SlaTimer.escalation_id == escalation.id)
    ).one()
    assert timer.target_seconds == 7200 and timer.warn_seconds == 1800
    assert escalation.due_at == timer.due_at
    request_timer = db.session.scalars(
        select(SlaTimer).where(SlaTimer.interaction_id == case.id, SlaTimer.kind == "request")
    ).one()
    assert request_timer.target_seconds == 18 * 3600  # built-in: the request clock is separate
