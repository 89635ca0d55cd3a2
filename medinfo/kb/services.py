"""Article lifecycle: draft → in_review → approved → retired, each step audited.

Every function checks the business rules, changes state, writes one audit event, commits once,
then (for approvals and retirements) sends `article_changed` and refreshes the search index.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from flask import current_app
from sqlalchemy import func, select

from medinfo.audit import record_event
from medinfo.audit.chain import Actor
from medinfo.auth.models import User
from medinfo.catalog.services import find_product
from medinfo.database import utcnow
from medinfo.errors import Conflict, DomainError, NotFound, ValidationFailed
from medinfo.extensions import db
from medinfo.kb.models import DOC_TYPES, LANGUAGES, Article, ArticleVersion
from medinfo.kb.rendering import DiffLine, body_hash, diff_lines
from medinfo.permissions import Permission
from medinfo.signals import article_changed

logger = logging.getLogger(__name__)

MAX_TITLE = 300
MAX_BODY = 200_000
EXPIRING_DAYS = 30


class Forbidden(DomainError):
    """The user may not take this step in the lifecycle."""

    status = 403
    code = "forbidden"


@dataclass
class VersionData:
    """The content of one version, as a form, the importer or the API gives it."""

    title: str
    body: str
    effective: date | None
    expires: date | None
    keywords: list[str] = field(default_factory=list)
    references: list[str] = field(default_factory=list)


@dataclass
class ArticleData:
    """A new article: its stable id, where it belongs, and its first version."""

    id: str
    product: str
    language: str
    doc_type: str
    content: VersionData


def desk_today() -> date:
    """Today's date in the desk's time zone (effective and expiry dates are desk dates)."""
    tz = ZoneInfo(current_app.config.get("BABEL_DEFAULT_TIMEZONE", "UTC"))
    return utcnow().astimezone(tz).date()


def can_manage_kb(user: User) -> bool:
    """Authors and approvers see every version; everybody else only approved, in-date ones."""
    return bool(user and user.is_authenticated) and (
        user.can(Permission.AUTHOR_KB) or user.can(Permission.APPROVE_KB)
    )


def get_article(article_id: str) -> Article:
    """Load an article by its stable id or raise NotFound."""
    article = db.session.get(Article, (article_id or "").strip()[:64])
    if article is None:
        raise NotFound(f"No article {article_id!r}.")
    return article


def get_version(version_id: int) -> ArticleVersion:
    """Load a version by its database id or raise NotFound."""
    version = db.session.get(ArticleVersion, version_id)
    if version is None:
        raise NotFound(f"No article version #{version_id}.")
    return version


def visible_version(article_id: str, day: date | None = None) -> ArticleVersion | None:
    """The approved version in force on `day` (today by default), if any."""
    day = day or desk_today()
    return db.session.scalar(
        select(ArticleVersion)
        .where(
            ArticleVersion.article_id == article_id,
            ArticleVersion.visible_on(day),
        )
        .order_by(ArticleVersion.version.desc())
        .limit(1)
    )


def visible_versions(day: date | None = None) -> list[ArticleVersion]:
    """Every version agents may see on `day` (the search index holds exactly these)."""
    day = day or desk_today()
    return list(
        db.session.scalars(
            select(ArticleVersion)
            .where(
                ArticleVersion.visible_on(day),
            )
            .order_by(ArticleVersion.article_id)
        )
    )


def check_content(data: VersionData) -> dict[str, str]:
    """Field errors of a version's content (empty when it is fine)."""
    errors: dict[str, str] = {}
    if not (data.title or "").strip():
        errors["title"] = "A title is required."
    elif len(data.title.strip()) > MAX_TITLE:
        errors["title"] = f"Limited to {MAX_TITLE} characters."
    if not (data.body or "").strip():
        errors["body"] = "The body is required."
    elif len(data.body) > MAX_BODY:
        errors["body"] = f"Limited to {MAX_BODY} characters."
    if data.effective is None:
        errors["effective"] = "Give the date from which the version may be used."
    if data.expires is None:
        errors["expires"] = "Give the date at which the version must be reviewed."
    elif data.effective is not None and data.expires <= data.effective:
        errors["expires"] = "The expiry date must be after the effective date."
    return errors


