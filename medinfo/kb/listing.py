"""Lists for authors and reviewers: every article with its newest version, the review queue."""

from __future__ import annotations

from sqlalchemy import func, select

from medinfo.extensions import db
from medinfo.kb.models import Article, ArticleVersion


def articles_overview() -> list[tuple[Article, ArticleVersion]]:
    """Every article with its newest version, by id (for authors and reviewers)."""
    latest = (
        select(ArticleVersion.article_id, func.max(ArticleVersion.version).label("v"))
        .group_by(ArticleVersion.article_id)
        .subquery()
    )
    rows = db.session.execute(
        select(Article, ArticleVersion)
        .join(ArticleVersion, ArticleVersion.article_id == Article.id)
        .join(
            latest,
            (latest.c.article_id == ArticleVersion.article_id)
            & (latest.c.v == ArticleVersion.version),
        )
        .order_by(Article.id)
    ).all()
    return [(a, v) for a, v in rows]


def in_review() -> list[ArticleVersion]:
    """Versions waiting for a medical reviewer, oldest first."""
    return list(
        db.session.scalars(
            select(ArticleVersion)
            .where(ArticleVersion.status == "in_review")
            .order_by(ArticleVersion.submitted_at)
        )
    )
