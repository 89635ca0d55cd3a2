"""Contacts API."""

from __future__ import annotations

from flask import abort

from medinfo.api import bp
from medinfo.api.schemas import (
    ContactIn,
    ContactList,
    ContactOut,
    ContactQuery,
    HistoryOut,
    HistoryQuery,
)
from medinfo.api.support import api_route, parse_body, parse_query, respond
from medinfo.contacts import services
from medinfo.contacts.history import contact_history
from medinfo.contacts.models import Contact
from medinfo.permissions import Permission


def contact_out(c: Contact) -> ContactOut:
    """Schema instance for a contact."""
    return ContactOut(
        id=c.id,
        first_name=c.first_name,
        last_name=c.last_name,
        profession=c.profession,
        specialty=c.specialty,
        registry_type=c.registry_type,
        registry_number=c.registry_number,
        phones=[p.e164 for p in c.phones],
        email=c.email,
        institution=c.institution,
        city=c.city,
        country=c.country,
        language=c.language,
    )


@api_route(
    bp,
    "/contacts",
    "POST",
    summary="Create a contact (409 when it looks like an existing one, unless allow_duplicate)",
    permission=Permission.EDIT_CONTACTS,
    body=ContactIn,
    response=ContactOut,
    status=201,
)
def create_contact():
    """Create a contact."""
    data = parse_body(ContactIn)
    contact = services.create_contact(
        services.ContactData(
            first_name=data.first_name,
            last_name=data.last_name,
            profession=data.profession,
            country=data.country,
            language=data.language,
            specialty=data.specialty,
            registry_type=data.registry_type,
            registry_number=data.registry_number,
            phones=[data.phone] if data.phone else [],
            email=data.email,
            institution=data.institution,
            address=data.address,
            city=data.city,
            postal_code=data.postal_code,
            consent_contact=data.consent_contact,
        ),
        allow_duplicate=data.allow_duplicate,
    )
    return respond(contact_out(contact), 201)


@api_route(
    bp,
    "/contacts",
    "GET",
    summary="Find contacts by phone or free text",
    permission=Permission.VIEW_CONTACTS,
    query=ContactQuery,
    response=ContactList,
)
def find_contacts():
    """Find contacts."""
    q = parse_query(ContactQuery)
    if q.phone:
        found = services.find_by_phone(q.phone, q.country)[: q.limit]
    else:
        found = services.search_contacts(q.q or "", limit=q.limit)
    return respond(ContactList(results=[contact_out(c) for c in found]))


@api_route(
    bp,
    "/contacts/{contact_id}",
    "GET",
    summary="One contact",
    permission=Permission.VIEW_CONTACTS,
    response=ContactOut,
)
def get_contact(contact_id: int):
    """One contact."""
    contact = services.get_contact(contact_id) or abort(404)
    return respond(contact_out(contact))


@api_route(
    bp,
    "/contacts/{contact_id}/history",
    "GET",
    summary="The contact's history, newest first",
    permission=Permission.VIEW_CONTACTS,
    query=HistoryQuery,
    response=HistoryOut,
)
def history(contact_id: int):
    """A page of the contact's history."""
    contact = services.get_contact(contact_id) or abort(404)
    q = parse_query(HistoryQuery)
    page = contact_history(
        contact.id, types=q.type.split(",") if q.type else None, page=q.page, per_page=q.per_page
    )
    return respond(
        {
            "events": [
                {
                    "type": e.type,
                    "at": e.at.isoformat(),
                    "id": e.id,
                    "interaction_id": e.interaction_id,
                    "reference": e.reference,
                    "title": e.title,
                    "detail": e.detail,
                }
                for e in page.events
            ],
            "total": page.total,
            "page": page.page,
            "pages": page.pages,
        }
    )
