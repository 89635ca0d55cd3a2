"""The live desk's texts for desk.js, in the user's language (JavaScript has no gettext)."""

from __future__ import annotations

from flask import Blueprint, jsonify
from flask_babel import gettext as _

from medinfo.permissions import authenticated

bp = Blueprint("realtime", __name__, url_prefix="/live")


def _actions() -> dict[str, str]:
    """What happened, for the toasts: the signals' action codes as words ("action.<code>")."""
    words = {
        "opened": _("opened"),
        "call_logged": _("call logged"),
        "status_changed": _("status changed"),
        "answered": _("answered"),
        "closed": _("closed"),
        "kb_attached": _("article attached"),
        "escalated": _("escalated"),
        "claimed": _("claimed"),
        "signed": _("signed"),
        "created": _("created"),
        "resubmitted": _("resubmitted"),
        "transferred": _("transferred"),
        "transfer_failed": _("transfer failed"),
        "requeued": _("requeued"),
        "acknowledged": _("acknowledged"),
        "rejected": _("returned to the agent"),
        "follow_up_requested": _("follow-up requested"),
        "follow_up_done": _("follow-up done"),
        "approved": _("approved"),
        "retired": _("retired"),
    }
    return {f"action.{code}": word for code, word in words.items()}


def labels() -> dict[str, str]:
    """Every string desk.js shows, translated."""
    return _actions() | {
        "close": _("Close"),
        "incoming_call": _("Incoming call"),
        "call_answered": _("Call answered"),
        "call_ended": _("Call ended"),
        "unknown_caller": _("Unknown number: no contact has it."),
        "several_matches": _("Several contacts have this number."),
        "new_contact_intake": _("New caller: open the intake"),
        "intake_with_caller": _("Take the call"),
        "open_contact": _("Open the record"),
        "recent_history": _("Recent history"),
        "no_history": _("No earlier contact."),
        "new_case": _("New case %(ref)s in queue %(queue)s"),
        "case_changed": _("Case %(ref)s changed (%(action)s)"),
        "case_assigned": _("Case %(ref)s assigned"),
        "escalation": _("Escalation %(action)s: %(ref)s"),
        "safety_report": _("Safety report %(ref)s: %(action)s"),
        "due_soon": _("Due soon: %(ref)s"),
        "overdue": _("Overdue: %(ref)s"),
        "due_soon_many": _("%(n)s items due soon"),
        "overdue_many": _("%(n)s items overdue"),
        "article": _("Article %(action)s: %(title)s"),
        "reload": _("Reload"),
        "page_stale": _("This page has changed since it was loaded."),
        "also_viewing": _("Also viewing: %(names)s"),
        "is_editing": _("%(name)s is editing this case."),
        "offline": _("Live updates lost; reconnecting…"),
        "open": _("Open"),
    }


@bp.get("/labels")
@authenticated
def live_labels():
    """The texts of the live desk in the user's language."""
    return jsonify(labels())
