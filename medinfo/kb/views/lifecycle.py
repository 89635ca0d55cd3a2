"""Writing, reviewing, approving and retiring article versions; diffs; the expiring list."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from medinfo.catalog.services import list_products
from medinfo.errors import DomainError, ValidationFailed
from medinfo.extensions import db
from medinfo.forms import apply_field_errors
from medinfo.kb import listing, services
from medinfo.kb.forms import ActionForm, ArticleForm, RetireForm, VersionForm
from medinfo.kb.models import ArticleVersion
from medinfo.kb.views import bp
from medinfo.permissions import Permission, permission_required, require


def _version(version_id: int) -> ArticleVersion:
    return db.session.get(ArticleVersion, version_id) or abort(404)


def _to_article(version: ArticleVersion, number: int | None = None):
    return redirect(
        url_for("kb.article", article_id=version.article_id, version=number or version.version)
    )


@bp.get("/manage")
@permission_required(Permission.SEARCH_KB)
def manage():
    """Authors' and reviewers' desk: every article, the review queue, what expires soon."""
    require(services.can_manage_kb(current_user))
    return render_template(
        "kb/manage.html",
        rows=listing.articles_overview(),
        queue=listing.in_review(),
        expiring=services.expiring_versions(),
        days=services.EXPIRING_DAYS,
        today=services.desk_today(),
        can_author=current_user.can(Permission.AUTHOR_KB),
    )


@bp.route("/new", methods=["GET", "POST"])
@permission_required(Permission.AUTHOR_KB)
def new_article():
    """Write a new article (its first version is a draft)."""
    form = ArticleForm()
    form.product.choices = [(p.name, p.name) for p in list_products()]
    if form.validate_on_submit():
        data = services.ArticleData(
            id=form.article_id.data or "",
            product=form.product.data,
            language=form.language.data,
            doc_type=form.doc_type.data,
            content=form.to_data(),
        )
        try:
            version = services.create_article(data, current_user)
        except ValidationFailed as exc:
            db.session.rollback()
            apply_field_errors(form, exc.fields, aliases={"id": "article_id"})
        else:
            flash(_("Draft %(label)s saved.", label=version.label), "success")
            return _to_article(version)
    return render_template("kb/edit.html", form=form, article=None)


@bp.route("/articles/<article_id>/versions/new", methods=["GET", "POST"])
@permission_required(Permission.AUTHOR_KB)
def new_version(article_id: str):
    """Start the next version, prefilled from the newest one."""
    article = services.get_article(article_id)
    latest = services.version_history(article)[0]
    form = VersionForm()
    if request.method == "GET":
        form.title.data, form.body.data = latest.title, latest.body
        form.keywords.data = ", ".join(latest.keywords or [])
        form.references.data = "\n".join(latest.references or [])
        form.effective.data, form.expires.data = latest.effective, latest.expires
    elif form.validate_on_submit():
        try:
            version = services.create_version(article, form.to_data(), current_user)
        except DomainError as exc:
            db.session.rollback()
            apply_field_errors(form, exc.fields)
            if not exc.fields:
                form.form_errors.append(exc.message)
        else:
            flash(_("Draft %(label)s saved.", label=version.label), "success")
            return _to_article(version)
    return render_template("kb/edit.html", form=form, article=article)


def _step(version_id: int, action, success: str, form=None):
    version = _version(version_id)
    form = form or ActionForm()
    if not form.validate_on_submit():
        abort(400)
    try:
        action(version)
    except DomainError as exc:
        db.session.rollback()
        flash(" ".join([exc.message, *exc.fields.values()]), "error")
    else:
        flash(success % {"label": version.label}, "success")
    return _to_article(version)


@bp.post("/versions/<int:version_id>/submit")
@permission_required(Permission.AUTHOR_KB)
def submit(version_id: int):
    """Send a draft for medical review."""
    return _step(
        version_id,
        lambda v: services.submit_for_review(v, current_user),
        _("%(label)s sent for review."),
    )


@bp.post("/versions/<int:version_id>/approve")
@permission_required(Permission.APPROVE_KB)
def approve(version_id: int):
    """Approve a version under review (it supersedes the previous approved one)."""
    return _step(
        version_id,
        lambda v: services.approve_version(v, current_user),
        _("%(label)s approved: agents now see it."),
    )


@bp.post("/versions/<int:version_id>/retire")
@permission_required(Permission.APPROVE_KB)
def retire(version_id: int):
    """Retire a version, with the reason."""
    form = RetireForm()
    return _step(
        version_id,
        lambda v: services.retire_version(v, current_user, form.reason.data or ""),
        _("%(label)s retired."),
        form,
    )


@bp.get("/articles/<article_id>/diff")
@permission_required(Permission.SEARCH_KB)
def diff(article_id: str):
    """What changed between two versions (?a=old&b=new, version numbers)."""
    require(services.can_manage_kb(current_user))
    article = services.get_article(article_id)
    by_number = {v.version: v for v in article.versions}
    newest = max(by_number, default=0)
    b = by_number.get(request.args.get("b", newest, type=int))
    a = by_number.get(request.args.get("a", (b.version - 1) if b else 0, type=int))
    if a is None or b is None:
        abort(404)
    return render_template(
        "kb/diff.html",
        article=article,
        diff=services.diff_versions(a, b),
        numbers=sorted(by_number),
    )
