"""Interactions API (POST honours Idempotency-Key)."""

from __future__ import annotations

from flask import abort, request
from flask_login import current_user

from medinfo.api import bp
from medinfo.api.schemas import CallIn, CallOut, InteractionIn, InteractionOut, RequestOut
from medinfo.api.support import api_route, parse_body, respond
from medinfo.extensions import db
from medinfo.idempotency import run_once
from medinfo.interactions import services
from medinfo.interactions.models import Call, Interaction
from medinfo.permissions import (
    Permission,
    can_edit_interaction,
    can_view_interaction,
    require,
)


def call_out(c: Call) -> CallOut:
    """Schema instance for a call."""
    return CallOut(
        id=c.id,
        direction=c.direction,
        ani=c.ani,
        started_at=c.started_at,
        ended_at=c.ended_at,
        duration_seconds=c.duration_seconds,
        notes=c.notes,
        outcome=c.outcome,
    )


def interaction_out(i: Interaction) -> InteractionOut:
    """Schema instance for an interaction."""
    return InteractionOut(
        id=i.id,
        reference=i.reference,
        channel=i.channel,
        contact_id=i.contact_id,
        status=i.status,
        priority=i.priority,
        language=i.language,
        country=i.country,
        unsolicited=i.unsolicited,
        received_at=i.received_at,
        sla_due_at=i.sla_due_at,
        ae_screening=i.ae_screening,
        requests=[
            RequestOut(
                id=r.id,
                product=r.product.name if r.product else None,
                category=r.category,
                question=r.question,
                answer=r.answer,
                answered_at=r.answered_at,
            )
            for r in i.requests
        ],
        calls=[call_out(c) for c in i.calls],
    )


def _call_data(c: CallIn) -> services.CallData:
    return services.CallData(
        started_at=c.started_at,
        ended_at=c.ended_at,
        ani=c.ani,
        notes=c.notes,
        outcome=c.outcome,
        direction=c.direction,
    )


@api_route(
    bp,
    "/interactions",
    "POST",
    summary="Open an interaction with its requests; the same "
    "Idempotency-Key returns the same interaction",
    permission=Permission.HANDLE_INTERACTIONS,
    body=InteractionIn,
    response=InteractionOut,
    status=201,
    idempotent=True,
)
def create_interaction():
    """Open an interaction."""
    data = parse_body(InteractionIn)
    created: list[Interaction] = []

    def create():
        interaction = services.open_interaction(
            services.InteractionData(
                contact_id=data.contact_id,
                channel=data.channel,
                unsolicited=data.unsolicited,
                language=data.language,
                received_at=data.received_at,
                priority=data.priority,
                requester_name=data.requester_name,
                requester_relation=data.requester_relation,
                requests=[
                    services.RequestData(
                        category=r.category, question=r.question, product=r.product
                    )
                    for r in data.requests
                ],
                call=_call_data(data.call) if data.call else None,
            ),
            commit=False,
        )
        created.append(interaction)
        return interaction_out(interaction).model_dump(mode="json"), 201

    body, status, replayed = run_once(
        f"interactions:{current_user.id}",
        request.headers.get("Idempotency-Key"),
        data.model_dump(mode="json"),
        create,
    )
    if created and not replayed:
        services.announce_opened(created[0])
    return respond(body, status, {"Idempotent-Replayed": "true"} if replayed else None)


@api_route(
    bp,
    "/interactions/{interaction_id}",
    "GET",
    summary="One interaction",
    permission=Permission.VIEW_INTERACTIONS,
    response=InteractionOut,
)
def get_interaction(interaction_id: int):
    """One interaction with its requests and calls."""
    interaction = db.session.get(Interaction, interaction_id) or abort(404)
    require(can_view_interaction(current_user, interaction))
    return respond(interaction_out(interaction))


@api_route(
    bp,
    "/interactions/{interaction_id}/calls",
    "POST",
    summary="Log a further call",
    permission=Permission.HANDLE_INTERACTIONS,
    body=CallIn,
    response=CallOut,
    status=201,
)
def add_call(interaction_id: int):
    """Log a call on an interaction."""
    interaction = db.session.get(Interaction, interaction_id) or abort(404)
    require(can_edit_interaction(current_user, interaction))
    call = services.log_call(interaction, _call_data(parse_body(CallIn)))
    return respond(call_out(call), 201)
