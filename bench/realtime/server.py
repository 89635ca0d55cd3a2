"""The benchmark's app server: `python wsgi.py`-like, plus a stdin trigger for escalations.

Each line `fire N` read on stdin sends the real `escalation_changed` signal (as the review
service does after commit) for a stand-in escalation, so the measured path is the production
one: signal → event log row (sequence number) → emit to `role:medical_reviewer` → clients.
"""

from __future__ import annotations

import os
import sys
import threading
from types import SimpleNamespace


def main() -> None:
    """Serve on MEDINFO_PORT; fire an escalation per `fire N` line on stdin."""
    from medinfo import create_app
    from medinfo.extensions import db, socketio
    from medinfo.signals import escalation_changed

    app = create_app()
    with app.app_context():
        db.create_all()

    def trigger() -> None:
        for line in sys.stdin:
            parts = line.split()
            if len(parts) == 2 and parts[0] == "fire":
                with app.test_request_context():
                    escalation = SimpleNamespace(
                        id=int(parts[1]), interaction_id=None, interaction=None, reference=None
                    )
                    escalation_changed.send(escalation, action="escalated")

    threading.Thread(target=trigger, daemon=True).start()
    socketio.run(
        app,
        host="127.0.0.1",
        port=int(os.environ["MEDINFO_PORT"]),
        allow_unsafe_werkzeug=True,
        use_reloader=False,
        log_output=False,
    )


if __name__ == "__main__":
    main()
