"""Every domain's models, imported in one place for migrations and create_all()."""

from medinfo.audit.models import AuditChainHead, AuditEvent
from medinfo.auth.models import ApiToken, User
from medinfo.catalog.models import Product
from medinfo.contacts.models import Contact, ContactPhone
from medinfo.idempotency import IdempotencyKey
from medinfo.interactions.models import Call, InfoRequest, Interaction, ReferenceCounter
from medinfo.kb.models import Article, ArticleVersion, RequestKbVersion
from medinfo.realtime.models import CasePresence, RealtimeEvent, RealtimeSequence  # noqa: F401
from medinfo.review.models import Escalation, Signature  # noqa: F401
from medinfo.routing.models import AgentProfile, Queue, RoutingRule, SlaPolicy  # noqa: F401
from medinfo.safety.models import SafetyReport  # noqa: F401  (and its sibling tables)
from medinfo.telephony.models import TelephonyCall  # noqa: F401

__all__ = [
    "ApiToken",
    "Article",
    "ArticleVersion",
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
    "RequestKbVersion",
    "User",
]
