"""Interaction workflows: take a call, log calls, answer, change status, close."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from flask_login import current_user

from medinfo.audit import record_event
from medinfo.catalog.services import find_product
from medinfo.contacts.models import Contact
from medinfo.contacts.services import ContactData, add_contact
from medinfo.database import utcnow
from medinfo.errors import Conflict, DomainError, NotFound, ValidationFailed
from medinfo.extensions import db
from medinfo.interactions.guards import close_blockers
from medinfo.interactions.models import (
    AE_SCREENING,
    CALL_DIRECTIONS,
    CALL_OUTCOMES,
    CATEGORIES,
    CHANNELS,
    PRIORITIES,
    Call,
    InfoRequest,
    Interaction,
)
from medinfo.interactions.references import next_reference
from medinfo.kb.answers import labels, links_for, usable_versions
from medinfo.routing.assignment import announce_assignment, route_interaction
from medinfo.routing.sla import on_status_change
from medinfo.signals import interaction_changed
from medinfo.sla.policy import request_due

TRANSITIONS: dict[str, frozenset[str]] = {
    "open": frozenset({"pending_info", "escalated", "answered"}),
    "pending_info": frozenset({"open", "escalated", "answered"}),
    "escalated": frozenset({"open", "answered"}),
    "answered": frozenset({"open", "closed"}),
    "closed": frozenset(),
}
MAX_TEXT = 20_000
CLOCK_SKEW = timedelta(minutes=5)


@dataclass
class RequestData:
    """One question as typed by the agent or sent by an integration."""

    category: str
    question: str
    product: str | None = None
    kb_versions: list[int] = field(default_factory=list)  # article versions used ("use in answer")


@dataclass
class CallData:
    """One phone call's log."""

    started_at: datetime
    ended_at: datetime | None = None
    ani: str = ""
    notes: str = ""
    outcome: str = "answered"
    direction: str = "inbound"


@dataclass
class InteractionData:
    """Everything needed to open a case."""

    channel: str
    unsolicited: bool | None
    language: str
    requests: list[RequestData]
    contact_id: int | None = None
    country: str | None = None
    received_at: datetime | None = None
    requester_name: str = ""
    requester_relation: str = ""
    priority: str = "normal"
    call: CallData | None = None
    new_contact: ContactData | None = field(default=None)


def _user_id() -> int | None:
    return current_user.id if current_user and current_user.is_authenticated else None


def _check_call(call: CallData, prefix: str = "") -> dict[str, str]:
    errors: dict[str, str] = {}
    if call.direction not in CALL_DIRECTIONS:
        errors[prefix + "direction"] = "Direction must be inbound or outbound."
    if call.outcome not in CALL_OUTCOMES:
        errors[prefix + "outcome"] = f"Outcome must be one of: {', '.join(CALL_OUTCOMES)}."
    if call.started_at.tzinfo is None:
        errors[prefix + "started_at"] = "Give a time zone (e.g. 2026-11-23T10:00:00+01:00)."
    elif call.started_at > utcnow() + CLOCK_SKEW:
        errors[prefix + "started_at"] = "A call cannot start in the future."
    if call.ended_at is not None:
        if call.ended_at.tzinfo is None:
            errors[prefix + "ended_at"] = "Give a time zone."
        elif call.started_at.tzinfo and call.ended_at < call.started_at:
            errors[prefix + "ended_at"] = "A call cannot end before it starts."
    if len(call.notes or "") > MAX_TEXT:
        errors[prefix + "notes"] = f"Notes are limited to {MAX_TEXT} characters."
    return errors


def _resolve_requests(items: list[RequestData], errors: dict[str, str]) -> list[InfoRequest]:
    if not items:
        errors["requests"] = "Add at least one question."
    resolved = []
    for i, item in enumerate(items):
        product = None
        if item.category not in CATEGORIES:
            errors[f"requests.{i}.category"] = f"Category must be one of: {', '.join(CATEGORIES)}."
        question = (item.question or "").strip()
        if not question:
            errors[f"requests.{i}.question"] = "The question is required."
        elif len(question) > MAX_TEXT:
            errors[f"requests.{i}.question"] = f"Limited to {MAX_TEXT} characters."
        if item.product and (item.product or "").strip():
            product = find_product(item.product)
            if product is None:
                errors[f"requests.{i}.product"] = f"Unknown product {item.product!r}."
        versions, problem = usable_versions(item.kb_versions)
        if problem:
            errors[f"requests.{i}.kb_versions"] = problem
        resolved.append(
            InfoRequest(position=i + 1, category=item.category, question=question, product=product)
        )
        resolved[-1].kb_links = links_for(versions)
    return resolved


