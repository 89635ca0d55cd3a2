"""Domain signals, sent by services after commit and turned into Socket.IO messages.

Each is sent with the changed object as sender and keyword arguments described below; the
receiver in medinfo/realtime decides which rooms hear about it. Send only after commit.
"""

from blinker import Namespace

_signals = Namespace()

# sender: Interaction; action="opened" | "call_logged" | "status_changed" | "answered" | "closed"
interaction_changed = _signals.signal("interaction-changed")
# sender: Contact
contact_changed = _signals.signal("contact-changed")
# sender: Interaction; queue: str, owner_id: int | None (routing and manual reassignment)
interaction_assigned = _signals.signal("interaction-assigned")
# sender: Escalation (or the escalated InfoRequest); action="escalated" | "answered" | "signed"
escalation_changed = _signals.signal("escalation-changed")
# sender: SafetyReport; action="created" | "submitted" | "transferred" | "acknowledged" | …
safety_report_changed = _signals.signal("safety-report-changed")
# sender: ArticleVersion; action="approved" | "retired"
article_changed = _signals.signal("article-changed")
