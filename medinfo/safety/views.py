"""Safety pages: the PV queue, one report, adding and correcting reports, PV actions."""

from __future__ import annotations

from dataclasses import dataclass

from flask import Blueprint, abort, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from medinfo.catalog.services import list_products
from medinfo.database import utcnow
from medinfo.errors import DomainError
from medinfo.extensions import db
from medinfo.forms import apply_field_errors
from medinfo.interactions.models import Interaction
from medinfo.permissions import Permission, can_view_interaction, permission_required, require
from medinfo.safety import services
from medinfo.safety.data import ProductData
from medinfo.safety.forms import (
    AcknowledgeForm,
    FollowUpDoneForm,
    FollowUpRequestForm,
    RejectForm,
    SafetyReportForm,
    fields_to_data,
    fill_fields,
)
from medinfo.safety.minimum import CRITERION_LABELS, MinimumCriteria, minimum_criteria
from medinfo.safety.models import OPEN_STATUSES, STATUSES, FollowUpTask, OutboxMessage, SafetyReport
from medinfo.safety.outbox import retry_message

bp = Blueprint("safety", __name__, url_prefix="/safety")


@dataclass(frozen=True)
class QueueRow:
    """One line of the PV queue, with what the template shows precomputed."""

    report: SafetyReport
    criteria: MinimumCriteria
    overdue: bool
    open_follow_ups: int


def product_choices() -> list[tuple[str, str]]:
    """Products for the suspect-product select."""
    return [("", "—")] + [(p.name, p.name) for p in list_products()]


@bp.get("/")
@permission_required(Permission.PROCESS_SAFETY)
def queue():
    """Reports not yet acknowledged, earliest deadline first; overdue ones marked."""
    status = request.args.get("status", "")
    stmt = select(SafetyReport).options(
        selectinload(SafetyReport.products), selectinload(SafetyReport.follow_ups),
        selectinload(SafetyReport.interaction),
    )  # fmt: skip
    if status in STATUSES:
        stmt = stmt.where(SafetyReport.status == status)
    else:
        stmt = stmt.where(SafetyReport.status.in_(OPEN_STATUSES))
    page = db.paginate(
        stmt.order_by(SafetyReport.due_at, SafetyReport.id),
        page=request.args.get("page", 1, type=int),
        per_page=50,
        error_out=False,
    )
    now = utcnow()
    rows = [
        QueueRow(r, minimum_criteria(r), r.is_overdue(now),
                 sum(t.status == "open" for t in r.follow_ups))
        for r in page.items
    ]  # fmt: skip
    return render_template(
        "safety/queue.html",
        rows=rows,
        page=page,
        status=status,
        statuses=STATUSES,
        overdue_count=sum(row.overdue for row in rows),
    )


@bp.get("/returned")
@permission_required(Permission.REPORT_SAFETY)
def returned():
    """Reports PV returned to this user, and open follow-ups on reports they wrote."""
    reports = db.session.scalars(
        select(SafetyReport)
        .where(SafetyReport.status == "rejected", SafetyReport.created_by_id == current_user.id)
        .order_by(SafetyReport.due_at)
    ).all()
    tasks = db.session.scalars(
        select(FollowUpTask)
        .join(SafetyReport)
        .where(FollowUpTask.status == "open", SafetyReport.created_by_id == current_user.id)
        .order_by(FollowUpTask.created_at)
    ).all()
    return render_template("safety/returned.html", reports=reports, tasks=tasks)


def _load(report_id: int) -> SafetyReport:
    report = db.session.get(SafetyReport, report_id) or abort(404)
    require(can_view_interaction(current_user, report.interaction))
    return report


def _back(report: SafetyReport):
    return redirect(url_for("safety.show", report_id=report.id))


@bp.get("/reports/<int:report_id>")
@permission_required(Permission.VIEW_SAFETY)
def show(report_id: int):
    """One report: its fields, minimum criteria, deadline, transfer and follow-ups."""
    report = _load(report_id)
    now = utcnow()
    criteria = minimum_criteria(report)
    can_process = current_user.can(Permission.PROCESS_SAFETY)
    can_report = current_user.can(Permission.REPORT_SAFETY)
    return render_template(
        "safety/show.html",
        report=report,
        criteria=[(CRITERION_LABELS[name], ok) for name, ok in criteria.as_dict().items()],
        criteria_met=criteria.met,
        overdue=report.is_overdue(now),
        can_acknowledge=can_process and report.status in ("submitted", "transferred"),
        can_reject=can_process and report.status in ("submitted", "transferred"),
        can_request_follow_up=can_process and report.status != "rejected",
        can_correct=can_report and report.status == "rejected",
        can_do_follow_ups=can_report,
        can_retry=can_process,
        ack_form=AcknowledgeForm(),
        reject_form=RejectForm(),
        follow_up_form=FollowUpRequestForm(),
        done_form=FollowUpDoneForm(),
    )


def _run(action, report: SafetyReport, success: str):
    """Run a service; show its refusal as a message."""
    try:
        action()
    except DomainError as exc:
        db.session.rollback()
        flash(" ".join([exc.message, *exc.fields.values()]), "error")
    else:
        flash(success, "success")
    return _back(report)


