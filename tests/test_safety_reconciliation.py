"""Rescreening closed cases and the reconciliation report (figures, gaps, CSV)."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta

from sqlalchemy import func, select

from medinfo.database import utcnow
from medinfo.interactions import services as interactions
from medinfo.safety import services
from medinfo.safety.models import RescreenFinding
from medinfo.safety.reconciliation import gaps_csv, reconcile
from medinfo.safety.rescreen import rescreen_closed
from medinfo.safety.screening import screen
from tests.test_safety_support import full_report

AE_NOTES = "She has been dizzy and nauseous since she started Cardiolex last week."


def _closed(
    make_interaction, notes: str, screening: str = "no", answer: str = "Renal dosing: section 4.2."
):
    now = utcnow()
    interaction = make_interaction(
        call=interactions.CallData(
            started_at=now - timedelta(minutes=4), ended_at=now, ani="", notes=notes
        )
    )
    interactions.answer_request(interaction.requests[0], answer)
    interactions.change_status(interaction, "answered")
    interactions.record_ae_screening(interaction, screening)
    interactions.close_interaction(interaction)
    return interaction


def test_rescreen_flags_closed_cases_without_a_report(db, make_interaction, runner):
    flagged = _closed(make_interaction, AE_NOTES)
    _closed(make_interaction, "Doctor asked about renal dosing; no side effects reported.")
    summary = rescreen_closed()
    assert (summary.checked, summary.flagged, summary.new_findings) == (2, 1, 1)
    finding = db.session.scalars(select(RescreenFinding)).one()
    assert finding.interaction_id == flagged.id
    assert "adverse_event" in finding.categories and "dizzy" in finding.excerpt
    # a second run does not duplicate the finding
    assert rescreen_closed().new_findings == 0
    gap = next(g for g in reconcile().gaps if g.interaction_id == flagged.id)
    assert (gap.code, gap.detail) == ("no_report", "rescreen flag")
    # PV adds the report to the closed case: the next run resolves the finding
    services.create_report(flagged, full_report(), allow_closed=True)
    assert rescreen_closed().resolved == 1
    assert db.session.scalar(select(func.count()).select_from(RescreenFinding)) == 0
    result = runner.invoke(args=["safety", "rescreen"])
    assert result.exit_code == 0 and "checked 2 closed interactions" in result.output


def test_rescreen_reads_what_the_caller_said_not_the_label_quoted_back(db, make_interaction):
    label = (
        "Nausea in 17–21 %, mostly first 4–8 weeks; start 0.5 mg, smaller meals, hydration;"
        " persistent severe abdominal pain needs assessment."
    )
    assert screen(label).reportable  # on its own the screener would flag the answer
    _closed(make_interaction, "Doctor asked how common nausea is with Insuvia.", answer=label)
    assert (rescreen_closed().checked, rescreen_closed().flagged) == (1, 0)
    _closed(make_interaction, AE_NOTES, answer=label)
    assert rescreen_closed().flagged == 1


def test_reconciliation_lists_every_gap(app, db, make_interaction, monkeypatch):
    clean = make_interaction()
    acknowledged = services.create_report(clean, full_report())
    services.acknowledge_report(acknowledged, "EU-1")
    no_report = make_interaction(category="adverse_event")
    screened_only = make_interaction()
    interactions.record_ae_screening(screened_only, "yes")
    waiting = services.create_report(make_interaction(), full_report())
    late = services.create_report(
        make_interaction(received_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC)), full_report()
    )
    returned = services.create_report(make_interaction(), full_report())
    services.reject_report(returned, "Wrong product.")
    monkeypatch.setitem(app.config, "PV_TRANSPORT", "webhook")
    monkeypatch.setitem(app.config, "PV_WEBHOOK_URL", "http://127.0.0.1:9/closed")
    stuck = services.create_report(
        make_interaction(received_at=utcnow() - timedelta(days=6)), full_report()
    )
    result = reconcile()
    found = {(g.code, g.interaction_id, g.report_id) for g in result.gaps}
    assert found == {
        ("no_report", no_report.id, None),
        ("no_report", screened_only.id, None),
        ("not_acknowledged", waiting.interaction_id, waiting.id),
        ("late_transfer", late.interaction_id, late.id),
        ("not_acknowledged", late.interaction_id, late.id),
        ("returned_to_desk", returned.interaction_id, returned.id),
        ("overdue", stuck.interaction_id, stuck.id),
    }
    assert result.needing_report == 7 and result.with_report == 5
    assert (result.reports, result.transferred, result.acknowledged) == (5, 4, 1)
    assert result.on_time == 3 and result.timeliness == 75.0
    assert result.gap_counts()["no_report"] == 2


def test_reconciliation_window_and_csv(db, make_interaction):
    old = make_interaction(
        category="product_complaint", received_at=datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
    )
    make_interaction(category="product_complaint")
    since = datetime(2026, 1, 1, tzinfo=UTC)
    until = datetime(2026, 2, 1, tzinfo=UTC)
    result = reconcile(since, until)
    assert [g.interaction_id for g in result.gaps] == [old.id]
    rows = list(csv.reader(io.StringIO(gaps_csv(result))))
    assert rows[0][:3] == ["gap", "interaction", "interaction_id"]
    assert rows[1][0] == "no_report" and rows[1][1] == old.reference
    assert reconcile(since, until).timeliness is None


def test_csv_cells_cannot_run_as_formulas(db, make_interaction):
    interaction = make_interaction()
    report = services.create_report(interaction, full_report())
    services.reject_report(report, '=HYPERLINK("http://evil")')
    text = gaps_csv(reconcile())
    assert "'=HYPERLINK" in text