def _clean_list(values: list[str]) -> list[str]:
    return list(dict.fromkeys(v.strip() for v in values if v and v.strip()))


def snapshot(v: ArticleVersion) -> dict:
    """The audited fields of a version."""
    return {
        "article": v.article_id,
        "version": v.version,
        "title": v.title,
        "status": v.status,
        "effective": v.effective,
        "expires": v.expires,
        "body_hash": v.body_hash,
    }


def new_version_row(article: Article, number: int, data: VersionData, **fields) -> ArticleVersion:
    """An unsaved version of `article` holding `data` (shared with the importer)."""
    return ArticleVersion(
        article=article,
        version=number,
        title=data.title.strip(),
        body=data.body,
        keywords=_clean_list(data.keywords),
        references=_clean_list(data.references),
        effective=data.effective,
        expires=data.expires,
        body_hash=body_hash(data.body),
        **fields,
    )


def _require(user: User, permission: Permission, message: str) -> None:
    if not user.can(permission):
        raise Forbidden(message)


def create_article(data: ArticleData, user: User) -> ArticleVersion:
    """Create an article and its first version as a draft."""
    _require(user, Permission.AUTHOR_KB, "Only knowledge-base authors create articles.")
    errors = check_content(data.content)
    article_id = (data.id or "").strip().upper()
    if not article_id or len(article_id) > 64 or not article_id.replace("-", "").isalnum():
        errors["id"] = "Use letters, digits and hyphens (e.g. SRD-CLX-RENAL-EN)."
    elif db.session.get(Article, article_id) is not None:
        errors["id"] = f"An article {article_id} already exists."
    product = find_product(data.product or "")
    if product is None:
        errors["product"] = "Choose a product."
    if data.language not in LANGUAGES:
        errors["language"] = "Language must be en or fr."
    if data.doc_type not in DOC_TYPES:
        errors["doc_type"] = f"Document type must be one of: {', '.join(DOC_TYPES)}."
    if errors:
        raise ValidationFailed(errors)
    article = Article(
        id=article_id, product=product, language=data.language, doc_type=data.doc_type
    )
    db.session.add(article)
    version = new_version_row(article, 1, data.content, status="draft", author_id=user.id)
    db.session.add(version)
    db.session.flush()
    record_event("kb.article_created", "kb_article", article.id, new=snapshot(version))
    db.session.commit()
    return version


def create_version(article: Article, data: VersionData, user: User) -> ArticleVersion:
    """Start the next version of an article as a draft (one unfinished version at a time)."""
    _require(user, Permission.AUTHOR_KB, "Only knowledge-base authors write new versions.")
    if errors := check_content(data):
        raise ValidationFailed(errors)
    pending = [v for v in article.versions if v.status in ("draft", "in_review")]
    if pending:
        raise Conflict(
            f"{pending[0].label} is still {pending[0].status.replace('_', ' ')}: "
            "finish or retire it first."
        )
    number = (
        db.session.scalar(
            select(func.max(ArticleVersion.version)).where(ArticleVersion.article_id == article.id)
        )
        or 0
    ) + 1
    version = new_version_row(article, number, data, status="draft", author_id=user.id)
    db.session.add(version)
    db.session.flush()
    record_event("kb.version_created", "kb_version", version.id, new=snapshot(version))
    db.session.commit()
    return version


def submit_for_review(version: ArticleVersion, user: User) -> None:
    """Send a draft to a medical reviewer."""
    _require(user, Permission.AUTHOR_KB, "Only knowledge-base authors submit for review.")
    if version.status != "draft":
        raise Conflict(f"{version.label} is {version.status}, not a draft.")
    version.status = "in_review"
    version.submitted_at = utcnow()
    record_event(
        "kb.version_submitted",
        "kb_version",
        version.id,
        old={"status": "draft"},
        new={"status": "in_review", "article": version.article_id, "version": version.version},
    )
    db.session.commit()