def _request_snapshot(r: InfoRequest) -> dict:
    return {
        "position": r.position,
        "category": r.category,
        "product": r.product.name if r.product else None,
        "question": r.question,
        "kb_versions": labels(r),
    }


def open_interaction(
    data: InteractionData, *, allow_duplicate: bool = False, commit: bool = True
) -> Interaction:
    """Create an interaction, its requests and its call (and a new contact) in one transaction."""
    errors: dict[str, str] = {}
    if data.channel not in CHANNELS:
        errors["channel"] = f"Channel must be one of: {', '.join(CHANNELS)}."
    if data.unsolicited is None:
        errors["unsolicited"] = "Say whether the request was unsolicited."
    if data.language not in ("en", "fr"):
        errors["language"] = "Language must be en or fr."
    if data.priority not in PRIORITIES:
        errors["priority"] = f"Priority must be one of: {', '.join(PRIORITIES)}."
    # Day 0 is when the company heard of it: the call's start when a call is logged.
    received_at = data.received_at or (data.call.started_at if data.call else utcnow())
    if received_at.tzinfo is None:
        errors["received_at"] = "Give a time zone (e.g. 2026-11-23T10:00:00+01:00)."
    elif received_at > utcnow() + CLOCK_SKEW:
        errors["received_at"] = "The received time cannot be in the future."
    elif (
        data.call is not None
        and data.call.started_at.tzinfo is not None
        and data.call.started_at < received_at - CLOCK_SKEW
    ):
        errors["call.started_at"] = "The call cannot start before the case was received."
    contact = None
    if data.contact_id is not None:
        contact = db.session.get(Contact, data.contact_id)
        if contact is None:
            errors["contact_id"] = f"No contact #{data.contact_id}."
    elif data.new_contact is None:
        errors["contact_id"] = "Choose the caller or enter a new contact."
    if data.call is not None:
        errors.update(_check_call(data.call, "call."))
    requests = _resolve_requests(data.requests, errors)
    if errors:
        raise ValidationFailed(errors)
    try:
        if contact is None:
            contact = add_contact(data.new_contact, allow_duplicate=allow_duplicate)
    except ValidationFailed as exc:
        raise ValidationFailed({f"contact.{k}": v for k, v in exc.fields.items()}) from exc
    category = requests[0].category
    interaction = Interaction(
        reference=next_reference(received_at),
        channel=data.channel,
        contact=contact,
        requester_name=data.requester_name.strip()[:200],
        requester_relation=data.requester_relation.strip()[:100],
        received_at=received_at,
        owner_id=_user_id(),
        created_by_id=_user_id(),
        priority=data.priority,
        language=data.language,
        country=(data.country or contact.country).upper()[:2],
        unsolicited=bool(data.unsolicited),
        requests=requests,
        sla_due_at=request_due(category, data.priority, received_at),
    )
    db.session.add(interaction)
    db.session.flush()
    record_event(
        "interaction.opened",
        "interaction",
        interaction.id,
        new={
            "reference": interaction.reference,
            "channel": interaction.channel,
            "contact_id": contact.id,
            "received_at": received_at,
            "unsolicited": interaction.unsolicited,
            "language": interaction.language,
            "priority": interaction.priority,
            "requests": [_request_snapshot(r) for r in requests],
        },
    )
    if data.call is not None:
        _add_call(interaction, data.call)
    route_interaction(interaction)
    if commit:
        db.session.commit()
        announce_opened(interaction)
    return interaction


def announce_opened(interaction: Interaction) -> None:
    """Tell listeners a case was opened and where it went; call after its commit.

    open_interaction() does it when it commits; callers that pass commit=False (the API,
    the intake with a safety report) call it after their own commit.
    """
    interaction_changed.send(interaction, action="opened")
    announce_assignment(interaction)


def _add_call(interaction: Interaction, data: CallData) -> Call:
    duration = None
    if data.ended_at is not None:
        duration = int((data.ended_at - data.started_at).total_seconds())
    call = Call(
        interaction=interaction,
        direction=data.direction,
        ani=(data.ani or "")[:32],
        agent_id=_user_id(),
        started_at=data.started_at,
        ended_at=data.ended_at,
        duration_seconds=duration,
        notes=data.notes or "",
        outcome=data.outcome,
    )
    db.session.add(call)
    db.session.flush()
    record_event(
        "call.logged",
        "call",
        call.id,
        new={
            "interaction": interaction.reference,
            "direction": call.direction,
            "ani": call.ani,
            "started_at": call.started_at,
            "ended_at": call.ended_at,
            "outcome": call.outcome,
            "duration_seconds": duration,
            "notes": call.notes,
        },
    )
    return call


