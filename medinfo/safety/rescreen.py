"""Re-check the text of closed interactions with the screener; keep what lacks a report."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import selectinload

from medinfo.audit import record_event
from medinfo.audit.chain import Actor
from medinfo.extensions import db
from medinfo.interactions.models import Interaction
from medinfo.safety.models import RescreenFinding, SafetyReport
from medinfo.safety.screening import Flag, screen

BATCH = 200
MAX_EXCERPT = 500


@dataclass
class RescreenSummary:
    """What one rescreen run found."""

    checked: int = 0
    flagged: int = 0
    new_findings: int = 0
    resolved: int = 0

    def __str__(self) -> str:
        return (
            f"checked {self.checked} closed interactions: {self.flagged} flagged without a "
            f"report ({self.new_findings} new), {self.resolved} findings resolved"
        )


def interaction_parts(interaction: Interaction) -> list[str]:
    """Questions and call notes: the texts the screener re-checks.

    The same fields the intake screen screens live. Answers are left out: they are the desk's
    own words, summarising approved documents that list side effects by design ("nausea in
    17-21 %"); a report is in what the caller said, which the question and the notes hold.
    """
    parts = [r.question or "" for r in interaction.requests]
    parts += [c.notes or "" for c in interaction.calls]
    return [p.strip() for p in parts if p and p.strip()]


def screen_parts(parts: list[str]) -> list[Flag]:
    """Flags of every part, each screened on its own with the language guessed.

    Notes are often typed in another language than the caller's, and a miss is worse than
    an extra finding, so the stored interaction language is not trusted here.
    """
    return [flag for part in parts for flag in screen(part).flags]


def _excerpt(flags: list[Flag]) -> str:
    return " … ".join(f.text for f in flags[:5])[:MAX_EXCERPT]


def rescreen_closed(since: datetime | None = None, actor: Actor | None = None) -> RescreenSummary:
    """Screen every closed interaction (optionally closed since a time); record findings."""
    summary = RescreenSummary()
    reported = set(db.session.scalars(select(SafetyReport.interaction_id).distinct()))
    existing = {f.interaction_id: f for f in db.session.scalars(select(RescreenFinding))}
    last_id = 0
    while True:
        stmt = (
            select(Interaction)
            .where(Interaction.status == "closed", Interaction.id > last_id)
            .options(selectinload(Interaction.requests), selectinload(Interaction.calls))
            .order_by(Interaction.id)
            .limit(BATCH)
        )
        if since is not None:
            stmt = stmt.where(Interaction.closed_at >= since)
        batch = db.session.scalars(stmt).all()
        if not batch:
            break
        for interaction in batch:
            summary.checked += 1
            finding = existing.get(interaction.id)
            if interaction.id in reported:
                if finding is not None:
                    db.session.delete(finding)
                    summary.resolved += 1
                continue
            flags = screen_parts(interaction_parts(interaction))
            if not flags:
                continue
            summary.flagged += 1
            if finding is None:
                finding = RescreenFinding(
                    interaction_id=interaction.id,
                    categories=sorted({f.category for f in flags}),
                    excerpt=_excerpt(flags),
                )
                db.session.add(finding)
                summary.new_findings += 1
                record_event(
                    "safety.rescreen_flagged",
                    "interaction",
                    interaction.id,
                    new={"categories": finding.categories, "excerpt": finding.excerpt},
                    actor=actor,
                )
        db.session.commit()
        last_id = batch[-1].id
        existing = {f.interaction_id: f for f in db.session.scalars(select(RescreenFinding))}
    db.session.commit()
    return summary
