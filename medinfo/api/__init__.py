"""JSON API under /api/v1 (bearer token or session), described by /api/v1/openapi.json."""

from flask import Blueprint

bp = Blueprint("api", __name__, url_prefix="/api/v1")

from medinfo.api import contacts, docs, interactions  # noqa: E402,F401  (routes register on bp)
from medinfo.kb import api as kb_api  # noqa: E402,F401  (the KB routes register on bp too)
from medinfo.safety import api as safety_api  # noqa: E402,F401
from medinfo.telephony import api as telephony_api  # noqa: E402,F401
