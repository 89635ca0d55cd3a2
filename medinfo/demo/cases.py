"""Plans for past cases: who called when, what they asked, and how far each case got.

Planning is pure (no database): it turns contacts and a seeded ``random.Random`` into a list of
``CasePlan`` in chronological order, which the loader then plays through the real services.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from medinfo.demo.questions import SAFETY_CATEGORIES, Topic, topics

PARIS = ZoneInfo("Europe/Paris")
RECENT = timedelta(days=3)
CHANNELS = (
    ("phone", 72),
    ("email", 14),
    ("web_form", 8),
    ("sales_rep", 3),
    ("fax", 2),
    ("letter", 1),
)
# (status the case is left in, weight) for recent and for older cases
RECENT_OUTCOMES = (
    ("closed", 50),
    ("answered", 5),
    ("open", 20),
    ("pending_info", 13),
    ("escalated", 12),
)
OLDER_OUTCOMES = (
    ("closed", 92),
    ("answered", 2),
    ("open", 1),
    ("pending_info", 2),
    ("escalated", 3),
)


@dataclass(frozen=True)
class CaseContact:
    """What the planner needs to know about an existing contact."""

    id: int
    language: str
    first_name: str
    last_name: str
    profession: str
    products: tuple[str, ...]
    phones: tuple[str, ...]
    has_email: bool


@dataclass
class PlannedRequest:
    """One question of a planned case, with the answer the desk will give."""

    product: str | None
    category: str
    question: str
    answer: str
    label: str


@dataclass
class PlannedCall:
    """A phone call of a planned case."""

    started_at: datetime
    ended_at: datetime
    ani: str
    notes: str
    direction: str = "inbound"
    outcome: str = "answered"


@dataclass
class CasePlan:
    """Everything needed to replay one case through the services."""

    contact: CaseContact
    received_at: datetime
    channel: str
    unsolicited: bool
    priority: str
    agent: str
    requests: list[PlannedRequest]
    outcome: str
    requester: tuple[str, str] = ("", "")
    call: PlannedCall | None = None
    callback: PlannedCall | None = None
    reviewer: str | None = None
    screening: str | None = None
    screened_at: datetime | None = None
    closed_at: datetime | None = None
    request_times: list[datetime] = field(default_factory=list)
    # Roles given after planning (scenarios.py): what PV does with the report, medical review.
    pv: str | None = None
    review: str | None = None
    gap: str | None = None


def _weighted(rng: random.Random, table: tuple[tuple[str, int], ...]) -> str:
    return rng.choices([k for k, _ in table], weights=[w for _, w in table])[0]


def received_time(rng: random.Random, now: datetime, days: int) -> datetime:
    """A past time, mostly in weekday business hours in Paris, a few evenings and weekends."""
    while True:
        day = (now.astimezone(PARIS) - timedelta(days=rng.uniform(0, days))).date()
        if day.weekday() >= 5 and rng.random() > 0.1:
            continue
        roll = rng.random()
        if day.weekday() >= 5:
            minutes = rng.uniform(9 * 60, 13 * 60)
        elif roll < 0.05:
            minutes = rng.uniform(18.5 * 60, 21 * 60)
        elif roll < 0.55:
            minutes = rng.triangular(8.5 * 60, 12.5 * 60, 10 * 60)
        else:
            minutes = rng.triangular(13.5 * 60, 18.5 * 60, 15 * 60)
        local = datetime(day.year, day.month, day.day, tzinfo=PARIS) + timedelta(minutes=minutes)
        at = local.astimezone(UTC).replace(microsecond=0)
        if at < now - timedelta(minutes=30):
            return at


def _fill(text: str, rng: random.Random, brand: str | None) -> str:
    return text.format(
        brand=brand or "",
        crcl=rng.choice((18, 22, 25, 28, 35, 42, 50)),
        age=rng.randint(34, 88),
        child_age=rng.randint(2, 11),
        days=rng.randint(2, 6),
        lot=f"{rng.choice('ABCDEFGHK')}{rng.randint(1000, 9999)}",
    )


def _request(rng: random.Random, topic: Topic, product: str, lang: str) -> PlannedRequest:
    fr = lang == "fr"
    question = _fill(rng.choice(topic.fr if fr else topic.en), rng, product)
    answer = _fill(topic.answer[1 if fr else 0], rng, product)
    return PlannedRequest(
        topic.product or product, topic.category, question, answer, topic.label[1 if fr else 0]
    )


def _medical(rng: random.Random, product: str) -> Topic:
    return rng.choice([t for t in topics().medical if t.product == product])


def _first_topic(rng: random.Random, contact: CaseContact, kind: str) -> Topic:
    """The case's main question: of this kind, about a product the contact deals with if any."""
    tables = topics()
    if kind == "other":
        return rng.choice(tables.other)
    if kind == "medical_info":
        return _medical(rng, rng.choice(contact.products))
    pool = tables.safety if kind in SAFETY_CATEGORIES else tables.off_label
    of_kind = [t for t in pool if t.category == kind]
    return rng.choice([t for t in of_kind if t.product in contact.products] or of_kind)


