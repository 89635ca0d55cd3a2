"""Contact workflows: validate, create (with duplicate warning), update, search."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from email_validator import EmailNotValidError, validate_email
from flask import current_app
from sqlalchemy import or_, select
from sqlalchemy.orm import selectinload

from medinfo.audit import record_event
from medinfo.contacts.models import PROFESSIONS, REGISTRY_TYPES, Contact, ContactPhone
from medinfo.contacts.validation import (
    fold,
    normalise_phone,
    phone_or_none,
    registry_error,
    search_name,
)
from medinfo.database import utcnow
from medinfo.errors import DomainError, ValidationFailed
from medinfo.extensions import db

LANGUAGES = ("en", "fr")


@dataclass
class ContactData:
    """Plain values describing a contact, from a form, the API or the intake screen."""

    first_name: str
    last_name: str
    profession: str
    country: str
    language: str
    specialty: str = ""
    registry_type: str | None = None
    registry_number: str | None = None
    phones: list[str] = field(default_factory=list)
    email: str | None = None
    institution: str = ""
    address: str = ""
    city: str = ""
    postal_code: str = ""
    consent_contact: bool = False


class DuplicateSuspected(DomainError):
    """The new contact looks like existing ones; the caller must pick one or confirm."""

    status = 409
    code = "possible_duplicate"

    def __init__(self, candidates: list[Contact]) -> None:
        super().__init__(
            "This contact looks like an existing one.",
            {
                "contact": "Possible duplicate of "
                + ", ".join(f"#{c.id} {c.full_name}" for c in candidates)
            },
        )
        self.candidates = candidates


def clean_contact(data: ContactData) -> ContactData:
    """Validate and normalise; raise ValidationFailed naming every bad field."""
    errors: dict[str, str] = {}
    first, last = (data.first_name or "").strip(), (data.last_name or "").strip()
    if not last:
        errors["last_name"] = "Last name is required."
    elif len(last) > 100:
        errors["last_name"] = "Names are limited to 100 characters."
    if len(first) > 100:
        errors["first_name"] = "Names are limited to 100 characters."
    if data.profession not in PROFESSIONS:
        errors["profession"] = f"Profession must be one of: {', '.join(PROFESSIONS)}."
    country = (data.country or "").strip().upper()
    if len(country) != 2 or not country.isalpha():
        errors["country"] = "Country is a two-letter ISO code, e.g. FR."
    if data.language not in LANGUAGES:
        errors["language"] = "Language must be en or fr."
    rtype = (data.registry_type or "").strip().lower() or None
    rnum = (data.registry_number or "").replace(" ", "") or None
    if rtype and rtype not in REGISTRY_TYPES:
        errors["registry_type"] = "Registry type must be rpps or npi."
    elif problem := registry_error(rtype, rnum):
        errors["registry_number"] = problem
    phones: list[str] = []
    for raw in data.phones or []:
        if not (raw or "").strip():
            continue
        try:
            phones.append(
                normalise_phone(raw, country or current_app.config["MEDINFO_DEFAULT_COUNTRY"])
            )
        except ValueError:
            errors["phone"] = f"{raw!r} is not a valid phone number."
    email = (data.email or "").strip() or None
    if email:
        try:
            email = validate_email(email, check_deliverability=False).normalized
        except EmailNotValidError:
            errors["email"] = "This e-mail address is not valid."
    if errors:
        raise ValidationFailed(errors)
    return ContactData(
        first_name=first,
        last_name=last,
        profession=data.profession,
        country=country,
        language=data.language,
        specialty=(data.specialty or "").strip(),
        registry_type=rtype if rnum else None,
        registry_number=rnum,
        phones=list(dict.fromkeys(phones)),
        email=email,
        institution=(data.institution or "").strip(),
        address=(data.address or "").strip(),
        city=(data.city or "").strip(),
        postal_code=(data.postal_code or "").strip(),
        consent_contact=bool(data.consent_contact),
    )


def snapshot(contact: Contact) -> dict:
    """The audited view of a contact."""
    return {
        "first_name": contact.first_name,
        "last_name": contact.last_name,
        "profession": contact.profession,
        "specialty": contact.specialty,
        "registry_type": contact.registry_type,
        "registry_number": contact.registry_number,
        "phones": [p.e164 for p in contact.phones],
        "email": contact.email,
        "institution": contact.institution,
        "address": contact.address,
        "city": contact.city,
        "postal_code": contact.postal_code,
        "country": contact.country,
        "language": contact.language,
        "consent_contact": contact.consent_contact,
    }


def possible_duplicates(data: ContactData, exclude_id: int | None = None) -> list[Contact]:
    """Existing contacts with the same registry number, a shared phone, or name and city."""
    conditions = []
    if data.registry_number:
        conditions.append(Contact.registry_number == data.registry_number)
    if data.phones:
        conditions.append(Contact.phones.any(ContactPhone.e164.in_(data.phones)))
    if data.city:
        conditions.append(
            (Contact.search_name == search_name(data.first_name, data.last_name))
            & (Contact.city.ilike(data.city))
        )
    if not conditions:
        return []
    stmt = select(Contact).where(or_(*conditions)).limit(10)
    if exclude_id is not None:
        stmt = stmt.where(Contact.id != exclude_id)
    return list(db.session.scalars(stmt))


def _apply(contact: Contact, data: ContactData) -> None:
    values = asdict(data)
    phones = values.pop("phones")
    for key, value in values.items():
        setattr(contact, key, value)
    contact.search_name = search_name(data.first_name, data.last_name)
    if data.consent_contact and contact.consent_at is None:
        contact.consent_at = utcnow()
    if not data.consent_contact:
        contact.consent_at = None
    existing = {p.e164: p for p in contact.phones}
    contact.phones = [existing.get(e) or ContactPhone(e164=e) for e in phones]


def add_contact(data: ContactData, *, allow_duplicate: bool = False) -> Contact:
    """Validate and add a contact to the current transaction (no commit)."""
    data = clean_contact(data)
    if not allow_duplicate and (dupes := possible_duplicates(data)):
        raise DuplicateSuspected(dupes)
    contact = Contact()
    _apply(contact, data)
    db.session.add(contact)
    db.session.flush()
    record_event("contact.created", "contact", contact.id, new=snapshot(contact))
    return contact


def create_contact(data: ContactData, *, allow_duplicate: bool = False) -> Contact:
    """Create a contact; warn (DuplicateSuspected) instead of silently duplicating."""
    contact = add_contact(data, allow_duplicate=allow_duplicate)
    db.session.commit()
    return contact


def update_contact(contact: Contact, data: ContactData, reason: str | None = None) -> Contact:
    """Change a contact's details; the audit event keeps old and new values."""
    data = clean_contact(data)
    old = snapshot(contact)
    _apply(contact, data)
    new = snapshot(contact)
    if new != old:
        changed = {k for k in new if new[k] != old[k]}
        record_event(
            "contact.updated",
            "contact",
            contact.id,
            old={k: old[k] for k in changed},
            new={k: new[k] for k in changed},
            reason=reason,
        )
    db.session.commit()
    return contact


