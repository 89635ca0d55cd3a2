"""Knowledge-base pages: search, articles, lifecycle and "use in answer" on the case page."""

from flask import Blueprint

bp = Blueprint("kb", __name__, url_prefix="/kb")

from medinfo.kb.views import browse, lifecycle  # noqa: E402,F401  (routes register on bp)
