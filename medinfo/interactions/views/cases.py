"""The case list, one case, and the actions on it."""

from __future__ import annotations

from datetime import timedelta

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from medinfo.database import utcnow
from medinfo.errors import DomainError
from medinfo.extensions import db
from medinfo.forms import apply_field_errors
from medinfo.interactions import services
from medinfo.interactions.forms import AnswerForm, CallForm, ScreeningForm, StatusForm
from medinfo.interactions.models import STATUSES, InfoRequest, Interaction
from medinfo.interactions.views import bp
from medinfo.permissions import (
    Permission,
    can_edit_interaction,
    can_view_interaction,
    permission_required,
    require,
)
from medinfo.routing.panel import case_panel
from medinfo.safety.services import reports_for


@bp.get("/")
@permission_required(Permission.VIEW_INTERACTIONS)
def index():
    """Cases, filtered by status, owner and reference."""
    status = request.args.get("status", "")
    mine = request.args.get("mine") == "1"
    ref = request.args.get("ref", "").strip()[:30]
    stmt = select(Interaction).order_by(Interaction.received_at.desc())
    if status in STATUSES:
        stmt = stmt.where(Interaction.status == status)
    elif status == "":
        stmt = stmt.where(Interaction.status != "closed")
    if mine:
        stmt = stmt.where(Interaction.owner_id == current_user.id)
    if ref:
        stmt = stmt.where(Interaction.reference.ilike(f"%{ref}%"))
    page = db.paginate(
        stmt, page=request.args.get("page", 1, type=int), per_page=30, error_out=False
    )
    return render_template(
        "interactions/index.html",
        page=page,
        status=status,
        mine=mine,
        ref=ref,
        statuses=STATUSES,
        now=utcnow(),
    )


def _load(interaction_id: int) -> Interaction:
    interaction = db.session.get(Interaction, interaction_id) or abort(404)
    require(can_view_interaction(current_user, interaction))
    return interaction


@bp.get("/<int:interaction_id>")
@permission_required(Permission.VIEW_INTERACTIONS)
def show(interaction_id: int):
    """One case: its requests, answers, calls and actions."""
    interaction = _load(interaction_id)
    can_edit = can_edit_interaction(current_user, interaction)
    return render_template(
        "interactions/show.html",
        interaction=interaction,
        can_edit=can_edit,
        next_statuses=sorted(services.TRANSITIONS[interaction.status] - {"closed", "escalated"}),
        can_close=interaction.status == "answered",
        call_form=CallForm(),
        answer_form=AnswerForm(),
        status_form=StatusForm(),
        screening_form=ScreeningForm(ae_screening=interaction.ae_screening),
        now=utcnow(),
        panel=case_panel(interaction, current_user, utcnow()),
        safety_reports=reports_for(interaction.id),
        can_report=current_user.can(Permission.REPORT_SAFETY)
        and (interaction.status != "closed" or current_user.can(Permission.PROCESS_SAFETY)),
    )


def _editable(interaction_id: int) -> Interaction:
    interaction = _load(interaction_id)
    require(can_edit_interaction(current_user, interaction))
    return interaction


def _back(interaction: Interaction):
    return redirect(url_for("interactions.show", interaction_id=interaction.id))


def _run(action, interaction: Interaction, success: str, form=None):
    """Run a service; show its refusal as a message instead of an error page."""
    try:
        action()
    except DomainError as exc:
        db.session.rollback()
        if form is not None:
            apply_field_errors(form, exc.fields)
        flash(" ".join([exc.message, *exc.fields.values()]), "error")
    else:
        flash(success, "success")
    return _back(interaction)


@bp.post("/<int:interaction_id>/calls")
@permission_required(Permission.HANDLE_INTERACTIONS)
def add_call(interaction_id: int):
    """Log a further call."""
    interaction = _editable(interaction_id)
    form = CallForm()
    if not form.validate_on_submit():
        flash(_("The call was not logged: check the fields."), "error")
        return _back(interaction)
    now = utcnow()
    minutes = max(0, min(form.minutes.data or 0, 600))
    data = services.CallData(
        started_at=now - timedelta(minutes=minutes),
        ended_at=now,
        ani=form.ani.data or "",
        notes=form.notes.data or "",
        outcome=form.outcome.data,
        direction=form.direction.data,
    )
    return _run(lambda: services.log_call(interaction, data), interaction, _("Call logged."))


@bp.post("/<int:interaction_id>/requests/<int:request_id>/answer")
@permission_required(Permission.HANDLE_INTERACTIONS)
def answer(interaction_id: int, request_id: int):
    """Record an answer to one question."""
    interaction = _editable(interaction_id)
    info = db.session.get(InfoRequest, request_id)
    if info is None or info.interaction_id != interaction.id:
        abort(404)
    form = AnswerForm()
    if not form.validate_on_submit():
        flash(_("Type the answer first."), "error")
        return _back(interaction)
    return _run(
        lambda: services.answer_request(info, form.answer.data, form.reason.data),
        interaction,
        _("Answer recorded."),
    )


@bp.post("/<int:interaction_id>/status")
@permission_required(Permission.HANDLE_INTERACTIONS)
def status(interaction_id: int):
    """Move the case to another status (closing has its own checks)."""
    interaction = _editable(interaction_id)
    form = StatusForm()
    if not form.validate_on_submit():
        abort(400)
    return _run(
        lambda: services.change_status(interaction, form.status.data, form.reason.data),
        interaction,
        _("Status updated."),
    )


@bp.post("/<int:interaction_id>/screening")
@permission_required(Permission.HANDLE_INTERACTIONS)
def screening(interaction_id: int):
    """Record the AE screening answer."""
    interaction = _editable(interaction_id)
    form = ScreeningForm()
    if not form.validate_on_submit():
        flash(_("Answer yes or no."), "error")
        return _back(interaction)
    return _run(
        lambda: services.record_ae_screening(interaction, form.ae_screening.data),
        interaction,
        _("Screening answer recorded."),
    )