def approve_version(version: ArticleVersion, user: User) -> list[ArticleVersion]:
    """Approve a version under review; it supersedes (retires) the previously approved one."""
    _require(user, Permission.APPROVE_KB, "Only medical reviewers approve articles.")
    if version.status != "in_review":
        raise Conflict(f"{version.label} is {version.status.replace('_', ' ')}, not in review.")
    if version.author_id is not None and version.author_id == user.id:
        raise Forbidden("The author of a version cannot approve it: ask another medical reviewer.")
    if errors := check_content(
        VersionData(version.title, version.body, version.effective, version.expires)
    ):
        raise ValidationFailed(errors)
    now = utcnow()
    others = [v for v in version.article.versions if v.id != version.id]
    superseded = retire_superseded(others, version.version, now)
    version.status, version.approver_id, version.approved_at = "approved", user.id, now
    record_event(
        "kb.version_approved",
        "kb_version",
        version.id,
        old={"status": "in_review"},
        new=snapshot(version) | {"approver": user.username},
    )
    db.session.commit()
    after_change(version, "approved")
    return superseded


def retire_superseded(
    versions: list[ArticleVersion], by_version: int, now: datetime, actor: Actor | None = None
) -> list[ArticleVersion]:
    """Retire the approved ones among ``versions``, superseded by ``by_version``; audited."""
    superseded = [v for v in versions if v.status == "approved"]
    for old in superseded:
        old.status, old.retired_at = "retired", now
        record_event(
            "kb.version_superseded",
            "kb_version",
            old.id,
            old={"status": "approved"},
            new={"status": "retired", "superseded_by": by_version},
            actor=actor,
        )
    return superseded


def retire_version(version: ArticleVersion, user: User, reason: str = "") -> None:
    """Withdraw a version (approved content, or a draft that will not be finished)."""
    _require(user, Permission.APPROVE_KB, "Only medical reviewers retire articles.")
    if version.status == "retired":
        raise Conflict(f"{version.label} is already retired.")
    if not (reason or "").strip():
        raise ValidationFailed({"reason": "Say why the version is retired."})
    old = version.status
    version.status, version.retired_at = "retired", utcnow()
    record_event(
        "kb.version_retired",
        "kb_version",
        version.id,
        old={"status": old},
        new={"status": "retired", "article": version.article_id, "version": version.version},
        reason=reason.strip()[:500],
    )
    db.session.commit()
    if old == "approved":
        after_change(version, "retired")


def after_change(version: ArticleVersion, action: str) -> None:
    """After commit: tell listeners, and bring the article's index entry up to date."""
    from medinfo.kb import indexing

    article_changed.send(version, action=action)
    indexing.refresh_articles([version.article_id])


def version_history(article: Article) -> list[ArticleVersion]:
    """Every version of an article, newest first."""
    return sorted(article.versions, key=lambda v: v.version, reverse=True)


@dataclass(frozen=True)
class VersionDiff:
    """What changed between two versions of an article."""

    old: ArticleVersion
    new: ArticleVersion
    title_changed: bool
    dates_changed: bool
    keywords_added: list[str]
    keywords_removed: list[str]
    body: list[DiffLine]


def diff_versions(old: ArticleVersion, new: ArticleVersion) -> VersionDiff:
    """A readable comparison of two versions of the same article."""
    if old.article_id != new.article_id:
        raise ValidationFailed({"b": "Compare two versions of the same article."})
    return VersionDiff(
        old=old,
        new=new,
        title_changed=old.title != new.title,
        dates_changed=(old.effective, old.expires) != (new.effective, new.expires),
        keywords_added=[k for k in new.keywords if k not in old.keywords],
        keywords_removed=[k for k in old.keywords if k not in new.keywords],
        body=diff_lines(old.body, new.body),
    )


def expiring_versions(days: int = EXPIRING_DAYS, day: date | None = None) -> list[ArticleVersion]:
    """Approved versions in force that expire within `days` days, soonest first."""
    day = day or desk_today()
    return list(
        db.session.scalars(
            select(ArticleVersion)
            .where(
                ArticleVersion.visible_on(day),
                ArticleVersion.expires <= day + timedelta(days=days),
            )
            .order_by(ArticleVersion.expires, ArticleVersion.article_id)
        )
    )