@bp.post("/reports/<int:report_id>/acknowledge")
@permission_required(Permission.PROCESS_SAFETY)
def acknowledge(report_id: int):
    """PV acknowledges with its case ID."""
    report = _load(report_id)
    form = AcknowledgeForm()
    if not form.validate_on_submit():
        flash(_("Give the PV case ID."), "error")
        return _back(report)
    return _run(
        lambda: services.acknowledge_report(report, form.pv_case_id.data),
        report,
        _("Acknowledged as %(case)s.", case=form.pv_case_id.data.strip()),
    )


@bp.post("/reports/<int:report_id>/reject")
@permission_required(Permission.PROCESS_SAFETY)
def reject(report_id: int):
    """PV returns the report to the agent with a reason."""
    report = _load(report_id)
    form = RejectForm()
    if not form.validate_on_submit():
        flash(_("Say what must be fixed."), "error")
        return _back(report)
    return _run(
        lambda: services.reject_report(report, form.reason.data),
        report,
        _("Returned to the desk."),
    )


@bp.post("/reports/<int:report_id>/follow-ups")
@permission_required(Permission.PROCESS_SAFETY)
def request_follow_up(report_id: int):
    """PV asks for more information."""
    report = _load(report_id)
    form = FollowUpRequestForm()
    if not form.validate_on_submit():
        flash(_("Say what to ask the reporter."), "error")
        return _back(report)
    return _run(
        lambda: services.request_follow_up(report, form.description.data),
        report,
        _("Follow-up requested."),
    )


@bp.post("/follow-ups/<int:task_id>/done")
@permission_required(Permission.REPORT_SAFETY)
def follow_up_done(task_id: int):
    """The desk records the reporter's answer; it goes to PV."""
    task = db.session.get(FollowUpTask, task_id) or abort(404)
    report = _load(task.report_id)
    form = FollowUpDoneForm()
    if not form.validate_on_submit():
        flash(_("Record what the reporter said."), "error")
        return _back(report)
    return _run(
        lambda: services.complete_follow_up(task, form.outcome.data),
        report,
        _("Follow-up sent to PV."),
    )


@bp.post("/messages/<int:message_id>/retry")
@permission_required(Permission.PROCESS_SAFETY)
def retry(message_id: int):
    """Requeue a message whose delivery gave up."""
    message = db.session.get(OutboxMessage, message_id) or abort(404)
    report = _load(message.report_id)
    return _run(lambda: retry_message(message), report, _("The transfer will be retried."))


def _render_form(form: SafetyReportForm, interaction: Interaction, report=None):
    return render_template("safety/form.html", form=form, interaction=interaction, report=report)


@bp.route("/cases/<int:interaction_id>/report", methods=["GET", "POST"])
@permission_required(Permission.REPORT_SAFETY)
def new(interaction_id: int):
    """Add a safety report to an existing case (PV officers may also add one to a closed case)."""
    interaction = db.session.get(Interaction, interaction_id) or abort(404)
    require(can_view_interaction(current_user, interaction))
    form = SafetyReportForm()
    form.report.form.product.choices = product_choices()
    if request.method == "GET":
        first = next((r for r in interaction.requests if r.product), None)
        if first is not None:
            form.report.form.product.data = first.product.name
        form.report.form.narrative.data = "\n".join(r.question for r in interaction.requests)
    if form.validate_on_submit():
        try:
            report = services.create_report(
                interaction,
                fields_to_data(form.report.form),
                allow_closed=current_user.can(Permission.PROCESS_SAFETY),
            )
        except DomainError as exc:
            db.session.rollback()
            apply_field_errors(form.report.form, exc.fields)
            flash(exc.message, "error")
        else:
            flash(_("Safety report %(ref)s sent to PV.", ref=report.reference), "success")
            return _back(report)
    elif request.method == "POST":
        flash(_("The report was not saved: please correct the marked fields."), "error")
    return _render_form(form, interaction)


@bp.route("/reports/<int:report_id>/edit", methods=["GET", "POST"])
@permission_required(Permission.REPORT_SAFETY)
def correct(report_id: int):
    """Correct a report PV returned, and send it again."""
    report = _load(report_id)
    if report.status != "rejected":
        flash(_("Only a report returned by PV can be corrected here."), "error")
        return _back(report)
    form = SafetyReportForm()
    form.report.form.product.choices = product_choices()
    if request.method == "GET":
        fill_fields(form.report.form, report)
    if form.validate_on_submit():
        data = fields_to_data(form.report.form)
        data.products += [_product_data(p) for p in report.products[1:]]
        try:
            services.resubmit_report(report, data)
        except DomainError as exc:
            db.session.rollback()
            apply_field_errors(form.report.form, exc.fields)
            flash(exc.message, "error")
        else:
            flash(_("Corrected and sent to PV again."), "success")
            return _back(report)
    return _render_form(form, report.interaction, report)


def _product_data(p) -> ProductData:
    return ProductData(
        name_as_reported=p.name_as_reported,
        product=p.product.name if p.product else None,
        batch_lot=p.batch_lot,
        batch_unknown=p.batch_status == "unknown",
        dose=p.dose,
        route=p.route,
        start_date=p.start_date,
        stop_date=p.stop_date,
        indication=p.indication,
    )


from medinfo.safety import reconciliation_views  # noqa: E402,F401  (routes register on bp)
