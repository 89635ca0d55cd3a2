"""Home: what this user should look at first."""

from __future__ import annotations

from flask import Blueprint, redirect, render_template, url_for
from flask_login import current_user
from sqlalchemy import func, select

from medinfo.database import utcnow
from medinfo.extensions import db
from medinfo.interactions.models import Interaction
from medinfo.permissions import Permission, authenticated, public

bp = Blueprint("main", __name__)


@bp.get("/")
@authenticated
def home():
    """A short dashboard: my open cases, overdue cases, counts by status."""
    if not current_user.can(Permission.VIEW_INTERACTIONS):
        return redirect(url_for("auth.account"))
    now = utcnow()
    counts = dict(
        db.session.execute(
            select(Interaction.status, func.count()).group_by(Interaction.status)
        ).all()
    )
    mine = db.session.scalars(
        select(Interaction)
        .where(Interaction.owner_id == current_user.id, Interaction.status != "closed")
        .order_by(Interaction.sla_due_at)
        .limit(10)
    ).all()
    overdue = db.session.scalars(
        select(Interaction)
        .where(
            Interaction.status.in_(("open", "pending_info", "escalated")),
            Interaction.sla_due_at < now,
        )
        .order_by(Interaction.sla_due_at)
        .limit(10)
    ).all()
    return render_template(
        "main/home.html",
        counts=counts,
        mine=mine,
        overdue=overdue,
        now=now,
        can_take_calls=current_user.can(Permission.HANDLE_INTERACTIONS),
    )


@bp.get("/healthz")
@public
def healthz():
    """Liveness probe for supervisors: the app answers and the database is reachable."""
    db.session.execute(select(1))
    return {"status": "ok"}
