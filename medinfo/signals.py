"""Domain signals, sent by services after commit and turned into Socket.IO messages."""

from blinker import Namespace

_signals = Namespace()

interaction_changed = _signals.signal("interaction-changed")
contact_changed = _signals.signal("contact-changed")
