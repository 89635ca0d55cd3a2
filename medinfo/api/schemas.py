"""Request and response schemas of the JSON API (also the source of the OpenAPI document)."""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import AwareDatetime, BaseModel, ConfigDict, Field, StrictBool

from medinfo.contacts.models import PROFESSIONS, REGISTRY_TYPES
from medinfo.interactions.models import (
    CALL_DIRECTIONS,
    CALL_OUTCOMES,
    CATEGORIES,
    CHANNELS,
    PRIORITIES,
)

Text = Field(default="", max_length=20_000)


class Schema(BaseModel):
    """Base: unknown fields are ignored; strings are stripped and bounded."""

    model_config = ConfigDict(extra="ignore", str_strip_whitespace=True, str_max_length=20_000)


class ContactIn(Schema):
    """A new contact."""

    first_name: str = Field(default="", max_length=100)
    last_name: str = Field(min_length=1, max_length=100)
    profession: Literal[PROFESSIONS]
    specialty: str = Field(default="", max_length=100)
    registry_type: Literal[REGISTRY_TYPES] | None = None
    registry_number: str | None = Field(default=None, max_length=20)
    phone: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=254)
    institution: str = Field(default="", max_length=200)
    address: str = Field(default="", max_length=500)
    city: str = Field(default="", max_length=100)
    postal_code: str = Field(default="", max_length=20)
    country: str = Field(min_length=2, max_length=2)
    language: Literal["en", "fr"]
    consent_contact: StrictBool = False
    allow_duplicate: StrictBool = Field(
        default=False, description="Create even when it looks like an existing contact."
    )


class ContactOut(Schema):
    """A contact."""

    id: int
    first_name: str
    last_name: str
    profession: str
    specialty: str
    registry_type: str | None
    registry_number: str | None
    phones: list[str]
    email: str | None
    institution: str
    city: str
    country: str
    language: str


class ContactList(Schema):
    """Contacts found."""

    results: list[ContactOut]


class ContactQuery(Schema):
    """Find contacts by phone (any format) or free text (name, registry, e-mail, institution)."""

    phone: str | None = Field(default=None, max_length=40)
    country: str | None = Field(
        default=None,
        min_length=2,
        max_length=2,
        description="Region for numbers in national format.",
    )
    q: str | None = Field(default=None, max_length=200)
    limit: int = Field(default=20, ge=1, le=100)


class HistoryQuery(Schema):
    """History filters."""

    type: str | None = Field(default=None, description="interaction, call, response, …")
    page: int = Field(default=1, ge=1, le=10_000)
    per_page: int = Field(default=25, ge=1, le=200)


class HistoryEventOut(Schema):
    """One event of a contact's history."""

    type: str
    at: datetime
    id: int
    interaction_id: int | None
    reference: str | None
    title: str
    detail: str


class HistoryOut(Schema):
    """A page of history, newest first."""

    events: list[HistoryEventOut]
    total: int
    page: int
    pages: int


class RequestIn(Schema):
    """One question."""

    product: str | None = Field(default=None, max_length=100)
    category: Literal[CATEGORIES]
    question: str = Field(min_length=1, max_length=20_000)


class CallIn(Schema):
    """A call log."""

    started_at: AwareDatetime
    ended_at: AwareDatetime | None = None
    ani: str = Field(default="", max_length=32)
    notes: str = Text
    outcome: Literal[CALL_OUTCOMES] = "answered"
    direction: Literal[CALL_DIRECTIONS] = "inbound"


class InteractionIn(Schema):
    """A new interaction with its questions (and optionally its first call)."""

    contact_id: int = Field(ge=1)
    channel: Literal[CHANNELS]
    unsolicited: StrictBool
    language: Literal["en", "fr"]
    received_at: AwareDatetime | None = None
    priority: Literal[PRIORITIES] = "normal"
    requester_name: str = Field(default="", max_length=200)
    requester_relation: str = Field(default="", max_length=100)
    requests: list[RequestIn] = Field(min_length=1, max_length=20)
    call: CallIn | None = None


class RequestOut(Schema):
    """A question and its answer."""

    id: int
    product: str | None
    category: str
    question: str
    answer: str | None
    answered_at: datetime | None


class CallOut(Schema):
    """A logged call."""

    id: int
    direction: str
    ani: str
    started_at: datetime
    ended_at: datetime | None
    duration_seconds: int | None
    notes: str
    outcome: str


class InteractionOut(Schema):
    """An interaction."""

    id: int
    reference: str
    channel: str
    contact_id: int
    status: str
    priority: str
    language: str
    country: str
    unsolicited: bool
    received_at: datetime
    sla_due_at: datetime | None
    ae_screening: str | None
    requests: list[RequestOut]
    calls: list[CallOut]
