"""Routing pages: admin of queues, rules, skills, calendars and policies; the queue board."""

from flask import Blueprint

bp = Blueprint("routing", __name__, url_prefix="/routing")

from medinfo.routing.views import admin, desk  # noqa: E402, F401  (routes register on bp)
