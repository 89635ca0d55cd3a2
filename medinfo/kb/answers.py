""" "Use in answer": attaching approved, in-force article versions to a request."""

from __future__ import annotations

from collections.abc import Iterable

from flask_login import current_user
from sqlalchemy import select

from medinfo.audit import record_event
from medinfo.database import utcnow
from medinfo.errors import Conflict, ValidationFailed
from medinfo.extensions import db
from medinfo.interactions.models import InfoRequest
from medinfo.kb.models import ArticleVersion, RequestKbVersion
from medinfo.kb.services import desk_today, visible_version
from medinfo.signals import interaction_changed

MAX_ATTACHED = 20


def parse_version_ids(raw: str | None) -> list[int]:
    """Version ids from a hidden field ("12,15"); anything not a number becomes 0 (refused)."""
    tokens = [t.strip() for t in (raw or "").split(",") if t.strip()]
    return [int(t) if t.isdigit() and len(t) < 12 else 0 for t in tokens]


def usable_versions(ids: Iterable[int]) -> tuple[list[ArticleVersion], str | None]:
    """The versions behind ids when all are approved and in force, else ([], the reason)."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return [], None
    if len(wanted) > MAX_ATTACHED:
        return [], f"At most {MAX_ATTACHED} articles per answer."
    found = {
        v.id: v
        for v in db.session.scalars(select(ArticleVersion).where(ArticleVersion.id.in_(wanted)))
    }
    day = desk_today()
    bad = [str(i) for i in wanted if i not in found or not found[i].is_visible_on(day)]
    if bad:
        return [], "Only approved, in-date knowledge-base articles can be used in an answer."
    return [found[i] for i in wanted], None


def links_for(versions: list[ArticleVersion]) -> list[RequestKbVersion]:
    """New (unsaved) attachment rows for a request being created."""
    user_id = current_user.id if current_user and current_user.is_authenticated else None
    return [RequestKbVersion(version=v, attached_by_id=user_id) for v in versions]


def labels(request: InfoRequest) -> list[str]:
    """The attached versions of a request, for audit snapshots."""
    return [link.version.label for link in getattr(request, "kb_links", [])]


def attach_to_request(request: InfoRequest, ids: Iterable[int]) -> list[RequestKbVersion]:
    """Attach versions to an existing request (from the case page), audited, one commit."""
    interaction = request.interaction
    if interaction.status == "closed":
        raise Conflict(f"{interaction.reference} is closed.")
    versions, problem = usable_versions(ids)
    if problem:
        raise ValidationFailed({"kb_versions": problem})
    if not versions:
        raise ValidationFailed({"kb_versions": "Choose an article to use in the answer."})
    already = {link.version_id for link in request.kb_links}
    new = [v for v in versions if v.id not in already]
    if not new:
        raise Conflict("That article version is already attached to this answer.")
    links = links_for(new)
    for link in links:
        link.attached_at = utcnow()
        request.kb_links.append(link)
    db.session.flush()
    record_event(
        "request.kb_attached",
        "request",
        request.id,
        new={"interaction": interaction.reference, "kb_versions": [v.label for v in new]},
    )
    db.session.commit()
    interaction_changed.send(interaction, action="kb_attached")
    return links


def find_usable_version(article_id: str) -> ArticleVersion | None:
    """The version of an article that may be used in an answer today."""
    return visible_version((article_id or "").strip().upper())
