"""POST /api/v1/telephony/events (the phone system) and GET /api/v1/telephony/calls (timer)."""

from __future__ import annotations

from typing import Literal

from flask import abort
from flask_login import current_user
from pydantic import Field

from medinfo.api import bp
from medinfo.api.schemas import Schema
from medinfo.api.support import api_route, parse_body, parse_query, respond
from medinfo.permissions import Permission
from medinfo.telephony import services


class TelephonyEventIn(Schema):
    """A call event from the phone system."""

    event: Literal["ringing", "answered", "ended"]
    call_id: str = Field(min_length=1, max_length=128, description="The phone system's call id.")
    ani: str = Field(
        max_length=40, description="The caller's number as presented (any format; may be empty)."
    )
    agent: str | None = Field(
        default=None,
        max_length=80,
        description="Username or id of the agent the call is for; default: the call's agent, "
        "else the token's user.",
    )


class TelephonyEventOut(Schema):
    """What was recorded and sent to the agent's screens."""

    event: str
    call_id: str
    agent: str
    seq: int | None = Field(description="Sequence number of the live event sent.")
    matches: int = Field(description="Contacts with this number (ringing only).")
    state: str


class CallQuery(Schema):
    """Which call."""

    call_id: str = Field(min_length=1, max_length=128)


class CallStateOut(Schema):
    """A call's state and times (UTC ISO 8601)."""

    call_id: str
    ani: str
    e164: str | None
    state: str
    rang_at: str | None
    answered_at: str | None
    ended_at: str | None


@api_route(
    bp,
    "/telephony/events",
    "POST",
    summary="Phone-system call event: ringing pops the caller on the agent's screen; answered "
    "and ended start and stop the intake call timer",
    permission=Permission.HANDLE_INTERACTIONS,
    body=TelephonyEventIn,
    response=TelephonyEventOut,
    status=202,
)
def telephony_event():
    """Record a call event and send it to the agent's screens."""
    data = parse_body(TelephonyEventIn)
    delivered = services.record_call_event(
        services.CallEvent(event=data.event, call_id=data.call_id, ani=data.ani, agent=data.agent),
        current_user,
    )
    return respond(
        TelephonyEventOut(
            event=data.event,
            call_id=delivered.call.call_id,
            agent=delivered.agent.username,
            seq=delivered.event["seq"] if delivered.event else None,
            matches=delivered.matches,
            state=delivered.call.state,
        ),
        202,
    )


@api_route(
    bp,
    "/telephony/calls",
    "GET",
    summary="A call you took: its state and times (the intake screen's timer)",
    permission=Permission.HANDLE_INTERACTIONS,
    query=CallQuery,
    response=CallStateOut,
)
def telephony_call():
    """One of the current user's calls."""

    query = parse_query(CallQuery)
    call = services.call_state(query.call_id, current_user) or abort(404)
    return respond(CallStateOut(**services.call_timing(call)))
