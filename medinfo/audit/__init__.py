"""The tamper-evident audit trail: every state change writes one event in its own transaction."""

from medinfo.audit.chain import record_event, verify_chain

__all__ = ["record_event", "verify_chain"]
