"""The review queue, one escalation (draft, KB, signing) and escalating from the case page."""

from __future__ import annotations

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user

from medinfo.database import utcnow
from medinfo.errors import DomainError
from medinfo.extensions import db
from medinfo.forms import apply_field_errors
from medinfo.interactions.models import InfoRequest
from medinfo.permissions import (
    Permission,
    can_edit_interaction,
    can_view_interaction,
    permission_required,
    require,
)
from medinfo.review import services
from medinfo.review.forms import AttachKbForm, ClaimForm, DraftForm, EscalateForm, SignForm
from medinfo.review.models import Escalation
from medinfo.review.signing import is_valid
from medinfo.routing.sla import countdowns_for

bp = Blueprint("review", __name__, url_prefix="/review")


def _kb_available() -> bool:
    try:
        import medinfo.kb.answers  # noqa: F401
    except ImportError:
        return False
    return True


@bp.get("/")
@permission_required(Permission.REVIEW_ESCALATIONS)
def queue():
    """Open escalations, the most urgent first."""
    mine = request.args.get("mine") == "1"
    rows = services.review_queue(current_user, mine=mine)
    now = utcnow()
    ids = {e.interaction_id for e in rows}
    return render_template(
        "review/queue.html",
        escalations=rows,
        mine=mine,
        clocks=countdowns_for(ids, now, kind="escalation"),
        claim_form=ClaimForm(),
    )


def _load(escalation_id: int) -> Escalation:
    escalation = db.session.get(Escalation, escalation_id) or abort(404)
    require(can_view_interaction(current_user, escalation.interaction))
    return escalation


def _page(escalation: Escalation, draft: DraftForm | None = None, sign: SignForm | None = None):
    now = utcnow()
    clocks = countdowns_for([escalation.interaction_id], now, kind="escalation")
    is_open = escalation.status == "open"
    answer = escalation.draft_answer or escalation.request.answer or ""
    return render_template(
        "review/escalation.html",
        escalation=escalation,
        clock=clocks.get(escalation.id),
        draft_form=draft or DraftForm(answer=answer),
        sign_form=sign or SignForm(answer=answer),
        kb_form=AttachKbForm(),
        claim_form=ClaimForm(),
        kb_links=getattr(escalation.request, "kb_links", []),
        kb_available=_kb_available(),
        can_work=is_open and current_user.can(Permission.REVIEW_ESCALATIONS),
        can_sign=is_open and current_user.can(Permission.SIGN_RESPONSES),
        signatures=[(s, is_valid(s)) for s in escalation.signatures],
    )


@bp.get("/<int:escalation_id>")
@permission_required(Permission.REVIEW_ESCALATIONS)
def show(escalation_id: int):
    """One escalation: the case, the question, the reason, the draft and signing."""
    return _page(_load(escalation_id))


def _back(escalation: Escalation):
    return redirect(url_for("review.show", escalation_id=escalation.id))


@bp.post("/<int:escalation_id>/claim")
@permission_required(Permission.REVIEW_ESCALATIONS)
def claim(escalation_id: int):
    """Take an escalation."""
    escalation = _load(escalation_id)
    if ClaimForm().validate_on_submit():
        try:
            services.claim_escalation(escalation, current_user)
        except DomainError as exc:
            db.session.rollback()
            flash(exc.message, "error")
    return _back(escalation)


@bp.post("/<int:escalation_id>/draft")
@permission_required(Permission.REVIEW_ESCALATIONS)
def draft(escalation_id: int):
    """Save the reviewer's draft answer."""
    escalation = _load(escalation_id)
    form = DraftForm()
    if form.validate_on_submit():
        try:
            services.save_draft(escalation, form.answer.data, current_user)
        except DomainError as exc:
            db.session.rollback()
            apply_field_errors(form, exc.fields)
        else:
            flash(_("Draft saved."), "success")
            return _back(escalation)
    return _page(escalation, draft=form), 422


@bp.post("/<int:escalation_id>/sign")
@permission_required(Permission.SIGN_RESPONSES)
def sign(escalation_id: int):
    """E-sign the answer with the password re-entered."""
    escalation = _load(escalation_id)
    form = SignForm()
    if form.validate_on_submit():
        try:
            services.sign_answer(
                escalation, current_user, form.password.data, form.answer.data, form.meaning.data
            )
        except DomainError as exc:
            db.session.rollback()
            apply_field_errors(form, exc.fields)
            if not exc.fields:
                form.form_errors.append(exc.message)
        else:
            flash(_("Answer signed."), "success")
            return _back(escalation)
    form.password.data = ""
    return _page(escalation, sign=form), 422


@bp.post("/<int:escalation_id>/kb")
@permission_required(Permission.REVIEW_ESCALATIONS)
def attach_kb(escalation_id: int):
    """Attach the in-force version of a KB article to the request's answer."""
    escalation = _load(escalation_id)
    form = AttachKbForm()
    if not _kb_available() or escalation.status != "open":
        abort(409)
    from medinfo.kb.answers import attach_to_request, find_usable_version

    if form.validate_on_submit():
        version = find_usable_version(form.article_id.data)
        if version is None:
            flash(_("No approved, in-date version of that article."), "error")
            return _back(escalation)
        try:
            attach_to_request(escalation.request, [version.id])
        except DomainError as exc:
            db.session.rollback()
            flash(" ".join([exc.message, *exc.fields.values()]), "error")
        else:
            flash(_("Article attached."), "success")
    return _back(escalation)


@bp.post("/requests/<int:request_id>/escalate")
@permission_required(Permission.HANDLE_INTERACTIONS)
def escalate(request_id: int):
    """Escalate one question of a case to medical review (from the case page)."""
    info = db.session.get(InfoRequest, request_id) or abort(404)
    interaction = info.interaction
    require(can_edit_interaction(current_user, interaction))
    form = EscalateForm()
    if not form.validate_on_submit():
        flash(_("Say why the question needs medical review."), "error")
    else:
        try:
            services.escalate_request(info, form.reason.data, current_user)
        except DomainError as exc:
            db.session.rollback()
            flash(" ".join([exc.message, *exc.fields.values()]), "error")
        else:
            flash(_("Escalated to medical review."), "success")
    return redirect(url_for("interactions.show", interaction_id=interaction.id))
