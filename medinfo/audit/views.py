"""The audit trail, read-only, for auditors and admins."""

from __future__ import annotations

from flask import Blueprint, render_template, request
from sqlalchemy import select

from medinfo.audit.chain import verify_chain
from medinfo.audit.models import AuditEvent
from medinfo.extensions import db
from medinfo.permissions import Permission, permission_required

bp = Blueprint("audit", __name__, url_prefix="/audit")


@bp.get("/")
@permission_required(Permission.VIEW_AUDIT)
def index():
    """Events newest first, filtered by action, entity and user."""
    stmt = select(AuditEvent).order_by(AuditEvent.seq.desc())
    action = request.args.get("action", "").strip()[:64]
    entity = request.args.get("entity", "").strip()[:64]
    user = request.args.get("user", "").strip()[:64]
    if action:
        stmt = stmt.where(AuditEvent.action.startswith(action))
    if entity:
        kind, _, ident = entity.partition(":")
        stmt = stmt.where(AuditEvent.entity_type == kind)
        if ident:
            stmt = stmt.where(AuditEvent.entity_id == ident)
    if user:
        stmt = stmt.where(AuditEvent.username == user)
    page = db.paginate(
        stmt, page=request.args.get("page", 1, type=int), per_page=50, error_out=False
    )
    return render_template("audit/index.html", page=page, action=action, entity=entity, user=user)


@bp.get("/verify")
@permission_required(Permission.VIEW_AUDIT)
def verify():
    """Check the whole chain now and show the result."""
    return render_template("audit/verify.html", result=verify_chain())