def _requests(rng: random.Random, contact: CaseContact, kind: str) -> list[PlannedRequest]:
    first = _first_topic(rng, contact, kind)
    product = first.product or rng.choice(contact.products)
    items, used = [_request(rng, first, product, contact.language)], {first}
    for _ in range(rng.choices((0, 1, 2), weights=(65, 27, 8))[0]):
        same = rng.random() < 0.7 or len(contact.products) == 1
        other = product if same else rng.choice(contact.products)
        topic = _medical(rng, other)
        if topic not in used:
            used.add(topic)
            items.append(_request(rng, topic, other, contact.language))
    return items


def _caller(plan: CasePlan) -> str:
    contact = plan.contact
    if plan.requester[0]:
        return plan.requester[0]
    if contact.profession in ("physician", "dentist") or (
        contact.profession == "pharmacist" and contact.language == "fr"
    ):
        return f"Dr {contact.last_name}"
    return f"{contact.first_name} {contact.last_name}"


def _notes(plan: CasePlan, live: bool) -> str:
    products = ", ".join(dict.fromkeys(r.product for r in plan.requests if r.product))
    labels = "; ".join(r.label for r in plan.requests)
    if plan.contact.language == "fr":
        end = "Réponse donnée en ligne." if live else "Rappel ou envoi écrit prévu."
        return f"Appel de {_caller(plan)} ({products}) : {labels}. {end}"
    end = "Answered during the call." if live else "Follow-up promised."
    return f"Call from {_caller(plan)} ({products}): {labels}. {end}"


def business_time(rng: random.Random, at: datetime, latest: datetime) -> datetime:
    """at, or the start of the next weekday working morning in Paris when at falls outside it."""
    local = at.astimezone(PARIS)
    opening = local.replace(hour=8, minute=30, second=0, microsecond=0)
    if local.weekday() < 5 and opening <= local <= local.replace(hour=18, minute=30):
        return min(at, latest)
    day = local.date() + timedelta(days=0 if local < opening else 1)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    minutes = rng.uniform(8.5 * 60, 11 * 60)
    moved = datetime(day.year, day.month, day.day, tzinfo=PARIS) + timedelta(minutes=minutes)
    return min(moved.astimezone(UTC).replace(microsecond=0), latest)


def _ani(rng: random.Random, contact: CaseContact) -> str:
    if not contact.phones or rng.random() < 0.05:
        return ""
    return rng.choice(contact.phones)


