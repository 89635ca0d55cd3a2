"""Article lifecycle services: drafts, review, approval by another reviewer, supersede, retire."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from tests.test_kb_import import kb, kb_index  # noqa: F401  (fixtures, used by name)


def content(title="Cardiolex: renal dosing", body="Line one.\nLine two.\n", **kw):
    """VersionData in force from yesterday for a year."""
    from medinfo.kb.services import VersionData, desk_today

    today = desk_today()
    values = {
        "title": title,
        "body": body,
        "effective": today - timedelta(days=1),
        "expires": today + timedelta(days=365),
        "keywords": ["rein"],
        "references": ["Data on file."],
    }
    values.update(kw)
    return VersionData(**values)


@pytest.fixture
def authors(make_user):
    """Two medical reviewers (who author and approve) and an agent."""
    return make_user("medical_reviewer"), make_user("medical_reviewer"), make_user("agent")


def draft(author, article_id="SRD-CLX-RENAL-EN", **kw):
    """A new article's first version, as a draft."""
    from medinfo.kb.services import ArticleData, create_article

    return create_article(ArticleData(article_id, "Cardiolex", "en", "srd", content(**kw)), author)


def approved(author, approver, **kw):
    """A new article whose first version is approved."""
    from medinfo.kb.services import approve_version, submit_for_review

    v = draft(author, **kw)
    submit_for_review(v, author)
    approve_version(v, approver)
    return v


@pytest.mark.usefixtures("kb_index")
def test_draft_review_approve_with_author_refused_and_audited(app, db, products, authors):
    from medinfo.audit.chain import verify_chain
    from medinfo.audit.models import AuditEvent
    from medinfo.kb.services import Forbidden, approve_version, submit_for_review, visible_version

    author, reviewer, _agent = authors
    v = draft(author)
    assert v.status == "draft" and v.version == 1 and v.author_id == author.id
    assert visible_version(v.article_id) is None
    submit_for_review(v, author)
    with pytest.raises(Forbidden, match="author of a version cannot approve"):
        approve_version(v, author)
    db.session.rollback()
    assert v.status == "in_review"
    approve_version(v, reviewer)
    assert (v.status, v.approver_id) == ("approved", reviewer.id) and v.approved_at
    assert visible_version(v.article_id).id == v.id
    actions = db.session.scalars(select(AuditEvent.action).order_by(AuditEvent.seq)).all()
    assert [a for a in actions if a.startswith("kb.")] == [
        "kb.article_created",
        "kb.version_submitted",
        "kb.version_approved",
    ]
    assert verify_chain().ok


def test_roles_without_the_permission_are_refused(app, db, products, authors, make_user):
    from medinfo.kb.services import (
        Forbidden,
        approve_version,
        create_version,
        retire_version,
        submit_for_review,
    )

    author, _reviewer, agent = authors
    with pytest.raises(Forbidden):
        draft(agent)
    v = draft(author)
    with pytest.raises(Forbidden):
        create_version(v.article, content(), agent)
    with pytest.raises(Forbidden):
        submit_for_review(v, agent)
    submit_for_review(v, author)
    admin = make_user("admin")  # may author, may not approve
    with pytest.raises(Forbidden):
        approve_version(v, admin)
    with pytest.raises(Forbidden):
        retire_version(v, agent, "no")


@pytest.mark.usefixtures("kb_index")
def test_approving_a_new_version_supersedes_the_old_one_and_updates_the_index(
    app, db, products, authors
):
    from medinfo.kb.indexing import search_articles
    from medinfo.kb.services import (
        approve_version,
        create_version,
        submit_for_review,
        version_history,
        visible_version,
    )
    from medinfo.signals import article_changed

    author, reviewer, _ = authors
    v1 = approved(author, reviewer, body="Give half the dose in oliguria.")
    assert [h.hit.version for h in search_articles("oliguria").hits] == [1]
    v2 = create_version(v1.article, content(body="Stop in anuria."), author)
    assert v2.version == 2 and v2.status == "draft"
    assert visible_version(v1.article_id).id == v1.id  # the draft changes nothing yet
    submit_for_review(v2, author)
    seen = []
    with article_changed.connected_to(lambda sender, action: seen.append((sender.label, action))):
        superseded = approve_version(v2, reviewer)
    assert [v.id for v in superseded] == [v1.id]
    assert seen == [("SRD-CLX-RENAL-EN v2", "approved")]
    assert (v1.status, v2.status) == ("retired", "approved")
    assert [v.version for v in version_history(v1.article)] == [2, 1]
    assert visible_version(v1.article_id).id == v2.id
    assert search_articles("oliguria").hits == ()
    assert [h.hit.version for h in search_articles("anuria").hits] == [2]


