"""What the case page shows about routing, SLA clocks, escalations and signatures."""

from __future__ import annotations

from datetime import datetime

from flask_babel import gettext as _
from sqlalchemy import select

from medinfo.auth.models import User
from medinfo.extensions import db
from medinfo.interactions.models import Interaction
from medinfo.permissions import Permission, can_edit_interaction
from medinfo.review.forms import EscalateForm
from medinfo.review.services import escalations_of
from medinfo.review.signing import is_valid
from medinfo.routing.assignment import can_work
from medinfo.routing.forms import ReassignForm
from medinfo.routing.models import Queue
from medinfo.routing.sla import countdowns_for


def case_panel(interaction: Interaction, user: User, now: datetime) -> dict:
    """Template values for the case page's routing/SLA/review panel (decided here, not there)."""
    can_edit = can_edit_interaction(user, interaction)
    escalations = escalations_of(interaction)
    form = ReassignForm(queue=interaction.queue, owner_id=interaction.owner_id or 0)
    queues = list(db.session.scalars(select(Queue).where(Queue.active).order_by(Queue.name)))
    form.queue.choices = [(q.key, q.name) for q in queues]
    if interaction.queue not in {q.key for q in queues}:
        form.queue.choices.insert(0, (interaction.queue, interaction.queue))
    workers = db.session.scalars(select(User).where(User.active).order_by(User.username))
    form.owner_id.choices = [(0, _("Unassigned"))] + [
        (u.id, u.display_name) for u in workers if can_work(u)
    ]
    open_requests = {e.request_id for e in escalations if e.status == "open"}
    return {
        "sla": countdowns_for([interaction.id], now).get(interaction.id),
        "escalation_clocks": countdowns_for([interaction.id], now, kind="escalation"),
        "escalations": escalations,
        "signature_valid": {s.id: is_valid(s) for e in escalations for s in e.signatures},
        "reassign_form": form,
        "escalate_form": EscalateForm(),
        "can_reassign": can_edit,
        "can_escalate": can_edit
        and user.can(Permission.HANDLE_INTERACTIONS)
        and interaction.status in ("open", "pending_info", "escalated"),
        "escalatable": [r for r in interaction.requests if r.id not in open_requests],
        "can_review": user.can(Permission.REVIEW_ESCALATIONS),
    }