def _require_editable(interaction: Interaction) -> None:
    if interaction.status == "closed":
        raise Conflict(f"{interaction.reference} is closed.")


def log_call(interaction: Interaction, data: CallData) -> Call:
    """Add a further call (a callback) to an interaction."""
    _require_editable(interaction)
    if errors := _check_call(data):
        raise ValidationFailed(errors)
    call = _add_call(interaction, data)
    db.session.commit()
    interaction_changed.send(interaction, action="call_logged")
    return call


def change_status(interaction: Interaction, new_status: str, reason: str | None = None) -> None:
    """Move an interaction along open → pending_info → escalated → answered → closed."""
    if new_status == "closed":
        return close_interaction(interaction)
    old = interaction.status
    if new_status not in TRANSITIONS.get(old, ()):
        raise Conflict(f"Cannot go from {old} to {new_status}.")
    if new_status == "answered" and not interaction.all_answered:
        raise Conflict("Answer every question before marking the case answered.")
    if old == "answered" and new_status == "open" and not (reason or "").strip():
        raise ValidationFailed({"reason": "Say why the answered case is reopened."})
    on_status_change(interaction, old, new_status)
    interaction.status = new_status
    record_event(
        "interaction.status_changed",
        "interaction",
        interaction.id,
        old={"status": old},
        new={"status": new_status},
        reason=reason,
    )
    db.session.commit()
    interaction_changed.send(interaction, action="status_changed")


def answer_request(request: InfoRequest, answer: str, reason: str | None = None) -> None:
    """Record the answer given to one question (a correction needs a reason)."""
    interaction = request.interaction
    _require_editable(interaction)
    text = (answer or "").strip()
    if not text:
        raise ValidationFailed({"answer": "The answer is required."})
    if len(text) > MAX_TEXT:
        raise ValidationFailed({"answer": f"Limited to {MAX_TEXT} characters."})
    if request.category == "off_label" and not interaction.unsolicited:
        raise DomainError(
            "Off-label information is only given in answer to an unsolicited request.",
            {"answer": "This request was solicited."},
        )
    old = request.answer
    if old is not None and not (reason or "").strip():
        raise ValidationFailed({"reason": "Say why the recorded answer is corrected."})
    request.answer = text
    request.answered_at = utcnow()
    request.answered_by_id = _user_id()
    record_event(
        "request.answered",
        "request",
        request.id,
        old={"answer": old} if old else None,
        new={"answer": text, "interaction": interaction.reference},
        reason=reason,
    )
    db.session.commit()
    interaction_changed.send(interaction, action="answered")


def record_ae_screening(interaction: Interaction, answer: str) -> None:
    """Record whether the caller mentioned an AE, special situation or complaint (yes/no)."""
    _require_editable(interaction)
    if answer not in AE_SCREENING:
        raise ValidationFailed({"ae_screening": "Answer yes or no."})
    old = interaction.ae_screening
    interaction.ae_screening = answer
    interaction.ae_screened_at = utcnow()
    record_event(
        "interaction.ae_screened",
        "interaction",
        interaction.id,
        old={"ae_screening": old},
        new={"ae_screening": answer},
    )
    db.session.commit()


def close_interaction(interaction: Interaction) -> None:
    """Close an answered case; the AE screening answer must be recorded first."""
    _require_editable(interaction)
    if interaction.status != "answered":
        raise Conflict("Only an answered case can be closed.")
    if interaction.ae_screening not in AE_SCREENING:
        raise ValidationFailed({"ae_screening": "Record the AE screening answer before closing."})
    if problems := close_blockers(interaction):
        raise Conflict(" ".join(problems))
    interaction.status = "closed"
    interaction.closed_at = utcnow()
    record_event(
        "interaction.closed",
        "interaction",
        interaction.id,
        old={"status": "answered"},
        new={"status": "closed"},
    )
    db.session.commit()
    interaction_changed.send(interaction, action="closed")


def get_interaction(interaction_id: int) -> Interaction:
    """Load an interaction or raise NotFound."""
    interaction = db.session.get(Interaction, interaction_id)
    if interaction is None:
        raise NotFound(f"No interaction #{interaction_id}.")
    return interaction
