"""Roles and permissions, defined once and reused by views, the API and sockets."""

from __future__ import annotations

import enum
from collections.abc import Callable
from functools import wraps
from typing import TYPE_CHECKING, Any, TypeVar

from flask import abort, current_app
from flask_login import current_user

if TYPE_CHECKING:
    from medinfo.auth.models import User


class Role(enum.StrEnum):
    """The five roles of the desk."""

    AGENT = "agent"
    MEDICAL_REVIEWER = "medical_reviewer"
    PV_OFFICER = "pv_officer"
    AUDITOR = "auditor"
    ADMIN = "admin"


class Permission(enum.StrEnum):
    """Capabilities; a role is a set of them."""

    VIEW_CONTACTS = "view_contacts"
    EDIT_CONTACTS = "edit_contacts"
    VIEW_INTERACTIONS = "view_interactions"
    HANDLE_INTERACTIONS = "handle_interactions"
    SEARCH_KB = "search_kb"
    AUTHOR_KB = "author_kb"
    APPROVE_KB = "approve_kb"
    REVIEW_ESCALATIONS = "review_escalations"
    SIGN_RESPONSES = "sign_responses"
    REPORT_SAFETY = "report_safety"
    PROCESS_SAFETY = "process_safety"
    VIEW_SAFETY = "view_safety"
    VIEW_AUDIT = "view_audit"
    VIEW_ANALYTICS = "view_analytics"
    MANAGE_USERS = "manage_users"
    MANAGE_CATALOG = "manage_catalog"
    MANAGE_TOKENS = "manage_tokens"


_READ = {
    Permission.VIEW_CONTACTS,
    Permission.VIEW_INTERACTIONS,
    Permission.SEARCH_KB,
    Permission.VIEW_SAFETY,
}

ROLE_PERMISSIONS: dict[Role, frozenset[Permission]] = {
    Role.AGENT: frozenset(
        _READ
        | {
            Permission.EDIT_CONTACTS,
            Permission.HANDLE_INTERACTIONS,
            Permission.REPORT_SAFETY,
        }
    ),
    Role.MEDICAL_REVIEWER: frozenset(
        _READ
        | {
            Permission.HANDLE_INTERACTIONS,
            Permission.AUTHOR_KB,
            Permission.APPROVE_KB,
            Permission.REVIEW_ESCALATIONS,
            Permission.SIGN_RESPONSES,
            Permission.REPORT_SAFETY,
        }
    ),
    Role.PV_OFFICER: frozenset(_READ | {Permission.PROCESS_SAFETY, Permission.REPORT_SAFETY}),
    Role.AUDITOR: frozenset(_READ | {Permission.VIEW_AUDIT, Permission.VIEW_ANALYTICS}),
    Role.ADMIN: frozenset(
        _READ
        | {
            Permission.MANAGE_USERS,
            Permission.MANAGE_CATALOG,
            Permission.MANAGE_TOKENS,
            Permission.VIEW_AUDIT,
            Permission.VIEW_ANALYTICS,
            Permission.AUTHOR_KB,
        }
    ),
}


def role_has(role: str | Role, permission: Permission) -> bool:
    """Tell whether a role grants a permission."""
    try:
        return permission in ROLE_PERMISSIONS[Role(role)]
    except ValueError:
        return False


F = TypeVar("F", bound=Callable[..., Any])


def permission_required(*permissions: Permission) -> Callable[[F], F]:
    """Decorate a view so that only users holding every permission reach it (else 401/403)."""

    def decorator(view: F) -> F:
        @wraps(view)
        def wrapped(*args: Any, **kwargs: Any) -> Any:
            if not current_user.is_authenticated:
                return current_app.login_manager.unauthorized()
            if not all(current_user.can(p) for p in permissions):
                abort(403)
            return view(*args, **kwargs)

        wrapped.required_permissions = permissions  # type: ignore[attr-defined]
        return wrapped  # type: ignore[return-value]

    return decorator


def authenticated(view: F) -> F:
    """Decorate a view that any logged-in user may use (their own account, logout)."""
    return permission_required()(view)


def public(view: F) -> F:
    """Mark a view as reachable without logging in (checked by the route-permission test)."""
    view.required_permissions = ()  # type: ignore[attr-defined]
    view.is_public = True  # type: ignore[attr-defined]
    return view


def can_view_interaction(user: User, interaction: Any) -> bool:
    """Object check: may this user read this interaction? (One desk: every reader may.)"""
    return user.is_active and user.can(Permission.VIEW_INTERACTIONS)


def can_edit_interaction(user: User, interaction: Any) -> bool:
    """Object check: may this user change this interaction? Closed cases are frozen."""
    return (
        user.is_active
        and user.can(Permission.HANDLE_INTERACTIONS)
        and interaction.status != "closed"
    )


def require(allowed: bool) -> None:
    """Abort with 403 unless an object check allowed the action."""
    if not allowed:
        abort(403)
