"""Every domain's models, imported in one place for migrations and create_all()."""

from medinfo.audit.models import AuditChainHead, AuditEvent
from medinfo.auth.models import ApiToken, User
from medinfo.catalog.models import Product
from medinfo.contacts.models import Contact, ContactPhone
from medinfo.idempotency import IdempotencyKey
from medinfo.interactions.models import Call, InfoRequest, Interaction, ReferenceCounter

__all__ = [
    "ApiToken",
    "AuditChainHead",
    "AuditEvent",
    "Call",
    "Contact",
    "ContactPhone",
    "IdempotencyKey",
    "InfoRequest",
    "Interaction",
    "Product",
    "ReferenceCounter",
    "User",
]
