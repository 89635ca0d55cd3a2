"""Reconciliation: every flagged interaction has a report, and every report reached PV.

Four sets are compared over a window of day-0 dates: interactions that need a report
(screening answer "yes", an adverse_event/product_complaint request, or a rescreen finding),
safety reports, reports transferred to PV, and reports acknowledged by PV. Every difference is
listed as a gap; timeliness is the share of transferred reports that reached PV by their deadline.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import or_, select

from medinfo.database import utcnow
from medinfo.extensions import db
from medinfo.interactions.models import InfoRequest, Interaction
from medinfo.safety.models import OutboxMessage, RescreenFinding, SafetyReport

SAFETY_CATEGORIES = ("adverse_event", "product_complaint")
GAP_CODES = (
    "no_report",
    "not_transferred",
    "overdue",
    "transfer_failed",
    "returned_to_desk",
    "not_acknowledged",
    "late_transfer",
)
CSV_COLUMNS = (
    "gap",
    "interaction",
    "interaction_id",
    "report",
    "report_id",
    "day0",
    "due_at",
    "transferred_at",
    "detail",
)


@dataclass(frozen=True)
class Gap:
    """One thing that does not reconcile."""

    code: str
    interaction_id: int
    interaction_reference: str
    day0: datetime
    report_id: int | None = None
    report_reference: str | None = None
    due_at: datetime | None = None
    transferred_at: datetime | None = None
    detail: str = ""


@dataclass
class Reconciliation:
    """The figures and the gaps for one window."""

    since: datetime | None
    until: datetime | None
    needing_report: int = 0
    screened_yes: int = 0
    safety_category: int = 0
    rescreen_flagged: int = 0
    with_report: int = 0
    reports: int = 0
    transferred: int = 0
    acknowledged: int = 0
    on_time: int = 0
    gaps: list[Gap] = field(default_factory=list)

    @property
    def timeliness(self) -> float | None:
        """Percentage of transferred reports that reached PV by their deadline."""
        if not self.transferred:
            return None
        return round(100.0 * self.on_time / self.transferred, 1)

    def gap_counts(self) -> dict[str, int]:
        """How many gaps of each kind."""
        counts = dict.fromkeys(GAP_CODES, 0)
        for gap in self.gaps:
            counts[gap.code] += 1
        return counts


def _window(stmt, column, since: datetime | None, until: datetime | None):
    if since is not None:
        stmt = stmt.where(column >= since)
    if until is not None:
        stmt = stmt.where(column < until)
    return stmt


def _report_gaps(report: SafetyReport, interaction: Interaction, failed: bool, now) -> list[Gap]:
    def gap(code: str, detail: str = "") -> Gap:
        return Gap(
            code, interaction.id, interaction.reference, report.day0, report.id,
            report.reference, report.due_at, report.transferred_at, detail,
        )  # fmt: skip

    gaps = []
    if report.status == "rejected":
        gaps.append(gap("returned_to_desk", report.rejection_reason or ""))
    if failed:
        gaps.append(gap("transfer_failed", "the outbox gave up; retry it from the report"))
    if report.transferred_at is None:
        gaps.append(gap("overdue" if report.due_at < now else "not_transferred"))
    else:
        if report.transferred_at > report.due_at:
            gaps.append(gap("late_transfer"))
        if report.status == "transferred":
            gaps.append(gap("not_acknowledged"))
    return gaps


def reconcile(
    since: datetime | None = None, until: datetime | None = None, now: datetime | None = None
) -> Reconciliation:
    """Compare the four sets for interactions whose day 0 falls in [since, until)."""
    now = now or utcnow()
    category_ids = select(InfoRequest.interaction_id).where(
        InfoRequest.category.in_(SAFETY_CATEGORIES)
    )
    finding_ids = select(RescreenFinding.interaction_id)
    report_ids = select(SafetyReport.interaction_id)
    stmt = select(Interaction).where(
        or_(
            Interaction.ae_screening == "yes",
            Interaction.id.in_(category_ids),
            Interaction.id.in_(finding_ids),
            Interaction.id.in_(report_ids),
        )
    )
    interactions = db.session.scalars(
        _window(stmt, Interaction.received_at, since, until).order_by(Interaction.received_at)
    ).all()
    ids = [i.id for i in interactions]
    in_category = set(db.session.scalars(category_ids.where(InfoRequest.interaction_id.in_(ids))))
    flagged = set(db.session.scalars(finding_ids.where(RescreenFinding.interaction_id.in_(ids))))
    reports_by: dict[int, list[SafetyReport]] = defaultdict(list)
    for report in db.session.scalars(
        select(SafetyReport).where(SafetyReport.interaction_id.in_(ids)).order_by(SafetyReport.id)
    ):
        reports_by[report.interaction_id].append(report)
    all_report_ids = [r.id for rs in reports_by.values() for r in rs]
    failed = set(
        db.session.scalars(
            select(OutboxMessage.report_id).where(
                OutboxMessage.report_id.in_(all_report_ids), OutboxMessage.status == "failed"
            )
        )
    )
    result = Reconciliation(since, until)
    for interaction in interactions:
        reasons = []
        if interaction.ae_screening == "yes":
            reasons.append("screened yes")
            result.screened_yes += 1
        if interaction.id in in_category:
            reasons.append("AE/PQC question")
            result.safety_category += 1
        if interaction.id in flagged:
            reasons.append("rescreen flag")
            result.rescreen_flagged += 1
        reports = reports_by.get(interaction.id, [])
        if reasons:
            result.needing_report += 1
            if reports:
                result.with_report += 1
            else:
                result.gaps.append(
                    Gap("no_report", interaction.id, interaction.reference,
                        interaction.received_at, detail=", ".join(reasons))
                )  # fmt: skip
        for report in reports:
            result.reports += 1
            if report.transferred_at is not None:
                result.transferred += 1
                result.on_time += report.transferred_at <= report.due_at
            if report.status == "acknowledged":
                result.acknowledged += 1
            result.gaps += _report_gaps(report, interaction, report.id in failed, now)
    return result


def _cell(value) -> str:
    """A CSV cell that a spreadsheet will not run as a formula."""
    text = (
        value.isoformat() if isinstance(value, datetime) else ("" if value is None else str(value))
    )
    return "'" + text if text[:1] in ("=", "+", "-", "@") else text


def gaps_csv(result: Reconciliation) -> str:
    """Every gap as CSV (one row per gap)."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for g in result.gaps:
        writer.writerow(
            [
                _cell(v)
                for v in (
                    g.code, g.interaction_reference, g.interaction_id, g.report_reference,
                    g.report_id, g.day0, g.due_at, g.transferred_at, g.detail,
                )
            ]
        )  # fmt: skip
    return out.getvalue()
