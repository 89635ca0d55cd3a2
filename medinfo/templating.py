"""Template filters and the navigation handed to base.html."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from flask import Flask, request
from flask_babel import format_datetime, get_locale
from flask_babel import lazy_gettext as _l
from flask_login import current_user

from medinfo.labels import label
from medinfo.permissions import Permission


@dataclass(frozen=True)
class NavItem:
    """One link of the main navigation."""

    endpoint: str
    label: str
    any_of: tuple[Permission, ...]


NAV = (
    NavItem("interactions.intake", _l("Take a call"), (Permission.HANDLE_INTERACTIONS,)),
    NavItem("interactions.index", _l("Cases"), (Permission.VIEW_INTERACTIONS,)),
    NavItem("contacts.index", _l("Contacts"), (Permission.VIEW_CONTACTS,)),
    NavItem("routing.board", _l("Queues"), (Permission.VIEW_INTERACTIONS,)),
    NavItem("review.queue", _l("Review"), (Permission.REVIEW_ESCALATIONS,)),
    NavItem("kb.search", _l("Knowledge base"), (Permission.SEARCH_KB,)),
    NavItem("safety.queue", _l("Safety"), (Permission.PROCESS_SAFETY,)),
    NavItem("safety.returned", _l("Returned reports"), (Permission.HANDLE_INTERACTIONS,)),
    NavItem(
        "safety.reconciliation",
        _l("Reconciliation"),
        (Permission.PROCESS_SAFETY, Permission.VIEW_AUDIT),
    ),
    NavItem("audit.index", _l("Audit trail"), (Permission.VIEW_AUDIT,)),
    NavItem("admin.users", _l("Users"), (Permission.MANAGE_USERS,)),
    NavItem("admin.products", _l("Products"), (Permission.MANAGE_CATALOG,)),
    NavItem("routing.rules", _l("Routing"), (Permission.MANAGE_CATALOG,)),
)


def nav_for(user) -> list[NavItem]:
    """The navigation items this user may use."""
    if not user or not user.is_authenticated:
        return []
    return [item for item in NAV if any(user.can(p) for p in item.any_of)]


# Day, abbreviated month, year and 24-hour time: unambiguous in both languages
# ("23 Nov 2026, 14:05" / "23 nov. 2026, 14:05"), unlike the US short format.
DATETIME_PATTERN = "d MMM yyyy, HH:mm"


def dt(value: datetime | None, fmt: str = DATETIME_PATTERN) -> str:
    """Format a UTC datetime in the desk's time zone and the user's locale."""
    if value is None:
        return "—"
    return format_datetime(value, fmt)


def duration(seconds: int | None) -> str:
    """Format seconds as m:ss."""
    if seconds is None:
        return "—"
    return f"{seconds // 60}:{seconds % 60:02d}"


def init_templating(app: Flask) -> None:
    """Register filters and context."""
    app.add_template_filter(dt, "dt")
    app.add_template_filter(duration, "duration")
    app.add_template_filter(label, "label")

    @app.context_processor
    def _context() -> dict:
        return {
            "nav_items": nav_for(current_user),
            "current_locale": str(get_locale()),
            "current_endpoint": request.endpoint,
            "Permission": Permission,
        }
