"""What the agent types into a demo safety report, and when PV handles it (pure functions)."""

from __future__ import annotations

import random
import re
import string
from datetime import datetime, timedelta

from medinfo.demo.cases import CasePlan, business_time
from medinfo.safety.data import ProductData, ReportData

AGE_RE = re.compile(r"\b(\d{1,2})(?: ans\b|[- ]year)")
LOT_RE = re.compile(r"\b(?:lot|batch)\s+([A-Z]\d{4})\b", re.IGNORECASE)
RETURN_REASON = (
    "Event onset date and outcome are missing, and the dose is not given. Please ask the "
    "reporter, complete the report and resubmit it."
)


def report_data(rng: random.Random, plan: CasePlan, serious: bool) -> ReportData:
    """The report as the agent fills it from the call: reporter = the contact (the default)."""
    first = plan.requests[0]
    question = first.question
    adverse = first.category == "adverse_event"
    lot = LOT_RE.search(question)
    batch = lot.group(1) if lot else ""
    if not batch and rng.random() < 0.75:
        batch = f"{rng.choice('ABCDEFGHK')}{rng.randint(1000, 9999)}"
    age = AGE_RE.search(question)
    letters = string.ascii_uppercase
    data = ReportData(
        adverse_event=adverse,
        product_complaint=not adverse,
        event_verbatim=question if adverse else "",
        pqc_description="" if adverse else question,
        products=[
            ProductData(
                name_as_reported=first.product or "",
                product=first.product,
                batch_lot=batch,
                batch_unknown=not batch and rng.random() < 0.5,
            )
        ],
    )
    if adverse:
        data.patient_initials = f"{rng.choice(letters)}.{rng.choice(letters)}."
        data.patient_age = int(age.group(1)) if age else rng.randint(24, 86)
        data.patient_sex = rng.choice(("female", "male"))
        data.event_outcome = "recovering" if serious else rng.choice(
            ("recovered", "recovering", "unknown")
        )  # fmt: skip
        data.seriousness = ["hospitalisation"] if serious else []
    else:
        data.patient_age_group = "adult"  # the caller's patient; a complaint needs no more
    return data


def report_time(plan: CasePlan, latest: datetime) -> datetime:
    """When the agent files the report: at the end of the call, else soon after receipt."""
    if plan.gap == "late":
        return min(plan.received_at + timedelta(days=5, minutes=20), latest)
    if plan.call is not None and plan.screened_at is not None:
        return min(plan.screened_at, latest)
    return min(plan.received_at + timedelta(minutes=45), latest)


def pv_times(
    rng: random.Random, submitted: datetime, latest: datetime
) -> tuple[datetime, datetime | None]:
    """Transfer a couple of minutes after submission; PV's answer within about a working day."""
    transferred = min(submitted + timedelta(seconds=rng.randint(40, 180)), latest)
    answered = business_time(rng, transferred + timedelta(hours=rng.uniform(1.5, 26)), latest)
    return transferred, (answered if answered < latest else None)


def pv_case_id(number: int, at: datetime) -> str:
    """A fictional safety-database case id."""
    return f"SDB-{at.year}-{4100 + number:05d}"
