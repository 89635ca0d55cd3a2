"""Call events from the phone system: record the call, then pop or time it on the agent's screen.

``ringing`` pops the caller's record and recent history (matched by E.164 number) on the target
agent's screens, or a link to a new-contact intake with the number filled in; ``answered`` and
``ended`` start and stop the intake screen's call timer. Each event is recorded (and audited) in
one transaction, then sent to the agent's room as a logged, numbered live event.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from urllib.parse import urlencode

from flask import current_app, url_for
from sqlalchemy import select

from medinfo.audit.chain import record_event
from medinfo.auth.models import User
from medinfo.contacts.history import contact_history
from medinfo.contacts.models import Contact
from medinfo.contacts.services import find_by_phone
from medinfo.contacts.validation import phone_or_none
from medinfo.database import utcnow
from medinfo.errors import Conflict, ValidationFailed
from medinfo.extensions import db
from medinfo.permissions import Permission
from medinfo.realtime.events import publish
from medinfo.realtime.rooms import user_room
from medinfo.telephony.models import TelephonyCall

HISTORY_ITEMS = 5
MAX_MATCHES = 5


@dataclass(frozen=True)
class CallEvent:
    """One event as the phone system sent it."""

    event: str  # "ringing" | "answered" | "ended"
    call_id: str
    ani: str
    agent: str | None = None  # username or user id of the agent the call is for


@dataclass(frozen=True)
class Delivered:
    """What was recorded and sent."""

    call: TelephonyCall
    agent: User
    event: dict | None
    matches: int


def resolve_agent(agent: str | None, caller: User, call: TelephonyCall | None) -> User:
    """The agent to notify: named in the event, else the call's agent, else the caller."""
    if agent:
        stmt = select(User).where(User.username == agent)
        if agent.isdigit():
            stmt = select(User).where((User.username == agent) | (User.id == int(agent)))
        user = db.session.scalars(stmt).first()
        if user is None or not user.is_active:
            raise ValidationFailed({"agent": "No active user has this username or id."})
        if not user.can(Permission.HANDLE_INTERACTIONS):
            raise ValidationFailed({"agent": "This user does not take calls."})
        return user
    if call is not None:
        return db.session.get(User, call.agent_id)
    if caller.can(Permission.HANDLE_INTERACTIONS):
        return caller
    raise ValidationFailed({"agent": "Name the agent the call is for."})


def _contact_summary(contact: Contact) -> dict:
    return {
        "id": contact.id,
        "name": f"{contact.first_name} {contact.last_name}".strip(),
        "profession": contact.profession,
        "specialty": contact.specialty,
        "institution": contact.institution,
        "city": contact.city,
        "country": contact.country,
        "language": contact.language,
        "url": url_for("contacts.show", contact_id=contact.id),
    }


def screen_pop(call: TelephonyCall) -> dict:
    """The caller's record and recent history, or the new-contact intake link."""
    contacts = find_by_phone(call.e164 or call.ani) if (call.e164 or call.ani) else []
    phone = call.e164 or call.ani
    base = url_for("interactions.intake")
    query = {"phone": phone, "call": call.call_id}
    pop: dict = {
        "call_id": call.call_id,
        "ani": call.ani,
        "e164": call.e164,
        "contacts": [_contact_summary(c) for c in contacts[:MAX_MATCHES]],
        "matches": len(contacts),
        "history": [],
        "intake_url": f"{base}?{urlencode(query)}",
    }
    if len(contacts) == 1:
        contact = contacts[0]
        pop["intake_url"] = f"{base}?{urlencode({**query, 'contact': contact.id})}"
        page = contact_history(contact.id, per_page=HISTORY_ITEMS)
        pop["history"] = [
            {
                "type": e.type,
                "at": e.at.isoformat(),
                "reference": e.reference,
                "title": e.title,
                "url": url_for("interactions.show", interaction_id=e.interaction_id)
                if e.interaction_id
                else None,
            }
            for e in page.events
        ]
    return pop


def _timing(call: TelephonyCall) -> dict:
    def iso(value: datetime | None) -> str | None:
        return value.isoformat() if value else None

    return {
        "call_id": call.call_id,
        "ani": call.ani,
        "e164": call.e164,
        "state": call.state,
        "rang_at": iso(call.rang_at),
        "answered_at": iso(call.answered_at),
        "ended_at": iso(call.ended_at),
    }


def _apply(call: TelephonyCall, event: str, now: datetime) -> None:
    if event == "ringing":
        if call.state != "ringing":
            raise Conflict("This call was already answered or ended.", {"event": "out of order"})
        call.rang_at = call.rang_at or now
    elif event == "answered":
        if call.state == "ended":
            raise Conflict("This call has already ended.", {"event": "out of order"})
        call.state = "answered"
        call.answered_at = call.answered_at or now
    else:
        call.state = "ended"
        call.ended_at = call.ended_at or now


def record_call_event(data: CallEvent, caller: User, now: datetime | None = None) -> Delivered:
    """Record one call event (audited, one commit), then send it to the agent's screens."""
    now = now or utcnow()
    call = db.session.scalar(select(TelephonyCall).where(TelephonyCall.call_id == data.call_id))
    agent = resolve_agent(data.agent, caller, call)
    if call is not None and agent.id != call.agent_id and data.event != "ringing":
        raise ValidationFailed({"agent": "This call was offered to another agent."})
    old = _timing(call) if call is not None else None
    if call is None:
        call = TelephonyCall(call_id=data.call_id, agent_id=agent.id, state="ringing")
        db.session.add(call)
    try:
        _apply(call, data.event, now)
    except Conflict:
        db.session.rollback()
        raise
    call.agent_id = agent.id
    if data.ani:
        call.ani = data.ani
        call.e164 = phone_or_none(data.ani, current_app.config["MEDINFO_DEFAULT_COUNTRY"])
    db.session.flush()
    record_event(
        f"telephony.{data.event}",
        "telephony_call",
        call.id,
        old=old,
        new={**_timing(call), "agent": agent.username},
    )
    db.session.commit()
    if data.event == "ringing":
        payload = screen_pop(call)
        matches = payload["matches"]
    else:
        payload, matches = _timing(call), 0
    envelope = publish(f"call.{data.event}", user_room(agent.id), payload)
    return Delivered(call, agent, envelope, matches)


def call_state(call_id: str, user: User) -> TelephonyCall | None:
    """A call the user took (the intake screen reads its timer from it)."""
    call = db.session.scalar(select(TelephonyCall).where(TelephonyCall.call_id == call_id))
    if call is None or call.agent_id != user.id:
        return None
    return call


def call_timing(call: TelephonyCall) -> dict:
    """The call's state and times, as sent to screens."""
    return _timing(call)
