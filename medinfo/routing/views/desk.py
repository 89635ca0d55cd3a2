"""The queue board (cases of my queues with SLA countdowns), availability and reassignment."""

from __future__ import annotations

from flask import abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select

from medinfo.database import utcnow
from medinfo.errors import DomainError
from medinfo.extensions import db
from medinfo.interactions.models import Interaction
from medinfo.permissions import Permission, can_edit_interaction, permission_required, require
from medinfo.routing import assignment
from medinfo.routing.forms import AvailabilityForm, ReassignForm
from medinfo.routing.models import AgentProfile, Queue, QueueMember
from medinfo.routing.sla import countdowns_for
from medinfo.routing.views import bp


@bp.get("/board")
@permission_required(Permission.VIEW_INTERACTIONS)
def board():
    """Open cases of a queue (default: my queues), the most urgent first, with countdowns."""
    queues = list(db.session.scalars(select(Queue).where(Queue.active).order_by(Queue.name)))
    mine = set(
        db.session.scalars(
            select(Queue.key)
            .join(QueueMember, QueueMember.queue_id == Queue.id)
            .where(QueueMember.user_id == current_user.id)
        )
    )
    chosen = request.args.get("queue", "")
    keys = {chosen} if chosen else (mine or {q.key for q in queues})
    cases = db.session.scalars(
        select(Interaction)
        .where(Interaction.queue.in_(keys), Interaction.status.not_in(("answered", "closed")))
        .order_by(Interaction.sla_due_at.is_(None), Interaction.sla_due_at, Interaction.id)
        .limit(200)
    ).all()
    now = utcnow()
    profile = db.session.get(AgentProfile, current_user.id)
    can_work = assignment.can_work(current_user)
    return render_template(
        "routing/board.html",
        queues=queues,
        chosen=chosen,
        my_queues=sorted(mine),
        cases=cases,
        countdowns=countdowns_for([c.id for c in cases], now),
        available=bool(profile and profile.available),
        can_set_availability=can_work,
        availability_form=AvailabilityForm(),
    )


@bp.post("/availability")
@permission_required(Permission.HANDLE_INTERACTIONS)
def availability():
    """Go available for assignment, or step away."""
    form = AvailabilityForm()
    if form.validate_on_submit():
        assignment.set_availability(current_user, bool(form.available.data))
        flash(
            _("You are available for new cases.") if form.available.data else _("You are away."),
            "success",
        )
    return redirect(url_for("routing.board"))


@bp.post("/interactions/<int:interaction_id>/reassign")
@permission_required(Permission.HANDLE_INTERACTIONS)
def reassign(interaction_id: int):
    """Move a case to another queue and/or person."""
    interaction = db.session.get(Interaction, interaction_id) or abort(404)
    require(can_edit_interaction(current_user, interaction))
    form = ReassignForm()
    back = redirect(url_for("interactions.show", interaction_id=interaction.id))
    if not form.validate_on_submit():
        flash(_("Say why the case is reassigned."), "error")
        return back
    try:
        assignment.reassign(
            interaction,
            owner_id=form.owner_id.data or None,
            queue_key=form.queue.data or interaction.queue,
            reason=form.reason.data,
        )
    except DomainError as exc:
        db.session.rollback()
        flash(" ".join([exc.message, *exc.fields.values()]), "error")
    else:
        flash(_("Case reassigned."), "success")
    return back
