"""Interaction pages: the intake screen, the case list, and case actions."""

from flask import Blueprint

bp = Blueprint("interactions", __name__, url_prefix="/cases")

from medinfo.interactions.views import cases, intake  # noqa: E402,F401  (routes register on bp)
