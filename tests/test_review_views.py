"""Escalation and signing through the pages; what each role may do."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from medinfo.interactions.models import InfoRequest, Interaction
from medinfo.review.models import Escalation, Signature
from tests.conftest import PASSWORD


@pytest.fixture
def escalated(logged_in, make_interaction, db):
    """A case whose first question an agent escalated through the case page."""
    agent = logged_in("agent")
    case = make_interaction()
    resp = agent.post(
        f"/review/requests/{case.requests[0].id}/escalate",
        data={"reason": "Pregnancy: needs a physician"},
    )
    assert resp.status_code == 302
    db.session.expire_all()
    escalation = db.session.scalars(select(Escalation)).one()
    return agent, case, escalation


def test_case_page_offers_escalation_and_shows_the_countdown(logged_in, make_interaction):
    agent = logged_in("agent")
    case = make_interaction()
    page = agent.get(f"/cases/{case.id}")
    assert page.status_code == 200
    assert "Escalate to medical review" in page.text
    assert 'class="sla sla-' in page.text and "business time" in page.text
    assert "→ escalated" not in page.text  # only through the reasoned form


def test_escalation_without_reason_is_refused(logged_in, make_interaction, db):
    agent = logged_in("agent")
    case = make_interaction()
    resp = agent.post(f"/review/requests/{case.requests[0].id}/escalate", data={"reason": ""})
    assert resp.status_code == 302
    assert db.session.scalar(select(Escalation.id)) is None
    assert db.session.get(Interaction, case.id).status == "open"


def test_reviewer_signs_from_the_review_page(escalated, logged_in, db):
    agent, case, escalation = escalated
    reviewer = logged_in("medical_reviewer")
    queue = reviewer.get("/review/")
    assert queue.status_code == 200 and case.reference in queue.text
    page = reviewer.get(f"/review/{escalation.id}")
    assert page.status_code == 200 and "approved as medically accurate" in page.text
    assert reviewer.post(f"/review/{escalation.id}/claim").status_code == 302
    wrong = reviewer.post(
        f"/review/{escalation.id}/sign",
        data={"answer": "Not in pregnancy.", "confirm": "y", "password": "nope-nope-nope"},
    )
    assert wrong.status_code == 422 and "The password is wrong." in wrong.text
    unconfirmed = reviewer.post(
        f"/review/{escalation.id}/sign", data={"answer": "Not in pregnancy.", "password": PASSWORD}
    )
    assert unconfirmed.status_code == 422
    assert db.session.scalar(select(Signature.id)) is None
    ok = reviewer.post(
        f"/review/{escalation.id}/sign",
        data={"answer": "Not in pregnancy.", "confirm": "y", "password": PASSWORD},
    )
    assert ok.status_code == 302
    db.session.expire_all()
    assert db.session.get(InfoRequest, case.requests[0].id).answer == "Not in pregnancy."
    signer = db.session.get(type(reviewer.user), reviewer.user.id)
    assert signer.failed_logins == 0  # the wrong attempt counted, the good signature reset it
    shown = agent.get(f"/cases/{case.id}")
    assert "VALID signature" in shown.text and "INVALID" not in shown.text
    assert reviewer.user.display_name in shown.text and " UTC" in shown.text
    assert "approved as medically accurate" in shown.text
    # the agent corrects the signed answer → the signature shows INVALID
    agent.post(
        f"/cases/{case.id}/requests/{case.requests[0].id}/answer",
        data={"answer": "Edited after signing.", "reason": "Rephrased"},
    )
    shown = agent.get(f"/cases/{case.id}")
    assert "INVALID signature" in shown.text


def test_wrong_password_on_the_page_counts_toward_lockout(escalated, logged_in, db):
    _agent, _case, escalation = escalated
    reviewer = logged_in("medical_reviewer")
    for _ in range(5):
        reviewer.post(
            f"/review/{escalation.id}/sign",
            data={"answer": "A.", "confirm": "y", "password": "nope-nope-nope"},
        )
    db.session.expire_all()
    user = db.session.get(type(reviewer.user), reviewer.user.id)
    assert user.failed_logins == 5 and user.locked_until is not None


@pytest.mark.parametrize("role", ["agent", "auditor", "pv_officer", "admin"])
def test_only_reviewers_work_and_sign(escalated, logged_in, role, db):
    _agent, _case, escalation = escalated
    other = logged_in(role)
    assert other.get("/review/").status_code == 403
    assert other.get(f"/review/{escalation.id}").status_code == 403
    data = {"answer": "A.", "confirm": "y", "password": PASSWORD}
    assert other.post(f"/review/{escalation.id}/sign", data=data).status_code == 403
    assert other.post(f"/review/{escalation.id}/draft", data={"answer": "A"}).status_code == 403
    assert other.post(f"/review/{escalation.id}/claim").status_code == 403
    assert db.session.scalar(select(Signature.id)) is None


def test_auditor_reads_but_changes_nothing(escalated, logged_in, db):
    _agent, case, _escalation = escalated
    auditor = logged_in("auditor")
    page = auditor.get(f"/cases/{case.id}")
    assert page.status_code == 200 and "Pregnancy: needs a physician" in page.text
    assert "Escalate to medical review" not in page.text
    posts = [
        (f"/review/requests/{case.requests[0].id}/escalate", {"reason": "x"}),
        (f"/routing/interactions/{case.id}/reassign", {"queue": "general", "reason": "x"}),
        ("/routing/availability", {"available": "y"}),
        ("/routing/queues/new", {"key": "q", "name": "Q"}),
        ("/routing/policies/new", {"name": "p", "clock": "request", "target_minutes": 5}),
    ]
    for url, data in posts:
        assert auditor.post(url, data=data).status_code == 403, url
    assert auditor.get("/routing/board").status_code == 200


def _approved_article(article_id, author, approver):
    from datetime import timedelta

    kb = pytest.importorskip("medinfo.kb.services")
    today = kb.desk_today()
    content = kb.VersionData(
        "Renal dosing",
        "Reduce the dose in renal impairment. " * 5,
        today - timedelta(days=1),
        today + timedelta(days=365),
        ["renal"],
        ["Data on file."],
    )
    version = kb.create_article(
        kb.ArticleData(article_id, "Cardiolex", "en", "srd", content), author
    )
    kb.submit_for_review(version, author)
    kb.approve_version(version, approver)
    return version


def test_reviewer_attaches_kb_versions_bound_into_the_signature(
    escalated, logged_in, make_user, db
):
    from medinfo.review.signing import is_valid

    _agent, case, escalation = escalated
    reviewer = logged_in("medical_reviewer")
    _approved_article("SRD-CLX-RENAL-EN", make_user("medical_reviewer"), reviewer.user)
    resp = reviewer.post(f"/review/{escalation.id}/kb", data={"article_id": "srd-clx-renal-en"})
    assert resp.status_code == 302
    page = reviewer.get(f"/review/{escalation.id}")
    assert "SRD-CLX-RENAL-EN v1" in page.text
    reviewer.post(
        f"/review/{escalation.id}/sign",
        data={"answer": "Reduce the dose.", "confirm": "y", "password": PASSWORD},
    )
    db.session.expire_all()
    signature = db.session.scalars(select(Signature)).one()
    assert [v["label"] for v in signature.kb_versions] == ["SRD-CLX-RENAL-EN v1"]
    assert is_valid(signature)
    # attaching another article to the signed answer changes the signed content
    from medinfo.kb.answers import attach_to_request

    other = _approved_article("SRD-CLX-PREG-EN", make_user("medical_reviewer"), reviewer.user)
    attach_to_request(db.session.get(InfoRequest, case.requests[0].id), [other.id])
    db.session.expire_all()
    assert not is_valid(db.session.get(Signature, signature.id))