def _timeline(rng: random.Random, plan: CasePlan, now: datetime) -> None:
    """Decide calls, answer, screening and closing times for the chosen outcome."""
    latest = (now - timedelta(minutes=1)).replace(microsecond=0)
    safety = plan.requests[0].category in ("adverse_event", "product_complaint")
    start = plan.received_at
    if plan.channel == "phone":
        minutes = rng.uniform(1, 4) + 2.5 * len(plan.requests) + (3 if safety else 0)
        end = min(start + timedelta(seconds=round(min(minutes, 15) * 60)), latest)
        plan.call = PlannedCall(start, end, _ani(rng, plan.contact), "")
        handled = end
    else:
        handled = business_time(rng, start + timedelta(seconds=rng.randint(1200, 14400)), latest)
    answered = plan.outcome in ("closed", "answered")
    live = plan.call is not None and answered and rng.random() < 0.7 and not plan.reviewer
    if plan.call is not None:
        plan.call.notes = _notes(plan, live)
        if plan.outcome != "open" or rng.random() < 0.8:
            plan.screening, plan.screened_at = ("yes" if safety else "no"), handled
    if not answered:
        return
    if live:
        step = (plan.call.ended_at - start) / (len(plan.requests) + 1)
        plan.request_times = [
            (start + step * (i + 1)).replace(microsecond=0) for i in range(len(plan.requests))
        ]
        done = plan.call.ended_at
    else:
        hours = rng.uniform(1, 30) if not plan.reviewer else rng.uniform(20, 96)
        delay = timedelta(seconds=round(hours * 3600))
        done = business_time(rng, handled + delay, latest)
        if done >= latest:  # the answer would only come after "now": still being worked on
            plan.outcome = "escalated" if plan.reviewer else "pending_info"
            return
        plan.request_times = [done] * len(plan.requests)
        if plan.contact.phones and (plan.channel == "phone" or rng.random() < 0.25):
            fr = plan.contact.language == "fr"
            voicemail = rng.random() < 0.15
            notes = (
                (
                    "Message laissé, réponse envoyée par e-mail."
                    if fr
                    else "Left a message; answer sent by e-mail."
                )
                if voicemail
                else (
                    "Rappel avec la réponse ; document envoyé par e-mail."
                    if fr
                    else "Called back with the answer; document sent by e-mail."
                )
            )
            seconds = 60 if voicemail else rng.randint(180, 480)
            back_end = min(done + timedelta(seconds=seconds), latest)
            plan.callback = PlannedCall(
                done,
                back_end,
                rng.choice(plan.contact.phones),
                notes,
                direction="outbound",
                outcome="voicemail" if voicemail else "answered",
            )
    if plan.screened_at is None:
        plan.screening, plan.screened_at = ("yes" if safety else "no"), done
    if plan.outcome == "closed":
        plan.closed_at = business_time(
            rng, done + timedelta(seconds=rng.randint(120, 5400)), latest
        )
        if plan.closed_at >= latest:
            plan.outcome, plan.closed_at = "answered", None


def plan_case(
    rng: random.Random,
    contact: CaseContact,
    received_at: datetime,
    now: datetime,
    agents: dict[str, list[str]],
    reviewers: list[str],
) -> CasePlan:
    """One case for contact received at received_at, with its outcome and timeline."""
    roll = rng.random()
    kind = (
        "adverse_event"
        if roll < 0.03
        else "product_complaint"
        if roll < 0.05
        else "other"
        if roll < 0.07
        else "off_label"
        if roll < 0.15
        else "medical_info"
    )
    requests = _requests(rng, contact, kind)
    channel = _weighted(rng, CHANNELS)
    if not contact.phones and channel == "phone":
        channel = "email" if contact.has_email else "web_form"
    off_label = any(r.category == "off_label" for r in requests)
    solicited = channel == "sales_rep" and not off_label and rng.random() < 0.5
    recent = now - received_at < RECENT
    outcome = _weighted(rng, RECENT_OUTCOMES if recent else OLDER_OUTCOMES)
    safety = requests[0].category in ("adverse_event", "product_complaint")
    if safety and outcome == "closed":
        outcome = "answered"  # stays answered until the safety report is reconciled
    lang = contact.language
    pool = agents[lang] if rng.random() < (0.65 if lang == "fr" else 0.9) else agents["any"]
    escalated = outcome == "escalated" or (
        outcome in ("closed", "answered") and not safety and rng.random() < 0.08
    )
    plan = CasePlan(
        contact=contact,
        received_at=received_at,
        channel=channel,
        unsolicited=not solicited,
        priority="high" if safety else rng.choices(("normal", "high", "low"), (85, 8, 7))[0],
        agent=rng.choice(pool),
        requests=requests,
        outcome=outcome,
        reviewer=rng.choice(reviewers) if escalated else None,
    )
    if channel == "phone" and contact.profession == "physician" and rng.random() < 0.08:
        plan.requester = (
            ("Secrétariat du Dr " if lang == "fr" else "Office of Dr ") + contact.last_name,
            "secrétaire" if lang == "fr" else "secretary",
        )
    _timeline(rng, plan, now)
    return plan


def plan_cases(
    rng: random.Random,
    contacts: list[CaseContact],
    count: int,
    days: int,
    now: datetime,
    agents: dict[str, list[str]],
    reviewers: list[str],
) -> list[CasePlan]:
    """count cases over the last days days, oldest first; some contacts call often."""
    weights = [rng.paretovariate(1.5) for _ in contacts]
    times = sorted(received_time(rng, now, days) for _ in range(count))
    return [
        plan_case(rng, rng.choices(contacts, weights)[0], at, now, agents, reviewers)
        for at in times
    ]
