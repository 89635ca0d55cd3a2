"""Searching and reading articles; attaching one to an answer from the case page."""

from __future__ import annotations

from flask import abort, flash, jsonify, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from medinfo.catalog.services import list_products
from medinfo.errors import DomainError
from medinfo.extensions import db
from medinfo.interactions.models import InfoRequest
from medinfo.kb import answers, services
from medinfo.kb.forms import DOC_TYPE_LABELS, ActionForm, AttachForm, RetireForm
from medinfo.kb.indexing import search_articles
from medinfo.kb.models import DOC_TYPES, LANGUAGES, ArticleVersion
from medinfo.kb.rendering import render_markdown
from medinfo.kb.views import bp
from medinfo.permissions import Permission, can_edit_interaction, permission_required, require


def search_filters() -> dict[str, str | None]:
    """The language / product / doc type filters of the query string, validated."""
    language = request.args.get("language") or None
    doc_type = request.args.get("doc_type") or None
    product = (request.args.get("product") or "").strip()[:100] or None
    return {
        "language": language if language in LANGUAGES else None,
        "doc_type": doc_type if doc_type in DOC_TYPES else None,
        "product": product,
    }


@bp.get("/")
@permission_required(Permission.SEARCH_KB)
def search():
    """The knowledge-base search page."""
    q = request.args.get("q", "").strip()[:512]
    filters = search_filters()
    found = search_articles(q, limit=25, **filters) if q else None
    return render_template(
        "kb/search.html",
        q=q,
        filters=filters,
        found=found,
        products=list_products(),
        doc_types=DOC_TYPE_LABELS,
        can_manage=services.can_manage_kb(current_user),
    )


@bp.get("/articles/<article_id>")
@permission_required(Permission.SEARCH_KB)
def article(article_id: str):
    """One article: agents read the version in force; authors and reviewers any version."""
    art = services.get_article(article_id)
    manager = services.can_manage_kb(current_user)
    versions = services.version_history(art)
    shown = services.visible_version(art.id)
    wanted = request.args.get("version", type=int)
    if manager:
        if wanted is not None:
            shown = next((v for v in versions if v.version == wanted), None)
        else:
            shown = shown or (versions[0] if versions else None)
    elif wanted is not None and (shown is None or shown.version != wanted):
        shown = None
    if shown is None:
        abort(404)
    return render_template(
        "kb/article.html",
        article=art,
        version=shown,
        body_html=render_markdown(shown.body),
        in_force=shown.is_visible_on(services.desk_today()),
        versions=versions if manager else [],
        can_manage=manager,
        can_author=current_user.can(Permission.AUTHOR_KB),
        can_approve=current_user.can(Permission.APPROVE_KB),
        action_form=ActionForm(),
        retire_form=RetireForm(),
    )


@bp.get("/versions.json")
@permission_required(Permission.SEARCH_KB)
def version_labels():
    """Labels of the given version ids that may be used in an answer (for the intake chips)."""
    ids = answers.parse_version_ids(request.args.get("ids", ""))[: answers.MAX_ATTACHED]
    day = services.desk_today()
    rows = []
    for version_id in ids:
        v = db.session.get(ArticleVersion, version_id) if version_id else None
        if v is not None and v.is_visible_on(day):
            rows.append(
                {
                    "version_id": v.id,
                    "id": v.article_id,
                    "version": v.version,
                    "title": v.title,
                    "url": url_for("kb.article", article_id=v.article_id),
                }
            )
    return jsonify({"versions": rows})


@bp.post("/requests/<int:request_id>/attach")
@permission_required(Permission.HANDLE_INTERACTIONS)
def attach(request_id: int):
    """Use an article's version in force in the answer to one request (case page)."""
    info = db.session.get(InfoRequest, request_id) or abort(404)
    require(can_edit_interaction(current_user, info.interaction))
    form = AttachForm()
    back = redirect(url_for("interactions.show", interaction_id=info.interaction_id))
    if not form.validate_on_submit():
        flash(_("Give the article id."), "error")
        return back
    version = answers.find_usable_version(form.article_id.data or "")
    try:
        if version is None:
            raise DomainError(
                _("No approved, in-date article %(id)s.", id=(form.article_id.data or "")[:64])
            )
        answers.attach_to_request(info, [version.id])
    except DomainError as exc:
        db.session.rollback()
        flash(" ".join([exc.message, *exc.fields.values()]), "error")
    else:
        flash(_("%(label)s attached to the answer.", label=version.label), "success")
    return back
