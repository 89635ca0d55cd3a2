"""WSGI entry point; `python wsgi.py` serves the app with Socket.IO."""

import logging

from medinfo import create_app
from medinfo.extensions import socketio

app = create_app()

if __name__ == "__main__":
    logging.basicConfig(
        level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s"
    )
    # allow_unsafe_werkzeug: the Werkzeug server refuses to start without a TTY otherwise;
    # production runs gunicorn's gthread worker instead (README).
    socketio.run(
        app,
        host=app.config["MEDINFO_HOST"],
        port=app.config["MEDINFO_PORT"],
        allow_unsafe_werkzeug=True,
        use_reloader=False,
    )