def test_one_unfinished_version_at_a_time_and_state_rules(app, db, products, authors):
    from medinfo.errors import Conflict, ValidationFailed
    from medinfo.kb.services import (
        approve_version,
        create_version,
        retire_version,
        submit_for_review,
    )

    author, reviewer, _ = authors
    v1 = draft(author)
    with pytest.raises(Conflict, match="still draft"):
        create_version(v1.article, content(), author)
    with pytest.raises(Conflict, match="not in review"):
        approve_version(v1, reviewer)
    submit_for_review(v1, author)
    with pytest.raises(Conflict, match="not a draft"):
        submit_for_review(v1, author)
    with pytest.raises(ValidationFailed) as exc:
        retire_version(v1, reviewer, "  ")
    assert "reason" in exc.value.fields
    retire_version(v1, reviewer, "Superseded by a new SRD.")
    assert v1.status == "retired"
    with pytest.raises(Conflict, match="already retired"):
        retire_version(v1, reviewer, "again")
    bad = content(expires=content().effective)
    with pytest.raises(ValidationFailed) as exc:
        create_version(v1.article, bad, author)
    assert exc.value.fields == {"expires": "The expiry date must be after the effective date."}


@pytest.mark.usefixtures("kb_index")
def test_retiring_the_approved_version_removes_it_from_search(app, db, products, authors):
    from medinfo.kb.indexing import search_articles
    from medinfo.kb.services import retire_version, visible_version

    author, reviewer, _ = authors
    v = approved(author, reviewer, body="Nephrotoxicity is not expected.")
    assert len(search_articles("nephrotoxicity").hits) == 1
    retire_version(v, reviewer, "Withdrawn after the label change.")
    assert visible_version(v.article_id) is None
    assert search_articles("nephrotoxicity").hits == ()


@pytest.mark.parametrize(
    ("status", "shift_effective", "shift_expires"),
    [
        ("draft", -1, 30),
        ("in_review", -1, 30),
        ("retired", -1, 30),
        ("approved", -30, 0),  # expires today: no longer in force
        ("approved", 1, 30),  # not yet effective
    ],
)
def test_agents_never_see_versions_out_of_force(
    app, db, products, authors, status, shift_effective, shift_expires
):
    from medinfo.kb.services import desk_today, visible_version, visible_versions

    author, reviewer, _ = authors
    today = desk_today()
    v = draft(
        author,
        effective=today + timedelta(days=shift_effective),
        expires=today + timedelta(days=shift_expires),
    )
    v.status = status
    db.session.commit()
    assert visible_version(v.article_id) is None
    assert v not in visible_versions()
    assert not v.is_visible_on(today)


def test_diff_between_versions_is_readable(app, db, products, authors):
    from medinfo.kb.services import create_version, diff_versions, retire_version

    author, reviewer, _ = authors
    v1 = draft(author, body="# Dose\n\nOne tablet.\nWith food.\n")
    retire_version(v1, reviewer, "rewrite")
    v2 = create_version(
        v1.article,
        content(
            title="Cardiolex: renal dosing (updated)",
            body="# Dose\n\nTwo tablets.\nWith food.\n",
            keywords=["rein", "dialyse"],
        ),  # fmt: skip
        author,
    )
    d = diff_versions(v1, v2)
    assert d.title_changed and d.keywords_added == ["dialyse"] and d.keywords_removed == []
    kinds = [(line.kind, line.text) for line in d.body]
    assert ("removed", "One tablet.") in kinds and ("added", "Two tablets.") in kinds
    assert ("same", "With food.") in kinds


@pytest.mark.usefixtures("kb_index")
def test_expiring_within_30_days(app, db, products, authors):
    from medinfo.kb.services import desk_today, expiring_versions

    author, reviewer, _ = authors
    today = desk_today()
    soon = approved(author, reviewer, article_id="SRD-A-EN", expires=today + timedelta(days=10))
    approved(author, reviewer, article_id="SRD-B-EN", expires=today + timedelta(days=40))
    draft(author, article_id="SRD-C-EN", expires=today + timedelta(days=5))  # not in force
    last = approved(author, reviewer, article_id="SRD-D-EN", expires=today + timedelta(days=30))
    assert [v.article_id for v in expiring_versions()] == [soon.article_id, last.article_id]


@pytest.mark.usefixtures("kb")
def test_demo_expiring_articles_on_the_demo_date(app):
    from datetime import date

    from medinfo.kb.services import expiring_versions

    ids = [v.article_id for v in expiring_versions(day=date(2026, 11, 23))]
    assert ids == ["FAQ-NRV-MISSED-EN", "FAQ-DMV-CONS-FR"]


def test_markdown_is_rendered_and_sanitised():
    from medinfo.kb.rendering import render_markdown

    html = render_markdown(
        "## Dose\n\n<script>alert(1)</script>\n\n**bold** [x](javascript:alert(1))\n\n"
        "| a | b |\n|---|---|\n| 1 | 2 |\n"
    )
    assert "<h2>Dose</h2>" in html and "<strong>bold</strong>" in html and "<td>1</td>" in html
    assert "<script>" not in html and 'href="javascript' not in html
