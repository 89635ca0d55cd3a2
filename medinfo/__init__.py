"""MedInfo Desk: the medical-information desk of a pharmaceutical company."""

from __future__ import annotations

from flask import Flask

from config import Config, config_from_env


def create_app(config_class: type[Config] | None = None) -> Flask:
    """Build the application: a table of contents of register_* calls, no side effects."""
    config_class = config_class or config_from_env()
    config_class.check()
    app = Flask(__name__, instance_relative_config=False)
    app.config.from_object(config_class)

    from medinfo import setup

    setup.register_extensions(app)
    setup.register_auth(app)
    setup.register_i18n(app)
    setup.register_security(app)
    setup.register_domains(app)
    setup.register_blueprints(app)
    setup.register_template_helpers(app)
    setup.register_error_handlers(app)
    setup.register_cli(app)
    setup.register_realtime(app)
    return app
