"""The interactions domain's contributions to a contact's history."""

from __future__ import annotations

from sqlalchemy import Select, cast, func, literal, select
from sqlalchemy.types import String

from medinfo.contacts.history import labelled, register_history_source
from medinfo.interactions.models import Call, InfoRequest, Interaction


def interactions_of(contact_id: int) -> Select:
    """Interactions opened for the contact."""
    first_question = (
        select(InfoRequest.question)
        .where(InfoRequest.interaction_id == Interaction.id)
        .order_by(InfoRequest.position)
        .limit(1)
        .scalar_subquery()
    )
    return select(
        *labelled(
            "interaction",
            Interaction.received_at,
            Interaction.id,
            Interaction.id,
            Interaction.reference,
            Interaction.channel + literal(" · ") + Interaction.status,
            first_question,
        )
    ).where(Interaction.contact_id == contact_id)


def calls_of(contact_id: int) -> Select:
    """Calls logged on the contact's interactions."""
    return (
        select(
            *labelled(
                "call",
                Call.started_at,
                Call.id,
                Interaction.id,
                Interaction.reference,
                Call.direction
                + literal(" · ")
                + Call.outcome
                + literal(" · ")
                + func.coalesce(cast(Call.duration_seconds, String), literal("?"))
                + literal(" s"),
                Call.notes,
            )
        )
        .join(Interaction, Call.interaction_id == Interaction.id)
        .where(Interaction.contact_id == contact_id)
    )


def responses_of(contact_id: int) -> Select:
    """Answers given to the contact's questions."""
    return (
        select(
            *labelled(
                "response",
                InfoRequest.answered_at,
                InfoRequest.id,
                Interaction.id,
                Interaction.reference,
                InfoRequest.question,
                InfoRequest.answer,
            )
        )
        .join(Interaction, InfoRequest.interaction_id == Interaction.id)
        .where(Interaction.contact_id == contact_id, InfoRequest.answered_at.is_not(None))
    )


def register() -> None:
    """Add interactions, calls and responses to contact histories."""
    register_history_source("interaction", interactions_of)
    register_history_source("call", calls_of)
    register_history_source("response", responses_of)
