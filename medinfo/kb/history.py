"""The knowledge base's contribution to a contact's history: which article version was used."""

from __future__ import annotations

from sqlalchemy import Select, cast, literal, select
from sqlalchemy.types import String

from medinfo.contacts.history import labelled, register_history_source
from medinfo.interactions.models import InfoRequest, Interaction
from medinfo.kb.models import ArticleVersion, RequestKbVersion


def kb_documents_of(contact_id: int) -> Select:
    """Article versions used in answers to the contact's questions."""
    return (
        select(
            *labelled(
                "kb_document",
                RequestKbVersion.attached_at,
                RequestKbVersion.id,
                Interaction.id,
                Interaction.reference,
                ArticleVersion.article_id
                + literal(" v")
                + cast(ArticleVersion.version, String)
                + literal(" · ")
                + ArticleVersion.title,
                InfoRequest.question,
            )
        )
        .join(InfoRequest, RequestKbVersion.request_id == InfoRequest.id)
        .join(Interaction, InfoRequest.interaction_id == Interaction.id)
        .join(ArticleVersion, RequestKbVersion.version_id == ArticleVersion.id)
        .where(Interaction.contact_id == contact_id)
    )


def register() -> None:
    """Add "kb_document" events to contact histories."""
    register_history_source("kb_document", kb_documents_of)