def get_contact(contact_id: int) -> Contact | None:
    """Load one contact with its phones."""
    return db.session.get(Contact, contact_id, options=[selectinload(Contact.phones)])


def search_contacts(query: str, limit: int = 20) -> list[Contact]:
    """Find contacts by phone (any format), registry number, e-mail, name or institution."""
    q = (query or "").strip()
    if not q:
        return []
    stmt = select(Contact).options(selectinload(Contact.phones)).limit(limit)
    e164 = phone_or_none(q, current_app.config["MEDINFO_DEFAULT_COUNTRY"])
    compact = q.replace(" ", "")
    # Ten or eleven digits may be a phone number or an NPI/RPPS: look for both.
    exact = []
    if e164:
        exact.append(Contact.phones.any(ContactPhone.e164 == e164))
    if compact.isdigit() and len(compact) in (10, 11):
        exact.append(Contact.registry_number == compact)
    if exact:
        return list(db.session.scalars(stmt.where(or_(*exact))))
    if "@" in q:
        return list(db.session.scalars(stmt.where(Contact.email.ilike(q))))
    words = fold(q).split()
    stmt = stmt.order_by(Contact.search_name)
    conditions = []
    for word in words[:4]:
        like = f"%{word.replace('%', '').replace('_', '')}%"
        conditions.append(or_(Contact.search_name.like(like), Contact.institution.ilike(like)))
    return list(db.session.scalars(stmt.where(*conditions)))


def find_by_phone(raw: str, region: str | None = None) -> list[Contact]:
    """Contacts that own this number (for screen pop); empty when it is not a number."""
    e164 = phone_or_none(raw, region or current_app.config["MEDINFO_DEFAULT_COUNTRY"])
    if not e164:
        return []
    stmt = (
        select(Contact)
        .options(selectinload(Contact.phones))
        .where(Contact.phones.any(ContactPhone.e164 == e164))
    )
    return list(db.session.scalars(stmt))
