"""JSON API under /api/v1 (bearer token or session), described by /api/v1/openapi.json."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from medinfo.api import contacts, docs, interactions  # noqa: E402,F401  (routes register on bp)
