"""What a signature covers and how its validity is checked (pure functions)."""

from __future__ import annotations

import hashlib
import hmac
import json
from datetime import UTC, datetime

from medinfo.interactions.models import InfoRequest


def signed_content(
    request: InfoRequest,
    answer: str,
    *,
    meaning: str,
    signer_id: int,
    signed_at: datetime,
    kb_versions: list | tuple = (),
) -> bytes:
    """The canonical bytes a signature is bound to: the question, the answer and the manifest."""
    return json.dumps(
        {
            "request_id": request.id,
            "interaction_id": request.interaction_id,
            "question": request.question,
            "answer": answer,
            "kb_versions": list(kb_versions),
            "meaning": meaning,
            "signer_id": signer_id,
            "signed_at": signed_at.astimezone(UTC).isoformat(timespec="seconds"),
        },
        sort_keys=True,
        separators=(",", ":"),
        ensure_ascii=False,
    ).encode()


def kb_manifest(request: InfoRequest) -> list[dict]:
    """The knowledge-base versions attached to a request's answer (empty without the KB)."""
    links = getattr(request, "kb_links", None) or []
    return sorted(
        ({"label": link.version.label, "body_hash": link.version.body_hash} for link in links),
        key=lambda item: item["label"],
    )


def content_hash(content: bytes) -> str:
    """SHA-256 of the signed content, hex."""
    return hashlib.sha256(content).hexdigest()


def is_valid(signature) -> bool:
    """Valid while the request's current question, answer and KB versions hash to its hash."""
    request = signature.request
    if request is None or request.answer is None:
        return False
    current = signed_content(
        request,
        request.answer,
        meaning=signature.meaning,
        signer_id=signature.signer_id,
        signed_at=signature.signed_at,
        kb_versions=kb_manifest(request),
    )
    return hmac.compare_digest(content_hash(current), signature.content_hash)
